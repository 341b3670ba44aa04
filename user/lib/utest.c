/*
 * user/lib/utest.c - the user-space test harness (see utest.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kernel/errno.h"
#include "process.h"
#include "syscall.h"
#include "utest.h"

/* Stop printing a case's failures after this many: one loop can flood. */
#define MAX_DIAGS_PER_CASE 20

static const char *prog_name = "?";
static const char *case_name;
static int case_failures;
static int nr_cases, nr_passed, nr_failed, nr_skipped;

/* check.h: a CHECK failed in the running case. */
void check_failed(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	case_failures++;
	if (case_failures > MAX_DIAGS_PER_CASE)
		return;
	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* check.h: how many checks of the running case failed so far. */
int check_failures(void)
{
	return case_failures;
}

/*
 * utest_begin(): line buffering, so every line reaches the console
 * before anything that might kill us (a kernel without fstat would
 * otherwise leave stdout fully buffered), into a static buffer, so that
 * reporting never calls malloc and moves the break under a brk test.
 */
void utest_begin(const char *prog)
{
	static char outbuf[256];

	setvbuf(stdout, outbuf, _IOLBF, sizeof(outbuf));
	prog_name = prog;
	printf("KTAP version 1\n");
}

/* utest_case(): see utest.h. */
void utest_case(const char *name)
{
	case_name = name;
	case_failures = 0;
}

/* utest_done(): see utest.h. */
bool utest_done(void)
{
	bool ok = case_failures == 0;

	if (!case_name)
		return true;	/* already ended, by utest_skip() */
	nr_cases++;
	if (ok)
		nr_passed++;
	else
		nr_failed++;
	printf("%s %d %s:%s\n", ok ? "ok" : "not ok", nr_cases, prog_name,
	       case_name);
	case_name = NULL;
	return ok;
}

/* utest_skip(): see utest.h. */
void utest_skip(const char *why)
{
	nr_cases++;
	nr_skipped++;
	printf("ok %d %s:%s # SKIP %s\n", nr_cases, prog_name, case_name,
	       why);
	case_name = NULL;
}

/* utest_run(): see utest.h. */
bool utest_run(const char *name, void (*fn)(void))
{
	utest_case(name);
	fn();
	return utest_done();
}

/* utest_diag(): see utest.h. */
void utest_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* utest_end(): see utest.h. */
int utest_end(void)
{
	printf("1..%d\n", nr_cases);
	printf("# %s: %d passed, %d failed", prog_name, nr_passed,
	       nr_failed);
	if (nr_skipped)
		printf(", %d skipped", nr_skipped);
	printf("\n");
	fflush(stdout);
	return nr_failed ? 1 : 0;
}

/* utest_errname(): see utest.h. */
const char *utest_errname(long raw)
{
	static char buf[24];
	const char *name = errno_name((int)raw);

	if (name && raw < 0 && raw >= -4095)
		return name;
	snprintf(buf, sizeof(buf), "%#lx", (unsigned long)raw);
	return buf;
}

/* utest_fork(): see utest.h. */
long utest_fork(void)
{
	long pid;

	fflush(stdout);
	pid = sys_fork();
	if (pid == 0)
		case_failures = 0;
	if (sys_is_err(pid))
		check_failed(__FILE__, __LINE__, "fork: %s",
			     utest_errname(pid));
	return pid;
}

/* utest_child_exit(): see utest.h. */
void utest_child_exit(void)
{
	fflush(stdout);
	sys_exit_group(case_failures ? 1 : 0);
}

/* utest_in_child(): see utest.h. */
int utest_in_child(void (*fn)(unsigned long), unsigned long arg)
{
	long pid, ret;
	int status = -1;

	pid = utest_fork();
	if (pid == 0) {
		fn(arg);
		utest_child_exit();
	}
	if (sys_is_err(pid))
		return -1;
	ret = sys_wait4(pid, &status, 0);
	if (ret != pid) {
		check_failed(__FILE__, __LINE__, "wait4(%ld) = %s", pid,
			     utest_errname(ret));
		return -1;
	}
	return status;
}

/* utest_await(): see utest.h. */
bool utest_await(volatile int *flag, int value)
{
	long i;

	for (i = 0; i < 1000000; i++) {
		if (*flag == value)
			return true;
		sys_sched_yield();
	}
	return *flag == value;
}

/* utest_check_status(): see utest.h. */
void utest_check_status(const char *file, int line, const char *expr,
			int status, int code, int sig)
{
	if (code >= 0 && status >= 0 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == code)
		return;
	if (code < 0 && status >= 0 && WIFSIGNALED(status) &&
	    WTERMSIG(status) == sig)
		return;
	if (code >= 0)
		check_failed(file, line, "%s: %s, expected exit %d", expr,
			     status_str(status), code);
	else
		check_failed(file, line, "%s: %s, expected killed by signal %d",
			     expr, status_str(status), sig);
}

/* utest_holds(): see utest.h. */
bool utest_holds(unsigned long addr, unsigned long len, unsigned char val)
{
	const unsigned char *p = (const unsigned char *)addr;

	for (unsigned long i = 0; i < len; i++)
		if (p[i] != val)
			return false;
	return true;
}

/* utest_check_new_mapping(): see utest.h. */
void utest_check_new_mapping(const char *file, int line, unsigned long addr,
			     unsigned long len, unsigned char val)
{
	if (sys_is_err((long)addr)) {
		check_failed(file, line, "mapping failed: %s",
			     utest_errname((long)addr));
		return;
	}
	if (!utest_holds(addr, len, 0))
		check_failed(file, line, "new mapping at %#lx does not read zero",
			     addr);
	memset((void *)addr, val, len);
	if (!utest_holds(addr, len, val))
		check_failed(file, line, "mapping at %#lx does not keep %#x",
			     addr, val);
}
