/*
 * mm/armv7/tlbflush.h - TLB and cache maintenance after page-table changes
 * (ARMv7 ARM B3.10 "TLB maintenance requirements", B2.2.7).
 *
 * After writing a translation table entry:
 *   1. make the write visible to the table walk: the A9's walk reads the
 *      L1 D-cache when ID_MMFR3 says "coherent walk", otherwise the line
 *      must be cleaned to the point of unification (DCCMVAU);
 *   2. DSB, so the write (or clean) completes before what follows;
 *   3. invalidate any TLB entry that may hold the old translation;
 *   4. DSB, then ISB, so later instructions use the new translation.
 */
#ifndef MM_ARMV7_TLBFLUSH_H
#define MM_ARMV7_TLBFLUSH_H

#include "mm/armv7/cp15.h"

extern unsigned long tlb_full_flushes;	/* local_flush_tlb_all() calls */

/*
 * Steps 1 and 2 are clean_table_entry() (mm/armv7/pgtable.h); steps 3
 * and 4, for one page, an ASID or everything, follow.
 */
static inline void local_flush_tlb_all(void)
{
	tlb_full_flushes++;
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0) : "memory");
	dsb();
	isb();
}

/* Invalidate the entries for one page in address space @asid. */
static inline void local_flush_tlb_page(unsigned long addr, unsigned int asid)
{
	uint32_t mva = (addr & 0xfffff000u) | (asid & 0xff);

	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 1" : : "r"(mva) : "memory");
	dsb();
	isb();
}

/* Invalidate the entries of one page whatever their ASID (TLBIMVAA). */
static inline void local_flush_tlb_kernel_page(unsigned long addr)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 3"
			 : : "r"(addr & 0xfffff000u) : "memory");
	dsb();
	isb();
}

/* Invalidate every non-global entry tagged with @asid (TLBIASID). */
static inline void local_flush_tlb_asid(unsigned int asid)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 2"
			 : : "r"(asid & 0xff) : "memory");
	dsb();
	isb();
}

#endif /* MM_ARMV7_TLBFLUSH_H */
