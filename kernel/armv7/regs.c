/*
 * kernel/armv7/regs.c - the registers of an interrupted context, for the
 * portable kernel (kernel/arch.h): the mode, the pc, a system call's
 * number, arguments and result (the ARM EABI: r7, r0-r5; r0), and the
 * registers and the kernel's backtrace as the reports print them
 * (show_regs, dump_stack). Calls nothing but printk: the reports of
 * kernel/trap.c and panic() come here and go no further.
 */
#include "kernel/arch.h"
#include "kernel/printk.h"
#include "kernel/armv7/pt_regs.h"
#include "mm/memlayout.h"

bool user_mode(const struct pt_regs *regs)
{
	return regs_from_user(regs);
}

unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->pc;
}

void instruction_pointer_set(struct pt_regs *regs, unsigned long pc)
{
	regs->pc = pc;
}

unsigned long syscall_get_nr(const struct pt_regs *regs)
{
	return regs->r[7];
}

void syscall_get_arguments(const struct pt_regs *regs, unsigned long args[6])
{
	for (int i = 0; i < 6; i++)
		args[i] = regs->r[i];
}

void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->r[0] = (uint32_t)val;
}

const char *mode_name(uint32_t cpsr)
{
	switch (cpsr & MODE_MASK) {
	case MODE_USR: return "USR";
	case MODE_FIQ: return "FIQ";
	case MODE_IRQ: return "IRQ";
	case MODE_SVC: return "SVC";
	case MODE_ABT: return "ABT";
	case MODE_UND: return "UND";
	case MODE_SYS: return "SYS";
	default: return "???";
	}
}

/*
 * Walk the APCS frame chain (-mapcs-frame): fp points at the saved pc,
 * fp[-1] is the saved lr, fp[-3] the caller's fp. Stops at fp == 0 (set
 * by kernel/armv7/start.S) or anything that does not look like a kernel
 * stack. The release kernel is built without frame pointers (as Linux's
 * CONFIG_FRAME_POINTER=n: a few instructions less in every call), so it
 * has no chain to walk and says so.
 */
static void show_backtrace(uint32_t fp)
{
#ifndef CONFIG_FRAME_POINTER
	printk("  no backtrace: the release kernel has no frame pointers (the debug kernel has)\n");
	return;
#endif
	printk("  backtrace (find the names with gdb's \"info symbol ADDR\"):\n");
	for (int depth = 0; fp && depth < 16; depth++) {
		const uint32_t *frame = (const uint32_t *)fp;

		if (fp < PAGE_OFFSET || fp & 3)
			break;
		printk("    [<%08lx>]\n", (unsigned long)frame[-1]);
		if (frame[-3] <= fp)	/* frames go up the stack */
			break;
		fp = frame[-3];
	}
}

void show_regs(const struct pt_regs *regs)
{
	const uint32_t *r = regs->r;
	const int nr = ARRAY_SIZE(regs->r);	/* r0-r12 */

	printk("  pc %08lx  lr %08lx  sp %08lx  cpsr %08lx (%s%s%s)\n",
	       (unsigned long)regs->pc, (unsigned long)regs->lr,
	       (unsigned long)regs->sp, (unsigned long)regs->cpsr,
	       mode_name(regs->cpsr),
	       regs->cpsr & PSR_T_BIT ? ", Thumb" : "",
	       regs->cpsr & PSR_I_BIT ? ", IRQs off" : "");
	for (int i = 0; i < nr; i += 4) {
		printk("  ");
		for (int j = i; j < i + 4 && j < nr; j++)
			printk(" r%-2d %08lx", j, (unsigned long)r[j]);
		printk("\n");
	}
	if (!user_mode(regs))
		show_backtrace(r[11]);
}

const char *regs_mode_name(const struct pt_regs *regs)
{
	return mode_name(regs->cpsr);
}

/* Capture the caller's registers (close enough to where panic was called). */
static void __attribute__((noinline)) capture_regs(struct pt_regs *regs)
{
	__asm__ volatile("stmia %0, {r0-r12}\n\t"
			 "str sp, [%0, #52]\n\t"
			 "str lr, [%0, #56]\n\t"
			 "str pc, [%0, #60]\n\t"
			 "mrs r1, cpsr\n\t"
			 "str r1, [%0, #64]"
			 : : "r"(regs) : "r1", "memory");
}

void dump_stack(void)
{
	struct pt_regs regs;

	capture_regs(&regs);
	show_regs(&regs);
}
