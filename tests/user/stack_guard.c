/*
 * tests/user/stack_guard.c - the top-down search and a stack's guard gap,
 * as Linux 6.1 does it. A stack (MAP_GROWSDOWN) claims the 1 MiB
 * (256 pages) below it. The search looks at the plain gaps between
 * VMAs; when the highest gap that fits ends at a stack whose guard gap
 * reaches into it, the search is done again below the start of the guard
 * gap, and every gap above that point is given up: a hole between two
 * VMAs inside the guard gap too.
 *
 * The layout, at the top of the free space (X: the lowest mapped address
 * above the highest free 4 MiB, found by filling every hole above it):
 *
 *   X-1024p ........ X-105p  B  X-104p ......... X-4p  S S S S  X
 *           free             1p      100 pages free    the stack
 *
 * S's guard gap is [X-260p, X-4p); B sits inside it.
 */
#include <stdio.h>
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define P(n) ((unsigned long)(n) * PAGE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define FREE_PAGES 1024UL	/* 4 MiB */

static unsigned long X;

/*
 * mmap(NULL, @pages) anonymous, read-only: the address, or -errno (as an
 * unsigned long, above -4096UL).
 */
static unsigned long place(unsigned long pages)
{
	return (unsigned long)sys_mmap2(0, P(pages), PROT_READ, ANON, -1, 0);
}

static bool failed(unsigned long addr)
{
	return addr > -4096UL;
}

/*
 * Make [X - 4 MiB, X) the highest free range: take the highest 4 MiB,
 * then map every page hole above it (a 1-page request lands above it
 * while one is left), then give the 4 MiB back. The fillers stay.
 */
static bool find_top(void)
{
	unsigned long r = place(FREE_PAGES), p;

	if (failed(r))
		return false;
	while ((p = place(1)) > r && !failed(p))
		;	/* a hole above: leave it filled */
	if (p != r - PAGE) {
		printf("# the 4 MiB at %#lx, then a page at %#lx\n", r, p);
		return false;
	}
	sys_munmap(p, PAGE);
	sys_munmap(r, P(FREE_PAGES));
	X = r + P(FREE_PAGES);
	return true;
}

/* The stack and B, as in the picture. */
static bool build(void)
{
	return sys_mmap2(X - P(4), P(4), PROT_READ | PROT_WRITE,
			 ANON | MAP_FIXED | MAP_GROWSDOWN, -1, 0) ==
		       (long)(X - P(4)) &&
	       sys_mmap2(X - P(105), P(1), PROT_READ, ANON | MAP_FIXED, -1,
			 0) == (long)(X - P(105));
}

/*
 * One page: the hole [X-104p, X-4p) is the highest gap; it ends at the
 * stack, so the search starts again below X-260p: X-261p, not X-5p (the
 * hole's top) nor X-106p (below B, the first page outside the hole).
 */
static void test_one_page_goes_below_the_guard_gap(void)
{
	unsigned long a = place(1);

	CHECK_EQ(a, X - P(261));
	sys_munmap(a, PAGE);
}

/* 100 pages fill the hole exactly: given up the same way, X-360p. */
static void test_a_fitting_hole_under_the_stack_is_given_up(void)
{
	unsigned long a = place(100);

	CHECK_EQ(a, X - P(360));
	sys_munmap(a, P(100));
}

/*
 * 101 pages do not fit the hole: the highest gap that fits is the one
 * below B, which does not end at a stack, so they go at X-206p, inside
 * the stack's guard gap: Linux keeps the guard gap only for the gap that
 * ends at the stack.
 */
static void test_the_gap_below_another_vma_may_reach_into_the_guard_gap(void)
{
	unsigned long a = place(101);

	CHECK_EQ(a, X - P(206));
	sys_munmap(a, P(101));
}

int main(void)
{
	utest_begin("stack_guard");
	if (!find_top()) {
		printf("# no free 4 MiB at the top\n");
		return 1;
	}
	if (!build()) {
		printf("# cannot build the layout below %#lx\n", X);
		return 1;
	}
	utest_run("one_page_goes_below_the_guard_gap",
		  test_one_page_goes_below_the_guard_gap);
	utest_run("a_fitting_hole_under_the_stack_is_given_up",
		  test_a_fitting_hole_under_the_stack_is_given_up);
	utest_run("the_gap_below_another_vma_may_reach_into_the_guard_gap",
		  test_the_gap_below_another_vma_may_reach_into_the_guard_gap);
	sys_munmap(X - P(105), P(105));
	return utest_end();
}
