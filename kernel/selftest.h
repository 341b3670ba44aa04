/*
 * kernel/selftest.h - running the in-kernel self-tests at boot.
 */
#ifndef KERNEL_SELFTEST_H
#define KERNEL_SELFTEST_H

/*
 * Run every registered self-test whose "file:name" contains @filter (all
 * when NULL), printing KTAP lines. Returns the number that failed.
 */
int run_selftests(const char *filter);

#endif /* KERNEL_SELFTEST_H */
