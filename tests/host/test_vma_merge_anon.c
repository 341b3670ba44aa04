/*
 * Host tests of vma_merge() and vma_merge_new_range() with anon_vmas:
 * each of the eight cases of vma_merge() (see mm/vma_merge.c) again, with
 * the VMAs' anon_vmas the same, different, or missing on one side.
 *
 * The expected results are worked by hand from Linux 6.1's rule
 * (is_mergeable_anon_vma() in mm/mmap.c), which for VMAs without fork
 * history comes to:
 *   - a neighbour may take the range if the range has no anon_vma, or
 *     has the neighbour's (a range with pages never joins a neighbour
 *     without: the neighbour's empty chain is not "single");
 *   - PPPP and NNNN (XXXX) both take it only if their anon_vmas are one,
 *     or one of them has none; else PPPP alone, as the prev test is
 *     made first.
 *
 * A case is a line: the picture before (as in test_vma_merge.c, one
 * character per page), each VMA's flags ('1', '2', '3' for F1, F2, F3)
 * and anon_vma ('a', 'b', or '-' for none), in address order; the range
 * [lo, hi) in pages with F1 and its anon_vma; the picture after, and
 * the anon_vma of each VMA after. An unchanged picture means "no merge"
 * (vma_merge() returns NULL).
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"
#include "kernel/errno.h"
#include "mm/anon_vma.h"
#include "mm/mm.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/vma.h"

#define F1 VM_RW_ANON
#define F2 VM_RO_ANON
#define F3 (VM_RW_ANON & ~VM_MAYEXEC)
#define ANON_PGOFF(page) (PG(page) >> PAGE_SHIFT)

struct anon_case {
	const char *before;
	const char *flags;	/* per VMA before, in address order */
	const char *anons;	/* per VMA before: 'a', 'b' or '-' */
	int lo, hi;		/* the range, in pages; it has F1 */
	char range_anon;	/* 'a', 'b' or '-' */
	const char *after;
	const char *anons_after; /* per VMA after */
};

/*
 * The anon_vmas the letters 'a' and 'b' stand for in one case. A letter
 * the range has must be some VMA's too: a range brings pages from a VMA.
 */
struct tokens {
	struct anon_vma *av[2];
};

static unsigned long flags_of(char c)
{
	return c == '1' ? F1 : c == '2' ? F2 : F3;
}

static struct anon_vma *token(const struct tokens *t, char c)
{
	return c == '-' ? NULL : t->av[c - 'a'];
}

/*
 * Give @vma the anon_vma that @c names: the first VMA with a letter gets
 * a new one from anon_vma_prepare() (its flags made different for the
 * moment, so that it does not reuse a compatible neighbour's, which
 * would be right but is not the case drawn); the next ones share it as
 * a split does, with anon_vma_clone().
 */
static void give_anon_vma(struct vm_area_struct *vma, char c,
			  struct tokens *t)
{
	struct vm_area_struct *first;

	if (c == '-')
		return;
	if (!t->av[c - 'a']) {
		vma->vm_flags ^= VM_LOCKED;
		CHECK_EQ(anon_vma_prepare(vma), 0);
		vma->vm_flags ^= VM_LOCKED;
		t->av[c - 'a'] = vma->anon_vma;
		return;
	}
	for (first = vma->vm_mm->mmap; first->anon_vma != t->av[c - 'a'];)
		first = first->vm_next;
	vma->anon_vma = first->anon_vma;
	CHECK_EQ(anon_vma_clone(vma, first), 0);
}

/* Build @c's picture with its flags and anon_vmas; returns the mm. */
static struct mm_struct *build(const struct anon_case *c, struct tokens *t)
{
	struct mm_struct *mm = vmt_mm_new();
	struct vm_area_struct *vma;
	struct sketch s;
	int i = 0;

	sketch_build(mm, c->before, &s);
	for (vma = mm->mmap; vma; vma = vma->vm_next, i++)
		vma->vm_flags = flags_of(c->flags[i]);
	for (vma = mm->mmap, i = 0; vma; vma = vma->vm_next, i++)
		give_anon_vma(vma, c->anons[i], t);
	return mm;
}

/* The VMA ending at @addr, NULL if none does (vma_merge()'s prev). */
static struct vm_area_struct *prev_of(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma, *prev = NULL;

	for (vma = mm->mmap; vma && vma->vm_start < addr; vma = vma->vm_next)
		prev = vma;
	return prev;
}

/* Check the layout and every VMA's anon_vma after the operation. */
static void check_after(struct mm_struct *mm, const struct anon_case *c,
			const struct tokens *t)
{
	struct vm_area_struct *vma;
	int i = 0;

	CHECK_SKETCH(mm, c->after);
	for (vma = mm->mmap; vma; vma = vma->vm_next, i++) {
		CHECK(c->anons_after[i] != 0);
		if (!c->anons_after[i])
			break;
		CHECK(vma->anon_vma == token(t, c->anons_after[i]));
		/* a VMA is on its own anon_vma's list, and only there */
		CHECK_EQ(!list_empty(&vma->anon_vma_chain), !!vma->anon_vma);
		if (vma->anon_vma)
			CHECK(anon_vma_chain_is_single(vma));
	}
	CHECK_EQ(c->anons_after[i], 0);
}

/*
 * Run one case through vma_merge(), or with @new_range through
 * vma_merge_new_range() (a range without pages, as mmap makes), and free
 * everything (leaks are checked).
 */
static void run_case(const struct anon_case *c, bool new_range)
{
	struct tokens t = { { NULL, NULL } };
	struct mm_struct *mm = build(c, &t);
	unsigned long addr = PG(c->lo), end = PG(c->hi);
	struct vm_area_struct *prev = prev_of(mm, addr), *merged;

	if (new_range)
		merged = vma_merge_new_range(mm, prev, addr, end, F1, NULL,
					     addr >> PAGE_SHIFT);
	else
		merged = vma_merge(mm, prev, addr, end, F1,
				   token(&t, c->range_anon), NULL,
				   addr >> PAGE_SHIFT);
	CHECK_EQ(merged == NULL, strcmp(c->before, c->after) == 0);
	if (merged) {
		CHECK(merged->vm_start <= addr && end <= merged->vm_end);
		CHECK_EQ(merged->vm_flags, F1);
	}
	check_after(mm, c, &t);
	vmt_mm_free(mm);
	CHECK_EQ(nr_anon_vmas(), 0);
	CHECK_EQ(nr_anon_vma_chains(), 0);
}

/* Cases 1, 2, 3: a free range [4, 8) between PPPP and NNNN. */
TEST(free_range_cases_1_2_3_with_anon_vmas)
{
	static const struct anon_case cases[] = {
		/* case 1: one anon_vma on both sides, or one side none */
		{ "PPPP    NNNN", "11", "aa", 4, 8, '-', "PPPPPPPPPPPP", "a" },
		{ "PPPP    NNNN", "11", "a-", 4, 8, '-', "PPPPPPPPPPPP", "a" },
		/* PPPP takes NNNN's anon_vma with its pages */
		{ "PPPP    NNNN", "11", "-b", 4, 8, '-', "PPPPPPPPPPPP", "b" },
		{ "PPPP    NNNN", "11", "--", 4, 8, '-', "PPPPPPPPPPPP", "-" },
		/* case 1 refused, two anon_vmas: PPPP alone (case 2) */
		{ "PPPP    NNNN", "11", "ab", 4, 8, '-', "PPPPPPPPNNNN", "ab" },
		/* a range with pages (mremap): only a side with its own */
		{ "PPPP    NNNN", "11", "aa", 4, 8, 'a', "PPPPPPPPPPPP", "a" },
		{ "PPPP    NNNN", "11", "a-", 4, 8, 'a', "PPPPPPPPNNNN", "a-" },
		{ "PPPP    NNNN", "11", "-a", 4, 8, 'a', "PPPPNNNNNNNN", "-a" },
		{ "PPPP    NNNN", "11", "ab", 4, 8, 'b', "PPPPNNNNNNNN", "ab" },
		/* case 2: NNNN differs in flags */
		{ "PPPP    NNNN", "12", "ab", 4, 8, '-', "PPPPPPPPNNNN", "ab" },
		{ "PPPP    NNNN", "12", "ab", 4, 8, 'b', "PPPP    NNNN", "ab" },
		/* case 3: PPPP differs in flags */
		{ "PPPP    NNNN", "21", "ab", 4, 8, '-', "PPPPNNNNNNNN", "ab" },
		{ "PPPP    NNNN", "21", "a-", 4, 8, 'a', "PPPP    NNNN", "a-" },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i], false);
}

/*
 * Cases 4 to 8: mprotect() gives part or all of a VMA F1, and the range
 * brings that VMA's anon_vma (its pages) along.
 */
TEST(mprotect_cases_4_to_8_with_anon_vmas)
{
	static const struct anon_case cases[] = {
		/* case 4: the tail [4, 6) of PPPP joins NNNN */
		{ "PPPPPPNNNNNN", "21", "aa", 4, 6, 'a', "PPPPNNNNNNNN", "aa" },
		{ "PPPPPPNNNNNN", "21", "-b", 4, 6, '-', "PPPPNNNNNNNN", "-b" },
		{ "PPPPPPNNNNNN", "21", "ab", 4, 6, 'a', "PPPPPPNNNNNN", "ab" },
		{ "PPPPPPNNNNNN", "21", "a-", 4, 6, 'a', "PPPPPPNNNNNN", "a-" },
		/* case 5: the head [6, 8) of NNNN joins PPPP */
		{ "PPPPPPNNNNNN", "12", "aa", 6, 8, 'a', "PPPPPPPPNNNN", "aa" },
		{ "PPPPPPNNNNNN", "12", "a-", 6, 8, '-', "PPPPPPPPNNNN", "a-" },
		{ "PPPPPPNNNNNN", "12", "ab", 6, 8, 'b', "PPPPPPNNNNNN", "ab" },
		{ "PPPPPPNNNNNN", "12", "-b", 6, 8, 'b', "PPPPPPNNNNNN", "-b" },
		/* case 6: all of NNNN, PPPP and XXXX join */
		{ "PPPPNNNNXXXX", "121", "aaa", 4, 8, 'a', "PPPPPPPPPPPP", "a" },
		{ "PPPPNNNNXXXX", "121", "---", 4, 8, '-', "PPPPPPPPPPPP", "-" },
		{ "PPPPNNNNXXXX", "121", "--b", 4, 8, '-', "PPPPPPPPPPPP", "b" },
		{ "PPPPNNNNXXXX", "121", "a--", 4, 8, '-', "PPPPPPPPPPPP", "a" },
		/* case 6 refused for two anon_vmas: PPPP alone (case 7) */
		{ "PPPPNNNNXXXX", "121", "a-b", 4, 8, '-', "PPPPPPPPXXXX", "ab" },
		{ "PPPPNNNNXXXX", "121", "aab", 4, 8, 'a', "PPPPPPPPXXXX", "ab" },
		/* NNNN's pages may not go to a PPPP without: XXXX (case 8) */
		{ "PPPPNNNNXXXX", "121", "-aa", 4, 8, 'a', "PPPPXXXXXXXX", "-a" },
		{ "PPPPNNNNXXXX", "121", "bab", 4, 8, 'a', "PPPPNNNNXXXX", "bab" },
		/* case 7: XXXX differs in flags */
		{ "PPPPNNNNXXXX", "123", "aab", 4, 8, 'a', "PPPPPPPPXXXX", "ab" },
		{ "PPPPNNNNXXXX", "123", "a-b", 4, 8, '-', "PPPPPPPPXXXX", "ab" },
		{ "PPPPNNNNXXXX", "123", "bab", 4, 8, 'a', "PPPPNNNNXXXX", "bab" },
		{ "PPPPNNNNXXXX", "123", "-ab", 4, 8, 'a', "PPPPNNNNXXXX", "-ab" },
		/* case 8: PPPP differs in flags */
		{ "PPPPNNNNXXXX", "321", "baa", 4, 8, 'a', "PPPPXXXXXXXX", "ba" },
		{ "PPPPNNNNXXXX", "321", "b-a", 4, 8, '-', "PPPPXXXXXXXX", "ba" },
		{ "PPPPNNNNXXXX", "321", "bab", 4, 8, 'a', "PPPPNNNNXXXX", "bab" },
		{ "PPPPNNNNXXXX", "321", "ba-", 4, 8, 'a', "PPPPNNNNXXXX", "ba-" },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i], false);
}

/*
 * mmap_region()'s choice in Linux 6.1 (vma_merge_new_range()): the new
 * range has no pages; NNNN is asked first, then PPPP with the anon_vma
 * the merged VMA would have, NNNN's.
 */
TEST(new_range_asks_next_first_then_prev_with_its_anon_vma)
{
	static const struct anon_case cases[] = {
		{ "PPPP    NNNN", "11", "aa", 4, 8, '-', "PPPPPPPPPPPP", "a" },
		{ "PPPP    NNNN", "11", "a-", 4, 8, '-', "PPPPPPPPPPPP", "a" },
		{ "PPPP    NNNN", "11", "--", 4, 8, '-', "PPPPPPPPPPPP", "-" },
		/*
		 * Unlike vma_merge()'s case 1 (PPPP takes NNNN's anon_vma):
		 * PPPP without pages may not take NNNN's; NNNN alone grows.
		 */
		{ "PPPP    NNNN", "11", "-b", 4, 8, '-', "PPPPNNNNNNNN", "-b" },
		/* and with two anon_vmas it is NNNN, not PPPP, that grows */
		{ "PPPP    NNNN", "11", "ab", 4, 8, '-', "PPPPNNNNNNNN", "ab" },
		{ "PPPP    NNNN", "12", "ab", 4, 8, '-', "PPPPPPPPNNNN", "ab" },
		{ "PPPP        ", "1", "a", 4, 8, '-', "PPPPPPPP    ", "a" },
		{ "PPPP    NNNN", "22", "ab", 4, 8, '-', "PPPP    NNNN", "ab" },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i], true);
}

/*
 * anon_vma_prepare() reuses a compatible neighbour's anon_vma (the next
 * one first) so that an mprotect() can merge the two later; not one
 * that differs in more than access, and not an inherited one.
 */
TEST(prepare_reuses_a_compatible_neighbours_anon_vma)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "PPPPNNNNXXXX  YYYY", &s);
	VMA(&s, 'N')->vm_flags = F2;		/* access only: compatible */
	VMA(&s, 'X')->vm_flags = F3;		/* a MAY bit: not */
	CHECK_EQ(anon_vma_prepare(VMA(&s, 'P')), 0);
	CHECK_EQ(anon_vma_prepare(VMA(&s, 'X')), 0);
	CHECK(VMA(&s, 'X')->anon_vma != VMA(&s, 'P')->anon_vma);
	/* N is compatible with both: the next one (X) is not, P is */
	CHECK_EQ(anon_vma_prepare(VMA(&s, 'N')), 0);
	CHECK(VMA(&s, 'N')->anon_vma == VMA(&s, 'P')->anon_vma);
	/* Y touches nothing: a new one */
	CHECK_EQ(anon_vma_prepare(VMA(&s, 'Y')), 0);
	CHECK(VMA(&s, 'Y')->anon_vma != VMA(&s, 'P')->anon_vma);
	CHECK(VMA(&s, 'Y')->anon_vma != VMA(&s, 'X')->anon_vma);
	CHECK_EQ(nr_anon_vmas(), 3);
	vmt_mm_free(mm);
	CHECK_EQ(nr_anon_vmas(), 0);
}

/*
 * Fork: the child's VMA has its own anon_vma and the parent's on its
 * chain, so it may not take a range without pages, nor lend its
 * anon_vma to a neighbour; it still takes a range with its own.
 */
TEST(a_forked_vma_keeps_apart_from_ranges_without_pages)
{
	struct sketch s;
	struct mm_struct *parent = vmt_mm_new(), *child;
	struct vm_area_struct *pv, *cv, *v;

	sketch_build(parent, "PPPP", &s);
	pv = VMA(&s, 'P');
	CHECK_EQ(anon_vma_prepare(pv), 0);
	/* the same range in the parent merges */
	CHECK(vma_merge(parent, pv, PG(4), PG(6), F1, NULL, NULL,
			ANON_PGOFF(4)) == pv);

	child = vmt_mm_new();
	cv = vmt_add(child, PG(0), PG(6), F1, NULL, ANON_PGOFF(0));
	CHECK_EQ(anon_vma_fork(cv, pv), 0);
	CHECK(cv->anon_vma && cv->anon_vma != pv->anon_vma);
	CHECK(cv->anon_vma->root == pv->anon_vma);
	CHECK(cv->anon_vma->parent == pv->anon_vma);
	CHECK(!anon_vma_chain_is_single(cv));
	CHECK(anon_vma_chain_is_single(pv));

	/* a new range after it is not merged in the child... */
	CHECK(vma_merge(child, cv, PG(6), PG(8), F1, NULL, NULL,
			ANON_PGOFF(6)) == NULL);
	/* ...unless it brings the child's own anon_vma (mremap) */
	CHECK(vma_merge(child, cv, PG(6), PG(8), F1, cv->anon_vma, NULL,
			ANON_PGOFF(6)) == cv);
	CHECK_EQ(cv->vm_end, PG(8));
	/* a neighbour touched later gets an anon_vma of its own */
	v = vmt_add(child, PG(8), PG(10), F1, NULL, ANON_PGOFF(8));
	CHECK_EQ(anon_vma_prepare(v), 0);
	CHECK(v->anon_vma != cv->anon_vma && v->anon_vma != pv->anon_vma);
	CHECK(anon_vma_chain_is_single(v));
	CHECK_EQ(nr_anon_vmas(), 3);
	CHECK_EQ(nr_anon_vma_chains(), 4);

	vmt_mm_free(child);
	CHECK_EQ(nr_anon_vmas(), 1);	/* the parent's, still mapped */
	mmput(parent);
	CHECK_EQ(nr_anon_vmas(), 0);
	CHECK_EQ(nr_anon_vma_chains(), 0);
}
