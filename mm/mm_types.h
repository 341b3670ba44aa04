/*
 * mm/mm_types.h - the address space of a task (struct mm_struct) and its
 * regions (struct vm_area_struct), as in Linux 4.x: the sorted list and
 * the gap-augmented red-black tree (6.1 keeps VMAs in a maple tree
 * instead). What decides merging follows 6.1, whose behaviour the tests
 * compare against: the anon_vma and its chain, which 4.x has too.
 *
 * Portable: compiled into the kernel and, unchanged, into the host tests.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "mm/mmu.h"
#include "mm/rbtree.h"

struct anon_vma;
struct file;

/*
 * vm_flags: what a region allows and how it behaves (Linux's values).
 * VM_MAY* say what mprotect() may later turn on.
 */
#define VM_NONE 0x00000000UL
#define VM_READ 0x00000001UL
#define VM_WRITE 0x00000002UL
#define VM_EXEC 0x00000004UL
#define VM_SHARED 0x00000008UL
#define VM_MAYREAD 0x00000010UL
#define VM_MAYWRITE 0x00000020UL
#define VM_MAYEXEC 0x00000040UL
#define VM_MAYSHARE 0x00000080UL
#define VM_GROWSDOWN 0x00000100UL	/* the stack: grows down on a fault */
#define VM_PFNMAP 0x00000400UL		/* raw frames, no struct page (never
					 * set here: madvise checks it as Linux) */
#define VM_LOCKED 0x00002000UL
#define VM_IO 0x00004000UL		/* device memory (never set here) */
#define VM_SEQ_READ 0x00008000UL	/* MADV_SEQUENTIAL */
#define VM_RAND_READ 0x00010000UL	/* MADV_RANDOM */
#define VM_DONTCOPY 0x00020000UL	/* MADV_DONTFORK: fork leaves it out */
#define VM_DONTEXPAND 0x00040000UL	/* mremap may not grow it */
#define VM_ACCOUNT 0x00100000UL		/* counted as committed memory */
#define VM_NORESERVE 0x00200000UL	/* MAP_NORESERVE: not counted */
#define VM_HUGETLB 0x00400000UL		/* huge pages (never set here) */
#define VM_SYNC 0x00800000UL		/* MAP_SYNC: only keeps merges apart */
#define VM_WIPEONFORK 0x02000000UL	/* MADV_WIPEONFORK: empty in a child */
#define VM_DONTDUMP 0x04000000UL	/* MADV_DONTDUMP: not in a core dump */
#define VM_MIXEDMAP 0x10000000UL	/* (never set here) */
#define VM_MERGEABLE 0x80000000UL	/* MADV_MERGEABLE: KSM may merge it */

/* What madvise(MADV_DODUMP) and KSM refuse (Linux's VM_SPECIAL). */
#define VM_SPECIAL (VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)

#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)
#define VM_MAY_FLAGS (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_MAYSHARE)

/*
 * One region of an address space: [vm_start, vm_end), page aligned, with
 * one set of flags and one backing object.
 *
 * Every VMA of an mm is on two structures at once: the list sorted by
 * address (vm_next/vm_prev, for walking neighbours) and the red-black tree
 * keyed by vm_start (vm_rb, for O(log n) lookup and the gap search).
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first address inside */
	unsigned long vm_end;		/* first address after */
	struct vm_area_struct *vm_next, *vm_prev;

	struct rb_node vm_rb;

	/*
	 * rb_subtree_gap: the largest free gap just below any VMA of this
	 * node's subtree, where the gap below a VMA is vm_start minus the
	 * vm_end of its predecessor in the list (or minus 0 for the first).
	 */
	unsigned long rb_subtree_gap;

	struct mm_struct *vm_mm;	/* the address space we belong to */
	pgprot_t vm_page_prot;		/* PTE bits: vm_get_page_prot(flags) */
	unsigned long vm_flags;		/* VM_* */

	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct file *vm_file;		/* backing object, or NULL for anon */

	/*
	 * Whose anonymous pages it holds (mm/anon_vma.h): NULL until the
	 * first one; the chain links it to that anon_vma and, after fork,
	 * to the parent's. Merges need equal (or missing) anon_vmas.
	 */
	struct anon_vma *anon_vma;
	struct list_head anon_vma_chain;	/* anon_vma_chain.same_vma */
};

/*
 * A task's address space.
 *
 * Functions in mm/ take the mm explicitly where Linux reads current->mm,
 * so that host tests and self-tests can work on any address space.
 */
struct mm_struct {
	struct vm_area_struct *mmap;	/* the VMA list, lowest first */
	struct rb_root mm_rb;		/* the same VMAs, in the gap tree */
	int map_count;			/* number of VMAs */
	int max_map_count;		/* limit (sysctl vm.max_map_count) */
	unsigned long highest_vm_end;	/* vm_end of the highest VMA, or 0 */
	struct vm_area_struct *mmap_cache; /* find_vma()'s last result */
	unsigned long vm_check_credit;	/* VMAs the checker may skip before
					 * its next full check (mm/debug.h) */

	/* Placement policy: top-down (default) or the legacy bottom-up. */
	unsigned long (*get_unmapped_area)(struct mm_struct *mm,
					   struct file *file,
					   unsigned long addr,
					   unsigned long len,
					   unsigned long pgoff,
					   unsigned long flags);
	unsigned long mmap_base;	/* top of the top-down mmap area */
	bool randomize;			/* ASLR for this image (Linux keeps
					 * it as the task's PF_RANDOMIZE) */
	unsigned long mmap_rnd;		/* then: mmap_base lowered by this */
	unsigned long task_size;	/* end of user space */
	unsigned long mmap_min_addr;	/* lowest address a hint may ask */

	int mm_users;			/* users: tasks, and kernel code that
					 * must keep it alive (mmget/mmput) */
	int mm_count;			/* holders of the struct alone (all
					 * users together count as one): an
					 * open /proc/PID/pagemap (mmgrab/
					 * mmdrop) */
	pgd_t *pgd;			/* the hardware page table */
	unsigned long context_id;	/* ASID and its generation (arch) */
	unsigned long nr_pte_tables;	/* second-level tables (arch) */

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long stack_rlimit;	/* RLIMIT_STACK */
	unsigned long def_flags;	/* VM_* added to every new VMA */
};

#endif /* MM_MM_TYPES_H */
