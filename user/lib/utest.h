/*
 * user/lib/utest.h - the user-space test harness, on tests/check.h.
 *
 * A test program is a list of cases. Each case runs CHECK()s; a failed
 * CHECK prints a diagnostic and marks the case failed, and the program
 * goes on. Output is KTAP-style, one line per case, the same on topdown
 * and on Linux, so `make test` and `make check-linux` read it alike:
 *
 *	KTAP version 1
 *	# free-form diagnostics start with '#'
 *	ok 1 placement:topdown_packing
 *	not ok 2 placement:highest_hole
 *	1..2
 *	# placement: 1 passed, 1 failed
 *
 * A program:
 *
 *	static void test_packing(void) { ... CHECK_EQ(b, a - len); ... }
 *
 *	int main(void)
 *	{
 *		utest_begin("placement");
 *		utest_run("topdown_packing", test_packing);
 *		return utest_end();	// 0 iff every case passed
 *	}
 *
 * Table-driven programs bracket each row with utest_case()/utest_done().
 */
#ifndef USER_LIB_UTEST_H
#define USER_LIB_UTEST_H

#include <stdbool.h>
#include "tests/check.h"

/* Start the program's report; @prog names every case line. */
void utest_begin(const char *prog);

/* Start case @name: checks from now on count against it. */
void utest_case(const char *name);

/* End the running case, printing its ok/not ok line. True if it passed. */
bool utest_done(void);

/* End the running case as skipped ("ok N prog:case # SKIP why"). */
void utest_skip(const char *why);

/* Run @fn as case @name (utest_case, fn, utest_done). True if it passed. */
bool utest_run(const char *name, void (*fn)(void));

/* Print a diagnostic line "# ..." (the newline is added). */
void utest_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * End the report: the plan line and "# <prog>: P passed, F failed"
 * (with ", S skipped" when some were).
 * Returns the exit status for main: 0 iff no case failed.
 */
int utest_end(void);

/* "EINVAL" for a raw result -22 (or 22); "0" style text for others. */
const char *utest_errname(long raw);

/*
 * fork(2) for a test: stdout is flushed first (or the child would print
 * it again), and in the child the running case starts with no failed
 * checks. Returns the child's pid, 0 in the child, or -errno (recorded
 * as a failure).
 */
long utest_fork(void);

/*
 * End a child made by utest_fork(): status 0 when none of its checks
 * failed, 1 otherwise.
 */
void utest_child_exit(void) __attribute__((noreturn));

/*
 * Run @fn(@arg) in a child process (fork) and wait for it. The child
 * starts with no failed checks and ends with status 0 when @fn returns
 * having failed none, 1 otherwise (its failed checks print as usual); @fn
 * may also end the child itself (_exit), or get it killed. Returns the
 * child's wait status, or -1 (recorded as a failure) when fork failed.
 */
int utest_in_child(void (*fn)(unsigned long), unsigned long arg);

/*
 * Wait, yielding the CPU, until *@flag (in memory shared with another
 * process) equals @value. Returns false if it did not happen within a
 * million yields (the other side died or is stuck); records nothing.
 */
bool utest_await(volatile int *flag, int value);

/*
 * Check a wait status: the child exited with @code (CHECK_EXITED), or was
 * killed by signal @sig (CHECK_KILLED). A failure names what happened.
 */
#define CHECK_EXITED(status, code) \
	utest_check_status(__FILE__, __LINE__, #status, status, code, 0)
#define CHECK_KILLED(status, sig) \
	utest_check_status(__FILE__, __LINE__, #status, status, -1, sig)

void utest_check_status(const char *file, int line, const char *expr,
			int status, int code, int sig);

/* True if every byte of [@addr, @addr + @len) is @val. */
bool utest_holds(unsigned long addr, unsigned long len, unsigned char val);

/*
 * CHECK_NEW_MAPPING(addr, len, val): @addr is what an mmap returned for a
 * fresh anonymous mapping of @len bytes: not an error, reads zero, takes
 * the pattern @val and gives it back.
 */
#define CHECK_NEW_MAPPING(addr, len, val) \
	utest_check_new_mapping(__FILE__, __LINE__, addr, len, val)

void utest_check_new_mapping(const char *file, int line, unsigned long addr,
			     unsigned long len, unsigned char val);

#endif /* USER_LIB_UTEST_H */
