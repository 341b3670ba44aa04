/*
 * mm/mmu_gather.h - pages taken out of a page table, given back only
 * after the TLB has been flushed (Linux's mmu_gather): until then a stale
 * TLB entry might still reach them. Every implementation of mm/mmu.h's
 * unmap_page_range() works one page table at a time: gather its pages
 * while clearing the entries, free the table if it is left empty, flush,
 * then release the pages. One CPU and no preemption: one static batch
 * per implementation is enough.
 */
#ifndef MM_MMU_GATHER_H
#define MM_MMU_GATHER_H

#include "kernel/kernel.h"

struct mm_struct;
struct page;

#define MMU_GATHER_MAX 256	/* the entries of one table (ARMv7: an L2) */

struct mmu_gather {
	unsigned int nr;
	struct page *pages[MMU_GATHER_MAX];
	unsigned long addrs[MMU_GATHER_MAX];
};

/* unmap_page_range()'s callback for each page it took out. */
typedef void (*release_fn)(struct mm_struct *mm, unsigned long addr,
			   struct page *page);

/* Remember @page, whose entry at @addr was just cleared. */
static inline void tlb_gather_page(struct mmu_gather *tlb,
				   unsigned long addr, struct page *page)
{
	tlb->addrs[tlb->nr] = addr;
	tlb->pages[tlb->nr++] = page;
}

/* After the flush: hand every page to @release (if any), empty @tlb. */
static inline void tlb_release_pages(struct mmu_gather *tlb,
				     struct mm_struct *mm, release_fn release)
{
	for (unsigned int i = 0; i < tlb->nr && release; i++)
		release(mm, tlb->addrs[i], tlb->pages[i]);
	tlb->nr = 0;
}

/*
 * Are all @n entries of @table zero (the table maps nothing)? @n is a
 * multiple of 8: eight entries a round, since a table is looked at whole
 * each time it becomes empty (at every exit, for each of its tables).
 */
static inline bool table_is_empty(const uint32_t *table, unsigned int n)
{
	for (unsigned int i = 0; i < n; i += 8)
		if (table[i] | table[i + 1] | table[i + 2] | table[i + 3] |
		    table[i + 4] | table[i + 5] | table[i + 6] | table[i + 7])
			return false;
	return true;
}

#endif /* MM_MMU_GATHER_H */
