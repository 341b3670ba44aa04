/*
 * mm/armv7/cacheflush.h - the cache maintenance the page-table code needs
 * (ARMv7 ARM B2.2.7, B3.10.1): making a written table entry visible to
 * the table walk, and making a page of new code visible to instruction
 * fetches. The CP15 operations, one line each, and nothing else (with
 * dsb() and isb() from cp15.h): the host tests build mm/armv7/pgtable.c
 * against a header of the same name in tests/host/shim/arch/ that only
 * counts them.
 */
#ifndef MM_ARMV7_CACHEFLUSH_H
#define MM_ARMV7_CACHEFLUSH_H

#include "kernel/kernel.h"
#include "mm/armv7/cp15.h"

/*
 * Does the table walk read the L1 data cache (ID_MMFR3, mmu_init.c)? If
 * not, a table entry written through the cache must be cleaned to the
 * point of unification before the walk can see it.
 */
extern bool table_walk_coherent;

/* DCCMVAU: clean the data-cache line holding @p to the point of unification. */
static inline void dcache_clean_line(const void *p)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c11, 1" : : "r"(p) : "memory");
}

/*
 * ICIALLU and BPIALL: forget every instruction-cache line and branch
 * prediction, then wait for it; after the new code was cleaned from the
 * data cache.
 */
static inline void icache_invalidate_all(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0\n\t"
			 "mcr p15, 0, %0, c7, c5, 6"
			 : : "r"(0) : "memory");
	dsb();
	isb();
}

#endif /* MM_ARMV7_CACHEFLUSH_H */
