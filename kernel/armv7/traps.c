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
#include "kernel/nanosleep.h"
#include "kernel/poll.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/syscall_trace.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "kernel/unistd.h"
#include "kernel/armv7/arm_syscall.h"
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"
#include "kernel/armv7/pt_regs.h"
#include "kernel/armv7/traps.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/fsr.h"

void do_data_abort(struct pt_regs *regs)
{
	struct fault_info fi;
	enum fault_verdict verdict;

	verdict = arm_classify_abort(&fi, read_dfsr(), read_dfar(), false,
				     current->mm, regs_from_user(regs));
	if (likely(verdict == FAULT_HANDLED))
		return;		/* a page is there now: retry the access */
	fi.vector = VEC_DABT;
	fault_act(regs, &fi, verdict);
}

void do_prefetch_abort(struct pt_regs *regs)
{
	struct fault_info fi;
	enum fault_verdict verdict;

	verdict = arm_classify_abort(&fi, read_ifsr(), read_ifar(), true,
				     current->mm, regs_from_user(regs));
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

static void run_svc(struct pt_regs *regs)
{
	if (syscall_get_nr(regs) >= __ARM_NR_BASE)
		arm_syscall(regs);	/* ARM's own: set_tls ... */
	else
		invoke_syscall(regs);
}

/* The same, with its line in the trace (kernel/syscall_trace.c). */
static __cold void do_svc_traced(struct pt_regs *regs)
{
	struct syscall_trace t;
	unsigned long args[6];

	syscall_get_arguments(regs, args);
	trace_syscall_enter(&t, syscall_get_nr(regs), args);
	run_svc(regs);
	trace_syscall_exit(&t, (long)regs->r[0]);
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
	if (unlikely(trace_syscalls)) {
		do_svc_traced(regs);
		return;
	}
	run_svc(regs);
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
		poll_tick();
		nanosleep_tick();
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
