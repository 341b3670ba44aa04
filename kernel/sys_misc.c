/*
 * kernel/sys_misc.c - the small system calls: who am I, give way, what
 * time is it.
 */
#include "kernel/errno.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->pid : 0;
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

/*
 * clock_gettime (263) takes the 32-bit struct timespec of the ARM EABI
 * (two 32-bit words). Both clocks count from boot: there is no RTC.
 */
long sys_clock_gettime(unsigned long clock, unsigned long tp)
{
	uint64_t ns;
	uint32_t ts[2];

	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	ns = clock_monotonic_ns();
	ts[0] = (uint32_t)(ns / 1000000000u);
	ts[1] = (uint32_t)(ns % 1000000000u);
	if (copy_to_user((void *)tp, ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/*
 * clock_gettime64(): the same clocks, into Linux's struct
 * __kernel_timespec (64-bit seconds, then 64-bit nanoseconds), which a
 * 32-bit C library asks for first since Linux 5.1.
 */
long sys_clock_gettime64(unsigned long clock, unsigned long tp)
{
	uint64_t ns, ts[2];

	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	ns = clock_monotonic_ns();
	ts[0] = ns / 1000000000u;
	ts[1] = ns % 1000000000u;
	if (copy_to_user((void *)tp, ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/*
 * set_tid_address(): where 0 goes when the calling thread exits, as
 * clone's CLONE_CHILD_CLEARTID (see kernel/exit.c: only while others
 * share the address space). Returns the caller's thread id, its pid here.
 */
long sys_set_tid_address(unsigned long tidptr)
{
	current->clear_child_tid = (uint32_t *)tidptr;
	return current->pid;
}

/*
 * set_robust_list(): the head of the list of futexes a thread holds, which
 * Linux walks when the thread dies. topdown has no futexes: it keeps the
 * head, as Linux does, and checks the length as Linux does (the size of
 * struct robust_list_head on 32 bits: 12).
 */
long sys_set_robust_list(unsigned long head, unsigned long len)
{
	if (len != 12)
		return -EINVAL;
	current->robust_list = (void *)head;
	return 0;
}

/*
 * personality(): Linux's execution domain flags. The one that matters here
 * is ADDR_COMPAT_LAYOUT (0x0200000): the next execve() gets the legacy
 * bottom-up mmap layout. 0xffffffff only asks. Returns the old value.
 */
long sys_personality(unsigned long persona)
{
	unsigned long old = current->personality;

	if (persona != 0xffffffffUL)
		current->personality = persona;
	return old;
}
