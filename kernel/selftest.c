/*
 * kernel/selftest.c - the test runner (see tests/ktest.h for how tests
 * are written): the in-kernel self-tests at boot, and, built for the
 * host, the host tests. Portable: it only needs printk.
 */
#include <stdarg.h>
#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/string.h"
#include "tests/ktest.h"

extern const struct ktest __start_ktests[], __stop_ktests[];

static int failures;

void check_failed(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failures++;
	if (failures > 20)	/* one broken loop must not flood the log */
		return;
	printk("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
}

int check_failures(void)
{
	return failures;
}

/* "tests/kernel/test_traps.c" + "name" -> "traps:name" into @buf. */
static void test_id(const struct ktest *t, char *buf, size_t size)
{
	const char *base = t->file, *p;
	size_t n;

	for (p = t->file; *p; p++)
		if (*p == '/')
			base = p + 1;
	if (!strncmp(base, "test_", 5))
		base += 5;
	for (n = 0; base[n] && base[n] != '.'; n++)
		;
	snprintf(buf, size, "%.*s:%s", (int)n, base, t->name);
}

/* Does @hay contain @needle? */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncmp(hay, needle, n))
			return true;
	return false;
}

/* Is @a to run before @b? By file name, then by line. */
static bool runs_before(const struct ktest *a, const struct ktest *b)
{
	int c = strcmp(a->file, b->file);

	return c < 0 || (c == 0 && a->line < b->line);
}

/*
 * The linker gives the ktests entries in no useful order (the compiler
 * may emit a file's tests backwards): sort pointers to them.
 */
static int sorted_tests(const struct ktest **out, int max)
{
	int n = 0;

	for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
		int i = n++;

		if (n > max)
			panic("selftest: more than %d tests", max);
		for (; i > 0 && runs_before(t, out[i - 1]); i--)
			out[i] = out[i - 1];
		out[i] = t;
	}
	return n;
}

int run_selftests(const char *suite, const char *filter)
{
	static const struct ktest *tests[1024];
	int passed = 0, failed = 0, n = 0;
	int count = sorted_tests(tests, ARRAY_SIZE(tests));
	char id[96];

	printk("KTAP version 1\n");
	for (int i = 0; i < count; i++) {
		const struct ktest *t = tests[i];

		test_id(t, id, sizeof(id));
		if (filter && !contains(id, filter))
			continue;
		printk("# %s\n", id);
		failures = 0;
		t->fn();
		n++;
		if (failures) {
			printk("not ok %d %s/%s\n", n, suite, id);
			failed++;
		} else {
			printk("ok %d %s/%s\n", n, suite, id);
			passed++;
		}
	}
	printk("1..%d\n", n);
	printk("# %s: %d passed, %d failed\n", suite, passed, failed);
	return failed;
}
