/*
 * Host tests of mm/vm_check.c: the local check validate_mm_range() and
 * when VM_CHECK / VM_CHECK_CALL run it or the full validate_mm(), as
 * mm/debug.h promises:
 *
 *   validate_mm_range(mm, start, end) looks at the VMAs in [start, end),
 *   the one below and the first one at or above end, and at the path
 *   from each of them to the root; it finds a stale rb_subtree_gap
 *   there, an overlap with the next VMA, a wrong highest_vm_end.
 *
 *   In VM_CHECK_AMORTIZED mode an mm of at most VM_CHECK_SMALL VMAs is
 *   checked in full every time; a larger one earns VM_CHECK_CREDIT of
 *   credit per check and is checked in full when the credit reaches
 *   map_count; VM_CHECK_CALL checks the range in between, VM_CHECK
 *   nothing. VM_CHECK_OFF checks nothing.
 *
 * The sketches (tests/host/vma_util.h) put page n at SKETCH_BASE + n
 * pages. Broken invariants print a report and the tree: that is expected
 * output here.
 */
#include "mm/debug.h"
#include "tests/host/test.h"
#include "tests/host/vma_util.h"

/* An address space of @n one-page VMAs with one-page holes, unchecked. */
static struct mm_struct *many_vmas(int n)
{
	struct mm_struct *mm = vmt_mm_new();
	enum vm_check_mode mode = vm_check_mode;

	vm_check_mode = VM_CHECK_OFF;	/* one validate_mm() below, not n */
	for (int i = 0; i < n; i++)
		vmt_add(mm, PG(2 * i), PG(2 * i + 1), VM_RW_ANON, NULL, 0);
	vm_check_mode = mode;
	CHECK_EQ(mm->map_count, n);
	CHECK_EQ(validate_mm(mm), 0);
	return mm;
}

/* A sound address space: nothing found, and the run is counted. */
TEST(validate_mm_range_finds_nothing_in_a_sound_mm)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	unsigned long ranged = vm_check_stats.ranged;

	sketch_build(mm, "AA  BB  CC  DD  EE", &s);
	CHECK_EQ(validate_mm_range(mm, PG(0), PG(18)), 0);
	CHECK_EQ(validate_mm_range(mm, PG(5), PG(6)), 0);	/* a hole */
	CHECK_EQ(validate_mm_range(mm, PG(100), PG(101)), 0);	/* above all */
	CHECK_EQ(vm_check_stats.ranged, ranged + 3);
	vmt_mm_free(mm);
}

/*
 *	AA  BB  CC  DD  EE      a stale rb_subtree_gap in C is found from
 *	                        C's own range; one in the root, which is on
 *	                        every VMA's way up, from E's range and A's
 */
TEST(validate_mm_range_finds_a_stale_subtree_gap_in_the_range)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *c;
	unsigned long saved;

	sketch_build(mm, "AA  BB  CC  DD  EE", &s);
	c = VMA(&s, 'C');
	saved = c->rb_subtree_gap;
	c->rb_subtree_gap = saved + PAGE_SIZE;
	CHECK(validate_mm_range(mm, PG(8), PG(10)) >= 1);
	c->rb_subtree_gap = saved;
	saved = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct,
			 vm_rb)->rb_subtree_gap;
	rb_entry(mm->mm_rb.rb_node, struct vm_area_struct,
		 vm_rb)->rb_subtree_gap = saved + PAGE_SIZE;
	CHECK(validate_mm_range(mm, PG(16), PG(18)) >= 1);
	CHECK(validate_mm_range(mm, PG(0), PG(1)) >= 1);
	rb_entry(mm->mm_rb.rb_node, struct vm_area_struct,
		 vm_rb)->rb_subtree_gap = saved;
	CHECK_EQ(validate_mm_range(mm, PG(0), PG(18)), 0);
	vmt_mm_free(mm);
}

/*
 * The check is local, as its cost O(k log n) says: in a tree of 64 VMAs
 * a stale gap in a leaf far from the range is not looked at, while the
 * full validate_mm() finds it.
 */
TEST(validate_mm_range_looks_only_near_the_range)
{
	struct mm_struct *mm = many_vmas(64);
	struct vm_area_struct *leaf = mm->mmap;	/* the lowest VMA */

	CHECK(!leaf->vm_rb.rb_left && !leaf->vm_rb.rb_right);
	leaf->rb_subtree_gap += PAGE_SIZE;
	CHECK_EQ(validate_mm_range(mm, PG(100), PG(101)), 0);
	CHECK(validate_mm(mm) >= 1);
	CHECK(validate_mm_range(mm, PG(0), PG(1)) >= 1);
	leaf->rb_subtree_gap -= PAGE_SIZE;
	vmt_mm_free(mm);
}

/*
 *	AA  BB  CC      highest_vm_end one page off: found from C's range
 *	                (the last VMA); B stretched over C's first page:
 *	                found from B's range
 */
TEST(validate_mm_range_finds_overlaps_and_a_wrong_highest_vm_end)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *b;

	sketch_build(mm, "AA  BB  CC", &s);
	mm->highest_vm_end += PAGE_SIZE;
	CHECK(validate_mm_range(mm, PG(8), PG(10)) >= 1);
	mm->highest_vm_end -= PAGE_SIZE;

	b = VMA(&s, 'B');
	b->vm_end = PG(9);		/* over C's first page */
	CHECK(validate_mm_range(mm, PG(4), PG(6)) >= 1);
	b->vm_end = PG(6);
	CHECK_EQ(validate_mm_range(mm, PG(0), PG(10)), 0);
	vmt_mm_free(mm);
}

/* A small mm is checked in full by every check, whatever the mode. */
TEST(amortized_checks_a_small_mm_in_full_every_time)
{
	struct mm_struct *mm = many_vmas(VM_CHECK_SMALL);
	struct vm_check_stats before = vm_check_stats;

	vm_check_mode = VM_CHECK_AMORTIZED;
	for (int i = 0; i < 10; i++) {
		VM_CHECK_CALL(mm, PG(0), PG(1));
		VM_CHECK(mm);
	}
	vm_check_mode = VM_CHECK_FULL;
	CHECK_EQ(vm_check_stats.full - before.full, 20);
	CHECK_EQ(vm_check_stats.ranged - before.ranged, 0);
	vmt_mm_free(mm);
}

/*
 * 2048 VMAs (more than VM_CHECK_SMALL): each check earns 32 of credit,
 * so every 2048 / 32 = 64th check is a full one. 128 VM_CHECK_CALLs:
 * 2 full and 126 local; 128 VM_CHECKs: 2 full and nothing else.
 */
TEST(amortized_checks_a_large_mm_in_full_once_per_map_count_of_credit)
{
	struct mm_struct *mm = many_vmas(2048);
	struct vm_check_stats before = vm_check_stats;

	_Static_assert(VM_CHECK_CREDIT == 32 && VM_CHECK_SMALL < 2048,
		       "the figures below are worked for these values");
	vm_check_mode = VM_CHECK_AMORTIZED;
	mm->vm_check_credit = 0;
	for (int i = 0; i < 128; i++)
		VM_CHECK_CALL(mm, PG(2 * i), PG(2 * i + 1));
	CHECK_EQ(vm_check_stats.full - before.full, 2);
	CHECK_EQ(vm_check_stats.ranged - before.ranged, 126);

	before = vm_check_stats;
	for (int i = 0; i < 128; i++)
		VM_CHECK(mm);
	CHECK_EQ(vm_check_stats.full - before.full, 2);
	CHECK_EQ(vm_check_stats.ranged - before.ranged, 0);
	vm_check_mode = VM_CHECK_FULL;
	vmt_mm_free(mm);
}

/* Off: neither check runs, even on a broken mm. */
TEST(off_checks_nothing)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_check_stats before;

	sketch_build(mm, "AA  BB", &s);
	before = vm_check_stats;
	vm_check_mode = VM_CHECK_OFF;
	mm->highest_vm_end += PAGE_SIZE;	/* would panic if checked */
	VM_CHECK(mm);
	VM_CHECK_CALL(mm, PG(0), PG(6));
	mm->highest_vm_end -= PAGE_SIZE;
	vm_check_mode = VM_CHECK_FULL;
	CHECK_EQ(vm_check_stats.full, before.full);
	CHECK_EQ(vm_check_stats.ranged, before.ranged);
	vmt_mm_free(mm);
}
