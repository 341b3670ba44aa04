/*
 * tests/foreign/check.h - the few lines of test harness the foreign
 * programs share: plain C and the C library's stdio, nothing of topdown's
 * runtime (these programs are built with Debian's glibc, not newlib).
 *
 * check_case(name) opens a case; CHECK(cond) and CHECK_ERRNO(call, err)
 * print a failed condition as a "#" line; the next check_case() or
 * check_end() closes the case with "ok N prog:case" or "not ok N
 * prog:case", KTAP as the runner and make check-linux read it.
 * check_end() prints the plan "1..N" and the summary, and is the
 * program's exit status: 0 only if every check passed.
 */
#ifndef TESTS_FOREIGN_CHECK_H
#define TESTS_FOREIGN_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *check_prog;
static const char *check_name;		/* the case open, or NULL */
static int check_n, check_failed, check_case_failed;

/* Begin program @prog: unbuffered output, so a child's lines interleave. */
static inline void check_begin(const char *prog)
{
	check_prog = prog;
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("KTAP version 1\n");
}

/* End the open case with its result line. */
static inline void check_close(void)
{
	if (!check_name)
		return;
	check_n++;
	check_failed += check_case_failed;
	printf("%sok %d %s:%s\n", check_case_failed ? "not " : "", check_n,
	       check_prog, check_name);
	check_name = NULL;
}

/* Begin case @name (ending the one before). */
static inline void check_case(const char *name)
{
	check_close();
	check_name = name;
	check_case_failed = 0;
}

static inline void check_report(int ok, const char *expr, int line)
{
	if (!ok) {
		check_case_failed = 1;
		printf("#   %s.c:%d: %s (errno %d: %s)\n", check_prog, line,
		       expr, errno, strerror(errno));
	}
}

#define CHECK(cond) check_report(!!(cond), #cond, __LINE__)

/* @call must fail with -1 and errno @err. */
#define CHECK_ERRNO(call, err) \
	do { \
		errno = 0; \
		long check_ret_ = (long)(call); \
		check_report(check_ret_ == -1 && errno == (err), \
			     #call " fails with " #err, __LINE__); \
	} while (0)

/* Print "# ..." (a diagnostic line). */
#define check_diag(...) \
	do { \
		printf("# %s: ", check_prog); \
		printf(__VA_ARGS__); \
		printf("\n"); \
	} while (0)

/* The last case's line, the plan, the summary: the exit status. */
static inline int check_end(void)
{
	check_close();
	printf("1..%d\n# %s: %d passed, %d failed\n", check_n, check_prog,
	       check_n - check_failed, check_failed);
	return check_failed ? 1 : 0;
}

/*
 * /proc must be there: on topdown it always is; under Linux, where the
 * program is /init of an initramfs, it is mounted here first.
 */
static inline void proc_ensure(void)
{
	if (access("/proc/self/maps", R_OK) == 0)
		return;
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
}

#endif /* TESTS_FOREIGN_CHECK_H */
