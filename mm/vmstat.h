/*
 * mm/vmstat.h - event counters of the mm code, as Linux's vm_event_item
 * (/proc/vmstat): global, only ever incremented, read by tests, by the
 * benchmarks and by a /proc/vmstat-like dump.
 *
 * The td_ counters are topdown's own: they make demand paging visible.
 * Each fault that gives a task a page adds to exactly one of the "mapped"
 * counters below, so a test can say how many pages a run of touches must
 * have cost and check it:
 *
 *   read of untouched private anonymous memory  td_zero_page_maps
 *   first write to private anonymous memory     td_anon_page_allocs
 *     (no PTE, or a PTE to the zero page)
 *   write to a page someone else also maps      td_cow_copies
 *     (page cache page, page shared after fork)
 *   write to a private page only we map         td_cow_reuses
 *   any fault of a shared or file mapping       td_file_page_maps
 *     that maps a page-cache page as it is
 */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

#include "kernel/kernel.h"

enum vm_event_item {
	PGFAULT,		/* faults handle_mm_fault() was asked to fix */
	TD_ZERO_PAGE_MAPS,	/* PTEs made to the shared zero page */
	TD_ANON_PAGE_ALLOCS,	/* fresh zero-filled anonymous pages */
	TD_COW_COPIES,		/* anonymous pages made by copying a page */
	TD_COW_REUSES,		/* write faults that kept the page (only user) */
	TD_FILE_PAGE_MAPS,	/* page-cache pages mapped as they are */
	TD_PAGECACHE_ADDS,	/* pages added to a page cache */
	TD_STACK_GROWS,		/* VM_GROWSDOWN stacks grown by a fault */
	TD_FAULT_OOM,		/* faults failed: out of memory */
	TD_FAULT_SIGBUS,	/* faults failed: beyond the end of the file */
	TD_FAULT_SIGSEGV,	/* faults refused: no VMA, or wrong access */
	TD_PAGES_ZAPPED,	/* PTEs removed by munmap and exit */
	TD_FORK_PTES,		/* PTEs copied by dup_mmap() */
	TD_PTES_MOVED,		/* PTEs moved by mremap(), pages and all */
	NR_VM_EVENT_ITEMS
};

/* The counters, indexed by enum vm_event_item. */
extern unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

/* The name of each counter, as /proc/vmstat prints it ("pgfault"). */
extern const char *const vmstat_text[NR_VM_EVENT_ITEMS];

/* Add one to counter @item. */
static inline void count_vm_event(enum vm_event_item item)
{
	vm_event_states[item]++;
}

/* Add @delta to counter @item. */
static inline void count_vm_events(enum vm_event_item item,
				   unsigned long delta)
{
	vm_event_states[item] += delta;
}

/* The value of counter @item. */
static inline unsigned long global_vm_event(enum vm_event_item item)
{
	return vm_event_states[item];
}

/* Print every counter, "name value" a line (Linux: cat /proc/vmstat). */
void vmstat_show(void);

#endif /* MM_VMSTAT_H */
