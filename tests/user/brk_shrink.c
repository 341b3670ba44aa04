/*
 * tests/user/brk_shrink.c - shrinking the break over memory that is no
 * longer mapped, as Linux 6.1's brk() does it: it looks for a VMA in
 * [PAGE_ALIGN(new), PAGE_ALIGN(old)) first. None there (the heap pages
 * were unmapped): the break stays. One there (whatever it is): the break
 * moves and the range is unmapped, that VMA with it.
 */
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((unsigned long)(n) * PAGE)
#define PAGE 4096UL

static unsigned long base;	/* the page-aligned break at the start */

/* Grow the break by 4 pages from @base; false if that fails. */
static bool grow4(void)
{
	return sys_brk(base + P(4)) == base + P(4);
}

/* The heap pages unmapped under the break: a shrink leaves it. */
static void test_shrink_over_a_hole_keeps_the_break(void)
{
	CHECK(grow4());
	CHECK_EQ(sys_munmap(base, P(4)), 0);
	CHECK_EQ(sys_brk(base + P(1)), base + P(4));
	CHECK_EQ(sys_brk(0), base + P(4));
}

/*
 * A mapping of its own in the hole: brk finds a VMA there, so the break
 * moves down and the whole range goes, that mapping too.
 */
static void test_shrink_over_a_mapping_unmaps_it(void)
{
	struct map_entry e;
	long m = sys_mmap2(base + P(2), P(1), PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	CHECK_EQ(m, (long)(base + P(2)));
	CHECK_EQ(sys_brk(base + P(1)), base + P(1));
	CHECK(!maps_find(base + P(2), &e));
	/* and [base, base + 1 page) was unmapped by the first case: stays */
	CHECK_EQ(sys_brk(base), base + P(1));
}

int main(void)
{
	utest_begin("brk_shrink");
	if (!proc_ensure())
		return 1;
	/* start on a page boundary with the heap empty above it */
	base = (sys_brk(0) + PAGE - 1) & ~(PAGE - 1);
	if (sys_brk(base) != base)
		return 1;
	utest_run("shrink_over_a_hole_keeps_the_break",
		  test_shrink_over_a_hole_keeps_the_break);
	/* the break is still base + 4 pages, over nothing */
	utest_run("shrink_over_a_mapping_unmaps_it",
		  test_shrink_over_a_mapping_unmaps_it);
	return utest_end();
}
