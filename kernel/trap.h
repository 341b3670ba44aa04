/*
 * kernel/trap.h - what the kernel does about a fault: the portable half
 * of the abort path. The arch decodes the hardware's report and
 * classifies the fault (asking the mm's fault policy when the MMU
 * could be at fault); the code here acts on that verdict.
 *
 *   kernel/armv7/entry.S        exception vector, struct pt_regs saved
 *   kernel/armv7/traps.c        do_data_abort(): DFSR and DFAR read
 *   mm/armv7/fault.c            arm_classify_abort(): the fault status
 *                               decoded (fsr_info[]); a translation or
 *                               permission fault goes to do_user_fault()
 *                               (mm/fault.c); returns a verdict
 *   kernel/trap.c               fault_act(): retry, fix up (the
 *                               exception table), kill the task with a
 *                               report, or stop the kernel
 *
 * Nothing here calls back into the arch's fault code; the arch's
 * entry code calls both.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include "kernel/kernel.h"
#include "mm/memory.h"

struct pt_regs;

/* What the classifier decided. */
enum fault_verdict {
	FAULT_HANDLED,	/* the mm fixed it (a page is mapped): retry */
	FAULT_FIXUP,	/* a kernel access nobody can fix: the exception
			   table has the last word, else the kernel stops */
	FAULT_SIGNAL,	/* a user access nobody can fix: kill the task
			   with @sig (the reason is in the report) */
};

/*
 * The names of one kind of abort, constant: the arch has one for each
 * (on ARM, data abort: DFSR, DFAR, FS; prefetch abort: IFSR, IFAR, FS).
 */
struct fault_kind {
	const char *what;		/* "data abort", "prefetch abort" */
	const char *status_reg;		/* the register with the status ("DFSR") */
	const char *addr_reg;		/* the one with the address ("DFAR") */
	const char *code_name;		/* the status field ("FS") */
	/* the status in words ("translation fault (page)") and its code */
	const char *(*status_name)(unsigned long status);
	unsigned int (*status_code)(unsigned long status);
};

/*
 * One fault, as the arch decoded it: everything the report prints, in
 * words and numbers (through @kind), so that this code needs no arch
 * header. Only the numbers are filled in on every fault; the words are
 * looked up when a report is printed (a fault that is fixed, nearly
 * every one, never needs them).
 */
struct fault_info {
	const struct fault_kind *kind;	/* the names of this kind of abort */
	unsigned long addr;		/* the faulting address */
	unsigned int flags;		/* FAULT_FLAG_* of the access */
	unsigned long status;		/* the status register's raw value */
	int vector;			/* the arch's exception number */
	int sig;			/* FAULT_SIGNAL: the signal */
	bool have_report;		/* do_user_fault() ran: @report */
	struct fault_report report;
};

/*
 * fault_act - act on the arch's @verdict for the fault @fi of the
 * context @regs: return (retry), continue at the fixup of a user copy,
 * kill the current task (never returns), or report the kernel's fault
 * and stop (panic; unless a self-test catches it, see trap_catcher).
 */
void fault_act(struct pt_regs *regs, struct fault_info *fi,
	       enum fault_verdict verdict);

/*
 * A kernel-mode exception nobody handles stops the kernel, unless a
 * self-test expects it: the catcher, set only while a self-test has
 * armed one (tests/kernel, tests/kernel/kcatch.h), may take it and
 * return true (then @regs resume where the test said). NULL otherwise,
 * so the production path never reaches test code.
 */
typedef bool (*trap_catcher_fn)(struct pt_regs *regs, int vector,
				unsigned long status, unsigned long addr);
extern trap_catcher_fn trap_catcher;

/* die - print @regs and stop: "@what in kernel mode". */
void __noreturn die(const char *what, struct pt_regs *regs);

/*
 * die_or_catch - a kernel-mode exception @what ("undefined instruction")
 * nobody handles: the armed catcher takes it (returns), else the
 * registers are printed and the kernel stops.
 */
void die_or_catch(const char *what, struct pt_regs *regs, int vector,
		  unsigned long status, unsigned long addr);

#endif /* KERNEL_TRAP_H */
