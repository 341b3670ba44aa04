/*
 * mm/armv7/fault.c - data and prefetch aborts: from the fault status the
 * hardware gives to what the kernel does about it.
 *
 * The five-bit fault status (FS, see fsr.h) indexes fsr_info[]: a handler
 * and, for a fault nobody can fix, the signal the task gets. As on ARM
 * Linux, translation and permission faults go to do_page_fault(), which
 * hands the address to the portable policy (do_user_fault() in
 * mm/fault.c: find the VMA, check the access, fill the page in); the
 * rest are hardware trouble or bugs.
 *
 *  FS  name (short-descriptor format)           handler        signal
 *  01  alignment fault                           do_bad         SIGBUS
 *  03  access flag fault, section                do_page_fault  SIGSEGV
 *  05  translation fault, section                do_page_fault  SIGSEGV
 *  06  access flag fault, page                   do_page_fault  SIGSEGV
 *  07  translation fault, page                   do_page_fault  SIGSEGV
 *  09  domain fault, section                     do_bad         SIGSEGV
 *  0b  domain fault, page                        do_bad         SIGSEGV
 *  0d  permission fault, section                 do_page_fault  SIGSEGV
 *  0f  permission fault, page                    do_page_fault  SIGSEGV
 *  08  synchronous external abort                do_bad         SIGBUS
 *  0c/0e  external abort on table walk L1/L2     do_bad         SIGBUS
 *  16  asynchronous external abort               do_bad         SIGBUS
 *  others (debug, parity, lockdown, ...)         do_bad         SIGBUS
 */
#include "kernel/armv7/kcatch.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/armv7/traps.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/fsr.h"
#include "mm/memory.h"
#include "mm/mm_types.h"
#include "mm/proc_maps.h"
#include "mm/slab.h"

#define SIGKILL 9

/* What went wrong, kept for the report once the handler gives up. */
struct abort {
	unsigned long addr;
	uint32_t fsr;
	bool prefetch;
	struct fault_report report;	/* from do_user_fault(), if asked */
	bool have_report;
};

struct fsr_info {
	/* Fix the fault: true if done, false if nobody can. */
	bool (*fn)(struct abort *abort, struct pt_regs *regs);
	int sig;
	const char *name;
};

static bool do_page_fault(struct abort *abort, struct pt_regs *regs);

static bool do_bad(struct abort *abort, struct pt_regs *regs)
{
	return false;
}

static const struct fsr_info fsr_info[32] = {
	[0x01] = { do_bad, SIGBUS, "alignment fault" },
	[0x02] = { do_bad, SIGBUS, "debug event" },
	[0x03] = { do_page_fault, SIGSEGV, "access flag fault (section)" },
	[0x04] = { do_bad, SIGBUS, "fault on instruction cache maintenance" },
	[0x05] = { do_page_fault, SIGSEGV, "translation fault (section)" },
	[0x06] = { do_page_fault, SIGSEGV, "access flag fault (page)" },
	[0x07] = { do_page_fault, SIGSEGV, "translation fault (page)" },
	[0x08] = { do_bad, SIGBUS, "synchronous external abort" },
	[0x09] = { do_bad, SIGSEGV, "domain fault (section)" },
	[0x0b] = { do_bad, SIGSEGV, "domain fault (page)" },
	[0x0c] = { do_bad, SIGBUS, "external abort on translation table walk (L1)" },
	[0x0d] = { do_page_fault, SIGSEGV, "permission fault (section)" },
	[0x0e] = { do_bad, SIGBUS, "external abort on translation table walk (L2)" },
	[0x0f] = { do_page_fault, SIGSEGV, "permission fault (page)" },
	[0x10] = { do_bad, SIGBUS, "TLB conflict abort" },
	[0x14] = { do_bad, SIGBUS, "lockdown abort" },
	[0x16] = { do_bad, SIGBUS, "asynchronous external abort" },
	[0x18] = { do_bad, SIGBUS, "asynchronous parity error" },
	[0x19] = { do_bad, SIGBUS, "synchronous parity error" },
	[0x1a] = { do_bad, SIGBUS, "coprocessor abort" },
	[0x1c] = { do_bad, SIGBUS, "parity error on translation table walk (L1)" },
	[0x1e] = { do_bad, SIGBUS, "parity error on translation table walk (L2)" },
};

static const struct fsr_info unknown_fsr = { do_bad, SIGBUS,
					     "unknown fault status" };

static const struct fsr_info *fsr_lookup(uint32_t fsr)
{
	const struct fsr_info *inf = &fsr_info[fsr_fs(fsr)];

	return inf->fn ? inf : &unknown_fsr;
}

const char *fsr_name(uint32_t fsr)
{
	return fsr_lookup(fsr)->name;
}

/*
 * A translation or permission fault: a user address goes to the portable
 * fault policy (also when the kernel faulted in copy_to_user & co, so a
 * syscall can write into memory the task has not touched yet).
 */
static bool do_page_fault(struct abort *abort, struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;

	if (!mm)		/* the idle task, or a self-test */
		return false;
	if (!user_mode(regs) && abort->addr >= TASK_SIZE)
		return false;	/* the kernel touching kernel memory: a bug */
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (abort->prefetch)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if (abort->fsr & FSR_WNR)
		flags |= FAULT_FLAG_WRITE;
	abort->have_report = true;
	return do_user_fault(mm, abort->addr, flags, &abort->report) == 0;
}

static const char *access_name(const struct abort *abort)
{
	if (abort->prefetch)
		return "execute";
	return abort->fsr & FSR_WNR ? "write" : "read";
}

/* The signal for a fault the policy refused: OOM kills, EOF is SIGBUS. */
static int fault_signal(const struct abort *abort, const struct fsr_info *inf)
{
	if (!abort->have_report)
		return inf->sig;
	if (abort->report.fault & VM_FAULT_OOM)
		return SIGKILL;
	if (abort->report.fault & VM_FAULT_SIGBUS)
		return SIGBUS;
	return SIGSEGV;
}

static const char *signal_name(int sig)
{
	return sig == SIGKILL ? "SIGKILL" : sig == SIGBUS ? "SIGBUS" : "SIGSEGV";
}

/* Print the task's maps, as /proc/PID/maps would show them. */
static void show_task_maps(struct mm_struct *mm)
{
	char *buf = kmalloc(4096);
	int len;

	if (!buf)
		return;
	len = show_maps(mm, buf, 4096);
	printk("  maps of the task:\n");
	for (char *line = buf; len > 0 && *line;) {
		char *end = strchr(line, '\n');

		if (end)
			*end = '\0';
		printk("    %s\n", line);
		if (!end)
			break;
		line = end + 1;
	}
	kfree(buf);
}

/*
 * A user task's fault nobody could fix: tell the console everything a
 * student needs to see why, then end the task as killed by the signal.
 */
static void __noreturn kill_task(struct abort *abort,
				 const struct fsr_info *inf,
				 struct pt_regs *regs)
{
	int sig = fault_signal(abort, inf);
	const struct fault_report *r = &abort->report;

	if (sig == SIGKILL)
		printk("\nOut of memory: no page for task %d (%s) at %08lx: killed\n",
		       current->pid, current->comm, abort->addr);
	printk("\ntask %d (%s): %s at address %08lx, pc %08lx: %s\n",
	       current->pid, current->comm, signal_name(sig), abort->addr,
	       (unsigned long)regs->pc,
	       abort->have_report ? fault_reason_str(r->reason) : inf->name);
	printk("  %s access; %s: %s %08lx (FS 0x%02x)\n", access_name(abort),
	       inf->name, abort->prefetch ? "IFSR" : "DFSR",
	       (unsigned long)abort->fsr, fsr_fs(abort->fsr));
	if (abort->have_report && r->has_vma)
		printk("  VMA %08lx-%08lx flags %04lx pgoff %lx %s\n",
		       r->vm_start, r->vm_end, r->vm_flags, r->vm_pgoff,
		       r->vm_file ? r->vm_file : "(anonymous)");
	else
		printk("  no VMA\n");
	if (current->mm)
		show_task_maps(current->mm);
	force_sig(sig);
}

/*
 * Both aborts end here: fix, fix up, or report. A kernel fault on a user
 * address that the policy refused is, in a user copy, an ordinary EFAULT:
 * the exception table is tried first, silently, as Linux does; only a
 * fault nobody expected is reported.
 */
static void do_abort(struct abort *abort, struct pt_regs *regs)
{
	const struct fsr_info *inf = fsr_lookup(abort->fsr);

	if (inf->fn(abort, regs))
		return;
	if (user_mode(regs))
		kill_task(abort, inf, regs);
	if (fixup_exception(regs))	/* a bad user pointer in a syscall */
		return;
	report_abort(abort->prefetch ? "Prefetch abort" : "Data abort", regs,
		     abort->fsr, abort->addr, !abort->prefetch);
	if (kcatch_handle(regs, abort->prefetch ? VEC_PABT : VEC_DABT,
			  abort->fsr, abort->addr)) {
		printk("  (expected by a self-test: caught, going on)\n");
		return;
	}
	show_regs(regs);
	panic("%s in kernel mode", abort->prefetch ? "prefetch abort" :
		"data abort");
}

void do_data_abort(struct pt_regs *regs)
{
	struct abort abort = { .addr = read_dfar(), .fsr = read_dfsr() };

	do_abort(&abort, regs);
}

void do_prefetch_abort(struct pt_regs *regs)
{
	struct abort abort = { .addr = read_ifar(), .fsr = read_ifsr(),
			       .prefetch = true };

	do_abort(&abort, regs);
}
