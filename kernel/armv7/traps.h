/*
 * kernel/armv7/traps.h - the C entry points kernel/armv7/entry.S calls,
 * one per exception, each with the saved registers of the interrupted
 * context.
 */
#ifndef KERNEL_ARMV7_TRAPS_H
#define KERNEL_ARMV7_TRAPS_H

#include "kernel/kernel.h"
#include "kernel/armv7/pt_regs.h"

/* The exceptions, numbered as their slots in the vector table. */
enum vector {
	VEC_UNDEF = 1,
	VEC_SVC = 2,
	VEC_PABT = 3,
	VEC_DABT = 4,
	VEC_IRQ = 6,
	VEC_FIQ = 7,
};

void do_data_abort(struct pt_regs *regs);
void do_prefetch_abort(struct pt_regs *regs);
void do_undefined(struct pt_regs *regs);
void do_svc(struct pt_regs *regs);
void do_irq(struct pt_regs *regs);
void do_bad_exception(struct pt_regs *regs);

/* Last C code before returning to user mode (scheduling happens here). */
void exit_to_user_mode(struct pt_regs *regs);

#endif /* KERNEL_ARMV7_TRAPS_H */
