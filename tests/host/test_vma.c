/*
 * Host tests of mm/vma.c: allocation, the find_vma family, linking and
 * unlinking, and the gap bookkeeping they do. Expected values come from
 * the pictures and Linux's definitions; validate_mm() runs after every
 * change (VM_CHECK) and is asserted at the end of each test.
 *
 * Pictures are one character per page from SKETCH_BASE (PG(0)) up.
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"
#include "mm/fault_inject.h"
#include "tests/host/shim/failslab.h"
#include "kernel/errno.h"
#include "kernel/fs.h"

TEST(mm_vma_init_makes_an_empty_mm)
{
	struct mm_struct *mm = vmt_mm_new();

	CHECK(mm->mmap == NULL);
	CHECK(RB_EMPTY_ROOT(&mm->mm_rb));
	CHECK_EQ(mm->map_count, 0);
	CHECK_EQ(mm->highest_vm_end, 0);
	CHECK_EQ(mm->max_map_count, 65530);
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

TEST(vm_area_alloc_is_zeroed_and_owned)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma = vm_area_alloc(mm);

	CHECK(vma != NULL);
	CHECK(vma->vm_mm == mm);
	CHECK_EQ(vma->vm_start, 0);
	CHECK_EQ(vma->vm_end, 0);
	CHECK_EQ(vma->vm_flags, 0);
	CHECK_EQ(vma->vm_pgoff, 0);
	CHECK(vma->vm_file == NULL);
	CHECK(vma->vm_next == NULL && vma->vm_prev == NULL);
	CHECK_EQ(vmt_live_objects(), 1);
	vm_area_free(vma);
	vm_area_free(NULL);
	vmt_mm_free(mm);
}

TEST(vm_area_alloc_returns_null_when_out_of_memory)
{
	struct mm_struct *mm = vmt_mm_new();

	fault_attr_set(&failslab, 0, 1);
	CHECK(vm_area_alloc(mm) == NULL);
	fault_attr_set(&failslab, 0, 0);
	vmt_mm_free(mm);
}

TEST(vm_area_dup_copies_fields_but_not_links)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *b, *copy;

	a = vmt_add(mm, PG(0), PG(4), VM_RO_ANON, FILE_A, 7);
	b = vmt_add(mm, PG(6), PG(8), VM_RW_ANON, NULL, PG(6) >> PAGE_SHIFT);
	copy = vm_area_dup(a);
	CHECK(copy != NULL && copy != a);
	CHECK_EQ(copy->vm_start, PG(0));
	CHECK_EQ(copy->vm_end, PG(4));
	CHECK_EQ(copy->vm_flags, VM_RO_ANON);
	CHECK_EQ(copy->vm_pgoff, 7);
	CHECK(copy->vm_file == FILE_A);
	CHECK(copy->vm_mm == mm);
	CHECK(copy->vm_next == NULL && copy->vm_prev == NULL);
	CHECK(copy->vm_rb.rb_left == NULL && copy->vm_rb.rb_right == NULL);
	CHECK(a->vm_next == b);		/* the original is untouched */
	vm_area_free(copy);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * The find_vma family on
 *
 *	"  AAAA  BBBB    CC"
 *	 0 2   6 8  12  16 18
 */
static struct mm_struct *find_layout(struct sketch *s)
{
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "  AAAA  BBBB    CC", s);
	return mm;
}

TEST(find_vma_inside_a_vma_returns_it)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);

	CHECK(find_vma(mm, PG(2)) == VMA(&s, 'A'));	/* first byte */
	CHECK(find_vma(mm, PG(3) + 123) == VMA(&s, 'A'));
	CHECK(find_vma(mm, PG(6) - 1) == VMA(&s, 'A'));	/* last byte */
	CHECK(find_vma(mm, PG(8)) == VMA(&s, 'B'));
	CHECK(find_vma(mm, PG(17)) == VMA(&s, 'C'));
	vmt_mm_free(mm);
}

TEST(find_vma_in_a_gap_returns_the_next_vma)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);

	CHECK(find_vma(mm, PG(6)) == VMA(&s, 'B'));	/* A's end */
	CHECK(find_vma(mm, PG(7) + 5) == VMA(&s, 'B'));
	CHECK(find_vma(mm, PG(12)) == VMA(&s, 'C'));
	CHECK(find_vma(mm, PG(16) - 1) == VMA(&s, 'C'));
	vmt_mm_free(mm);
}

TEST(find_vma_below_the_first_returns_the_first)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);

	CHECK(find_vma(mm, 0) == VMA(&s, 'A'));
	CHECK(find_vma(mm, PG(0)) == VMA(&s, 'A'));
	CHECK(find_vma(mm, PG(2) - 1) == VMA(&s, 'A'));
	vmt_mm_free(mm);
}

TEST(find_vma_above_the_last_returns_null)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);

	CHECK(find_vma(mm, PG(18)) == NULL);		/* C's end */
	CHECK(find_vma(mm, PG(100)) == NULL);
	CHECK(find_vma(mm, ~0UL) == NULL);
	vmt_mm_free(mm);
}

TEST(find_vma_on_an_empty_mm_returns_null)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *prev = (void *)1;

	CHECK(find_vma(mm, 0) == NULL);
	CHECK(find_vma(mm, PG(5)) == NULL);
	CHECK(find_vma_prev(mm, PG(5), &prev) == NULL);
	CHECK(prev == NULL);
	CHECK(find_vma_intersection(mm, 0, ~0UL & PAGE_MASK) == NULL);
	vmt_mm_free(mm);
}

TEST(find_vma_prev_gives_the_vma_before)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);
	struct vm_area_struct *prev;

	/* below the first: no previous VMA */
	CHECK(find_vma_prev(mm, PG(1), &prev) == VMA(&s, 'A'));
	CHECK(prev == NULL);
	/* inside the first */
	CHECK(find_vma_prev(mm, PG(3), &prev) == VMA(&s, 'A'));
	CHECK(prev == NULL);
	/* inside B, and in the gap below B */
	CHECK(find_vma_prev(mm, PG(9), &prev) == VMA(&s, 'B'));
	CHECK(prev == VMA(&s, 'A'));
	CHECK(find_vma_prev(mm, PG(7), &prev) == VMA(&s, 'B'));
	CHECK(prev == VMA(&s, 'A'));
	/* inside the last */
	CHECK(find_vma_prev(mm, PG(16), &prev) == VMA(&s, 'C'));
	CHECK(prev == VMA(&s, 'B'));
	/* above the last: no VMA, and prev is the last one */
	CHECK(find_vma_prev(mm, PG(18), &prev) == NULL);
	CHECK(prev == VMA(&s, 'C'));
	CHECK(find_vma_prev(mm, ~0UL, &prev) == NULL);
	CHECK(prev == VMA(&s, 'C'));
	vmt_mm_free(mm);
}

TEST(find_vma_intersection_finds_overlaps_only)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);

	/* free ranges, including ones touching a VMA on either side */
	CHECK(find_vma_intersection(mm, PG(0), PG(2)) == NULL);
	CHECK(find_vma_intersection(mm, PG(6), PG(8)) == NULL);
	CHECK(find_vma_intersection(mm, PG(12), PG(16)) == NULL);
	CHECK(find_vma_intersection(mm, PG(18), PG(30)) == NULL);
	/* overlaps: the lowest VMA overlapping is returned */
	CHECK(find_vma_intersection(mm, PG(5), PG(7)) == VMA(&s, 'A'));
	CHECK(find_vma_intersection(mm, PG(7), PG(9)) == VMA(&s, 'B'));
	CHECK(find_vma_intersection(mm, PG(0), PG(18)) == VMA(&s, 'A'));
	CHECK(find_vma_intersection(mm, PG(9), PG(10)) == VMA(&s, 'B'));
	CHECK(find_vma_intersection(mm, PG(13), PG(17)) == VMA(&s, 'C'));
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * find_vma_links, insert_vm_struct, vma_link, vma_unlink
 */

TEST(find_vma_links_finds_the_slot_or_refuses_an_overlap)
{
	struct sketch s;
	struct mm_struct *mm = find_layout(&s);
	struct vm_area_struct *prev = (void *)1;
	struct rb_node **link = NULL, *parent = (void *)1;

	CHECK_EQ(find_vma_links(mm, PG(6), PG(8), &prev, &link, &parent), 0);
	CHECK(prev == VMA(&s, 'A'));
	CHECK(link != NULL && *link == NULL);	/* an empty slot */
	CHECK(parent == &VMA(&s, 'A')->vm_rb || parent == &VMA(&s, 'B')->vm_rb);
	CHECK_EQ(find_vma_links(mm, PG(0), PG(1), &prev, &link, &parent), 0);
	CHECK(prev == NULL);
	CHECK_EQ(find_vma_links(mm, PG(20), PG(21), &prev, &link, &parent),
		 0);
	CHECK(prev == VMA(&s, 'C'));

	prev = (void *)1;
	CHECK_EQ(find_vma_links(mm, PG(5), PG(7), &prev, &link, &parent),
		 -ENOMEM);
	CHECK(prev == (void *)1);	/* nothing written on failure */
	CHECK_EQ(find_vma_links(mm, PG(0), PG(100), &prev, &link, &parent),
		 -ENOMEM);
	vmt_mm_free(mm);
}

/*
 * With mm->mmap_cache set, find_vma_links() takes the slot next to the
 * cached VMA when the range lies in a gap beside it (links_near()). In a
 * binary search tree the empty slot between two neighbours is unique, so
 * whatever VMA is cached, and for every range of every gap, the answer
 * must be the walk's own (the cache empty); a range over a VMA is refused
 * either way. 26 VMAs, so that the tree has inner nodes on both sides.
 */
TEST(find_vma_links_near_the_cached_vma_is_the_walks_slot)
{
	static const char pic[] =
		"A B  C D E   F G H  I J K L M N   O P Q R S T U  V W X Y Z";
	const unsigned long pages = sizeof(pic) - 1;
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	unsigned long checked = 0;

	sketch_build(mm, pic, &s);
	for (char c = 'A'; c <= 'Z'; c++) {
		for (unsigned long a = 0; a < pages + 2; a++) {
			for (unsigned long e = a + 1; e <= pages + 3; e++) {
				struct vm_area_struct *wp = (void *)1, *np = (void *)1;
				struct rb_node **wl = NULL, **nl = NULL;
				struct rb_node *wpar = (void *)1, *npar = (void *)1;
				int wr, nr;

				mm->mmap_cache = NULL;
				wr = find_vma_links(mm, PG(a), PG(e), &wp, &wl, &wpar);
				mm->mmap_cache = VMA(&s, c);
				nr = find_vma_links(mm, PG(a), PG(e), &np, &nl, &npar);
				CHECK_EQ(nr, wr);
				if (!wr) {
					CHECK(np == wp && nl == wl && npar == wpar);
					CHECK(*nl == NULL);
				}
				checked++;
			}
		}
	}
	CHECK(checked > 26 * 60);
	vmt_mm_free(mm);
}

/* insert_vm_struct() must refuse every kind of overlap with "  AAAA". */
TEST(insert_vm_struct_refuses_overlaps)
{
	static const unsigned long ranges[][2] = {
		{ 2, 6 },	/* the same range */
		{ 1, 3 },	/* over A's start */
		{ 5, 8 },	/* over A's end */
		{ 3, 4 },	/* inside A */
		{ 0, 9 },	/* around A */
	};
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "  AAAA", &s);
	for (size_t i = 0; i < ARRAY_SIZE(ranges); i++) {
		struct vm_area_struct *vma = vm_area_alloc(mm);

		vma->vm_start = PG(ranges[i][0]);
		vma->vm_end = PG(ranges[i][1]);
		CHECK_EQ(insert_vm_struct(mm, vma), -ENOMEM);
		CHECK_EQ(mm->map_count, 1);
		CHECK_SKETCH(mm, "  AAAA");
		vm_area_free(vma);
	}
	vmt_mm_free(mm);
}

TEST(insert_vm_struct_accepts_touching_neighbours)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *below = vm_area_alloc(mm);
	struct vm_area_struct *above = vm_area_alloc(mm);

	sketch_build(mm, "  AAAA", &s);
	below->vm_start = PG(0);
	below->vm_end = PG(2);
	above->vm_start = PG(6);
	above->vm_end = PG(9);
	CHECK_EQ(insert_vm_struct(mm, below), 0);
	CHECK_EQ(insert_vm_struct(mm, above), 0);
	CHECK_SKETCH(mm, "BBAAAACCC");
	CHECK_EQ(mm->map_count, 3);
	CHECK(mm->mmap == below && below->vm_next == VMA(&s, 'A') &&
	      VMA(&s, 'A')->vm_next == above);
	CHECK_EQ(mm->highest_vm_end, PG(9));
	vmt_mm_free(mm);
}

/* Linux's convention: anonymous VMAs get vm_pgoff = vm_start in pages. */
TEST(insert_vm_struct_sets_anonymous_pgoff_only)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *anon = vm_area_alloc(mm);
	struct vm_area_struct *file = vm_area_alloc(mm);

	anon->vm_start = PG(4);
	anon->vm_end = PG(5);
	anon->vm_pgoff = 999;
	file->vm_start = PG(8);
	file->vm_end = PG(9);
	file->vm_file = get_file(FILE_A);
	file->vm_pgoff = 3;
	CHECK_EQ(insert_vm_struct(mm, anon), 0);
	CHECK_EQ(insert_vm_struct(mm, file), 0);
	CHECK_EQ(anon->vm_pgoff, (SKETCH_BASE >> PAGE_SHIFT) + 4);
	CHECK_EQ(file->vm_pgoff, 3);
	vmt_mm_free(mm);
}

/* The root's rb_subtree_gap is the largest gap of all. */
static unsigned long root_gap(struct mm_struct *mm)
{
	return rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb)
		->rb_subtree_gap;
}

/*
 * Linking updates highest_vm_end and the gaps: each step's largest gap
 * worked out by hand (the gap below the lowest VMA reaches down to 0).
 */
TEST(vma_link_keeps_gaps_and_highest_vm_end)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *b, *c;

	/* "          AAAA": gap below A is PG(10) - 0 */
	a = vmt_add(mm, PG(10), PG(14), VM_RW_ANON, NULL, 0);
	CHECK_EQ(a->rb_subtree_gap, PG(10));
	CHECK_EQ(mm->highest_vm_end, PG(14));

	/* "BB        AAAA": B takes the low gap; A's gap is now 8 pages */
	b = vmt_add(mm, PG(0), PG(2), VM_RW_ANON, NULL, 0);
	CHECK_EQ(root_gap(mm), PG(0));
	CHECK_EQ(mm->highest_vm_end, PG(14));

	/* a VMA above: highest_vm_end moves, gap of 20 pages below it */
	c = vmt_add(mm, PG(34), PG(35), VM_RW_ANON, NULL, 0);
	CHECK_EQ(mm->highest_vm_end, PG(35));
	/* three nodes, no rotation: A at the root, C its right leaf */
	CHECK_EQ(c->rb_subtree_gap, PG(34) - PG(14));
	CHECK_EQ(root_gap(mm), PG(0));
	CHECK_EQ(mm->map_count, 3);
	CHECK(mm->mmap == b && b->vm_next == a && a->vm_next == c);
	CHECK(c->vm_prev == a && a->vm_prev == b && b->vm_prev == NULL);
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

/* Unlinking the last, a middle and the first VMA of "AA  BB    CC". */
TEST(vma_unlink_keeps_gaps_and_highest_vm_end)
{
	static const char pic[] = "AA  BB    CC";
	struct sketch s;
	struct mm_struct *mm;

	/* the last: highest_vm_end falls to B's end */
	mm = vmt_mm_new();
	sketch_build(mm, pic, &s);
	vma_unlink(mm, VMA(&s, 'C'));
	vm_area_free(VMA(&s, 'C'));
	CHECK_SKETCH(mm, "AA  BB");
	CHECK_EQ(mm->highest_vm_end, PG(6));
	CHECK_EQ(mm->map_count, 2);
	CHECK(VMA(&s, 'B')->vm_next == NULL);
	vmt_mm_free(mm);

	/* a middle one: C's gap now reaches down to A's end */
	mm = vmt_mm_new();
	sketch_build(mm, pic, &s);
	vma_unlink(mm, VMA(&s, 'B'));
	vm_area_free(VMA(&s, 'B'));
	CHECK_SKETCH(mm, "AA        CC");
	CHECK(VMA(&s, 'A')->vm_next == VMA(&s, 'C'));
	CHECK(VMA(&s, 'C')->vm_prev == VMA(&s, 'A'));
	CHECK_EQ(mm->highest_vm_end, PG(12));
	CHECK_EQ(root_gap(mm), PG(0));	/* still the one below A */
	vmt_mm_free(mm);

	/* the first: B becomes the lowest, its gap reaches down to 0 */
	mm = vmt_mm_new();
	sketch_build(mm, pic, &s);
	vma_unlink(mm, VMA(&s, 'A'));
	vm_area_free(VMA(&s, 'A'));
	CHECK_SKETCH(mm, "    BB    CC");
	CHECK(mm->mmap == VMA(&s, 'B'));
	CHECK(VMA(&s, 'B')->vm_prev == NULL);
	CHECK_EQ(root_gap(mm), PG(4));
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

TEST(vma_unlink_of_the_only_vma_empties_the_mm)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "  AA", &s);
	vma_unlink(mm, VMA(&s, 'A'));
	CHECK(mm->mmap == NULL);
	CHECK(RB_EMPTY_ROOT(&mm->mm_rb));
	CHECK_EQ(mm->highest_vm_end, 0);
	CHECK_EQ(mm->map_count, 0);
	vm_area_free(VMA(&s, 'A'));
	vmt_mm_free(mm);
}

/*
 * vma_gap_update(): after moving a VMA's start by hand, the caller
 * updates its gap; the largest gap of the tree follows.
 *
 *	"AA  BB          CC"  ->  "AA  BB  CC" (C grows down by 6 pages)
 */
TEST(vma_gap_update_follows_a_moved_start)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *c;

	sketch_build(mm, "          AA  BB          CC", &s);
	c = VMA(&s, 'C');
	CHECK_EQ(root_gap(mm), PG(10));		/* below A, from 0 */
	c->vm_start = PG(20);
	vma_gap_update(c);
	CHECK_EQ(c->rb_subtree_gap, PG(20) - PG(16));
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

/* A file VMA keeps its file through linking and lookups. */
TEST(file_vmas_are_found_like_anonymous_ones)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *b;

	a = vmt_add(mm, PG(0), PG(2), VM_RO_ANON, FILE_A, 10);
	b = vmt_add(mm, PG(2), PG(4), VM_RO_ANON, FILE_B, 10);
	CHECK(find_vma(mm, PG(1)) == a);
	CHECK(find_vma(mm, PG(2)) == b);
	CHECK(find_vma(mm, PG(3))->vm_file == FILE_B);
	CHECK_EQ(root_gap(mm), PG(0));
	CHECK_EQ(b->rb_subtree_gap, 0);	/* b, a leaf, touches a */
	vmt_mm_free(mm);
}
