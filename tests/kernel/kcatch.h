/*
 * tests/kernel/kcatch.h - catching an exception in kernel code, for self-tests
 * that fault on purpose (setjmp/longjmp through the exception handler).
 *
 *	struct kcatch c;
 *
 *	if (kcatch_arm(&c) == 0) {
 *		x = *(volatile uint32_t *)bad;	// faults
 *		kcatch_disarm();
 *	} else {
 *		// c.vector, c.fsr, c.far, c.pc say what happened
 *	}
 *
 * Locals changed between the two returns must be volatile, as with setjmp.
 */
#ifndef TESTS_KERNEL_KCATCH_H
#define TESTS_KERNEL_KCATCH_H

#include "kernel/kernel.h"
#include "kernel/armv7/traps.h"	/* enum vector */

struct kcatch {
	uint32_t saved[10];	/* r4-r11, sp, lr of the kcatch_arm() call */
	enum vector vector;	/* what was caught */
	uint32_t fsr, far;	/* DFSR/DFAR or IFSR/IFAR (aborts) */
	uint32_t pc;		/* where it happened */
};

/*
 * Arm @c: returns 0 now, and 1 when a kernel exception was caught. Arming
 * installs kcatch_handle() as the kernel's trap_catcher (kernel/trap.h);
 * the catch or kcatch_disarm() removes it again: without an armed
 * catcher, the exception path never calls into this code.
 */
int kcatch_arm(struct kcatch *c);
void kcatch_disarm(void);

/*
 * The trap_catcher while armed, for a kernel-mode exception nobody
 * handles: fill the catcher in (@vector, @status: DFSR/IFSR, @addr:
 * DFAR/IFAR), make @regs return from kcatch_arm() with 1, disarm, and
 * return true.
 */
bool kcatch_handle(struct pt_regs *regs, int vector, unsigned long status,
		   unsigned long addr);

#endif /* TESTS_KERNEL_KCATCH_H */
