/*
 * mm/fault.c - the policy in front of handle_mm_fault(), as ARM Linux's
 * do_page_fault()/__do_page_fault() (arch/arm/mm/fault.c), portable:
 *
 *   vma = find_vma(mm, addr)        the lowest VMA ending above addr
 *   no vma                          -> VM_FAULT_BADMAP   "no VMA"
 *   addr below vma:
 *     vma is a VM_GROWSDOWN stack   -> expand_stack(), then as inside
 *     otherwise                     -> VM_FAULT_BADMAP   "no VMA"
 *   the access is not allowed:      -> VM_FAULT_BADACCESS
 *     read:  needs VM_READ, VM_WRITE or VM_EXEC (the MMU cannot make a
 *            writable or executable page unreadable)
 *     write: needs VM_WRITE;  fetch: needs VM_EXEC
 *   else                            -> handle_mm_fault()
 *
 * The stack: a VM_GROWSDOWN VMA grows down to a faulting address below
 * it, page by page as the program pushes, within two limits:
 *
 *       +-----------+  vm_end
 *       |  stack    |
 *       +-----------+  vm_start  <- new vm_start = fault address, page down
 *       |           |      new size vm_end - vm_start <= stack_rlimit
 *       | guard gap |      >= STACK_GUARD_GAP (1 MiB) must stay free
 *       +-----------+  prev->vm_end    above the VMA below
 *       |  prev     |
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/memory_internal.h"
#include "mm/vma.h"
#include "mm/vmstat.h"

static const char *const fault_reasons[] = {
	[FAULT_FIXED] = "fixed",
	[FAULT_NO_VMA] = "no VMA",
	[FAULT_KERNEL_ADDR] = "user access to a kernel address",
	[FAULT_STACK_LIMIT] = "stack cannot grow: beyond its limit",
	[FAULT_STACK_GUARD] = "stack cannot grow: guard gap",
	[FAULT_PROT_NONE] = "access to a PROT_NONE VMA",
	[FAULT_WRITE_RO] = "write to a read-only VMA",
	[FAULT_EXEC_NX] = "execute from a non-executable VMA",
	[FAULT_OOM] = "out of memory",
	[FAULT_BEYOND_EOF] = "beyond end of file",
};

/* fault_reason_str - Returns: @reason in words. */
const char *fault_reason_str(enum fault_reason reason)
{
	if ((unsigned int)reason >= ARRAY_SIZE(fault_reasons))
		return "?";
	return fault_reasons[reason];
}

/*
 * expand_downwards - expand_stack() that also says which limit refused.
 * Returns: FAULT_FIXED when grown, FAULT_STACK_LIMIT, FAULT_STACK_GUARD or
 * FAULT_OOM (no memory for its anon_vma).
 */
static enum fault_reason expand_downwards(struct vm_area_struct *vma,
					  unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long grow;

	address &= PAGE_MASK;
	if (address >= vma->vm_start)
		return FAULT_FIXED;
	/* never over the VMA below, whatever it is (expand_stack callers) */
	if (prev && address < prev->vm_end)
		return FAULT_STACK_GUARD;
	/* A stack below may come close; a PROT_NONE guard VMA may too. */
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & VM_ACCESS_FLAGS) &&
	    address - prev->vm_end < STACK_GUARD_GAP)
		return FAULT_STACK_GUARD;
	/*
	 * Linux makes sure of the anon_vma here, before the size check: a
	 * stack that may not grow still gets one.
	 */
	if (anon_vma_prepare(vma))
		return FAULT_OOM;
	if (vma->vm_end - address > mm->stack_rlimit)
		return FAULT_STACK_LIMIT;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vma_gap_update(vma);	/* its gap shrank: fix the subtree gaps */
	VM_CHECK(mm);
	count_vm_event(TD_STACK_GROWS);
	return FAULT_FIXED;
}

/* expand_stack - see mm/memory.h. Returns: 0, -ENOMEM or -EPERM. */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	if ((address & PAGE_MASK) < vma->vm_mm->mmap_min_addr)
		return -EPERM;
	return expand_downwards(vma, address) == FAULT_FIXED ? 0 : -ENOMEM;
}

/*
 * access_error - ARM's check of an access with @flags against @vma (the
 * rule itself is vma_access_permitted()), with the reason for a refusal.
 * Returns: why @vma refuses it, or FAULT_FIXED when it allows it.
 */
static enum fault_reason access_error(unsigned int flags,
				      const struct vm_area_struct *vma)
{
	if (vma_access_permitted(vma, flags))
		return FAULT_FIXED;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return FAULT_EXEC_NX;
	return flags & FAULT_FLAG_WRITE ? FAULT_WRITE_RO : FAULT_PROT_NONE;
}

/*
 * Copy what the kill message needs to know of @vma into @report.
 */
static void report_vma(struct fault_report *report,
		       const struct vm_area_struct *vma)
{
	report->has_vma = true;
	report->vm_start = vma->vm_start;
	report->vm_end = vma->vm_end;
	report->vm_flags = vma->vm_flags;
	report->vm_pgoff = vma->vm_pgoff;
	report->vm_file = vma->vm_file ? file_inode(vma->vm_file)->i_name :
					 NULL;
}

/* Record the outcome in @report. Returns: @fault. */
static int report_fault(struct fault_report *report, int fault,
			enum fault_reason reason)
{
	report->fault = fault;
	report->reason = reason;
	if (fault & (VM_FAULT_BADMAP | VM_FAULT_BADACCESS))
		count_vm_event(TD_FAULT_SIGSEGV);
	return fault;
}

/* Start @report of a fault at @addr that failed: no VMA in it yet. */
static struct fault_report *report_start(struct fault_report *report,
					 unsigned long addr,
					 unsigned int flags)
{
	report->addr = addr;
	report->flags = flags;
	report->has_vma = false;
	return report;
}

/*
 * do_user_fault - see mm/memory.h. Returns: 0 or VM_FAULT_* bits.
 * The report is written only for a fault that fails (a fixed one, nearly
 * every one, never prints it).
 */
int do_user_fault(struct mm_struct *mm, unsigned long addr,
		  unsigned int flags, struct fault_report *report)
{
	struct vm_area_struct *vma;
	enum fault_reason why;
	int fault;

	if (addr >= mm->task_size)
		return report_fault(report_start(report, addr, flags),
				    VM_FAULT_BADMAP, FAULT_KERNEL_ADDR);
	vma = find_vma(mm, addr);
	if (!vma)
		return report_fault(report_start(report, addr, flags),
				    VM_FAULT_BADMAP, FAULT_NO_VMA);
	if (addr < vma->vm_start) {
		if (!(vma->vm_flags & VM_GROWSDOWN) ||
		    (addr & PAGE_MASK) < max(FIRST_USER_ADDRESS,
					     mm->mmap_min_addr))
			return report_fault(report_start(report, addr, flags),
					    VM_FAULT_BADMAP, FAULT_NO_VMA);
		why = expand_downwards(vma, addr);
		if (why != FAULT_FIXED) {
			report_vma(report_start(report, addr, flags), vma);
			return report_fault(report, VM_FAULT_BADMAP, why);
		}
	}
	why = access_error(flags, vma);
	if (why != FAULT_FIXED) {
		report_vma(report_start(report, addr, flags), vma);
		return report_fault(report, VM_FAULT_BADACCESS, why);
	}
	/* checked above: in @vma, and allowed */
	fault = __handle_mm_fault(mm, vma, addr, flags);
	if (likely(!fault))
		return 0;
	/* only a fault that fails is reported: the VMA goes in the report */
	report_vma(report_start(report, addr, flags), vma);
	if (fault & VM_FAULT_OOM)
		why = FAULT_OOM;
	else if (fault & VM_FAULT_SIGBUS)
		why = FAULT_BEYOND_EOF;
	else
		why = FAULT_FIXED;	/* never: the access was checked */
	return report_fault(report, fault, why);
}
