/*
 * mm/armv7/cacheinfo.h - what the cache identification registers say
 * about the L1 caches, and whether the data cache can alias.
 */
#ifndef MM_ARMV7_CACHEINFO_H
#define MM_ARMV7_CACHEINFO_H

#include "kernel/arch.h"
#include "kernel/kernel.h"

/* One cache's geometry, decoded from its CCSIDR. */
struct cache_geometry {
	unsigned int line_size;		/* bytes */
	unsigned int ways;
	unsigned int sets;
	unsigned long size;		/* line_size * ways * sets */
	unsigned long way_size;		/* line_size * sets: the index span */
};

void decode_ccsidr(uint32_t ccsidr, struct cache_geometry *g);

/*
 * The smallest data cache line of this CPU, in bytes: the stride of
 * cache maintenance by address (CTR.DminLine; 32 on the Cortex-A9).
 * Reads CTR, so it works before cacheinfo_init().
 */
unsigned int dcache_line_size(void);

/* cacheinfo_init(), for start_kernel(): kernel/arch.h. */
/* The banner's lines about the caches. */
void cacheinfo_print(void);

#endif /* MM_ARMV7_CACHEINFO_H */
