/*
 * tests/host/main.c - the host test program: runs the tests whose name
 * contains argv[1] (all without it) with the kernel's own runner, which
 * prints KTAP lines ("ok N host/file:name") and "# host: P passed, F
 * failed". Exits 1 if any test failed.
 */
#include "kernel/selftest.h"
#include "tests/host/test.h"

unsigned long test_seed(unsigned long dflt)
{
	const char *s = getenv("TEST_SEED");

	return s ? strtoul(s, NULL, 0) : dflt;
}

int main(int argc, char **argv)
{
	/* printk (over putchar) and the tests' printf share stdout's buffer */
	setvbuf(stdout, NULL, _IOLBF, 0);
	return run_selftests("host", argc > 1 ? argv[1] : NULL) ? 1 : 0;
}
