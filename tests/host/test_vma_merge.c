/*
 * Host tests of mm/vma_merge.c: vma_merge()'s eight cases and the
 * conditions that forbid a merge, vma_adjust(), split_vma().
 *
 * Pictures are one character per page from PG(0) up, as in the comment
 * above vma_merge(): AAAA is the range being mapped or changed, PPPP the
 * VMA before it, NNNN the one after it, XXXX the one after that. Each
 * test checks the resulting VMAs exactly (bounds, vm_pgoff, flags, count)
 * and which structure survived. Anonymous VMAs carry vm_pgoff = vm_start
 * in pages (ANON_PGOFF), as Linux gives them.
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"
#include "mm/fault_inject.h"
#include "tests/host/shim/failslab.h"
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/shmem.h"

#define ANON_PGOFF(page) (PG(page) >> PAGE_SHIFT)

/* Three sets of flags that differ: F1 and F2 in access, F3 in a MAY bit. */
#define F1 VM_RW_ANON
#define F2 VM_RO_ANON
#define F3 (VM_RW_ANON & ~VM_MAYEXEC)

/* Check one VMA completely. */
#define CHECK_VMA(vma, start, end, pgoff, flags)                         \
	do {                                                             \
		CHECK_EQ((vma)->vm_start, PG(start));                    \
		CHECK_EQ((vma)->vm_end, PG(end));                        \
		CHECK_EQ((vma)->vm_pgoff, pgoff);                        \
		CHECK_EQ((vma)->vm_flags, flags);                        \
	} while (0)

/* ---------------------------------------------------------------------
 * Cases 1, 2, 3: a free range between PPPP and NNNN (mmap, brk)
 */

/*
 * Case 1: both neighbours are compatible.
 *
 *	PPPP    NNNN   +   AAAA   ->   PPPPPPPPPPPP
 */
TEST(case1_range_joins_prev_and_next)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPP    NNNN", &s);
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'P'));		/* P survives, N is freed */
	CHECK_SKETCH(mm, "PPPPPPPPPPPP");
	CHECK_VMA(vma, 0, 12, ANON_PGOFF(0), F1);
	CHECK_EQ(mm->map_count, 1);
	CHECK_EQ(mm->highest_vm_end, PG(12));
	vmt_mm_free(mm);
}

/* Case 1 with a file: the page offsets run on, 100..103, 104..107, 108... */
TEST(case1_file_range_with_contiguous_pgoff)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *p, *vma;

	p = vmt_add(mm, PG(0), PG(4), F2, FILE_A, 100);
	vmt_add(mm, PG(8), PG(12), F2, FILE_A, 108);
	CHECK_EQ(FILE_A->f_count, 3);
	vma = vma_merge(mm, p, PG(4), PG(8), F2, NULL, FILE_A, 104);
	CHECK(vma == p);
	CHECK_SKETCH(mm, "PPPPPPPPPPPP");
	CHECK_VMA(vma, 0, 12, 100, F2);
	CHECK(vma->vm_file == FILE_A);
	CHECK_EQ(FILE_A->f_count, 2);	/* N's reference went with N */
	vmt_mm_free(mm);
}

/*
 * Case 2: only the previous VMA is compatible (NNNN has other flags).
 *
 *	PPPP    NNNN   +   AAAA   ->   PPPPPPPPNNNN
 */
TEST(case2_range_joins_prev_only)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPP    NNNN", &s);
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'P'));
	CHECK_SKETCH(mm, "PPPPPPPPNNNN");
	CHECK_VMA(VMA(&s, 'P'), 0, 8, ANON_PGOFF(0), F1);
	CHECK_VMA(VMA(&s, 'N'), 8, 12, ANON_PGOFF(8), F2);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/*
 * Case 2 with a range that does not reach NNNN.
 *
 *	PPPP    NNNN   +   AA     ->   PPPPPP  NNNN
 */
TEST(case2_range_short_of_next)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPP    NNNN", &s);
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(6), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'P'));
	CHECK_SKETCH(mm, "PPPPPP  NNNN");
	CHECK_VMA(VMA(&s, 'N'), 8, 12, ANON_PGOFF(8), F1);
	vmt_mm_free(mm);
}

/*
 * Case 3: only the next VMA is compatible; it grows down, and its page
 * offset moves down with its start.
 *
 *	PPPP    NNNN   +   AAAA   ->   PPPPNNNNNNNN
 */
TEST(case3_range_joins_next_only)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPP    NNNN", &s);
	VMA(&s, 'P')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'N'));
	CHECK_SKETCH(mm, "PPPPNNNNNNNN");
	CHECK_VMA(VMA(&s, 'N'), 4, 12, ANON_PGOFF(4), F1);
	CHECK_VMA(VMA(&s, 'P'), 0, 4, ANON_PGOFF(0), F2);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* Case 3 with a file, and no VMA before the range at all (prev NULL). */
TEST(case3_file_range_with_no_prev)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *n, *vma;

	n = vmt_add(mm, PG(8), PG(12), F2, FILE_A, 50);
	vma = vma_merge(mm, NULL, PG(5), PG(8), F2, NULL, FILE_A, 47);
	CHECK(vma == n);
	CHECK_SKETCH(mm, "     NNNNNNN");
	CHECK_VMA(n, 5, 12, 47, F2);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * Cases 4 to 8: the range is (part of) an existing VMA (mprotect)
 */

/*
 * Case 4: the tail of PPPP takes NNNN's flags; the boundary moves down.
 *
 *	  AA
 *	PPPPPPNNNNNN   ->   PPPPNNNNNNNN
 */
TEST(case4_tail_of_prev_joins_next)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPPPPNNNNNN", &s);
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(6), F2, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'N'));
	CHECK_SKETCH(mm, "PPPPNNNNNNNN");
	CHECK_VMA(VMA(&s, 'P'), 0, 4, ANON_PGOFF(0), F1);
	CHECK_VMA(VMA(&s, 'N'), 4, 12, ANON_PGOFF(4), F2);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/*
 * Case 5: the head of NNNN takes PPPP's flags; the boundary moves up.
 *
 *	      AA
 *	PPPPPPNNNNNN   ->   PPPPPPPPNNNN
 */
TEST(case5_head_of_next_joins_prev)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPPPPNNNNNN", &s);
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(6), PG(8), F1, NULL, NULL,
			ANON_PGOFF(6));
	CHECK(vma == VMA(&s, 'P'));
	CHECK_SKETCH(mm, "PPPPPPPPNNNN");
	CHECK_VMA(VMA(&s, 'P'), 0, 8, ANON_PGOFF(0), F1);
	CHECK_VMA(VMA(&s, 'N'), 8, 12, ANON_PGOFF(8), F2);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* Case 5 with a file: NNNN's page offset moves up with its start. */
TEST(case5_file_next_keeps_its_data_in_place)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *p, *n, *vma;

	p = vmt_add(mm, PG(0), PG(6), F1, FILE_A, 20);
	n = vmt_add(mm, PG(6), PG(12), F2, FILE_A, 26);
	vma = vma_merge(mm, p, PG(6), PG(9), F1, NULL, FILE_A, 26);
	CHECK(vma == p);
	CHECK_VMA(p, 0, 9, 20, F1);
	CHECK_VMA(n, 9, 12, 29, F2);
	vmt_mm_free(mm);
}

/*
 * Case 6: all of NNNN takes the flags of PPPP and XXXX: three become one.
 *
 *	    AAAA
 *	PPPPNNNNXXXX   ->   PPPPPPPPPPPP
 */
TEST(case6_next_disappears_prev_and_x_join)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPPNNNNXXXX", &s);
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'P'));		/* N and X are freed */
	CHECK_SKETCH(mm, "PPPPPPPPPPPP");
	CHECK_VMA(vma, 0, 12, ANON_PGOFF(0), F1);
	CHECK_EQ(mm->map_count, 1);
	CHECK_EQ(mm->highest_vm_end, PG(12));
	vmt_mm_free(mm);
}

/*
 * Case 7: all of NNNN takes PPPP's flags; XXXX differs.
 *
 *	    AAAA
 *	PPPPNNNNXXXX   ->   PPPPPPPPXXXX
 */
TEST(case7_next_disappears_into_prev)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPPNNNNXXXX", &s);
	VMA(&s, 'N')->vm_flags = F2;
	VMA(&s, 'X')->vm_flags = F3;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'P'));
	CHECK_SKETCH(mm, "PPPPPPPPXXXX");
	CHECK_VMA(VMA(&s, 'P'), 0, 8, ANON_PGOFF(0), F1);
	CHECK_VMA(VMA(&s, 'X'), 8, 12, ANON_PGOFF(8), F3);
	CHECK(VMA(&s, 'P')->vm_next == VMA(&s, 'X'));
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/*
 * Case 8: all of NNNN takes XXXX's flags; PPPP differs. XXXX is the
 * structure that survives, grown down over NNNN's range.
 *
 *	    AAAA
 *	PPPPNNNNXXXX   ->   PPPPXXXXXXXX
 */
TEST(case8_next_disappears_into_x)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "PPPPNNNNXXXX", &s);
	VMA(&s, 'P')->vm_flags = F3;
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL,
			ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'X'));
	CHECK_SKETCH(mm, "PPPPXXXXXXXX");
	CHECK_VMA(VMA(&s, 'X'), 4, 12, ANON_PGOFF(4), F1);
	CHECK_VMA(VMA(&s, 'P'), 0, 4, ANON_PGOFF(0), F3);
	CHECK(VMA(&s, 'P')->vm_next == VMA(&s, 'X'));
	CHECK(VMA(&s, 'X')->vm_prev == VMA(&s, 'P'));
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* Case 8 at the bottom of the address space: no PPPP at all. */
TEST(case8_with_no_prev)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;

	sketch_build(mm, "    NNNNXXXX", &s);
	VMA(&s, 'N')->vm_flags = F2;
	vma = vma_merge(mm, NULL, PG(4), PG(8), F1, NULL, NULL, ANON_PGOFF(4));
	CHECK(vma == VMA(&s, 'X'));
	CHECK_SKETCH(mm, "    XXXXXXXX");
	CHECK(mm->mmap == VMA(&s, 'X'));
	CHECK_VMA(VMA(&s, 'X'), 4, 12, ANON_PGOFF(4), F1);
	vmt_mm_free(mm);
}

/*
 * The "cannot merge" picture: a range strictly inside PPPP touches no
 * other VMA.
 *
 *	 AAAA
 *	PPPPPPNNNNNN   ->   unchanged, NULL
 */
TEST(range_inside_prev_cannot_merge)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "PPPPPPNNNNNN", &s);
	VMA(&s, 'N')->vm_flags = F2;
	CHECK(vma_merge(mm, VMA(&s, 'P'), PG(1), PG(5), F2, NULL, NULL,
			ANON_PGOFF(1)) == NULL);
	CHECK_SKETCH(mm, "PPPPPPNNNNNN");
	CHECK_VMA(VMA(&s, 'P'), 0, 6, ANON_PGOFF(0), F1);
	CHECK_VMA(VMA(&s, 'N'), 6, 12, ANON_PGOFF(6), F2);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * Conditions that forbid a merge. Each starts from
 *
 *	PPPP    NNNN   +   AAAA
 *
 * which would be case 1, changes one thing, and expects NULL (no VMA
 * takes the range, nothing changes).
 */
static void expect_no_merge(unsigned long flags, struct file *file,
			    unsigned long pgoff, unsigned long start,
			    unsigned long end)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *p, *n;

	p = vmt_add(mm, PG(0), PG(4), F1, FILE_A, 10);
	n = vmt_add(mm, PG(8), PG(12), F1, FILE_A, 18);
	CHECK(vma_merge(mm, p, start, end, flags, NULL, file, pgoff) == NULL);
	CHECK_EQ(mm->map_count, 2);
	CHECK_VMA(p, 0, 4, 10, F1);
	CHECK_VMA(n, 8, 12, 18, F1);
	vmt_mm_free(mm);
}

TEST(positive_control_the_same_range_does_merge)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *p;

	p = vmt_add(mm, PG(0), PG(4), F1, FILE_A, 10);
	vmt_add(mm, PG(8), PG(12), F1, FILE_A, 18);
	CHECK(vma_merge(mm, p, PG(4), PG(8), F1, NULL, FILE_A, 14) == p);
	CHECK_VMA(p, 0, 12, 10, F1);
	vmt_mm_free(mm);
}

TEST(different_access_flags_do_not_merge)
{
	expect_no_merge(F2, FILE_A, 14, PG(4), PG(8));
}

/* Every flag counts, even one of the VM_MAY* bits. */
TEST(different_may_flags_do_not_merge)
{
	expect_no_merge(F3, FILE_A, 14, PG(4), PG(8));
}

TEST(different_file_does_not_merge)
{
	expect_no_merge(F1, FILE_B, 14, PG(4), PG(8));
}

TEST(anonymous_range_next_to_file_vmas_does_not_merge)
{
	expect_no_merge(F1, NULL, 14, PG(4), PG(8));
}

/* Page 14 must follow P's 10..13 and lead to N's 18: 15 does neither. */
TEST(non_contiguous_pgoff_does_not_merge)
{
	expect_no_merge(F1, FILE_A, 15, PG(4), PG(8));
	expect_no_merge(F1, FILE_A, 13, PG(4), PG(8));
}

/*
 * Touching is required: "PPPP AA NNNN" touches neither (a one-page hole on
 * each side), even with flags, file and offsets all right.
 */
TEST(range_not_touching_does_not_merge)
{
	expect_no_merge(F1, FILE_A, 15, PG(5), PG(7));
}

/*
 * Linux checks vm_pgoff for anonymous VMAs too: anonymous VMAs whose
 * offsets do not run on (here one was given 0) stay apart.
 *
 *	PPPP    + AAAA (pgoff 0)  ->  PPPPAAAA, two VMAs
 */
TEST(anonymous_non_contiguous_pgoff_does_not_merge)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "PPPP", &s);
	CHECK(vma_merge(mm, VMA(&s, 'P'), PG(4), PG(8), F1, NULL, NULL, 0) == NULL);
	CHECK_SKETCH(mm, "PPPP");
	vmt_mm_free(mm);
}

/*
 * Only one side fits: P matches, N's offset does not follow, so the range
 * joins P alone (case 2), not both.
 */
TEST(next_with_wrong_pgoff_leaves_case2)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *p, *n;

	p = vmt_add(mm, PG(0), PG(4), F1, FILE_A, 10);
	n = vmt_add(mm, PG(8), PG(12), F1, FILE_A, 30);
	CHECK(vma_merge(mm, p, PG(4), PG(8), F1, NULL, FILE_A, 14) == p);
	CHECK_VMA(p, 0, 8, 10, F1);
	CHECK_VMA(n, 8, 12, 30, F1);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * vma_adjust
 */

/*
 *	AAAA    BBBB   ->   AAAAAA  BBBB   (A grows into free space)
 *	                ->  AAA     BBBB   (A shrinks: the space is free)
 *	                ->    AA    BBBB   (A's start moves up, pgoff too)
 */
TEST(vma_adjust_moves_bounds_into_free_space)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a;

	sketch_build(mm, "AAAA    BBBB", &s);
	a = VMA(&s, 'A');
	CHECK_EQ(vma_adjust(a, PG(0), PG(6), a->vm_pgoff, NULL), 0);
	CHECK_SKETCH(mm, "AAAAAA  BBBB");
	CHECK_EQ(vma_adjust(a, PG(0), PG(3), a->vm_pgoff, NULL), 0);
	CHECK_SKETCH(mm, "AAA     BBBB");
	CHECK_EQ(vma_adjust(a, PG(2), PG(3), ANON_PGOFF(2), NULL), 0);
	CHECK_SKETCH(mm, "  A     BBBB");
	CHECK_VMA(a, 2, 3, ANON_PGOFF(2), F1);
	CHECK_VMA(VMA(&s, 'B'), 8, 12, ANON_PGOFF(8), F1);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* The last VMA shrinking or growing moves highest_vm_end with it. */
TEST(vma_adjust_of_the_last_moves_highest_vm_end)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *b;

	sketch_build(mm, "AAAA    BBBB", &s);
	b = VMA(&s, 'B');
	vma_adjust(b, PG(8), PG(10), b->vm_pgoff, NULL);
	CHECK_EQ(mm->highest_vm_end, PG(10));
	vma_adjust(b, PG(8), PG(20), b->vm_pgoff, NULL);
	CHECK_EQ(mm->highest_vm_end, PG(20));
	vmt_mm_free(mm);
}

/*
 * A grows over all of B (B is freed) and over part of C (C's start and
 * pgoff move up):
 *
 *	AAAABBBBCCCC   ->   AAAAAAAAAACC
 */
TEST(vma_adjust_swallows_and_trims_the_next_vmas)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *c;

	sketch_build(mm, "AAAABBBBCCCC", &s);
	a = VMA(&s, 'A');
	c = VMA(&s, 'C');
	CHECK_EQ(vma_adjust(a, PG(0), PG(10), a->vm_pgoff, NULL), 0);
	CHECK_SKETCH(mm, "AAAAAAAAAACC");
	CHECK_VMA(c, 10, 12, ANON_PGOFF(10), F1);
	CHECK(a->vm_next == c && c->vm_prev == a);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * split_vma
 */

/*
 * The new VMA above: the original structure keeps the low part.
 *
 *	AAAAAAAA   ->   AAABBBBB
 */
TEST(split_vma_new_above)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *b;

	a = vmt_add(mm, PG(0), PG(8), F2, FILE_A, 40);
	CHECK_EQ(split_vma(mm, a, PG(3), 0), 0);
	b = a->vm_next;
	CHECK_SKETCH(mm, "AAABBBBB");
	CHECK_VMA(a, 0, 3, 40, F2);
	CHECK_VMA(b, 3, 8, 43, F2);
	CHECK(b->vm_file == FILE_A && b->vm_mm == mm);
	CHECK_EQ(FILE_A->f_count, 3);	/* its own, a's and b's */
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(mm->highest_vm_end, PG(8));
	vmt_mm_free(mm);
}

/*
 * The new VMA below: the original structure keeps the high part.
 *
 *	AAAAAAAA   ->   BBBAAAAA
 */
TEST(split_vma_new_below)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *b;

	a = vmt_add(mm, PG(0), PG(8), F2, FILE_A, 40);
	CHECK_EQ(split_vma(mm, a, PG(3), 1), 0);
	b = a->vm_prev;
	CHECK(mm->mmap == b);
	CHECK_VMA(b, 0, 3, 40, F2);
	CHECK_VMA(a, 3, 8, 43, F2);
	CHECK(b->vm_file == FILE_A);
	CHECK_EQ(FILE_A->f_count, 3);
	CHECK_EQ(mm->map_count, 2);
	vmt_mm_free(mm);
}

/* At max_map_count, split_vma() refuses; __split_vma() does not look. */
TEST(split_vma_at_max_map_count_fails_with_enomem)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AAAA BBBBBBBB", &s);
	mm->max_map_count = 2;
	CHECK_EQ(split_vma(mm, VMA(&s, 'B'), PG(9), 0), -ENOMEM);
	CHECK_SKETCH(mm, "AAAA BBBBBBBB");
	CHECK_EQ(mm->map_count, 2);
	CHECK_EQ(vmt_live_objects(), 2);	/* nothing allocated */

	mm->max_map_count = 3;
	CHECK_EQ(split_vma(mm, VMA(&s, 'B'), PG(9), 0), 0);
	CHECK_SKETCH(mm, "AAAA BBBBCCCC");
	CHECK_EQ(split_vma(mm, VMA(&s, 'B'), PG(7), 0), -ENOMEM);
	CHECK_EQ(__split_vma(mm, VMA(&s, 'B'), PG(7), 0), 0);
	CHECK_SKETCH(mm, "AAAA BBCCDDDD");
	CHECK_EQ(mm->map_count, 4);
	vmt_mm_free(mm);
}

/* Out of memory: -ENOMEM and nothing changed (and nothing leaked). */
TEST(split_vma_out_of_memory_fails_with_enomem)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AAAAAAAA", &s);
	fault_attr_set(&failslab, 0, 1);
	CHECK_EQ(split_vma(mm, VMA(&s, 'A'), PG(4), 1), -ENOMEM);
	fault_attr_set(&failslab, 0, 0);
	CHECK_SKETCH(mm, "AAAAAAAA");
	CHECK_VMA(VMA(&s, 'A'), 0, 8, ANON_PGOFF(0), F1);
	CHECK_EQ(mm->map_count, 1);
	vmt_mm_free(mm);
}

/* ---------------------------------------------------------------------
 * mm/mmap.c's do_munmap() and mm/mprotect.c's do_mprotect(), which split
 * and merge with these
 */

/*
 *	AAAAAAAAAAAA   munmap [2, 4)    ->   AA  AAAAAAAA
 *	               munmap [7, 12)   ->   AA  AAA
 *	               munmap [0, 100)  ->   (empty)
 */
TEST(munmap_splits_and_frees)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *hi;

	sketch_build(mm, "AAAAAAAAAAAA", &s);
	CHECK_EQ(do_munmap(mm, PG(2), PG(4) - PG(2)), 0);
	CHECK_SKETCH(mm, "AA  BBBBBBBB");
	hi = VMA(&s, 'A')->vm_next;
	CHECK_EQ(hi->vm_pgoff, ANON_PGOFF(4));
	CHECK_EQ(do_munmap(mm, PG(7), PG(12) - PG(7)), 0);
	CHECK_SKETCH(mm, "AA  BBB");
	CHECK_EQ(mm->highest_vm_end, PG(7));
	CHECK_EQ(do_munmap(mm, PG(0), PG(100) - PG(0)), 0);
	CHECK_EQ(mm->map_count, 0);
	vmt_mm_free(mm);
}

/* Punching a hole needs one more VMA: refused at max_map_count. */
TEST(munmap_of_a_hole_at_max_map_count_fails)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AAAAAAAA", &s);
	mm->max_map_count = 1;
	CHECK_EQ(do_munmap(mm, PG(2), PG(4) - PG(2)), -ENOMEM);
	CHECK_SKETCH(mm, "AAAAAAAA");
	CHECK_EQ(do_munmap(mm, PG(6), PG(8) - PG(6)), 0);	/* no new VMA */
	CHECK_SKETCH(mm, "AAAAAA");
	vmt_mm_free(mm);
}

/*
 * mprotect of the middle splits in three, and the structure passed in is
 * the one whose flags change (Linux splits the outer parts off it);
 * setting the flags back merges the pieces again (case 6): the lowest
 * piece survives. The VMA is charged (VM_ACCOUNT, as mmap gives private
 * writable memory) and keeps the charge when made read-only, so that the
 * pieces' flags are equal again at the end.
 *
 *	AAAAAAAA   ->   BBAAAACC   ->   BBBBBBBB
 */
TEST(mprotect_splits_then_merges_back)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *a, *low;

	sketch_build(mm, "AAAAAAAA", &s);
	a = VMA(&s, 'A');
	a->vm_flags |= VM_ACCOUNT;
	CHECK_EQ(do_mprotect(mm, PG(2), PG(6) - PG(2), PROT_READ, false), 0);
	CHECK_SKETCH(mm, "BBAAAACC");
	CHECK_VMA(a, 2, 6, ANON_PGOFF(2), F2 | VM_ACCOUNT);
	low = mm->mmap;
	CHECK_VMA(low, 0, 2, ANON_PGOFF(0), F1 | VM_ACCOUNT);
	CHECK_VMA(a->vm_next, 6, 8, ANON_PGOFF(6), F1 | VM_ACCOUNT);
	CHECK_EQ(mm->map_count, 3);

	CHECK_EQ(do_mprotect(mm, PG(2), PG(6) - PG(2), PROT_READ | PROT_WRITE,
			     false), 0);
	CHECK_SKETCH(mm, "BBBBBBBB");
	CHECK(mm->mmap == low);
	CHECK_VMA(low, 0, 8, ANON_PGOFF(0), F1 | VM_ACCOUNT);
	CHECK_EQ(mm->map_count, 1);
	vmt_mm_free(mm);
}

/*
 * A shared anonymous VMA maps a shmem object through its vm_file: cut in
 * three, each part holds a reference; merged back, the parts' references
 * go with them; the last VMA's fput frees the object.
 *
 *	SSSSSSSS  ->  AAABBCCC  ->  SSSSSSSS  ->  (nothing)
 */
TEST(split_and_merge_keep_shmem_references_exact)
{
	struct mm_struct *mm = vmt_mm_new();
	unsigned long files = nr_files(), inodes = nr_inodes();
	unsigned long flags = F1 | VM_SHARED | VM_MAYSHARE;
	struct vm_area_struct *a, *b;
	struct file *shm;

	a = vmt_add(mm, PG(0), PG(8), flags, NULL, 0);
	CHECK_EQ(shmem_zero_setup(a), 0);
	shm = a->vm_file;
	CHECK_EQ(shm->f_count, 1);
	CHECK_EQ(nr_files(), files + 1);
	CHECK_EQ(split_vma(mm, a, PG(3), 0), 0);
	b = a->vm_next;
	CHECK_EQ(split_vma(mm, b, PG(5), 0), 0);
	CHECK_SKETCH(mm, "AAABBCCC");
	CHECK_EQ(shm->f_count, 3);
	CHECK_EQ(b->vm_pgoff, 3);
	CHECK_EQ(b->vm_next->vm_pgoff, 5);
	/* case 6: B's range joins A and C, which both go into A */
	CHECK(vma_merge(mm, a, PG(3), PG(5), flags, NULL, shm, 3) == a);
	CHECK_SKETCH(mm, "SSSSSSSS");
	CHECK_VMA(a, 0, 8, 0, flags);
	CHECK_EQ(shm->f_count, 1);
	vmt_mm_free(mm);
	CHECK_EQ(nr_files(), files);
	CHECK_EQ(nr_inodes(), inodes);
}
