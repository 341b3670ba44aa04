/*
 * kernel/armv7/pt_regs.h - the registers of an interrupted context, as the
 * exception entry code (kernel/armv7/entry.S) saves them on the kernel stack.
 *
 * Layout (words), the same as ARM Linux's struct pt_regs:
 *
 *   +0  r0 ... +48 r12 | +52 sp | +56 lr | +60 pc | +64 cpsr | +68 orig_r0
 *
 * sp and lr are those of the interrupted mode (user's banked ones when the
 * exception came from user mode); pc is where to resume; cpsr the
 * interrupted mode's status. orig_r0 keeps a system call's first argument.
 */
#ifndef KERNEL_ARMV7_PT_REGS_H
#define KERNEL_ARMV7_PT_REGS_H

#define S_R0 0
#define S_R7 28
#define S_SP 52
#define S_LR 56
#define S_PC 60
#define S_PSR 64
#define S_OLD_R0 68
#define S_FRAME_SIZE 72		/* a multiple of 8: AAPCS stack alignment */

#define THREAD_SIZE 8192	/* kernel/task.h's, for the assembly code */

/* CPSR fields */
#define MODE_USR 0x10
#define MODE_FIQ 0x11
#define MODE_IRQ 0x12
#define MODE_SVC 0x13
#define MODE_ABT 0x17
#define MODE_UND 0x1b
#define MODE_SYS 0x1f
#define MODE_MASK 0x1f
#define PSR_T_BIT 0x20		/* Thumb state */
#define PSR_F_BIT 0x40		/* FIQ masked */
#define PSR_I_BIT 0x80		/* IRQ masked */
#define PSR_A_BIT 0x100		/* asynchronous abort masked */

#ifndef __ASSEMBLY__
#include <stdint.h>
#include "kernel/arch.h"	/* user_mode(), show_regs() */

struct pt_regs {
	uint32_t r[13];
	uint32_t sp;
	uint32_t lr;
	uint32_t pc;
	uint32_t cpsr;
	uint32_t orig_r0;
};

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "pt_regs layout");
_Static_assert(__builtin_offsetof(struct pt_regs, pc) == S_PC, "pt_regs pc");

/* The name of a CPSR mode ("USR", "SVC", ...). */
const char *mode_name(uint32_t cpsr);

/* user_mode() for the arch's own hot paths (the abort entry): inline. */
static inline bool regs_from_user(const struct pt_regs *regs)
{
	return (regs->cpsr & MODE_MASK) == MODE_USR;
}
#endif

#endif /* KERNEL_ARMV7_PT_REGS_H */
