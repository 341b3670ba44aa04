/*
 * tests/user/preempt.c - a task that never yields does not keep the CPU:
 * the timer preempts it.
 *
 * The children here spin on the CPU without ever calling sched_yield or
 * blocking; they end by themselves once CLOCK_MONOTONIC says their time
 * is up. Nothing is asserted about durations: the checks are about order
 * and about who made progress while whom was running, which on one CPU
 * only preemption explains.
 *
 * quick_child_reaped_first
 *	The spinner S starts and says so (a flag in a MAP_SHARED page). The
 *	parent waits for that flag, yielding: without preemption it could
 *	only see it after S had finished. It then forks Q, which exits at
 *	once, and calls wait4(-1): the first child reaped must be Q, while
 *	S is still spinning (its "done" flag still clear).
 *
 * interleaved_progress
 *	Three spinners count their loops in the shared page and print a
 *	progress line now and then (the lines interleave on the console;
 *	they are for people, not checked). Each notes whether another
 *	spinner's count moved while it was itself between its first and
 *	last loop, and exits 0 if so: with one CPU and no preemption, the
 *	first to run would finish before the others even start.
 */
#include <stdio.h>
#include "kernel/errno.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define SPINNERS 3

/* The MAP_SHARED page the parent and its children see. */
static struct {
	volatile int started;		/* S is spinning */
	volatile int done;		/* S has stopped spinning */
	volatile unsigned long progress[SPINNERS];
} *sh;

/* Milliseconds of CLOCK_MONOTONIC since @t0. */
static long ms_since(const struct linux_timespec *t0)
{
	struct linux_timespec now;

	sys_clock_gettime(LINUX_CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 +
	       (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Spin for @ms milliseconds without yielding, adding to *@counter as we
 * go (if not NULL); call @tick(@arg) every 100 ms.
 */
static void spin(long ms, volatile unsigned long *counter,
		 void (*tick)(int, long), int arg)
{
	struct linux_timespec t0;
	long elapsed = 0, next_tick = 100;
	int i;

	sys_clock_gettime(LINUX_CLOCK_MONOTONIC, &t0);
	while (elapsed < ms) {
		for (i = 0; i < 1000; i++)
			if (counter)
				(*counter)++;
		elapsed = ms_since(&t0);
		if (tick && elapsed >= next_tick) {
			tick(arg, elapsed);
			next_tick += 100;
		}
	}
}

/* A quick child was reaped before a spinning one that started earlier. */
static void test_quick_child_first(void)
{
	long s, q, first;
	int status;

	sh->started = 0;
	sh->done = 0;
	s = utest_fork();
	if (s == 0) {
		sh->started = 1;
		spin(1000, NULL, NULL, 0);
		sh->done = 1;
		sys_exit_group(0);
	}
	CHECK(utest_await(&sh->started, 1));
	q = utest_fork();
	if (q == 0)
		sys_exit_group(7);
	first = sys_wait4(-1, &status, 0);
	utest_diag("spinner %ld, quick %ld: reaped %ld first, spinner %s",
		   s, q, first, sh->done ? "done" : "still spinning");
	CHECK_EQ(first, q);
	CHECK_EQ(status, 7 << 8);
	CHECK_EQ(sh->done, 0);
	CHECK_EQ(sys_wait4(s, &status, 0), s);
	CHECK_EQ(status, 0);
	CHECK_EQ(sh->done, 1);
}

/* Print a spinner's progress line. */
static void progress_line(int k, long ms)
{
	printf("# preempt: spinner %d at %ld ms, %lu loops\n", k, ms,
	       sh->progress[k]);
}

/* The sum of the other spinners' counts. */
static unsigned long others(int k)
{
	unsigned long sum = 0;
	int i;

	for (i = 0; i < SPINNERS; i++)
		if (i != k)
			sum += sh->progress[i];
	return sum;
}

/*
 * Spinner @k: spin 300 ms; exit 0 if the others moved while we spun.
 * Never returns.
 */
static void spinner(int k)
{
	unsigned long before, after;

	sh->progress[k] = 1;
	before = others(k);
	spin(300, &sh->progress[k], progress_line, k);
	after = others(k);
	sys_exit_group(after != before ? 0 : 1);
}

/* Every spinner saw another make progress while it was spinning. */
static void test_interleaved_progress(void)
{
	long pids[SPINNERS];
	int k, status;

	for (k = 0; k < SPINNERS; k++)
		sh->progress[k] = 0;
	for (k = 0; k < SPINNERS; k++) {
		pids[k] = utest_fork();
		if (pids[k] == 0)
			spinner(k);
	}
	for (k = 0; k < SPINNERS; k++) {
		CHECK_EQ(sys_wait4(pids[k], &status, 0), pids[k]);
		if (status != 0)
			utest_diag("spinner %d: no other spinner moved while "
				   "it ran (%s)", k, status == 1 << 8 ?
				   "exit 1" : "died");
		CHECK_EQ(status, 0);
	}
}

int main(void)
{
	long ret = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			     MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	utest_begin("preempt");
	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		return 1;
	}
	sh = (void *)ret;
	utest_run("quick_child_reaped_first", test_quick_child_first);
	utest_run("interleaved_progress", test_interleaved_progress);
	return utest_end();
}
