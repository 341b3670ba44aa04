/*
 * mm/mmu.h - the one boundary between portable mm code and the MMU.
 *
 * Everything the portable code (the .c files of mm/) may ask of the
 * hardware is declared here, each with its contract; mm/armv7/ implements
 * it with ARMv7 short-descriptor tables, and the host tests build that
 * same implementation behind a shim (tests/host/shim/). The portable code
 * never sees a descriptor bit: protections travel as pgprot_t values made
 * by vm_get_page_prot() and pgprot_mkwrite(), and are only ever stored,
 * compared or passed back.
 *
 * All addresses are user virtual addresses, page aligned, below the mm's
 * task_size. Nothing here sleeps; nothing takes a lock (one CPU, the
 * kernel is not preemptible).
 */
#ifndef MM_MMU_H
#define MM_MMU_H

#include "kernel/kernel.h"

struct mm_struct;
struct page;

/* Hardware protection/attribute bits of one page table entry (opaque). */
typedef uint32_t pgprot_t;

/* A task's first-level page table (opaque; ARMv7: 4096 L1 descriptors). */
typedef struct arch_pgd pgd_t;

/* -- protections ---------------------------------------------------------- */

/*
 * protection_map[VM_READ|VM_WRITE|VM_EXEC|VM_SHARED]: the PTE protection
 * for each combination of those four vm_flags. Private writable entries
 * are read-only, so the first write faults and the fault handler decides
 * (zero page -> new page, page-cache page -> private copy).
 */
extern const pgprot_t protection_map[16];

/* protection_map[] for @vm_flags (only the four bits above count). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* @prot with user write access added (the fault path's write upgrade). */
pgprot_t pgprot_mkwrite(pgprot_t prot);

/* Does @prot let user mode write? */
bool pgprot_writable(pgprot_t prot);

/* -- address spaces -------------------------------------------------------- */

/* Set up what page tables are made from, at boot; panics on OOM. */
void pgtable_cache_init(void);

/*
 * Give @mm a page table: user half empty, kernel half shared with the
 * kernel's own table. Returns 0, or -ENOMEM.
 */
int pgd_alloc(struct mm_struct *mm);

/*
 * Free @mm's page table and every second-level table under it. The user
 * mappings must already be gone (unmap_page_range over the whole space),
 * or their pages are simply forgotten: the caller owns them.
 */
void pgd_free(struct mm_struct *mm);

/* Make @next the current address space (TTBR0 and ASID). */
void switch_mm(struct mm_struct *prev, struct mm_struct *next);

/* -- page table entries ---------------------------------------------------- */

/*
 * Map @addr to @page with @prot, replacing whatever entry was there (the
 * caller owns both pages' reference and map counts). Allocates a second-
 * level table when needed; invalidates the TLB entry for @addr.
 * Returns 0, or -ENOMEM when no table could be allocated.
 */
int set_pte_at(struct mm_struct *mm, unsigned long addr, struct page *page,
	       pgprot_t prot);

/*
 * The page @addr maps in @mm and its protection (through @prot, when not
 * NULL), or NULL when nothing is mapped there.
 */
struct page *pte_lookup(struct mm_struct *mm, unsigned long addr,
			pgprot_t *prot);

/*
 * Remove every entry in [@start, @end), calling @release(mm, addr, page)
 * for each page that was mapped (after its entry is gone), free second-
 * level tables that become empty, and flush the TLB for the range.
 */
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end,
		      void (*release)(struct mm_struct *mm, unsigned long addr,
				      struct page *page));

/*
 * Give every present entry in [@start, @end) the protection @prot
 * (mprotect), and flush the TLB for the range.
 */
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, pgprot_t prot);

/* Number of second-level tables @mm has now (for tests and `free`). */
unsigned long mm_nr_ptes(struct mm_struct *mm);

/*
 * The first address in [@addr, @end) from which entries may be present:
 * @addr when a second-level table covers it, else the start of the next
 * span that has one, or @end when none does. A walk over a large, mostly
 * empty range (fork's copy of a VMA) skips what has no table with it.
 */
unsigned long pte_next_table(struct mm_struct *mm, unsigned long addr,
			     unsigned long end);

/* -- pages ----------------------------------------------------------------- */

/*
 * Zero the PAGE_SIZE bytes at kernel address @addr (page aligned): the
 * hot part of every anonymous write fault, so each architecture does it
 * its fastest way (ARMv7: 8-register stores, mm/armv7/clear_page.S).
 */
void clear_page(void *addr);

/*
 * Copy the PAGE_SIZE bytes at kernel address @from to @to (both page
 * aligned): every copy on write (ARMv7: mm/armv7/copy_page.S).
 */
void copy_page(void *to, const void *from);

/* -- the gate area ---------------------------------------------------------- */

/*
 * A page of the kernel's, above TASK_SIZE, that every task may read and
 * execute, and /proc/PID/maps lists last, as Linux's "gate area" (ARMv7:
 * the vectors page at 0xffff0000 with the kernel user helpers, named
 * "[vectors]"). Its address, or 0 when the arch has none; its name.
 */
unsigned long gate_area_start(void);
const char *gate_area_name(void);

/* -- caches ---------------------------------------------------------------- */

/*
 * @page was just written by the kernel and is about to be mapped
 * executable: make the instruction side see it (clean D, invalidate I).
 */
void flush_icache_page(struct page *page);

/*
 * Does the data cache alias (VIPT with a way larger than a page)? Then
 * shared mappings of one object must be placed SHMLBA-congruent.
 * Decided once at boot (mm/armv7/cacheinfo.c); CACHE_ALIAS= may force it.
 */
bool cache_is_vipt_aliasing(void);

#endif /* MM_MMU_H */
