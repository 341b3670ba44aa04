/*
 * kernel/armv7/kcatch.h - catching an exception in kernel code, for self-tests
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
#ifndef KERNEL_ARMV7_KCATCH_H
#define KERNEL_ARMV7_KCATCH_H

#include "kernel/kernel.h"
#include "kernel/armv7/pt_regs.h"

enum vector {
	VEC_UNDEF = 1,
	VEC_SVC = 2,
	VEC_PABT = 3,
	VEC_DABT = 4,
	VEC_IRQ = 6,
	VEC_FIQ = 7,
};

struct kcatch {
	uint32_t saved[10];	/* r4-r11, sp, lr of the kcatch_arm() call */
	enum vector vector;	/* what was caught */
	uint32_t fsr, far;	/* DFSR/DFAR or IFSR/IFAR (aborts) */
	uint32_t pc;		/* where it happened */
};

/* Arm @c: returns 0 now, and 1 when a kernel exception was caught. */
int kcatch_arm(struct kcatch *c);
void kcatch_disarm(void);

/*
 * Called by the exception handlers for a kernel-mode exception: when a
 * catcher is armed, fill it in, make @regs return from kcatch_arm() with
 * 1, disarm, and return true.
 */
bool kcatch_handle(struct pt_regs *regs, enum vector vector, uint32_t fsr,
		   uint32_t far);

#endif /* KERNEL_ARMV7_KCATCH_H */
