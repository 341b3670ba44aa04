/*
 * tests/user/placement.c - where new mappings land, to the exact address.
 *
 * Top-down placement (arch_get_unmapped_area_topdown and
 * unmapped_area_topdown) puts a mapping at the top of the highest free
 * gap that fits it, so a program can predict every address from ones it
 * has seen. Nothing here depends on the kernel's own layout (mmap_base,
 * the vdso Linux maps there): each case builds a region X of its own and
 * punches holes in it:
 *
 *	x + 12p  +---------+  (whatever was mapped before: packed)
 *	         |  R R    |  pages 10-11
 *	x + 10p  +---------+
 *	         |  hole   |  H_high: pages 8-9 (2 pages)
 *	x +  8p  +---------+
 *	         |  R R R  |  pages 5-7
 *	x +  5p  +---------+
 *	         |  hole   |  H_low: pages 2-4 (3 pages)
 *	x +  2p  +---------+
 *	         |  R R    |  pages 0-1
 *	x        +---------+
 *	         |  free   |  (nothing below X: it was the lowest mapping)
 *
 * The one assumption: a new process has no free gap between its first
 * mmap() and the mappings above it, so X lands just below them and is
 * the lowest mapping. Every mapping placed is written and read back.
 * Holds unchanged on Linux 6.1 (make check-linux).
 */
#include <string.h>
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((n) * PAGE_SIZE)
#define RW (PROT_READ | PROT_WRITE)
#define PA (MAP_PRIVATE | MAP_ANONYMOUS)

/* How far below x a case may map; teardown() clears down to there. */
#define BELOW_PAGES 128

static unsigned long x;		/* the base of region X */

/* Anonymous private RW mmap of @len at hint @hint (0: none) + @flags. */
static unsigned long map(unsigned long hint, unsigned long len, int flags)
{
	return (unsigned long)sys_mmap2(hint, len, RW, PA | flags, -1, 0);
}

/* Fill [addr, addr + len) with @val, page by page. */
static void fill(unsigned long addr, unsigned long len, unsigned char val)
{
	memset((void *)addr, val, len);
}

/* Build region X with its two holes (picture at the top). */
static void build_x(void)
{
	x = map(0, P(12), 0);
	CHECK(!sys_is_err((long)x));
	fill(x, P(12), 0x11);
	CHECK_EQ(sys_munmap(x + P(8), P(2)), 0);	/* H_high */
	CHECK_EQ(sys_munmap(x + P(2), P(3)), 0);	/* H_low */
}

/* Unmap X and everything a case put below it. */
static void teardown(void)
{
	CHECK_EQ(sys_munmap(x - P(BELOW_PAGES), P(BELOW_PAGES + 12)), 0);
}

/* A second and third mapping land just below the first. */
static void test_topdown_packing(void)
{
	unsigned long a = map(0, P(4), 0);
	unsigned long b = map(0, P(4), 0);
	unsigned long c = map(0, P(1), 0);

	utest_diag("a %#lx b %#lx c %#lx", a, b, c);
	CHECK_EQ(b, a - P(4));
	CHECK_EQ(c, b - P(1));
	CHECK_NEW_MAPPING(a, P(4), 0xa1);
	CHECK_NEW_MAPPING(b, P(4), 0xb1);
	CHECK_NEW_MAPPING(c, P(1), 0xc1);
	CHECK(utest_holds(a, P(4), 0xa1));	/* b's fill did not reach a */
	CHECK_EQ(sys_munmap(c, P(9)), 0);
}

/*
 * Requests that fit a hole go to the highest one that fits, at its top:
 * 1 page -> top of H_high, 1 page -> the rest of it, 3 pages -> H_low.
 */
static void test_highest_hole_first(void)
{
	unsigned long a, b, c;

	build_x();
	utest_diag("x %#lx", x);
	a = map(0, P(1), 0);
	CHECK_EQ(a, x + P(9));
	b = map(0, P(1), 0);
	CHECK_EQ(b, x + P(8));
	c = map(0, P(3), 0);
	CHECK_EQ(c, x + P(2));
	CHECK_NEW_MAPPING(a, P(1), 0xa2);
	CHECK_NEW_MAPPING(b, P(1), 0xb2);
	CHECK_NEW_MAPPING(c, P(3), 0xc2);
	CHECK(utest_holds(x, P(2), 0x11));	/* neighbours untouched */
	CHECK(utest_holds(x + P(5), P(3), 0x11));
	CHECK(utest_holds(x + P(10), P(2), 0x11));
	teardown();
}

/* A request larger than every hole goes below everything (below X). */
static void test_no_hole_fits(void)
{
	unsigned long a;

	build_x();
	a = map(0, P(4), 0);
	CHECK_EQ(a, x - P(4));
	CHECK_NEW_MAPPING(a, P(4), 0xa3);
	/* a 2-page request still takes the highest hole that fits */
	CHECK_EQ(map(0, P(2), 0), x + P(8));
	teardown();
}

/* A free hint is honoured, rounded down to its page. */
static void test_hint_free_honoured(void)
{
	unsigned long a, b;

	build_x();
	a = map(x + P(3) + 0x123, P(1), 0);	/* inside H_low */
	CHECK_EQ(a, x + P(3));
	b = map(x - P(64), P(2), 0);		/* far below X */
	CHECK_EQ(b, x - P(64));
	CHECK_NEW_MAPPING(a, P(1), 0xa4);
	CHECK_NEW_MAPPING(b, P(2), 0xb4);
	teardown();
}

/*
 * A hint whose range is not free is ignored, and the mapping goes where
 * it would have gone without one (the highest hole that fits).
 */
static void test_hint_overlap_ignored(void)
{
	unsigned long a, b;

	build_x();
	a = map(x + P(6), P(1), 0);		/* inside a mapping */
	CHECK_EQ(a, x + P(9));
	b = map(x + P(4), P(2), 0);		/* runs into page 5 */
	CHECK_EQ(b, x + P(3));			/* top of H_low: H_high has
						 * only 1 page left */
	CHECK_NEW_MAPPING(a, P(1), 0xa5);
	CHECK_NEW_MAPPING(b, P(2), 0xb5);
	CHECK(utest_holds(x + P(5), P(3), 0x11));
	teardown();
}

/*
 * A hint below mmap_min_addr is no hint: round_hint_to_min() rounds it
 * down to its page, which is 0.
 *
 * Hints between 4096 and 32768 are left alone on purpose: Debian's
 * kernel has CONFIG_SECURITY, so its mmap_min_addr (the one hints are
 * checked against) is CONFIG_LSM_MMAP_MIN_ADDR = 32768, not the 4096 of
 * /proc/sys/vm/mmap_min_addr; a hint at 0x1000 is raised to 0x8000 there
 * (observed on 6.1 armmp: not honoured), while a kernel with 4096 honours
 * it. MAP_FIXED is checked against 4096 (cap_mmap_addr) on both.
 */
static void test_hint_below_min_addr_ignored(void)
{
	unsigned long a;

	build_x();
	a = map(0x800, P(1), 0);
	CHECK_EQ(a, x + P(9));
	CHECK_NEW_MAPPING(a, P(1), 0xa6);
	teardown();
}

/* Hints at or beyond TASK_SIZE do not fit and are ignored. */
static void test_hint_above_task_size_ignored(void)
{
	build_x();
	CHECK_EQ(map(PAGE_OFFSET, P(1), 0), x + P(9));
	CHECK_EQ(map(TASK_SIZE - P(1), P(2), 0), x + P(3));	/* H_low */
	CHECK_NEW_MAPPING(x + P(9), P(1), 0xa8);
	CHECK_NEW_MAPPING(x + P(3), P(2), 0xb8);
	teardown();
}

/*
 * MAP_FIXED over a mapping replaces it: same address, the old contents
 * are gone (reads zero), neighbours keep theirs.
 */
static void test_fixed_replaces(void)
{
	unsigned long m = map(0, P(3), 0);

	CHECK(!sys_is_err((long)m));
	fill(m, P(3), 0x5a);
	CHECK_EQ(map(m + P(1), P(1), MAP_FIXED), m + P(1));
	CHECK(utest_holds(m + P(1), P(1), 0));
	CHECK(utest_holds(m, P(1), 0x5a));
	CHECK(utest_holds(m + P(2), P(1), 0x5a));
	fill(m + P(1), P(1), 0x6b);
	CHECK_EQ(map(m, P(3), MAP_FIXED), m);
	CHECK(utest_holds(m, P(3), 0));
	CHECK_NEW_MAPPING(m, P(3), 0x7c);
	CHECK_EQ(sys_munmap(m, P(3)), 0);
}

/*
 * MAP_FIXED_NOREPLACE: EEXIST over a mapping (which keeps its data), the
 * exact address in free space.
 */
static void test_fixed_noreplace(void)
{
	unsigned long m = map(0, P(2), 0);

	CHECK(!sys_is_err((long)m));
	fill(m, P(2), 0x3c);
	CHECK_EQ(sys_mmap2(m, P(1), RW, PA | MAP_FIXED_NOREPLACE, -1, 0),
		 -EEXIST);
	CHECK_EQ(sys_mmap2(m - P(1), P(2), RW, PA | MAP_FIXED_NOREPLACE, -1,
			   0),
		 -EEXIST);
	CHECK(utest_holds(m, P(2), 0x3c));
	CHECK_EQ(map(m - P(1), P(1), MAP_FIXED_NOREPLACE), m - P(1));
	CHECK_NEW_MAPPING(m - P(1), P(1), 0x4d);
	CHECK_EQ(sys_munmap(m - P(1), P(3)), 0);
}

/* A hole left by munmap is reused by the next request that fits it. */
static void test_munmap_hole_reused(void)
{
	unsigned long a = map(0, P(4), 0);
	unsigned long b = map(0, P(4), 0);
	unsigned long c = map(0, P(4), 0);
	unsigned long d;

	CHECK_EQ(b, a - P(4));
	CHECK_EQ(c, b - P(4));
	fill(b, P(4), 0x99);
	CHECK_EQ(sys_munmap(b, P(4)), 0);
	d = map(0, P(4), 0);
	CHECK_EQ(d, b);
	CHECK_NEW_MAPPING(d, P(4), 0x9a);		/* fresh pages: zero, not 0x99 */
	CHECK_EQ(sys_munmap(c, P(12)), 0);
}

int main(void)
{
	utest_begin("placement");
	utest_run("topdown_packing", test_topdown_packing);
	utest_run("highest_hole_first", test_highest_hole_first);
	utest_run("no_hole_fits_goes_below", test_no_hole_fits);
	utest_run("hint_free_honoured", test_hint_free_honoured);
	utest_run("hint_overlap_ignored", test_hint_overlap_ignored);
	utest_run("hint_below_min_addr_ignored",
		  test_hint_below_min_addr_ignored);
	utest_run("hint_above_task_size_ignored",
		  test_hint_above_task_size_ignored);
	utest_run("fixed_replaces", test_fixed_replaces);
	utest_run("fixed_noreplace", test_fixed_noreplace);
	utest_run("munmap_hole_reused", test_munmap_hole_reused);
	return utest_end();
}
