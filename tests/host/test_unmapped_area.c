/*
 * Host tests of mm/unmapped_area.c: placement worked out by hand on a
 * small layout, the error cases, the instrumentation, and the O(log n)
 * bound on 65530 VMAs (counted visits, not time).
 *
 * The layout of most tests, one character per page from PG(0):
 *
 *	"AAAA  BBBB    CCCC        DDDD"
 *	 0   4 6   10  14  18      26  30
 *
 * holes of 2 pages [4, 6), 4 pages [10, 14), 8 pages [18, 26); below A
 * the gap down to 0; above D the unbounded gap from highest_vm_end PG(30).
 * In the colour tests, SHMLBA is 4 pages and align_mask = PAGE_MASK &
 * (SHMLBA - 1) = 0x3000: the address's page number modulo 4 must equal
 * pgoff modulo 4. PG(n) = 0x100000 + n pages, so PG(n) has colour n % 4.
 */
#include "tests/host/test.h"
#include "tests/prng.h"
#include "tests/host/refmodel.h"
#include "tests/host/vma_util.h"
#include "kernel/errno.h"
#include "mm/debug.h"

#define NOMEM ((unsigned long)-ENOMEM)
#define COLOUR_MASK (PAGE_MASK & (SHMLBA - 1))

static struct mm_struct *holes(void)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AAAA  BBBB    CCCC        DDDD", &s);
	return mm;
}

static unsigned long topdown(struct mm_struct *mm, unsigned long pages,
			     unsigned long low, unsigned long high,
			     unsigned long mask, unsigned long offset)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = pages * PAGE_SIZE,
		.low_limit = low,
		.high_limit = high,
		.align_mask = mask,
		.align_offset = offset,
	};

	return unmapped_area_topdown(mm, &info);
}

static unsigned long bottomup(struct mm_struct *mm, unsigned long pages,
			      unsigned long low, unsigned long high,
			      unsigned long mask, unsigned long offset)
{
	struct vm_unmapped_area_info info = {
		.length = pages * PAGE_SIZE,
		.low_limit = low,
		.high_limit = high,
		.align_mask = mask,
		.align_offset = offset,
	};

	return unmapped_area(mm, &info);
}

/* ---------------------------------------------------------------------
 * Top-down, high_limit at D's end (PG(30)), so the gap above D is out
 */

/* The highest hole is [18, 26): one page at its top is PG(25). */
TEST(topdown_takes_the_top_of_the_highest_hole)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), 0, 0), PG(25));
	CHECK_EQ(topdown(mm, 2, PG(0), PG(30), 0, 0), PG(24));
	CHECK_EQ(topdown(mm, 5, PG(0), PG(30), 0, 0), PG(21));
	vmt_mm_free(mm);
}

/* 8 pages fill [18, 26) exactly. */
TEST(topdown_exact_fit)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 8, PG(0), PG(30), 0, 0), PG(18));
	vmt_mm_free(mm);
}

/*
 * 9 pages fit no hole: with low_limit PG(0) the gap below A is out of
 * bounds (-ENOMEM); with low_limit 0x1000 it is [0x1000, PG(0)), and the
 * mapping goes at its top: 0x100000 - 0x9000 = 0xf7000.
 */
TEST(topdown_too_big_for_the_holes)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 9, PG(0), PG(30), 0, 0), NOMEM);
	CHECK_EQ(topdown(mm, 9, FIRST_USER_ADDRESS, PG(30), 0, 0), 0xf7000);
	vmt_mm_free(mm);
}

/*
 * high_limit below the highest hole: high_limit PG(16) leaves [10, 14)
 * as the highest usable hole for 3 pages -> PG(11). high_limit PG(22)
 * clips [18, 26) to [18, 22): 2 pages go at PG(20). high_limit PG(13)
 * leaves only 3 pages of [10, 14) and 2 of [4, 6): 4 pages fit nowhere.
 */
TEST(topdown_high_limit_clips_and_skips_holes)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 3, PG(0), PG(16), 0, 0), PG(11));
	CHECK_EQ(topdown(mm, 2, PG(0), PG(22), 0, 0), PG(20));
	CHECK_EQ(topdown(mm, 4, PG(0), PG(13), 0, 0), NOMEM);
	vmt_mm_free(mm);
}

/*
 * low_limit PG(20) leaves [20, 26): 2 pages at PG(24) still. low_limit
 * PG(23) leaves 3 pages of it, too few for 4, and every lower hole ends
 * below the limit.
 */
TEST(topdown_low_limit)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 2, PG(20), PG(30), 0, 0), PG(24));
	CHECK_EQ(topdown(mm, 3, PG(23), PG(30), 0, 0), PG(23));
	CHECK_EQ(topdown(mm, 4, PG(23), PG(30), 0, 0), NOMEM);
	vmt_mm_free(mm);
}

/*
 * The gap above highest_vm_end (PG(30)) comes first when high_limit lets
 * it: [30, 40) takes 2 pages at PG(38); [30, 34) takes 4 at PG(30);
 * [30, 33) is too small for 4, so the hole [18, 26) gets them at PG(22).
 */
TEST(topdown_gap_above_highest_vm_end)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(mm->highest_vm_end, PG(30));
	CHECK_EQ(topdown(mm, 2, PG(0), PG(40), 0, 0), PG(38));
	CHECK_EQ(topdown(mm, 4, PG(0), PG(34), 0, 0), PG(30));
	CHECK_EQ(topdown(mm, 4, PG(0), PG(33), 0, 0), PG(22));
	vmt_mm_free(mm);
}

/*
 * Colour alignment, one page in [18, 26): the top page PG(25) has colour
 * 1; pgoff 0 needs colour 0 -> PG(24); pgoff 3 -> PG(23); pgoff 2 ->
 * PG(22); pgoff 7 is colour 3 too -> PG(23).
 */
TEST(topdown_colour_alignment)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), COLOUR_MASK, 1 << PAGE_SHIFT),
		 PG(25));
	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), COLOUR_MASK, 0), PG(24));
	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), COLOUR_MASK, 3 << PAGE_SHIFT),
		 PG(23));
	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), COLOUR_MASK, 2 << PAGE_SHIFT),
		 PG(22));
	CHECK_EQ(topdown(mm, 1, PG(0), PG(30), COLOUR_MASK, 7 << PAGE_SHIFT),
		 PG(23));
	vmt_mm_free(mm);
}

/*
 * Linux's rule: a gap must hold length + align_mask, whatever its own
 * alignment. Below PG(6) only the 2-page hole [4, 6) is in bounds: one
 * page fits (PG(5)) without colouring, but with it the hole would need
 * 1 + 3 pages, so -ENOMEM, though PG(4) has colour 0.
 */
TEST(topdown_colour_needs_room_for_the_worst_case)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(topdown(mm, 1, PG(0), PG(6), 0, 0), PG(5));
	CHECK_EQ(topdown(mm, 1, PG(0), PG(6), COLOUR_MASK, 0), NOMEM);
	vmt_mm_free(mm);
}

/*
 * The search can run out of tree: in "_A___B____C" (pages from 0), with
 * high_limit 4 pages and low_limit 0, the tree is B with children A and C.
 * 3 pages: B's gap [2, 5) starts above 4 - 3, A's subtree holds only its
 * 1-page gap, and C's side starts higher still: -ENOMEM from the root. In
 * [0, 4) the free ranges are [0, 1) and [2, 4): none has 3 pages.
 */
TEST(topdown_gives_up_at_the_root)
{
	struct mm_struct *mm = vmt_mm_new();

	vmt_add(mm, 0x1000, 0x2000, VM_RW_ANON, NULL, 1);
	vmt_add(mm, 0x5000, 0x6000, VM_RW_ANON, NULL, 5);
	vmt_add(mm, 0xa000, 0xb000, VM_RW_ANON, NULL, 10);
	CHECK_EQ(topdown(mm, 3, 0, 0x4000, 0, 0), NOMEM);
	CHECK_EQ(topdown(mm, 2, 0, 0x4000, 0, 0), 0x2000);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * Bottom-up, high_limit PG(40) unless said
 */

/* The lowest hole that fits: [4, 6) for 2 pages (exact), [10, 14) for 3. */
TEST(bottomup_takes_the_bottom_of_the_lowest_hole)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(bottomup(mm, 1, PG(0), PG(40), 0, 0), PG(4));
	CHECK_EQ(bottomup(mm, 2, PG(0), PG(40), 0, 0), PG(4));
	CHECK_EQ(bottomup(mm, 3, PG(0), PG(40), 0, 0), PG(10));
	CHECK_EQ(bottomup(mm, 5, PG(0), PG(40), 0, 0), PG(18));
	CHECK_EQ(bottomup(mm, 8, PG(0), PG(40), 0, 0), PG(18));
	vmt_mm_free(mm);
}

/*
 * Too big for the holes: the gap above D, [30, 40), takes 9 pages at
 * PG(30); 11 pages fit under TASK_SIZE only.
 */
TEST(bottomup_gap_above_highest_vm_end)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(bottomup(mm, 9, PG(0), PG(40), 0, 0), PG(30));
	CHECK_EQ(bottomup(mm, 11, PG(0), PG(40), 0, 0), NOMEM);
	CHECK_EQ(bottomup(mm, 11, PG(0), TASK_SIZE, 0, 0), PG(30));
	vmt_mm_free(mm);
}

/*
 * low_limit PG(11) cuts [10, 14) to [11, 14): 2 pages at PG(11). low_limit
 * PG(5) leaves 1 page of [4, 6): 2 pages go to PG(10). The gap below A
 * with low_limit 0x1000 is [0x1000, PG(0)): 9 pages go at 0x1000.
 */
TEST(bottomup_low_limit)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(bottomup(mm, 2, PG(11), PG(40), 0, 0), PG(11));
	CHECK_EQ(bottomup(mm, 2, PG(5), PG(40), 0, 0), PG(10));
	CHECK_EQ(bottomup(mm, 9, FIRST_USER_ADDRESS, PG(40), 0, 0),
		 FIRST_USER_ADDRESS);
	vmt_mm_free(mm);
}

/*
 * high_limit PG(12): [10, 14) is cut to [10, 12), too small for 3, and
 * the next gap starts at 18, above 12 - 3: -ENOMEM.
 */
TEST(bottomup_high_limit)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(bottomup(mm, 3, PG(0), PG(12), 0, 0), NOMEM);
	CHECK_EQ(bottomup(mm, 2, PG(0), PG(12), 0, 0), PG(4));
	vmt_mm_free(mm);
}

/*
 * Colour, one page: [4, 6) is too small (needs 4 pages); [10, 14) starts
 * at colour 2: pgoff 2 -> PG(10), pgoff 0 -> PG(12), pgoff 1 -> PG(13).
 */
TEST(bottomup_colour_alignment)
{
	struct mm_struct *mm = holes();

	CHECK_EQ(bottomup(mm, 1, PG(0), PG(40), COLOUR_MASK, 2 << PAGE_SHIFT),
		 PG(10));
	CHECK_EQ(bottomup(mm, 1, PG(0), PG(40), COLOUR_MASK, 0), PG(12));
	CHECK_EQ(bottomup(mm, 1, PG(0), PG(40), COLOUR_MASK, 1 << PAGE_SHIFT),
		 PG(13));
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * The stack's guard gap
 */

/*
 * A stack S (VM_GROWSDOWN) at PG(300), A at [0, 4): the gap below S ends
 * at vm_start_gap(S) = PG(300) - 256 pages = PG(44) for both searches
 * (Linux since 4.12): bottom-up, 40 pages still fit at PG(4), 41 do not;
 * top-down below PG(300), one page goes at PG(43), not PG(299).
 */
TEST(searches_leave_the_stack_guard_gap)
{
	struct mm_struct *mm = vmt_mm_new();
	unsigned long guard = STACK_GUARD_GAP / PAGE_SIZE;

	vmt_add(mm, PG(0), PG(4), VM_READ | VM_WRITE, NULL, 0);
	vmt_add(mm, PG(300), PG(304), VM_READ | VM_WRITE | VM_GROWSDOWN,
		NULL, 0);
	CHECK_EQ(guard, 256);
	CHECK_EQ(bottomup(mm, 40, PG(0), PG(400), 0, 0), PG(4));
	CHECK_EQ(bottomup(mm, 41, PG(0), PG(400), 0, 0), PG(304));
	CHECK_EQ(bottomup(mm, 41, PG(0), PG(300), 0, 0), NOMEM);
	CHECK_EQ(topdown(mm, 1, PG(0), PG(300), 0, 0), PG(43));
	CHECK_EQ(topdown(mm, 40, PG(0), PG(300), 0, 0), PG(4));
	CHECK_EQ(topdown(mm, 41, PG(0), PG(300), 0, 0), NOMEM);
	vmt_mm_free(mm);
}

/*
 * A VMA inside a stack's guard gap (Linux 6.1's retry). S (VM_GROWSDOWN)
 * at PG(300), guard gap [PG(44), PG(300)); B at [PG(200), PG(201)) sits
 * inside it; A at [0, 4). The plain gaps: [4, 200) below B and [201, 300)
 * below S. Top-down below PG(300):
 *   1 page:    the highest plain gap is [201, 300), it ends at S and the
 *              guard gap reaches into it, so the window is cut at PG(44)
 *              and the search runs again: [4, 44) gives PG(43), not
 *              PG(199) in the hole below B;
 *   99 pages:  [201, 300) again, cut at PG(44): nothing of 99 pages is
 *              left below PG(44), so -ENOMEM although [4, 200) is free;
 *   100 pages: [201, 300) is too small, the highest plain gap that fits
 *              is [4, 200), which ends at B (not a stack): PG(100), inside
 *              S's guard gap, as Linux places it.
 */
TEST(topdown_gives_up_everything_above_a_stack_guard_gap)
{
	struct mm_struct *mm = vmt_mm_new();

	vmt_add(mm, PG(0), PG(4), VM_READ | VM_WRITE, NULL, 0);
	vmt_add(mm, PG(200), PG(201), VM_READ, NULL, 0);
	vmt_add(mm, PG(300), PG(304), VM_READ | VM_WRITE | VM_GROWSDOWN,
		NULL, 0);
	CHECK_EQ(topdown(mm, 1, PG(0), PG(300), 0, 0), PG(43));
	CHECK_EQ(topdown(mm, 99, PG(0), PG(300), 0, 0), NOMEM);
	CHECK_EQ(topdown(mm, 100, PG(0), PG(300), 0, 0), PG(100));
	/* a window that ends below the guard gap needs no second search */
	CHECK_EQ(topdown(mm, 1, PG(0), PG(44), 0, 0), PG(43));
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * Edge cases of the request
 */

/*
 * An empty mm: the one gap is [0, infinity). Top-down takes the top,
 * TASK_SIZE - 2 pages = 0xbeffe000; coloured (pgoff 0) one page goes to
 * 0xbeffc000 (0xbefff000 has colour 3). Bottom-up takes low_limit.
 */
TEST(empty_mm)
{
	struct mm_struct *mm = vmt_mm_new();

	CHECK_EQ(topdown(mm, 2, FIRST_USER_ADDRESS, TASK_SIZE, 0, 0),
		 0xbeffe000);
	CHECK_EQ(topdown(mm, 1, FIRST_USER_ADDRESS, TASK_SIZE, COLOUR_MASK, 0),
		 0xbeffc000);
	CHECK_EQ(bottomup(mm, 2, FIRST_USER_ADDRESS, TASK_SIZE, 0, 0),
		 FIRST_USER_ADDRESS);
	/* colour 1 at or above FIRST_USER_ADDRESS (2 pages on ARM) */
	CHECK_EQ(bottomup(mm, 1, FIRST_USER_ADDRESS, TASK_SIZE, COLOUR_MASK,
			  1 << PAGE_SHIFT),
		 FIRST_USER_ADDRESS <= 0x1000 ? 0x1000 : 0x5000);
	vmt_mm_free(mm);
}

/* Requests that cannot be met whatever the layout. */
TEST(impossible_requests_fail_with_enomem)
{
	struct mm_struct *mm = vmt_mm_new();
	unsigned long huge = ~0UL & PAGE_MASK;

	/* high_limit below the length */
	CHECK_EQ(topdown(mm, 3, 0, PG(0) + 0x2000 - PG(0), 0, 0), NOMEM);
	CHECK_EQ(bottomup(mm, 3, 0, 0x2000, 0, 0), NOMEM);
	/* the limits closer than the length, or inverted */
	CHECK_EQ(topdown(mm, 3, PG(0), PG(2), 0, 0), NOMEM);
	CHECK_EQ(bottomup(mm, 3, PG(0), PG(2), 0, 0), NOMEM);
	CHECK_EQ(topdown(mm, 1, PG(9), PG(2), 0, 0), NOMEM);
	CHECK_EQ(bottomup(mm, 1, PG(9), PG(2), 0, 0), NOMEM);
	/* length + align_mask does not fit in an unsigned long */
	CHECK_EQ(topdown(mm, huge >> PAGE_SHIFT, 0, huge, COLOUR_MASK, 0),
		 NOMEM);
	CHECK_EQ(bottomup(mm, huge >> PAGE_SHIFT, 0, huge, COLOUR_MASK, 0),
		 NOMEM);
	/* exactly as long as the limits allow: fits */
	CHECK_EQ(topdown(mm, 2, PG(0), PG(2), 0, 0), PG(0));
	CHECK_EQ(bottomup(mm, 2, PG(0), PG(2), 0, 0), PG(0));
	vmt_mm_free(mm);
}

TEST(vm_unmapped_area_picks_the_direction_from_flags)
{
	struct mm_struct *mm = holes();
	struct vm_unmapped_area_info info = {
		.length = PAGE_SIZE,
		.low_limit = PG(0),
		.high_limit = PG(30),
	};

	CHECK_EQ(vm_unmapped_area(mm, &info), PG(4));
	info.flags = VM_UNMAPPED_AREA_TOPDOWN;
	CHECK_EQ(vm_unmapped_area(mm, &info), PG(25));
	vmt_mm_free(mm);
}

/*
 * The instrumentation: the search counts what it visits, and tracing
 * changes neither the answer nor the count.
 */
TEST(tracing_changes_nothing_and_visits_are_counted)
{
	struct mm_struct *mm = holes();
	unsigned long before = placement_stats.searches, quiet, traced;
	unsigned long visits_quiet, total;

	quiet = topdown(mm, 3, PG(0), PG(16), COLOUR_MASK, 0);
	visits_quiet = placement_stats.last_visits;
	total = placement_stats.total_visits;
	trace_placement = true;
	traced = topdown(mm, 3, PG(0), PG(16), COLOUR_MASK, 0);
	trace_placement = false;
	CHECK_EQ(traced, quiet);
	CHECK_EQ(placement_stats.last_visits, visits_quiet);
	/* 4 VMAs, each visited at most twice: going down, climbing up */
	CHECK(visits_quiet >= 1 && visits_quiet <= 8);
	CHECK_EQ(placement_stats.total_visits, total + visits_quiet);
	CHECK_EQ(placement_stats.searches, before + 2);

	/* the gap above highest_vm_end is tried before the tree */
	topdown(mm, 1, PG(0), TASK_SIZE, 0, 0);
	CHECK_EQ(placement_stats.last_visits, 0);
	vmt_mm_free(mm);
}

/*
 * The way back after a right turn that led nowhere. Fifteen one-page
 * VMAs: V1..V14 at pages 10..23 with no hole between them, V15 at page
 * 60; added in level order, so that the red-black tree is the perfect
 * one (checked first):
 *
 *                      V8
 *            V4                  V12
 *       V2        V6        V10       V14
 *     V1  V3    V5  V7    V9  V11  V13   V15
 *
 * Gaps: [0, PG(10)) below V1, [PG(24), PG(60)) below V15. Top-down, one
 * page, high_limit PG(24): a usable gap starts at or below PG(23).
 *   V8: vm_end PG(18) <= PG(23) and V12's subtree gap is 36 pages: go
 *       right. V8's left subtree has the 10-page gap: V8 is where to come
 *       back to if nothing on the right fits.
 *   V12: vm_end PG(22): go right (its own gap and V10's subtree: none).
 *   V14: vm_end PG(24) > PG(23): V15's subtree cannot help, not entered;
 *       no gap of its own, none in V13's subtree.
 *   Back at V8 at once: the seed would climb to V12 first and look at it
 *   again. V8 has no gap; left to V4, V2 (V6 and V3: none), V1, whose
 *   gap fits: the top of [0, PG(10)) minus a page, PG(9).
 * Visits: V8 V12 V14 V8 V4 V2 V1, 7 (node by node: 8).
 *
 * Bottom-up, the mirror image: one page, low_limit PG(11), so a usable
 * gap ends at or above PG(12), and high_limit PG(100).
 *   V8: the VMA before it ends at PG(17) >= PG(12): its left subtree may
 *       help (10-page gap): go left. V12's subtree (36 pages) may too: V8
 *       is where to come back to.
 *   V4: the one before ends at PG(13): go left to V2 (its own gap and
 *       V6's subtree: none).
 *   V2: the one before ends at PG(11) < PG(12): V1's gap ends too low,
 *       not entered; no gap of its own, none in V3's subtree.
 *   Back at V8 at once (not via V4): no gap; right to V12 (V10: none),
 *   V14 (V13: none), V15, whose gap [PG(24), PG(60)) fits: PG(24).
 * Visits: V8 V4 V2 V8 V12 V14 V15, 7 (node by node: 8).
 */
TEST(a_failed_right_turn_goes_back_to_the_last_promising_node_at_once)
{
	static const int order[15] = { 8, 4, 12, 2, 6, 10, 14, 1, 3, 5, 7,
				       9, 11, 13, 15 };
	struct vm_area_struct *v[16];
	struct mm_struct *mm = vmt_mm_new();

	for (int i = 0; i < 15; i++) {
		int k = order[i];
		unsigned long page = k < 15 ? 9 + k : 60;

		v[k] = vmt_add(mm, PG(page), PG(page + 1), VM_RW_ANON, NULL,
			       PG(page) >> PAGE_SHIFT);
	}
	/* the tree drawn above */
	CHECK(mm->mm_rb.rb_node == &v[8]->vm_rb);
	for (int k = 2; k <= 14; k += 2) {
		int step = k & -k;	/* 2, 4 or 8: half a subtree's width */

		CHECK(v[k]->vm_rb.rb_left == &v[k - step / 2]->vm_rb);
		CHECK(v[k]->vm_rb.rb_right == &v[k + step / 2]->vm_rb);
	}
	CHECK_EQ(topdown(mm, 1, PG(0), PG(24), 0, 0), PG(9));
	CHECK_EQ(placement_stats.last_visits, 7);
	CHECK_EQ(bottomup(mm, 1, PG(11), PG(100), 0, 0), PG(24));
	CHECK_EQ(placement_stats.last_visits, 7);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * O(log n): 65530 VMAs, counted visits
 */

#define BIG_N DEFAULT_MAX_MAP_COUNT

/*
 * A fragmented address space at max_map_count: one-page VMAs separated by
 * one-page holes, with a few larger holes (2 to 64 pages) scattered in,
 * inserted in random order. The model gets the same regions.
 */
static struct mm_struct *fragmented(struct refmodel *ref, struct prng *r)
{
	static unsigned long starts[BIG_N];
	struct mm_struct *mm = vmt_mm_new();
	unsigned long addr = 0x10000;

	for (int i = 0; i < BIG_N; i++) {
		addr += prng_chance(r, 1) ? prng_range(r, 2, 64) * PAGE_SIZE
					  : PAGE_SIZE;
		starts[i] = addr;
		ref_append(ref, addr, addr + PAGE_SIZE, VM_RW_ANON, NULL, 0);
		addr += PAGE_SIZE;
	}
	for (int i = BIG_N - 1; i > 0; i--) {	/* shuffle */
		int j = prng_below(r, i + 1);
		unsigned long t = starts[i];

		starts[i] = starts[j];
		starts[j] = t;
	}
	for (int i = 0; i < BIG_N; i++) {
		unsigned long s = starts[i];

		vmt_add(mm, s, s + PAGE_SIZE, VM_RW_ANON, NULL,
			s >> PAGE_SHIFT);
	}
	return mm;
}

/* The smallest k with 2^k >= n: ceil(log2(n)). */
static unsigned long ceil_log2(unsigned long n)
{
	unsigned long k = 0;

	while ((1UL << k) < n)
		k++;
	return k;
}

/* Nodes on the longest root-to-leaf path. */
static unsigned long tree_height(struct rb_node *node)
{
	if (!node)
		return 0;
	return 1 + max(tree_height(node->rb_left), tree_height(node->rb_right));
}

/*
 * The bound. A top-down search walks one root-to-leaf path down (right
 * where the subtree holds a big enough gap starting at or below
 * high_limit, left otherwise), may climb back up that path, and then
 * walks down at most once more, into a subtree whose gaps all start low
 * enough, where the first big enough gap is usable: at most 3 * height
 * visits (bottom-up is the mirror image). A red-black tree's height is at
 * most 2 * log2(n + 1): so at most 6 * log2(n + 1) visits, 96 here,
 * against the 65530 a linear scan may visit. The results are checked
 * against the model too.
 */
TEST(placement_visits_o_log_n_nodes_at_65530_vmas)
{
	unsigned long seed = test_seed(0x10c2);
	const unsigned long log2n = ceil_log2(BIG_N + 1);
	unsigned long worst = 0, sum = 0, height;
	struct refmodel ref;
	struct mm_struct *mm;
	struct prng r;
	int searches = 3000;

	printf("# seed %#lx\n", seed);
	prng_seed(&r, seed);
	ref_init(&ref, BIG_N + 1, BIG_N);
	vm_check_mode = VM_CHECK_OFF;	/* one validate_mm() below, not n */
	mm = fragmented(&ref, &r);
	CHECK_EQ(mm->map_count, BIG_N);
	CHECK_EQ(validate_mm(mm), 0);
	height = tree_height(mm->mm_rb.rb_node);
	CHECK(height <= 2 * log2n);

	for (int i = 0; i < searches; i++) {
		struct vm_unmapped_area_info info = {
			.flags = prng_chance(&r, 50) ? VM_UNMAPPED_AREA_TOPDOWN
						    : 0,
			.length = prng_range(&r, 1, 70) * PAGE_SIZE,
			.low_limit = FIRST_USER_ADDRESS,
			.high_limit = mm->highest_vm_end,
			.align_mask = prng_chance(&r, 30) ? COLOUR_MASK : 0,
			.align_offset = prng_below(&r, 8) << PAGE_SHIFT,
		};
		unsigned long visits;

		if (prng_chance(&r, 50)) {	/* a window inside */
			unsigned long a = prng_range(&r, 0x10000,
						     mm->highest_vm_end);
			unsigned long b = prng_range(&r, 0x10000,
						     mm->highest_vm_end);

			info.low_limit = min(a, b) & PAGE_MASK;
			info.high_limit = max(a, b) & PAGE_MASK;
		}
		CHECK_EQ(vm_unmapped_area(mm, &info),
			 ref_unmapped_area(&ref, &info));
		visits = placement_stats.last_visits;
		worst = max(worst, visits);
		sum += visits;
		if (visits > 3 * height) {
			check_failed(__FILE__, __LINE__,
				     "search %d visited %lu nodes, height %lu",
				     i, visits, height);
			break;
		}
	}
	printf("# n %d, height %lu, log2(n+1) %lu: %d searches visited at most %lu, on average %.1f nodes\n",
	       BIG_N, height, log2n, searches, worst, (double)sum / searches);

	vmt_mm_free(mm);
	vm_check_mode = VM_CHECK_FULL;
	ref_destroy(&ref);
}
