/*
 * kernel/syscall_trace.h - the system-call trace: with trace=syscalls on
 * the command line (make qemu TRACE=syscalls), or 1 written to
 * /proc/sys/kernel/trace_syscalls, every call of every task is logged
 * as strace shows it:
 *
 *   [pid 3] mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xb6ffe000
 *   [pid 3] open("/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)
 *
 * And whether tracing or not, a call answered ENOSYS is reported with its
 * number and Linux's name for it, so that the next missing piece of a
 * program from elsewhere names itself: each number once a boot, the
 * first few of each task.
 */
#ifndef KERNEL_SYSCALL_TRACE_H
#define KERNEL_SYSCALL_TRACE_H

#include "kernel/kernel.h"

/* Linux 6.1's ARM EABI numbers: 0 .. 450 (kernel/syscall_names.c) */
#define LINUX_NR_SYSCALLS 451
/* ARM's private calls __ARM_NR_BASE + 1 .. 6 */
#define ARM_NR_PRIVATE 7

extern const char *const linux_syscall_names[LINUX_NR_SYSCALLS];
extern const char *const arm_private_call_names[ARM_NR_PRIVATE];

/* Log every call (the boot option, the sysctl). */
extern bool trace_syscalls;

/*
 * How many ENOSYS calls of one task are reported before the rest are not
 * (a number reported once since boot is not reported again).
 */
#define ENOSYS_REPORTS 8

/* The line of one traced call, begun as it starts, printed as it ends. */
struct syscall_trace {
	unsigned long nr;
	unsigned long args[6];
	bool formatted;		/* the line was made at entry (execve) */
	size_t len;
	char line[240];
};

/* The call @nr with arguments @args is about to run. */
void trace_syscall_enter(struct syscall_trace *t, unsigned long nr,
			 const unsigned long args[6]);

/* ... and returned @ret: print its line. */
void trace_syscall_exit(struct syscall_trace *t, long ret);

/*
 * The answer to a call nobody implements: reports it (unless the trace
 * shows it anyway) and returns -ENOSYS.
 */
long syscall_enosys(unsigned long nr);

#endif /* KERNEL_SYSCALL_TRACE_H */
