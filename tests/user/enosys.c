/*
 * tests/user/enosys.c - a system-call number nobody implements answers
 * ENOSYS, and the task goes on: every number from 0 to 0xfffff that
 * Linux 6.1 does not assign, called with junk in all six argument
 * registers.
 *
 * Which numbers Linux assigns comes from Linux's own uapi header
 * (kernel/syscall_names.c is generated from it, and the syscall-names
 * check holds it to the header): the independent side of this test.
 * Under Linux the same sweep gives ENOSYS up to 0xf07ff. Above that, in
 * ARM's private range, Linux kills the caller with SIGILL ("bad
 * syscall"); topdown answers ENOSYS there too, as the issue that asked
 * for this sweep requires, so that part runs on topdown only.
 *
 * The kernel reports the first ENOSYS calls of a task on the console
 * (kernel/syscall_trace.c); tests/trace checks those lines.
 */
#include "kernel/errno.h"
#include "kernel/syscall_trace.h"
#include "kernel/unistd.h"
#include "counters.h"
#include "syscall.h"
#include "utest.h"

#define ARM_PRIVATE_ENOSYS_END 0x0f0800	/* Linux: ENOSYS below, SIGILL above */
#define SWEEP_END 0x100000

static bool linux_assigns(unsigned long nr)
{
	if (nr < LINUX_NR_SYSCALLS)
		return linux_syscall_names[nr] != NULL;
	/* 1..6; 0xf0000 itself is "branch through zero", SIGSEGV on Linux */
	return nr >= __ARM_NR_BASE && nr - __ARM_NR_BASE < ARM_NR_PRIVATE;
}

/* Call every unassigned number in [from, to): each must answer ENOSYS. */
static void sweep(unsigned long from, unsigned long to)
{
	unsigned long calls = 0, wrong = 0;
	int pid = sys_getpid();

	for (unsigned long nr = from; nr < to; nr++) {
		long ret;

		if (linux_assigns(nr))
			continue;
		ret = __syscall(nr, 0xdeadbeef, 0xffffffff, 0, 0x80000000,
				0xc0000000, 0x1000);
		calls++;
		if (ret != -ENOSYS && wrong++ < 5)
			utest_diag("system call %#lx returned %ld", nr, ret);
	}
	utest_diag("%lu numbers in [%#lx, %#lx) called", calls, from, to);
	CHECK_EQ(wrong, 0);
	CHECK(calls > 0);
	/* the same task, and it still makes calls */
	CHECK_EQ(sys_getpid(), pid);
}

static void test_unassigned_below_arm_private(void)
{
	sweep(0, __ARM_NR_BASE);
}

static void test_arm_private_up_to_0xf07ff(void)
{
	sweep(__ARM_NR_BASE, ARM_PRIVATE_ENOSYS_END);
}

static void test_arm_private_above_0xf07ff(void)
{
	struct vm_counters c;

	counters_read(&c);
	if (!counters_topdown(&c)) {
		utest_skip("Linux sends SIGILL for these; topdown answers ENOSYS");
		return;
	}
	sweep(ARM_PRIVATE_ENOSYS_END, SWEEP_END);
}

int main(void)
{
	utest_begin("enosys");
	utest_run("unassigned_below_arm_private",
		  test_unassigned_below_arm_private);
	utest_run("arm_private_up_to_0xf07ff", test_arm_private_up_to_0xf07ff);
	utest_run("arm_private_above_0xf07ff", test_arm_private_above_0xf07ff);
	return utest_end();
}
