/*
 * kernel/armv7/traps.c - the C side of kernel/armv7/entry.S: what the
 * kernel does with each exception, and the registers in its reports.
 *
 * An abort is read from CP15 (DFSR/DFAR, IFSR/IFAR), classified by
 * mm/armv7/fault.c and acted on by the portable kernel/trap.c, which
 * prints the reports: the exception, the mode it came from, where, the
 * fault status decoded to a name, the address, read or write.
 */
#include "kernel/console.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"
#include "kernel/armv7/pt_regs.h"
#include "kernel/armv7/traps.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/fsr.h"
#include "mm/memlayout.h"

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
 * by kernel/armv7/start.S) or anything that does not look like a kernel stack.
 */
static void show_backtrace(uint32_t fp)
{
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

	printk("  pc %08lx  lr %08lx  sp %08lx  cpsr %08lx (%s%s%s)\n",
	       (unsigned long)regs->pc, (unsigned long)regs->lr,
	       (unsigned long)regs->sp, (unsigned long)regs->cpsr,
	       mode_name(regs->cpsr),
	       regs->cpsr & PSR_T_BIT ? ", Thumb" : "",
	       regs->cpsr & PSR_I_BIT ? ", IRQs off" : "");
	const int nr = ARRAY_SIZE(regs->r);	/* r0-r12 */

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

void do_data_abort(struct pt_regs *regs)
{
	struct fault_info fi;
	enum fault_verdict verdict;

	verdict = arm_classify_abort(&fi, read_dfsr(), read_dfar(), false,
				     current->mm, user_mode(regs));
	fi.vector = VEC_DABT;
	fault_act(regs, &fi, verdict);
}

void do_prefetch_abort(struct pt_regs *regs)
{
	struct fault_info fi;
	enum fault_verdict verdict;

	verdict = arm_classify_abort(&fi, read_ifsr(), read_ifar(), true,
				     current->mm, user_mode(regs));
	fi.vector = VEC_PABT;
	fault_act(regs, &fi, verdict);
}

void do_undefined(struct pt_regs *regs)
{
	/* lr_und pointed past the instruction: 4 bytes in ARM, 2 in Thumb */
	uint32_t pc = regs->pc - (regs->cpsr & PSR_T_BIT ? 2 : 4);
	uint32_t insn = regs->cpsr & PSR_T_BIT ? *(uint16_t *)pc
					       : *(uint32_t *)pc;

	printk("Undefined instruction in %s mode at pc %08lx: %0*lx\n",
	       mode_name(regs->cpsr), (unsigned long)pc,
	       regs->cpsr & PSR_T_BIT ? 4 : 8, (unsigned long)insn);
	if (user_mode(regs)) {
		printk("task %d (%s): SIGILL: undefined instruction\n",
		       current->pid, current->comm);
		force_sig(SIGILL);
	}
	regs->pc = pc;
	die_or_catch("undefined instruction", regs, VEC_UNDEF, 0, 0);
}

void do_svc(struct pt_regs *regs)
{
	if (!user_mode(regs)) {
		/*
		 * svc 0x123456 is a semihosting call that QEMU did not take
		 * (no -semihosting): fail it, so the caller can go on.
		 */
		regs->r[0] = (uint32_t)-1;
		return;
	}
	invoke_syscall(regs);
}


void do_irq(struct pt_regs *regs)
{
	unsigned int irq = gic_ack_irq();

	switch (irq) {
	case IRQ_SPURIOUS:
		return;		/* nothing to end */
	case IRQ_PRIVATE_TIMER:
		timer_interrupt();
		sched_tick();
		break;
	case IRQ_UART0:
		console_interrupt();
		break;
	default:
		printk("IRQ %u in %s mode at pc %08lx: nobody handles it\n",
		       irq, mode_name(regs->cpsr), (unsigned long)regs->pc);
	}
	gic_end_irq(irq);
}

void do_bad_exception(struct pt_regs *regs)
{
	printk("Unexpected exception (FIQ or reserved vector) in %s mode\n",
	       mode_name(regs->cpsr));
	die("unexpected exception", regs);
}

void exit_to_user_mode(struct pt_regs *regs)
{
	if (need_resched)
		schedule();
}
