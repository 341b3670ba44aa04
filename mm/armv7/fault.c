/*
 * mm/armv7/fault.c - data and prefetch aborts: from the fault status the
 * hardware gives to a verdict the portable kernel acts on (kernel/trap.h).
 *
 * The five-bit fault status (FS, see fsr.h) indexes fsr_info[]: its name,
 * a handler and, for a fault nobody can fix, the signal a user task gets.
 * As on ARM Linux, translation and permission faults (and access flag
 * faults, which this kernel never enables) go to do_page_fault(), which
 * hands the address to the portable policy (do_user_fault() in
 * mm/fault.c: find the VMA, check the access, fill the page in); the
 * rest are hardware trouble or bugs. Nothing here prints, kills or
 * fixes up: kernel/trap.c does, with the verdict returned.
 */
#include "kernel/signal.h"
#include "mm/armv7/fsr.h"
#include "mm/memlayout.h"
#include "mm/memory.h"

struct fsr_info {
	/* Decide about the fault: the mm's policy, or nobody. */
	enum fault_verdict (*fn)(struct fault_info *fi, const
				 struct fsr_info *inf, struct mm_struct *mm);
	int sig;
	const char *name;
};

static enum fault_verdict do_page_fault(struct fault_info *fi,
					const struct fsr_info *inf,
					struct mm_struct *mm);

/* Nobody can fix it: a user task gets the table's signal. */
static enum fault_verdict do_bad(struct fault_info *fi,
				 const struct fsr_info *inf,
				 struct mm_struct *mm)
{
	if (!(fi->flags & FAULT_FLAG_USER))
		return FAULT_FIXUP;
	fi->sig = inf->sig;
	return FAULT_SIGNAL;
}

static const struct fsr_info fsr_info[32] = {
	[FS_ALIGNMENT] =
		{ do_bad, SIGBUS, "alignment fault" },
	[FS_DEBUG] =
		{ do_bad, SIGBUS, "debug event" },
	[FS_ACCESS_FLAG_SECTION] =
		{ do_page_fault, SIGSEGV, "access flag fault (section)" },
	[FS_ICACHE_MAINT] =
		{ do_bad, SIGBUS, "fault on instruction cache maintenance" },
	[FS_TRANSLATION_SECTION] =
		{ do_page_fault, SIGSEGV, "translation fault (section)" },
	[FS_ACCESS_FLAG_PAGE] =
		{ do_page_fault, SIGSEGV, "access flag fault (page)" },
	[FS_TRANSLATION_PAGE] =
		{ do_page_fault, SIGSEGV, "translation fault (page)" },
	[FS_SYNC_EXTERNAL] =
		{ do_bad, SIGBUS, "synchronous external abort" },
	[FS_DOMAIN_SECTION] =
		{ do_bad, SIGSEGV, "domain fault (section)" },
	[FS_DOMAIN_PAGE] =
		{ do_bad, SIGSEGV, "domain fault (page)" },
	[FS_WALK_EXTERNAL_L1] =
		{ do_bad, SIGBUS, "external abort on translation table walk (L1)" },
	[FS_PERMISSION_SECTION] =
		{ do_page_fault, SIGSEGV, "permission fault (section)" },
	[FS_WALK_EXTERNAL_L2] =
		{ do_bad, SIGBUS, "external abort on translation table walk (L2)" },
	[FS_PERMISSION_PAGE] =
		{ do_page_fault, SIGSEGV, "permission fault (page)" },
	[FS_TLB_CONFLICT] =
		{ do_bad, SIGBUS, "TLB conflict abort" },
	[FS_LOCKDOWN] =
		{ do_bad, SIGBUS, "lockdown abort" },
	[FS_ASYNC_EXTERNAL] =
		{ do_bad, SIGBUS, "asynchronous external abort" },
	[FS_ASYNC_PARITY] =
		{ do_bad, SIGBUS, "asynchronous parity error" },
	[FS_SYNC_PARITY] =
		{ do_bad, SIGBUS, "synchronous parity error" },
	[FS_COPROCESSOR] =
		{ do_bad, SIGBUS, "coprocessor abort" },
	[FS_WALK_PARITY_L1] =
		{ do_bad, SIGBUS, "parity error on translation table walk (L1)" },
	[FS_WALK_PARITY_L2] =
		{ do_bad, SIGBUS, "parity error on translation table walk (L2)" },
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

/* The signal for a fault the policy refused: OOM kills, EOF is SIGBUS. */
static int fault_signal(const struct fault_report *report)
{
	if (report->fault & VM_FAULT_OOM)
		return SIGKILL;
	if (report->fault & VM_FAULT_SIGBUS)
		return SIGBUS;
	return SIGSEGV;
}

/*
 * A translation or permission fault: a user address goes to the portable
 * fault policy (also when the kernel faulted in copy_to_user & co, so a
 * syscall can write into memory the task has not touched yet).
 */
static enum fault_verdict do_page_fault(struct fault_info *fi,
					const struct fsr_info *inf,
					struct mm_struct *mm)
{
	bool user = fi->flags & FAULT_FLAG_USER;

	if (!mm)		/* the idle task, or a self-test */
		return do_bad(fi, inf, mm);
	if (!user && fi->addr >= TASK_SIZE)	/* kernel memory: a bug */
		return do_bad(fi, inf, mm);
	fi->have_report = true;
	if (do_user_fault(mm, fi->addr, fi->flags, &fi->report) == 0)
		return FAULT_HANDLED;
	if (!user)
		return FAULT_FIXUP;
	fi->sig = fault_signal(&fi->report);
	return FAULT_SIGNAL;
}

/* FS, the five-bit fault status code of @fsr (struct fault_kind). */
static unsigned int fsr_code(unsigned long fsr)
{
	return fsr_fs(fsr);
}

static const char *fsr_status_name(unsigned long fsr)
{
	return fsr_name(fsr);
}

static const struct fault_kind data_abort = {
	"data abort", "DFSR", "DFAR", "FS", fsr_status_name, fsr_code,
};

static const struct fault_kind prefetch_abort = {
	"prefetch abort", "IFSR", "IFAR", "FS", fsr_status_name, fsr_code,
};

enum fault_verdict arm_classify_abort(struct fault_info *fi, uint32_t fsr,
				      uint32_t far, bool prefetch,
				      struct mm_struct *mm, bool user)
{
	const struct fsr_info *inf = fsr_lookup(fsr);

	/*
	 * Field by field, not a compound literal: that would clear the
	 * whole report too (a memset on every fault, a quarter of a
	 * zero-page fault's cost), and the report is read only when
	 * have_report says do_user_fault() filled it. The names are in
	 * the constant fault_kind, looked up only for a report.
	 */
	fi->kind = prefetch ? &prefetch_abort : &data_abort;
	fi->addr = far;
	fi->status = fsr;
	fi->vector = 0;
	fi->sig = 0;
	fi->have_report = false;
	fi->flags = user ? FAULT_FLAG_USER : 0;
	if (prefetch)
		fi->flags |= FAULT_FLAG_INSTRUCTION;
	else if (fsr & FSR_WNR)
		fi->flags |= FAULT_FLAG_WRITE;
	return inf->fn(fi, inf, mm);
}
