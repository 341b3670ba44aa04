/*
 * mm/memory.h - demand paging: the portable fault policy and what undoes
 * it (zap), with Linux's names and return conventions.
 *
 * The arch code (mm/armv7/fault.c) decodes an abort into an address and
 * FAULT_FLAG_* bits and calls do_user_fault(); its verdict goes to
 * kernel/trap.c, which acts on it (kill, fix up, stop). Everything
 * else - which VMA, may this access happen, which page, which PTE bits -
 * is decided here, in portable code tested on the host.
 *
 *   abort --> do_user_fault()                           mm/fault.c
 *               find_vma, expand_stack, access check
 *             handle_mm_fault()                         mm/memory.c
 *               no PTE, anonymous  --> do_anonymous_page  (zero page / new)
 *               no PTE, file/shmem --> do_fault           (page cache)
 *               write to read-only --> do_wp_page         (mm/cow.c)
 *
 * Every PTE holds one reference on its page and counts in the page's
 * map count (page_mapcount); the zero page is counted the same way but,
 * never losing the reference it was allocated with, is never freed.
 */
#ifndef MM_MEMORY_H
#define MM_MEMORY_H

#include "kernel/kernel.h"
#include "mm/memlayout.h"
#include "mm/mm_types.h"

struct page;

/* What the faulting access was (handle_mm_fault's @flags), Linux's values. */
#define FAULT_FLAG_WRITE 0x01		/* a store */
#define FAULT_FLAG_USER 0x40		/* from user mode */
#define FAULT_FLAG_INSTRUCTION 0x100	/* an instruction fetch */

/*
 * Results (vm_fault_t bits, Linux's values): 0 means fixed, retry the
 * access. The last two are ARM's own (arch/arm/mm/fault.c), returned by
 * do_user_fault() before handle_mm_fault() is reached.
 */
#define VM_FAULT_OOM 0x0001		/* no memory for a page or table */
#define VM_FAULT_SIGBUS 0x0002		/* beyond the end of the file */
#define VM_FAULT_SIGSEGV 0x0040		/* the VMA does not allow it */
#define VM_FAULT_BADMAP 0x010000	/* no VMA there: SEGV_MAPERR */
#define VM_FAULT_BADACCESS 0x020000	/* VMA forbids it: SEGV_ACCERR */
#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* Why a fault could not be fixed, for the kill message. */
enum fault_reason {
	FAULT_FIXED,		/* not a failure */
	FAULT_NO_VMA,		/* no VMA contains the address */
	FAULT_KERNEL_ADDR,	/* at or above task_size */
	FAULT_STACK_LIMIT,	/* below the stack, beyond its rlimit */
	FAULT_STACK_GUARD,	/* below the stack, in the guard gap */
	FAULT_PROT_NONE,	/* any access to a PROT_NONE VMA */
	FAULT_WRITE_RO,		/* write to a VMA without VM_WRITE */
	FAULT_EXEC_NX,		/* fetch from a VMA without VM_EXEC */
	FAULT_OOM,		/* out of memory */
	FAULT_BEYOND_EOF,	/* page wholly beyond the end of the file */
};

/*
 * What do_user_fault() found: the address, flags, result and reason on
 * every call, fixed or not; for a fault that fails, also the VMA involved
 * (copies of its fields, so the arch code can print it after the task's
 * address space is gone). A fault that is fixed, the common case, copies
 * nothing more.
 */
struct fault_report {
	unsigned long addr;		/* the faulting address */
	unsigned int flags;		/* FAULT_FLAG_* of the access */
	int fault;			/* the result, VM_FAULT_* bits */
	enum fault_reason reason;	/* why it failed (FAULT_FIXED: it did not) */
	bool has_vma;			/* the fields below are valid */
	unsigned long vm_start, vm_end;	/* the VMA involved: containing the */
	unsigned long vm_flags;		/* address, or the stack that could */
	unsigned long vm_pgoff;		/* not grow down to it */
	const char *vm_file;		/* its file's name, or NULL */
};

/* The reason in words ("write to a read-only VMA"). */
const char *fault_reason_str(enum fault_reason reason);

/*
 * vma_access_permitted - may an access with @flags happen in @vma? ARM's
 * rule (its access_error): a write needs VM_WRITE, an instruction fetch
 * VM_EXEC, a read any of VM_READ, VM_WRITE, VM_EXEC (the MMU cannot
 * make a page writable or executable and not readable).
 * Returns: true if so. Inline: the fault path asks it twice.
 */
static inline bool vma_access_permitted(const struct vm_area_struct *vma,
					unsigned int flags)
{
	unsigned long need = VM_READ | VM_WRITE | VM_EXEC;

	if (flags & FAULT_FLAG_WRITE)
		need = VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		need = VM_EXEC;
	return vma->vm_flags & need;
}

/*
 * do_user_fault - fix the fault of an access (@flags) at @addr in @mm, as
 * ARM's do_page_fault/__do_page_fault decide: find the VMA, grow a
 * VM_GROWSDOWN stack down to a lower address, check the access against
 * the VMA's flags (vma_access_permitted()), then handle_mm_fault().
 * Fills @report when the fault fails (and leaves it alone when fixed).
 * Returns: 0 when the access can be retried; otherwise VM_FAULT_BADMAP
 * (no VMA: SIGSEGV/SEGV_MAPERR), VM_FAULT_BADACCESS (SIGSEGV/SEGV_ACCERR),
 * VM_FAULT_OOM or VM_FAULT_SIGBUS.
 */
int do_user_fault(struct mm_struct *mm, unsigned long addr,
		  unsigned int flags, struct fault_report *report);

/*
 * handle_mm_fault - give @vma of @mm a PTE at @addr that allows the
 * access @flags: map the zero page, a new page, a page-cache page, or
 * break copy-on-write. @addr must lie in @vma; the access is checked
 * against vm_flags again (VM_FAULT_SIGSEGV if not allowed). Counts
 * pgfault. May allocate pages and page tables.
 * Returns: 0, or VM_FAULT_OOM / VM_FAULT_SIGBUS / VM_FAULT_SIGSEGV.
 */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, unsigned int flags);

/*
 * __handle_mm_fault - handle_mm_fault() for a caller that has checked
 * already that @addr lies in @vma and that @vma allows @flags (do_user_fault
 * has: the second check would cost the fault path a tenth of a zero-page
 * fault). Same results, but never VM_FAULT_SIGSEGV.
 */
int __handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, unsigned int flags);

/*
 * expand_stack - grow the VM_GROWSDOWN @vma down to the page of @address
 * (below vm_start), as Linux's expand_downwards: the new size must stay
 * within mm->stack_rlimit, and the VMA below (unless it is a stack too or
 * PROT_NONE) must stay STACK_GUARD_GAP away. Updates vm_start, vm_pgoff
 * and the gap tree. No page is mapped.
 * Returns: 0, -ENOMEM (limit or guard gap), -EPERM (below mmap_min_addr).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address);

/*
 * vma_clean_prot - the PTE protection of a page of @vma that has not been
 * written through it: the VMA's, without write access. A shared page is
 * mapped so until a write faults (do_wp_page makes the PTE writable), as
 * ARM Linux keeps a clean PTE read-only in the hardware table until its
 * software dirty bit (L_PTE_DIRTY) is set: so here a writable PTE of a
 * shared mapping is a dirty one. (Private entries are read-only anyway.)
 */
static inline pgprot_t vma_clean_prot(const struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;

	/* write-only is readable too (the MMU has no write-only page) */
	if (flags & VM_WRITE)
		flags = (flags & ~VM_WRITE) | VM_READ;
	return vm_get_page_prot(flags);
}

/*
 * fold_pte_dirty - before the PTEs of [@start, @end) of @vma go away or
 * lose write access: mark dirty (PG_dirty) each page a writable PTE of a
 * shared VMA maps, so that the page remembers it was written (Linux's
 * zap_pte_range does so; its mprotect keeps the dirty bit in the PTE
 * instead, which topdown's PTEs do not have).
 */
void fold_pte_dirty(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);

/*
 * zap_page_range - unmap the pages of @vma in [@start, @start + @size)
 * (clipped to the VMA), dropping each page's map count and reference:
 * an anonymous page nobody else maps is freed. Frees emptied page
 * tables; flushes the TLB. Linux's signature: a size, not an end.
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size);

/*
 * unmap_vmas - zap [@start, @end) in @vma and the VMAs after it that the
 * range reaches (munmap's unmap_region, exit_mmap). The VMAs stay.
 */
void unmap_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long start, unsigned long end);

/*
 * __mm_populate - fault in every page of [@start, @start + @len) that a
 * VMA covers, as if touched: a write for private writable VMAs (so each
 * gets its own page now), a read otherwise. Holes and PROT_NONE VMAs are
 * skipped; pages already mapped suitably cost nothing. Out of memory
 * stops the walk. Another error (SIGBUS past a file's end) skips the
 * rest of that VMA if @ignore_errors, else stops.
 * Returns: 0, -ENOMEM, or -EFAULT (only without @ignore_errors).
 */
int __mm_populate(struct mm_struct *mm, unsigned long start,
		  unsigned long len, int ignore_errors);

/*
 * mm_populate - __mm_populate() ignoring errors other than running out
 * of memory (MAP_POPULATE; Linux's mmap ignores the result).
 * Returns: 0 or -ENOMEM.
 */
static inline int mm_populate(struct mm_struct *mm, unsigned long start,
			      unsigned long len)
{
	return __mm_populate(mm, start, len, 1);
}

/*
 * The shared zero page: every read of untouched private anonymous memory
 * maps it, read-only. Made by zero_page_init() at boot; never freed.
 */
extern struct page *empty_zero_page;
#define ZERO_PAGE(vaddr) (empty_zero_page)

/* Allocate the zero page (mm_core_init() calls this); panics on OOM. */
void zero_page_init(void);

#endif /* MM_MEMORY_H */
