/*
 * kernel/armv7/arm_syscall.c - ARM Linux's private system calls, reached
 * with r7 at or above __ARM_NR_BASE (0xf0000) instead of a number of the
 * common table. topdown has the two a C library needs before main():
 *
 *   set_tls(value)   0xf0005   the thread pointer (TPIDRURO); returns 0
 *   get_tls()        0xf0006   returns it
 *
 * Every other number answers ENOSYS, as Linux does for a private call it
 * does not have up to 0xf07ff (cacheflush, 0xf0002, among them: QEMU
 * models no caches, and topdown keeps data and instructions coherent).
 * Linux kills a caller of a number above that with SIGILL; here it is
 * ENOSYS too.
 */
#include "kernel/arch.h"
#include "kernel/errno.h"
#include "kernel/syscall_trace.h"
#include "kernel/unistd.h"
#include "kernel/armv7/arm_syscall.h"

void arm_syscall(struct pt_regs *regs)
{
	long ret;

	switch (syscall_get_nr(regs)) {
	case __ARM_NR_set_tls:
		set_tls(regs->r[0]);
		ret = 0;
		break;
	case __ARM_NR_get_tls:
		ret = get_tls();
		break;
	default:
		ret = syscall_enosys(syscall_get_nr(regs));
		break;
	}
	syscall_set_return_value(regs, ret);
}
