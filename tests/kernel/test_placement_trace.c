/*
 * Self-tests of unmapped_area_topdown() on the scenario of
 * scenario_holes.h, with every step worked out by hand below. Run with
 * the boot option trace=placement (tests/trace/trace_test.sh does), they
 * also print the placement trace, which that script compares with the
 * same hand-worked steps, written down in tests/trace/holes.expected.
 *
 * The tree (subtree gaps in brackets; gap = own gap below the VMA):
 *
 *                        D [0xb6f00000,0xb6f03000) gap 0xb6dfc000
 *                        [0xb6dfc000]
 *                /                             \
 *   B [0x20000,0x21000) gap 0xe000     F [0xb6f0a000,0xb6f0e000) gap 0x4000
 *   [0xdf000]                          [0x80d1000]
 *      /          \                       /                 \
 *   A gap 0x10000  C gap 0xdf000     E gap 0x2000    G gap 0x80d1000
 *   [0x10000]      [0xdf000]         [0x2000]        [0x80d1000]
 *
 * With L = length (no alignment), the search wants a gap with
 * gap_start <= high_limit - L, gap_end >= low_limit + L and size >= L,
 * the highest such: right subtree first, then the node's own gap, then
 * the left subtree, entering a subtree only if its subtree gap >= L.
 * low_limit is 0x1000 in all four searches.
 */
#include "kernel/errno.h"
#include "mm/mm.h"
#include "mm/vma.h"
#include "tests/kernel/ktest.h"
#include "tests/kernel/scenario_holes.h"

static unsigned long search(struct mm_struct *mm, unsigned long length,
			    unsigned long high_limit)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = length,
		.low_limit = 0x1000,
		.high_limit = high_limit,
	};

	return unmapped_area_topdown(mm, &info);
}

static struct mm_struct *holes(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm && holes_build(mm)) {
		mmput(mm);
		mm = NULL;
	}
	CHECK(mm);
	return mm;
}

/*
 * A right subtree is entered only if the node's vm_end is at or below
 * high_limit: every gap in it starts at that vm_end or higher.
 *
 * 1. L = 0x5000 below high_limit 0xb6f0c000: gap_start <= 0xb6f07000,
 *    gap_end >= 0x6000. highest_vm_end 0xbf000000 is too high.
 *    D: its vm_end 0xb6f03000 <= 0xb6f07000, F's subtree gap 0x80d1000
 *       >= L: go right.
 *    F: its vm_end 0xb6f0e000 > 0xb6f07000: G's subtree, whose gaps
 *       start at 0xb6f0e000 or higher, cannot help (G's own gap, the big
 *       one below the stack, starts there): not entered. Its own gap
 *       [0xb6f06000, 0xb6f0a000) is 0x4000 < L: no fit; E's subtree gap
 *       0x2000 < L, not entered: climb up to D (from its right).
 *    D: its gap [0x104000, 0xb6f00000) fits: the top of it, 0xb6f00000
 *       (below high_limit), minus L: 0xb6efb000.
 */
TEST(topdown_climbs_back_to_the_root_and_takes_its_gap)
{
	struct mm_struct *mm = holes();

	if (!mm)
		return;
	CHECK_EQ(search(mm, 0x5000, 0xb6f0c000), 0xb6efb000);
	CHECK_EQ(placement_stats.last_visits, 3);	/* D F D */
	mmput(mm);
}

/*
 * 2. L = 0x10000 below high_limit 0x100000: gap_start <= 0xf0000,
 *    gap_end >= 0x11000.
 *    D: its vm_end 0xb6f03000 > 0xf0000: right subtree skipped; its own
 *       gap starts at 0x104000 > 0xf0000: no fit; B's subtree gap
 *       0xdf000 >= L: go left.
 *    B: its vm_end 0x21000 <= 0xf0000, C's subtree gap 0xdf000 >= L: go
 *       right.
 *    C: its gap [0x21000, 0x100000) fits: 0x100000 - L = 0xf0000.
 */
TEST(topdown_goes_left_then_right_to_the_heap_gap)
{
	struct mm_struct *mm = holes();

	if (!mm)
		return;
	CHECK_EQ(search(mm, 0x10000, 0x100000), 0xf0000);
	CHECK_EQ(placement_stats.last_visits, 3);	/* D B C */
	mmput(mm);
}

/*
 * 3. L = 0x20000 below high_limit 0x40000: gap_start <= 0x20000,
 *    gap_end >= 0x21000.
 *    D: as in 2, no fit; B's subtree gap 0xdf000 >= L: go left.
 *    B: its vm_end 0x21000 > 0x20000: C's subtree, whose gaps start at
 *       0x21000 or higher, is not entered. Its own gap ends at 0x20000 <
 *       0x21000, and every lower gap ends lower still: -ENOMEM. (Indeed
 *       the free space inside [0x1000, 0x40000) is 0xf000 + 0xe000 +
 *       0x1f000 in three pieces.)
 */
TEST(topdown_fails_when_the_gaps_end_below_low_limit)
{
	struct mm_struct *mm = holes();

	if (!mm)
		return;
	CHECK_EQ(search(mm, 0x20000, 0x40000), (unsigned long)-ENOMEM);
	CHECK_EQ(placement_stats.last_visits, 2);	/* D B */
	mmput(mm);
}

/*
 * 4. L = 0x2000 with a colour: align_mask 0x3000 (SHMLBA 16 KiB), align_offset
 *    0x1000 (the address's page number must be 1 modulo 4). The search wants
 *    room for the worst shift too, 0x2000 + 0x3000 = 0x5000, and so walks
 *    as in 1 (D F D) to D's gap [0x104000, 0xb6f00000). Its top minus L is
 *    0xb6efe000, whose page number is 2 modulo 4: (0xb6efe000 - 0x1000) &
 *    0x3000 = 0x1000 down, to 0xb6efd000 (page number 0xb6efd: 1 mod 4).
 */
TEST(topdown_colour_moves_the_address_down_to_its_colour)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = 0x2000,
		.low_limit = 0x1000,
		.high_limit = 0xb6f0c000,
		.align_mask = 0x3000,
		.align_offset = 0x1000,
	};
	struct mm_struct *mm = holes();

	if (!mm)
		return;
	CHECK_EQ(unmapped_area_topdown(mm, &info), 0xb6efd000);
	CHECK_EQ(placement_stats.last_visits, 3);	/* D F D */
	mmput(mm);
}
