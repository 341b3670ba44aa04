/*
 * Self-tests of the cache geometry decoding (mm/armv7/cacheinfo.c).
 */
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/cp15.h"
#include "tests/kernel/ktest.h"

TEST(decode_cortex_a9_l1_dcache)
{
	struct cache_geometry g;

	/* 0xe00fe019: NumSets-1 = 127, Assoc-1 = 3, LineSize = 1 (8 words) */
	decode_ccsidr(0xe00fe019, &g);
	CHECK_EQ(g.line_size, 32);
	CHECK_EQ(g.ways, 4);
	CHECK_EQ(g.sets, 128);
	CHECK_EQ(g.size, 16 * 1024);
	CHECK_EQ(g.way_size, 4096);	/* = PAGE_SIZE: cannot alias */
}

TEST(decode_a_cache_that_could_alias)
{
	struct cache_geometry g;

	/* 32 KiB, 4 ways, 32-byte lines: 256 sets, 8 KiB per way */
	decode_ccsidr((255u << 13) | (3u << 3) | 1u, &g);
	CHECK_EQ(g.sets, 256);
	CHECK_EQ(g.size, 32 * 1024);
	CHECK_EQ(g.way_size, 8192);	/* > PAGE_SIZE: VIPT aliasing */
}

TEST(this_cpu_has_the_documented_l1_dcache)
{
	struct cache_geometry g;

	/* BOARD.md: QEMU's Cortex-A9 reports 16 KiB, 4-way, 32-byte lines */
	write_csselr(0);
	isb();
	decode_ccsidr(read_ccsidr(), &g);
	CHECK_EQ(g.size, 16 * 1024);
	CHECK_EQ(g.ways, 4);
}

TEST(dcache_line_size_is_the_l1_dcache_line)
{
	struct cache_geometry g;

	/* the stride of clean_dcache_area(): CTR's smallest line, here L1's */
	write_csselr(0);
	isb();
	decode_ccsidr(read_ccsidr(), &g);
	CHECK_EQ(dcache_line_size(), g.line_size);
	CHECK_EQ(dcache_line_size(), 32);
}
