/*
 * tests/user/wait.c - wait4(2): exit statuses, WNOHANG, ECHILD.
 *
 * What Linux does (kernel/exit.c: kernel_wait4, do_wait, wait_task_zombie;
 * man 2 wait4), and what topdown must do alike:
 *
 *	- the status of a child that exited with code c is c << 8, for
 *	  every c in 0..255, whether it called exit (1) or exit_group (248);
 *	  of a child killed by signal s it is s (11 for SIGSEGV; bit 0x80,
 *	  "core dumped", stays clear: no core is written, RLIMIT_CORE is 0);
 *	- wait4(pid) waits for that child, wait4(-1) for any; each child is
 *	  reaped once, after which wait4 on its pid is ECHILD;
 *	- WNOHANG returns 0 while the children are still running;
 *	- with no (such) child, ECHILD, WNOHANG or not; only one's own
 *	  children count, not grandchildren;
 *	- an unknown option bit is EINVAL, checked before anything else;
 *	- a NULL status pointer is allowed;
 *	- the options wait4 takes are exactly WNOHANG, WUNTRACED,
 *	  WCONTINUED, __WNOTHREAD, __WCLONE and __WALL (kernel_wait4's
 *	  mask); WEXITED and WNOWAIT are waitid's, EINVAL here. Then pid
 *	  INT_MIN is ESRCH (kernel_wait4, after the mask: -INT_MIN has no
 *	  value); then, with no child, ECHILD (do_wait's notask_error);
 *	- WUNTRACED and WCONTINUED add stopped and continued children to
 *	  what is reported; exits are reported all the same (wait4 always
 *	  adds WEXITED), and a running child is neither: 0 with WNOHANG;
 *	- a fork child signals SIGCHLD when it ends, so it is not a "clone
 *	  child": __WCLONE alone does not see it, ECHILD, without waiting
 *	  (eligible_child); __WCLONE | __WALL and __WALL do; __WNOTHREAD
 *	  (only the calling thread's children) changes nothing for a
 *	  process of one thread.
 *
 * All raw system calls (sys_wait4), to see Linux's errno values.
 */
#include <limits.h>
#include <sys/wait.h>
#include "kernel/errno.h"
#include "process.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define BATCH 8

/* Turn-taking between the test and its children (a MAP_SHARED page). */
static struct {
	int go;			/* the parent's signal to go on */
	int ready;		/* the child's: pid is set */
	int pid;		/* a grandchild's pid, passed up */
} *sh;

/* A child that ends at once with exit_group(@code). */
static long child_exiting(int code)
{
	long pid = utest_fork();

	if (pid == 0)
		sys_exit_group(code);
	return pid;
}

/*
 * Every exit code 0..255 comes back as code << 8, through children that
 * run 8 at a time and are reaped by pid, the last-born first.
 */
static void test_exit_codes_round_trip(void)
{
	long pids[BATCH];
	int base, i, status, wrong = 0;

	for (base = 0; base < 256; base += BATCH) {
		for (i = 0; i < BATCH; i++)
			pids[i] = child_exiting(base + i);
		for (i = BATCH - 1; i >= 0; i--) {
			status = -1;
			CHECK_EQ(sys_wait4(pids[i], &status, 0), pids[i]);
			if (status != (base + i) << 8 && wrong++ < 5)
				utest_diag("exit(%d): status %#x, expected %#x",
					   base + i, status, (base + i) << 8);
			CHECK(WIFEXITED(status));
			CHECK_EQ(WEXITSTATUS(status), base + i);
		}
	}
	CHECK_EQ(wrong, 0);
}

/* exit (1), the thread's exit, ends a one-thread process alike. */
static void test_exit_not_exit_group(void)
{
	long pid = utest_fork();
	int status = -1;

	if (pid == 0)
		sys_exit(7);
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 7 << 8);
}

/* A child killed by a fault: status 11, WIFSIGNALED, WTERMSIG 11. */
static void test_killed_status(void)
{
	long pid = utest_fork();
	int status = -1;

	if (pid == 0) {
		(void)*(volatile int *)0;	/* NULL: SIGSEGV */
		sys_exit_group(0);
	}
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, SIGSEGV_NR);
	CHECK(WIFSIGNALED(status));
	CHECK(!WIFEXITED(status));
	CHECK_EQ(WTERMSIG(status), SIGSEGV_NR);
	CHECK_EQ(shell_status(status), 139);
}

/*
 * WNOHANG while the child runs: 0, for its pid and for any child. Once
 * it has ended: its pid and status.
 */
static void test_wnohang(void)
{
	long pid, got = 0;
	int status = -1, i;

	sh->go = 0;
	pid = utest_fork();
	if (pid == 0) {
		utest_await(&sh->go, 1);	/* running until told */
		sys_exit_group(5);
	}
	CHECK_EQ(sys_wait4(pid, &status, LINUX_WNOHANG), 0);
	CHECK_EQ(sys_wait4(-1, &status, LINUX_WNOHANG), 0);
	CHECK_EQ(status, -1);			/* not written */
	sh->go = 1;
	for (i = 0; i < 1000000 && got == 0; i++) {
		got = sys_wait4(pid, &status, LINUX_WNOHANG);
		if (got == 0)
			sys_sched_yield();
	}
	CHECK_EQ(got, pid);
	CHECK_EQ(status, 5 << 8);
}

/* No children at all: ECHILD, with or without WNOHANG, for any pid. */
static void test_no_children(void)
{
	int status;

	CHECK_EQ(sys_wait4(-1, &status, 0), -ECHILD);
	CHECK_EQ(sys_wait4(-1, &status, LINUX_WNOHANG), -ECHILD);
	CHECK_EQ(sys_wait4(sys_getpid(), &status, 0), -ECHILD);
	CHECK_EQ(sys_wait4(30000, &status, 0), -ECHILD);
}

/* A child is reaped once; then its pid is nobody's child: ECHILD. */
static void test_reaped_once(void)
{
	long pid = child_exiting(3);
	int status;

	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(sys_wait4(pid, &status, 0), -ECHILD);
	CHECK_EQ(sys_wait4(-1, &status, LINUX_WNOHANG), -ECHILD);
}

/*
 * wait4(-1) reaps every child exactly once, in whatever order, each with
 * its own status; after the last, ECHILD.
 */
static void test_wait_any(void)
{
	long pids[4], got;
	int i, j, status, seen = 0;

	for (i = 0; i < 4; i++)
		pids[i] = child_exiting(20 + i);
	for (i = 0; i < 4; i++) {
		got = sys_wait4(-1, &status, 0);
		for (j = 0; j < 4; j++)
			if (got == pids[j])
				break;
		CHECK(j < 4);
		if (j == 4)
			continue;
		CHECK_EQ(seen & (1 << j), 0);	/* not twice */
		seen |= 1 << j;
		CHECK_EQ(status, (20 + j) << 8);
	}
	CHECK_EQ(seen, 0xf);
	CHECK_EQ(sys_wait4(-1, &status, 0), -ECHILD);
}

/* A NULL status pointer: the child is reaped, nothing is written. */
static void test_status_null(void)
{
	long pid = child_exiting(9);

	CHECK_EQ(sys_wait4(pid, NULL, 0), pid);
}

/*
 * An option bit wait4 does not know: EINVAL, even with no child at all
 * (kernel_wait4 checks the options first).
 */
static void test_unknown_option(void)
{
	int status;
	long pid;

	CHECK_EQ(sys_wait4(-1, &status, 0x100), -EINVAL);
	pid = child_exiting(0);
	CHECK_EQ(sys_wait4(pid, &status, 0x100), -EINVAL);
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);	/* still there */
}

/* Every option bit wait4 takes, together. */
#define WAIT4_ALL (LINUX_WNOHANG | LINUX_WUNTRACED | LINUX_WCONTINUED | \
		   LINUX___WNOTHREAD | LINUX___WCLONE | LINUX___WALL)

/*
 * wait4(@pid, &status, @options) with no child at all: the errno of
 * kernel_wait4's checks in their order (mask, then INT_MIN, then
 * do_wait). The first row is the one the issue found.
 */
static const struct option_row {
	const char *name;
	long pid;
	int options;
	long expected;
} option_rows[] = {
	{ "options_wnohang_wuntraced_echild", -1,
	  LINUX_WNOHANG | LINUX_WUNTRACED, -ECHILD },
	{ "options_wuntraced_echild", -1, LINUX_WUNTRACED, -ECHILD },
	{ "options_wcontinued_echild", -1, LINUX_WCONTINUED, -ECHILD },
	{ "options_wnothread_echild", -1, LINUX___WNOTHREAD, -ECHILD },
	{ "options_wclone_echild", -1, LINUX___WCLONE, -ECHILD },
	{ "options_wall_echild", -1, LINUX___WALL, -ECHILD },
	{ "options_all_six_echild", -1, WAIT4_ALL, -ECHILD },
	{ "options_all_six_pid_echild", 30000, WAIT4_ALL, -ECHILD },
	{ "options_wexited_einval", -1, LINUX_WEXITED, -EINVAL },
	{ "options_wnowait_einval", -1, LINUX_WNOHANG | LINUX_WNOWAIT,
	  -EINVAL },
	{ "options_bit_28_einval", -1, 0x10000000, -EINVAL },
	{ "options_all_six_and_wexited_einval", -1,
	  WAIT4_ALL | LINUX_WEXITED, -EINVAL },
	{ "options_pid_int_min_esrch", INT_MIN, 0, -ESRCH },
	{ "options_pid_int_min_all_six_esrch", INT_MIN, WAIT4_ALL, -ESRCH },
	{ "options_pid_int_min_wexited_einval", INT_MIN, LINUX_WEXITED,
	  -EINVAL },
};

/* Each row of option_rows, as a case of its own. */
static void run_option_rows(void)
{
	for (size_t i = 0; i < sizeof(option_rows) / sizeof(option_rows[0]);
	     i++) {
		const struct option_row *r = &option_rows[i];
		int status = -1;

		utest_case(r->name);
		CHECK_EQ(sys_wait4(r->pid, &status, r->options), r->expected);
		CHECK_EQ(status, -1);			/* not written */
		utest_done();
	}
}

/*
 * WUNTRACED | WCONTINUED: a running child is neither stopped nor
 * continued, so WNOHANG gives 0; once it has exited, its exit is
 * reported and it is reaped.
 */
static void test_wuntraced_wcontinued(void)
{
	int opts = LINUX_WUNTRACED | LINUX_WCONTINUED;
	int status = -1, i;
	long pid, got = 0;

	sh->go = 0;
	pid = utest_fork();
	if (pid == 0) {
		utest_await(&sh->go, 1);
		sys_exit_group(12);
	}
	CHECK_EQ(sys_wait4(pid, &status, opts | LINUX_WNOHANG), 0);
	CHECK_EQ(sys_wait4(-1, &status, opts | LINUX_WNOHANG), 0);
	CHECK_EQ(status, -1);
	sh->go = 1;
	for (i = 0; i < 1000000 && got == 0; i++) {
		got = sys_wait4(pid, &status, opts | LINUX_WNOHANG);
		if (got == 0)
			sys_sched_yield();
	}
	CHECK_EQ(got, pid);
	CHECK_EQ(status, 12 << 8);
	pid = child_exiting(13);
	status = -1;
	CHECK_EQ(sys_wait4(pid, &status, opts), pid);	/* blocking */
	CHECK_EQ(status, 13 << 8);
}

/*
 * __WCLONE alone passes over a fork child, ended or not: ECHILD at once,
 * with or without WNOHANG, and the child stays to be reaped. __WCLONE |
 * __WALL reaps it; so does __WALL | __WNOTHREAD another one.
 */
static void test_wclone_wall(void)
{
	long pid = child_exiting(14), pid2;
	int status = -1;

	CHECK_EQ(sys_wait4(pid, &status, LINUX___WCLONE), -ECHILD);
	CHECK_EQ(sys_wait4(-1, &status, LINUX___WCLONE | LINUX_WNOHANG),
		 -ECHILD);
	CHECK_EQ(status, -1);
	CHECK_EQ(sys_wait4(pid, &status, LINUX___WCLONE | LINUX___WALL), pid);
	CHECK_EQ(status, 14 << 8);
	pid2 = child_exiting(15);
	status = -1;
	CHECK_EQ(sys_wait4(-1, &status, LINUX___WALL | LINUX___WNOTHREAD),
		 pid2);
	CHECK_EQ(status, 15 << 8);
	CHECK_EQ(sys_wait4(-1, &status, WAIT4_ALL), -ECHILD);
}

/*
 * A grandchild is not our child: wait4 on its pid is ECHILD while it
 * runs, and its own parent reaps it.
 */
static void test_grandchild_not_ours(void)
{
	long pid, gpid;
	int status = -1;

	sh->go = 0;
	sh->ready = 0;
	pid = utest_fork();
	if (pid == 0) {
		gpid = utest_fork();
		if (gpid == 0) {
			utest_await(&sh->go, 1);
			sys_exit_group(6);
		}
		sh->pid = (int)gpid;
		sh->ready = 1;
		CHECK_EQ(sys_wait4(gpid, &status, 0), gpid);
		CHECK_EQ(status, 6 << 8);
		utest_child_exit();
	}
	CHECK(utest_await(&sh->ready, 1));
	CHECK(sh->pid > 0 && sh->pid != pid);
	CHECK_EQ(sys_wait4(sh->pid, &status, LINUX_WNOHANG), -ECHILD);
	CHECK_EQ(sys_wait4(sh->pid, &status, 0), -ECHILD);
	sh->go = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 0);
}

int main(void)
{
	long ret = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			     MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	utest_begin("wait");
	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		return 1;
	}
	sh = (void *)ret;
	utest_run("no_children_echild", test_no_children);
	utest_run("exit_codes_0_to_255_round_trip", test_exit_codes_round_trip);
	utest_run("exit_not_exit_group", test_exit_not_exit_group);
	utest_run("killed_by_sigsegv_status", test_killed_status);
	utest_run("wnohang", test_wnohang);
	utest_run("reaped_once", test_reaped_once);
	utest_run("wait_any_reaps_each_once", test_wait_any);
	utest_run("status_null", test_status_null);
	utest_run("unknown_option_einval", test_unknown_option);
	run_option_rows();
	utest_run("wuntraced_wcontinued_report_exits",
		  test_wuntraced_wcontinued);
	utest_run("wclone_skips_fork_children_wall_not", test_wclone_wall);
	utest_run("grandchild_not_ours", test_grandchild_not_ours);
	return utest_end();
}
