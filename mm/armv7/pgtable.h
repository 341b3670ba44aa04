/*
 * mm/armv7/pgtable.h - what the ARMv7 files share about page tables and
 * address-space contexts (not for portable code: see mm/mmu.h).
 */
#ifndef MM_ARMV7_PGTABLE_H
#define MM_ARMV7_PGTABLE_H

#include "kernel/armv7/board.h"
#include "mm/armv7/cacheflush.h"
#include "mm/armv7/memory.h"
#include "mm/armv7/pgtable-hwdef.h"
#include "mm/memlayout.h"
#include "mm/mm.h"
#include "mm/mm_types.h"

/* The hardware L1 table: 4096 descriptors, 16 KiB, 16 KiB aligned. */
struct arch_pgd {
	uint32_t entry[4096];
};

#define PTRS_PER_PTE 256
#define pgd_index(addr) ((addr) >> SECTION_SHIFT)
#define pte_index(addr) (((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define USER_PGD_ENTRIES pgd_index(PAGE_OFFSET)	/* 0xC00: below the kernel */

/*
 * Make the table entry just written at @entry visible to the table walk
 * (steps 1 and 2 of mm/armv7/tlbflush.h).
 */
static inline void clean_table_entry(const void *entry)
{
	if (!table_walk_coherent)
		dcache_clean_line(entry);
	dsb();
}

/* init_mm (swapper_pg_dir's, defined in mmu_init.c): mm/mm.h. */

/* ASIDs (mm/armv7/context.c). ASID 0 is never given to a task. */
#define ASID_BITS 8
#define ASID_MASK ((1UL << ASID_BITS) - 1)
#define NUM_USER_ASIDS ASID_MASK	/* 1 .. 255 */

/* The ASID @mm's TLB entries carry, or 0 when it holds none now. */
unsigned int mm_live_asid(const struct mm_struct *mm);

/* The current ASID generation and how many rollovers happened. */
unsigned long asid_generation(void);
unsigned long asid_rollovers(void);

/* Flush @mm's TLB entries for one page / a range / all of them. */
void flush_tlb_page(struct mm_struct *mm, unsigned long addr);
void flush_tlb_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);

/* Clean [@start, @start + @size) from the D-cache to the point of unification. */
void clean_dcache_area(const void *start, size_t size);

#endif /* MM_ARMV7_PGTABLE_H */
