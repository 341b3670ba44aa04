/*
 * mm/armv7/cacheinfo.c - cache identification, and the aliasing decision
 * behind colour alignment.
 *
 * A VIPT cache indexes lines with virtual address bits. When one way of
 * the cache spans more than a page (way size = line size * sets > 4 KiB),
 * index bits come from above the page offset, and two virtual addresses
 * of one physical page can land in different lines: an alias. Placing
 * shared mappings at addresses congruent modulo SHMLBA avoids that.
 *
 * Linux on ARMv7 never treats the data cache as aliasing: the
 * architecture requires data caches to behave as PIPT (ARMv7 ARM B2.2.2),
 * and Linux's cacheid_init() sets CACHEID_VIPT_NONALIASING for every v7
 * CPU. CACHE_ALIAS=auto does the same; =on forces the aliasing path so
 * it can be watched under QEMU, which models no cache at all.
 */
#include "kernel/printk.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/cp15.h"
#include "mm/memlayout.h"
#include "mm/mmu.h"

static bool vipt_aliasing;
static enum cache_alias_mode alias_mode;
static uint32_t ctr, clidr, ccsidr_l1d, ccsidr_l1i;

bool cache_is_vipt_aliasing(void)
{
	return vipt_aliasing;
}

/*
 * CCSIDR: [27:13] NumSets - 1, [12:3] Associativity - 1,
 * [2:0] log2(words per line) - 2, i.e. log2(bytes per line) - 4.
 */
void decode_ccsidr(uint32_t ccsidr, struct cache_geometry *g)
{
	g->line_size = 1u << ((ccsidr & 7) + 4);
	g->ways = ((ccsidr >> 3) & 0x3ff) + 1;
	g->sets = ((ccsidr >> 13) & 0x7fff) + 1;
	g->way_size = (unsigned long)g->line_size * g->sets;
	g->size = g->way_size * g->ways;
}

/* CTR.DminLine, bits [19:16]: log2 of the words in the smallest line. */
unsigned int dcache_line_size(void)
{
	return 4u << ((read_ctr() >> 16) & 0xf);
}

static uint32_t read_ccsidr_of(uint32_t csselr)
{
	write_csselr(csselr);
	isb();
	return read_ccsidr();
}

void cacheinfo_init(enum cache_alias_mode mode)
{
	ctr = read_ctr();
	clidr = read_clidr();
	ccsidr_l1d = read_ccsidr_of(0);	/* level 1, data */
	ccsidr_l1i = read_ccsidr_of(1);	/* level 1, instruction */
	alias_mode = mode;
	vipt_aliasing = mode == CACHE_ALIAS_ON;
}

static const char *l1i_policy(void)
{
	switch ((ctr >> 14) & 3) {	/* CTR.L1Ip */
	case 1: return "ASID-tagged VIVT";
	case 2: return "VIPT";
	case 3: return "PIPT";
	default: return "reserved";
	}
}

void cacheinfo_print(void)
{
	struct cache_geometry d;

	decode_ccsidr(ccsidr_l1d, &d);
	printk("  cache   CTR %08lx  CLIDR %08lx  CCSIDR(L1 D) %08lx\n",
	       (unsigned long)ctr, (unsigned long)clidr,
	       (unsigned long)ccsidr_l1d);
	printk("          L1 D: %lu KiB, %u ways x %u sets x %u-byte lines; "
	       "way %lu KiB %s page: %s\n",
	       d.size >> 10, d.ways, d.sets, d.line_size, d.way_size >> 10,
	       d.way_size > PAGE_SIZE ? ">" : "<=",
	       d.way_size > PAGE_SIZE ? "could alias" : "cannot alias");
	printk("          L1 I: %s\n", l1i_policy());
	printk("          colour alignment (SHMLBA %lu KiB): %s [CACHE_ALIAS=%s%s]\n",
	       SHMLBA >> 10, vipt_aliasing ? "ON" : "off",
	       alias_mode == CACHE_ALIAS_ON ? "on" :
	       alias_mode == CACHE_ALIAS_OFF ? "off" : "auto",
	       alias_mode == CACHE_ALIAS_AUTO ?
	       ": ARMv7 data caches behave as PIPT, as Linux decides" : "");
}
