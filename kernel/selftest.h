/*
 * kernel/selftest.h - running the self-tests: in the kernel at boot, and
 * the host tests on the host.
 */
#ifndef KERNEL_SELFTEST_H
#define KERNEL_SELFTEST_H

/*
 * Run every registered test (tests/ktest.h) whose "file:name" contains
 * @filter (all when NULL), printing KTAP lines named "@suite/file:name"
 * and the totals, "# @suite: P passed, F failed". Returns the number
 * that failed. The kernel's suite is "kernel"; the host tests use the
 * same runner as "host".
 */
int run_selftests(const char *suite, const char *filter);

#endif /* KERNEL_SELFTEST_H */
