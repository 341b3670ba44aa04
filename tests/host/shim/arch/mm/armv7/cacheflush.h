/*
 * tests/host/shim/arch/mm/armv7/cacheflush.h - the host's stand-in for
 * mm/armv7/cacheflush.h, found first on the host tests' include path so
 * that the real mm/armv7/pgtable.c builds for the host: the host has no
 * caches to maintain and no barriers to wait for, so each operation is
 * only counted (fake_mmu_stats, tests/host/shim/fake_mmu.h).
 */
#ifndef MM_ARMV7_CACHEFLUSH_H
#define MM_ARMV7_CACHEFLUSH_H

#include "kernel/kernel.h"
#include "tests/host/shim/fake_mmu.h"

/* False on the host, so that the cleaning path runs (and is counted). */
extern bool table_walk_coherent;

static inline void dsb(void)
{
}

static inline void isb(void)
{
}

static inline void dcache_clean_line(const void *p)
{
	(void)p;
	fake_mmu_stats.dcache_lines_cleaned++;
}

static inline void icache_invalidate_all(void)
{
	fake_mmu_stats.icache_flushes++;
}

#endif /* MM_ARMV7_CACHEFLUSH_H */
