/*
 * tests/host/main.c - runs the registered host tests in file order and
 * prints KTAP-style results: "ok N name" / "not ok N name", then a line
 * "host: P passed, F failed". Exits 1 if any test failed.
 */
#include <stdarg.h>
#include "tests/host/test.h"

struct host_test {
	const char *file;
	const char *name;
	void (*fn)(void);
	int seq;		/* registration order, to keep within a file */
};

static struct host_test tests[1024];
static int nr_tests;
static int failures;

void test_register(const char *file, const char *name, void (*fn)(void))
{
	if (nr_tests == (int)(sizeof(tests) / sizeof(tests[0]))) {
		fprintf(stderr, "too many host tests: raise tests[] size\n");
		exit(2);
	}
	tests[nr_tests] = (struct host_test){ file, name, fn, nr_tests };
	nr_tests++;
}

void check_failed(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failures++;
	if (failures > 20)	/* one broken loop must not flood the log */
		return;
	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

int check_failures(void)
{
	return failures;
}

unsigned long test_seed(unsigned long dflt)
{
	const char *s = getenv("TEST_SEED");

	return s ? strtoul(s, NULL, 0) : dflt;
}

/* "tests/host/test_vma.c" -> "vma" */
static const char *short_file(const char *file)
{
	static char buf[128];
	const char *base = strrchr(file, '/');
	size_t n;

	base = base ? base + 1 : file;
	if (strncmp(base, "test_", 5) == 0)
		base += 5;
	n = strcspn(base, ".");
	snprintf(buf, sizeof(buf), "%.*s", (int)n, base);
	return buf;
}

static int by_file(const void *a, const void *b)
{
	const struct host_test *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	/* constructors run in source order within a file: keep that order */
	return c ? c : x->seq - y->seq;
}

int main(int argc, char **argv)
{
	const char *pattern = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0, n = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	qsort(tests, nr_tests, sizeof(tests[0]), by_file);
	printf("KTAP version 1\n");
	for (int i = 0; i < nr_tests; i++) {
		struct host_test *t = &tests[i];
		char name[256];

		snprintf(name, sizeof(name), "%s:%s", short_file(t->file),
			 t->name);
		if (pattern && !strstr(name, pattern))
			continue;
		printf("# %s\n", name);
		failures = 0;
		t->fn();
		n++;
		if (failures) {
			printf("not ok %d host/%s\n", n, name);
			failed++;
		} else {
			printf("ok %d host/%s\n", n, name);
			passed++;
		}
	}
	printf("1..%d\n", n);
	printf("host: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
