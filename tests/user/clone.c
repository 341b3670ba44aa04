/*
 * tests/user/clone.c - clone(2) as C libraries call it for fork(): a new
 * process that reports SIGCHLD (glibc's fork is clone with
 * CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD), with the thread
 * library's bookkeeping: the child's pid written at ptid in the parent
 * (CLONE_PARENT_SETTID), at ctid in the child (CLONE_CHILD_SETTID), the
 * child's thread pointer (CLONE_SETTLS). CLONE_CHILD_CLEARTID writes 0 at
 * ctid when the child exits only while other threads share its address
 * space (Linux 6.1's mm_release): for a process, as here, never. ARM's order of the arguments:
 * flags, newsp, ptid, tls, ctid. A shared page lets the parent see what
 * the child's memory gets.
 */
#include <stdint.h>
#include "kernel/errno.h"
#include "kernel/unistd.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define SIGCHLD 17
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000

static long do_clone(unsigned long flags, void *ptid, unsigned long tls,
		     void *ctid)
{
	return __syscall(__NR_clone, (long)flags, 0, (long)ptid, (long)tls,
			 (long)ctid, 0);
}

/* Reap @pid; its exit status, or -1. */
static int reap(long pid)
{
	int status = -1;

	if (pid <= 0 || sys_wait4(pid, &status, 0) != pid)
		return -1;
	return status;
}

static volatile uint32_t *shared;	/* one MAP_SHARED page */

/* SIGCHLD alone: fork. The child gets 0, the parent the child's pid. */
static void test_clone_is_fork(void)
{
	long pid = do_clone(SIGCHLD, 0, 0, 0);

	if (pid == 0)
		sys_exit(5);
	CHECK(pid > 0);
	CHECK_EXITED(reap(pid), 5);
}

static void test_parent_settid(void)
{
	uint32_t ptid = 0;
	long pid = do_clone(SIGCHLD | CLONE_PARENT_SETTID, &ptid, 0, 0);

	if (pid == 0)
		sys_exit(0);
	CHECK(pid > 0);
	CHECK_EQ(ptid, (uint32_t)pid);
	CHECK_EXITED(reap(pid), 0);
}

/*
 * glibc's fork: the child finds its pid at ctid when it starts; after it
 * exits the pid is still there, CLEARTID or not (no thread shares the
 * child's memory).
 */
static void test_child_settid_and_cleartid(void)
{
	long pid;

	shared[0] = 0xdead;
	shared[1] = 0;
	pid = do_clone(SIGCHLD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID, 0,
		       0, (void *)&shared[0]);
	if (pid == 0) {
		shared[1] = shared[0] == (uint32_t)sys_getpid();
		sys_exit(0);
	}
	CHECK(pid > 0);
	CHECK_EXITED(reap(pid), 0);
	CHECK_EQ(shared[1], 1);		/* the child saw its pid */
	CHECK_EQ(shared[0], (uint32_t)pid);	/* not cleared: a process */

	pid = do_clone(SIGCHLD | CLONE_CHILD_SETTID, 0, 0, (void *)&shared[0]);
	if (pid == 0)
		sys_exit(0);
	CHECK_EXITED(reap(pid), 0);
	CHECK_EQ(shared[0], (uint32_t)pid);
}

static unsigned long tpidruro(void)
{
	unsigned long v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

/* The child starts with the thread pointer it was given; ours stays. */
static void test_settls(void)
{
	long pid;

	CHECK_EQ(__syscall(__ARM_NR_set_tls, 0x1111, 0, 0, 0, 0, 0), 0);
	pid = do_clone(SIGCHLD | CLONE_SETTLS, 0, 0x1234abcd, 0);
	if (pid == 0)
		sys_exit(tpidruro() == 0x1234abcd ? 0 : 1);
	CHECK_EXITED(reap(pid), 0);
	CHECK_EQ(tpidruro(), 0x1111);
}

int main(void)
{
	utest_begin("clone");
	shared = (volatile uint32_t *)sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
						MAP_SHARED | MAP_ANONYMOUS,
						-1, 0);
	if (sys_is_err((long)shared))
		return 1;
	utest_run("clone_is_fork", test_clone_is_fork);
	utest_run("parent_settid", test_parent_settid);
	utest_run("child_settid_and_cleartid", test_child_settid_and_cleartid);
	utest_run("settls", test_settls);
	return utest_end();
}
