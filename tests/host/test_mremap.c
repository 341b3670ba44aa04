/*
 * Host tests of mm/mremap.c by Linux 6.1's rules (its mremap syscall,
 * mremap_to, vma_to_resize, vma_expandable, move_vma, copy_vma): the
 * order of the checks, shrinking, growing in place (and into the
 * neighbour above), moving with MREMAP_MAYMOVE, MREMAP_FIXED over other
 * mappings, MREMAP_DONTUNMAP, the map count, and that a move carries the
 * pages themselves: the same struct page appears at the new address, no
 * page is allocated or copied, and every page comes back at the end.
 *
 * Sketches: one character per page from P(0), a letter per VMA.
 */
#include "mm/anon_vma.h"
#include "mm/vmstat.h"
#include "tests/host/mmap_util.h"

#define A0 0x50000000UL
#define P(n) (A0 + PG(n))
#define RWP (PROT_READ | PROT_WRITE)
#define MAY MREMAP_MAYMOVE
#define FIXED (MREMAP_MAYMOVE | MREMAP_FIXED)
#define DONTUNMAP (MREMAP_MAYMOVE | MREMAP_DONTUNMAP)

static void map_fixed(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags)
{
	CHECK_EQ(mmap_anon(mm, addr, len, prot, flags | MAP_FIXED), addr);
}

static unsigned long mremap(struct mm_struct *mm, unsigned long addr,
			    unsigned long old_len, unsigned long new_len,
			    unsigned long flags, unsigned long new_addr)
{
	unsigned long populate;

	return do_mremap(mm, addr, old_len, new_len, flags, new_addr,
			 &populate);
}

/* Write a byte saying which page it is into each of [@addr, +@n pages). */
static void fill(struct mm_struct *mm, unsigned long addr, int n, int tag)
{
	for (int i = 0; i < n; i++)
		CHECK_EQ(user_write(mm, addr + PG(i), (unsigned char)(tag + i)),
			 0);
}

/* The page at each of [@addr, +@n pages), for comparing after a move. */
static void frames(struct mm_struct *mm, unsigned long addr, int n,
		   struct page **out)
{
	for (int i = 0; i < n; i++)
		out[i] = mmt_pte(mm, addr + PG(i), NULL);
}

static unsigned char byte_at(struct mm_struct *mm, unsigned long addr)
{
	unsigned char v = 0xee;

	CHECK_EQ(user_read(mm, addr, &v), 0);
	return v;
}

/*
 * The checks, in Linux's order: flags, FIXED or DONTUNMAP without
 * MAYMOVE, DONTUNMAP with lengths that differ as given, an unaligned
 * address, a zero new length; then no VMA at the address (EFAULT, even
 * to shrink); then for a move to new_addr its alignment, its range and
 * overlap; then the old range inside one VMA (EFAULT), a private
 * mapping "duplicated" with a zero old length (EINVAL); growing without
 * MAYMOVE where something is in the way (ENOMEM). None changes anything.
 *
 *   P(0)       P(4)  P(6) P(8)
 *   A A A A .  .     B B  C        A RW, B R, C RW
 */
TEST(mremap_checks_in_linux_order)
{
	static const struct {
		const char *name;
		unsigned long addr, old_len, new_len, flags, new_addr;
		long want;
	} cases[] = {
		{ "unknown flag", P(0), PG(1), PG(2), 8, 0, -EINVAL },
		{ "unknown flag, addr in a hole", P(4), PG(1), PG(2), 0x10, 0,
		  -EINVAL },
		{ "FIXED without MAYMOVE", P(0), PG(1), PG(1), MREMAP_FIXED,
		  P(20), -EINVAL },
		{ "DONTUNMAP without MAYMOVE", P(0), PG(1), PG(1),
		  MREMAP_DONTUNMAP, 0, -EINVAL },
		{ "DONTUNMAP, lengths differ", P(0), PG(1), PG(2), DONTUNMAP,
		  0, -EINVAL },
		{ "DONTUNMAP, lengths differ before rounding", P(0), PG(1),
		  PG(1) - 1, DONTUNMAP, 0, -EINVAL },
		{ "unaligned", P(0) + 1, PG(1), PG(2), MAY, 0, -EINVAL },
		{ "unaligned, in a hole", P(4) + 8, PG(1), PG(2), 0, 0,
		  -EINVAL },
		{ "new length 0", P(0), PG(1), 0, MAY, 0, -EINVAL },
		{ "new length 0, in a hole", P(4), PG(1), 0, 0, 0, -EINVAL },
		{ "in a hole", P(4), PG(1), PG(2), MAY, 0, -EFAULT },
		{ "in a hole, shrinking", P(4), PG(2), PG(1), 0, 0, -EFAULT },
		{ "above every VMA", P(100), PG(1), PG(1), 0, 0, -EFAULT },
		{ "in a hole, FIXED", P(5), PG(1), PG(1), FIXED, P(20),
		  -EFAULT },
		{ "FIXED, unaligned new_addr", P(0), PG(1), PG(1), FIXED,
		  P(20) + 4, -EINVAL },
		{ "DONTUNMAP, unaligned hint", P(0), PG(1), PG(1), DONTUNMAP,
		  P(20) + 4, -EINVAL },
		{ "FIXED, new range past TASK_SIZE", P(0), PG(1), PG(2), FIXED,
		  TASK_SIZE - PG(1), -EINVAL },
		{ "FIXED, new range overlaps the old", P(0), PG(4), PG(4),
		  FIXED, P(2), -EINVAL },
		{ "FIXED, new range ends in the old", P(2), PG(2), PG(4),
		  FIXED, P(0), -EINVAL },
		{ "grow across two VMAs", P(6), PG(3), PG(4), MAY, 0,
		  -EFAULT },
		{ "grow past the VMA's end into a hole", P(2), PG(3), PG(5),
		  MAY, 0, -EFAULT },
		{ "private, old length 0", P(0), 0, PG(1), MAY, 0, -EINVAL },
		{ "grow, C in the way, no MAYMOVE", P(6), PG(2), PG(3), 0, 0,
		  -ENOMEM },
		{ "grow from inside, no MAYMOVE", P(0), PG(2), PG(3), 0, 0,
		  -ENOMEM },
	};
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	map_fixed(mm, P(6), PG(2), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(8), PG(1), RWP, MAP_PRIVATE);
	for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
		long got = (long)mremap(mm, cases[i].addr, cases[i].old_len,
					cases[i].new_len, cases[i].flags,
					cases[i].new_addr);

		if (got != cases[i].want)
			check_failed(__FILE__, __LINE__, "%s: got %ld, want %ld",
				     cases[i].name, got, cases[i].want);
		CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(6), P(8), R },
			   { P(8), P(9), RWA });
	}
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Shrinking unmaps the tail in place, whatever it spans: VMAs, holes.
 * Lengths are rounded up to pages first; equal lengths change nothing.
 *
 *   P(0)             P(6)  P(8)
 *   A A A A . .      B B          A written, B R
 *   A A A A . .      B B          mremap(P(0), 2p, 2p): the same
 *   A A . . . .      B B          mremap(P(0), 4p - 5, 1p + 1): 4p -> 2p
 *   A . . . . .                   mremap(P(0), 8p, 1p): B goes too
 */
TEST(mremap_shrinks_in_place)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	map_fixed(mm, P(6), PG(2), PROT_READ, MAP_PRIVATE);
	fill(mm, P(0), 4, 10);
	used = pages_used_since(&s);

	CHECK_EQ(mremap(mm, P(0), PG(2), PG(2), 0, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(6), P(8), R });
	CHECK_EQ(mremap(mm, P(0), PG(4) - 5, PG(1) + 1, 0, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(2), RWA }, { P(6), P(8), R });
	CHECK_EQ(pages_used_since(&s), used - 2);	/* pages 2 and 3 */
	CHECK_EQ(mremap(mm, P(0), PG(8), PG(1), MAY, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(1), RWA });
	CHECK_EQ(byte_at(mm, P(0)), 10);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Growing in place: the old range ends at the VMA's end and the range
 * above is free, so the VMA grows, pages kept (vma_merge, case 2). When
 * it reaches a neighbour that may take its anon_vma, the two become one
 * (case 1). A range that ends inside its VMA cannot grow in place.
 *
 *   P(0)      P(4)  P(6)
 *   A A . .   D D          A written, D unwritten, both RW
 *   A A A .   D D          mremap(P(0), 2p, 3p)
 *   A A A A   D D          mremap(P(0), 3p, 4p): A stays apart from D
 *
 *   A A . .   D D          neither written
 *   A A A A A A            mremap(P(0), 2p, 4p): one VMA
 */
TEST(mremap_grows_in_place_and_merges)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct page *before[2];

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(4), PG(2), RWP, MAP_PRIVATE);
	fill(mm, P(0), 2, 20);
	frames(mm, P(0), 2, before);

	CHECK_EQ(mremap(mm, P(0), PG(2), PG(3), 0, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(3), RWA }, { P(4), P(6), RWA });
	CHECK_EQ(mremap(mm, P(0), PG(3), PG(4), 0, 0), P(0));
	/*
	 * D has no anon_vma and a chain of none: vma_merge's case 1 needs
	 * A's anon_vma acceptable to D, which it is only for a D whose
	 * chain is a single link. So A grows alone (case 2).
	 */
	CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(4), P(6), RWA });
	CHECK(mmt_pte(mm, P(0), NULL) == before[0]);
	CHECK(mmt_pte(mm, P(1), NULL) == before[1]);
	CHECK_EQ(byte_at(mm, P(2)), 0);		/* new memory reads zero */
	mmput(mm);

	/* Both unwritten: no anon_vma on either side, so they merge. */
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(4), PG(2), RWP, MAP_PRIVATE);
	CHECK_EQ(mremap(mm, P(0), PG(2), PG(4), 0, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(6), RWA });
	/* Growing from inside a VMA must move. */
	CHECK_EQ(mremap(mm, P(0), PG(2), PG(8), 0, 0), ERR(ENOMEM));
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MREMAP_MAYMOVE where A cannot grow (B in the way): a new place from
 * the top-down search, the highest free 4 pages below mmap_base; A's
 * two pages move there, the same frames (nothing allocated, nothing
 * copied, two PTEs moved), the new part reads zero, the old range is
 * gone.
 *
 *   P(0)  P(2)                   MMAP_BASE-4p        MMAP_BASE
 *   A A   B                      .    .    .    .
 *   . .   B                      A    A    .    .
 */
TEST(mremap_maymove_moves_the_pages)
{
	unsigned long moved0 = global_vm_event(TD_PTES_MOVED);
	unsigned long allocs0 = global_vm_event(TD_ANON_PAGE_ALLOCS);
	unsigned long copies0 = global_vm_event(TD_COW_COPIES);
	unsigned long to = MMAP_BASE - PG(4);
	struct page *before[2];
	struct mem_snapshot s;
	struct mm_struct *mm;
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE);
	fill(mm, P(0), 2, 30);
	frames(mm, P(0), 2, before);
	used = pages_used_since(&s);
	allocs0 = global_vm_event(TD_ANON_PAGE_ALLOCS);

	CHECK_EQ(mremap(mm, P(0), PG(2), PG(4), 0, 0), ERR(ENOMEM));
	CHECK_EQ(mremap(mm, P(0), PG(2), PG(4), MAY, 0), to);
	CHECK_VMAS(mm, { P(2), P(3), R }, { to, to + PG(4), RWA });
	CHECK(mmt_pte(mm, to, NULL) == before[0]);
	CHECK(mmt_pte(mm, to + PG(1), NULL) == before[1]);
	CHECK(!mmt_pte(mm, P(0), NULL) && !mmt_pte(mm, P(1), NULL));
	CHECK_EQ(global_vm_event(TD_PTES_MOVED) - moved0, 2);
	CHECK_EQ(global_vm_event(TD_ANON_PAGE_ALLOCS), allocs0);
	CHECK_EQ(global_vm_event(TD_COW_COPIES), copies0);
	CHECK_EQ(pages_used_since(&s), used);
	CHECK_EQ(byte_at(mm, to), 30);
	CHECK_EQ(byte_at(mm, to + PG(1)), 31);
	CHECK_EQ(byte_at(mm, to + PG(2)), 0);
	/* the moved pages are still private to us: writing copies nothing */
	CHECK_EQ(user_write(mm, to, 99), 0);
	CHECK(mmt_pte(mm, to, NULL) == before[0]);
	CHECK_EQ(global_vm_event(TD_COW_COPIES), copies0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A VMA that was never written has no anon_vma: moved, it takes the page
 * offset of its new place and merges there (F grows down over it). A
 * written one keeps its page offset and anon_vma, and stays apart.
 *
 *   P(0)  P(2)    MMAP_BASE-5p            MMAP_BASE-1p  MMAP_BASE
 *   A A   B       .   .   .   .           F
 *   . .   B       F   F   F   F           F        (A unwritten)
 */
TEST(mremap_moved_unwritten_vma_merges_at_its_new_place)
{
	unsigned long f = MMAP_BASE - PG(1), to = MMAP_BASE - PG(5);
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, f, PG(1), RWP, MAP_PRIVATE);
	CHECK_EQ(mremap(mm, P(0), PG(2), PG(4), MAY, 0), to);
	CHECK_VMAS(mm, { P(2), P(3), R }, { to, MMAP_BASE, RWA });
	CHECK_EQ(find_vma(mm, to)->vm_pgoff, to >> PAGE_SHIFT);
	mmput(mm);

	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, f, PG(1), RWP, MAP_PRIVATE);
	fill(mm, P(0), 1, 40);
	CHECK_EQ(mremap(mm, P(0), PG(2), PG(4), MAY, 0), to);
	CHECK_VMAS(mm, { P(2), P(3), R }, { to, f, RWA },
		   { f, MMAP_BASE, RWA });
	CHECK_EQ(find_vma(mm, to)->vm_pgoff, P(0) >> PAGE_SHIFT);
	CHECK_EQ(byte_at(mm, to), 40);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MREMAP_FIXED over an existing mapping: what was at the new range goes
 * first (E's middle pages freed), then A moves in. A and E's pieces have
 * different anon_vmas, so nothing merges.
 *
 *   P(0)   P(10)  P(11)  P(13)  P(14)
 *   A A    E      E E    E              A written 50.., E written 60..
 *   . .    E      A A    E
 */
TEST(mremap_fixed_replaces_what_is_there)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct page *a[2];
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(10), PG(4), RWP, MAP_PRIVATE);
	fill(mm, P(0), 2, 50);
	fill(mm, P(10), 4, 60);
	frames(mm, P(0), 2, a);
	used = pages_used_since(&s);

	CHECK_EQ(mremap(mm, P(0), PG(2), PG(2), FIXED, P(11)), P(11));
	CHECK_VMAS(mm, { P(10), P(11), RWA }, { P(11), P(13), RWA },
		   { P(13), P(14), RWA });
	CHECK(mmt_pte(mm, P(11), NULL) == a[0]);
	CHECK(mmt_pte(mm, P(12), NULL) == a[1]);
	CHECK_EQ(pages_used_since(&s), used - 2);
	CHECK_EQ(byte_at(mm, P(10)), 60);
	CHECK_EQ(byte_at(mm, P(11)), 50);
	CHECK_EQ(byte_at(mm, P(12)), 51);
	CHECK_EQ(byte_at(mm, P(13)), 63);

	/* FIXED to shrink and move at once: the tail is unmapped first */
	CHECK_EQ(mremap(mm, P(11), PG(2), PG(1), FIXED, P(30)), P(30));
	CHECK_VMAS(mm, { P(10), P(11), RWA }, { P(13), P(14), RWA },
		   { P(30), P(31), RWA });
	CHECK_EQ(byte_at(mm, P(30)), 50);
	CHECK_EQ(pages_used_since(&s), used - 3);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MREMAP_DONTUNMAP: the pages move to the new place, the old VMA stays,
 * empty (it reads zero again) and, left whole, without an anon_vma.
 */
TEST(mremap_dontunmap_leaves_the_old_vma_empty)
{
	unsigned long to = MMAP_BASE - PG(2);
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct page *a[2];
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	fill(mm, P(0), 2, 70);
	frames(mm, P(0), 2, a);
	used = pages_used_since(&s);

	CHECK_EQ(mremap(mm, P(0), PG(2), PG(2), DONTUNMAP, 0), to);
	CHECK_VMAS(mm, { P(0), P(2), RWA }, { to, MMAP_BASE, RWA });
	CHECK(!find_vma(mm, P(0))->anon_vma);
	CHECK(find_vma(mm, to)->anon_vma);
	CHECK(mmt_pte(mm, to, NULL) == a[0]);
	CHECK(!mmt_pte(mm, P(0), NULL));
	CHECK_EQ(pages_used_since(&s), used);
	CHECK_EQ(byte_at(mm, to + PG(1)), 71);
	CHECK_EQ(byte_at(mm, P(0)), 0);
	CHECK(mmt_pte(mm, P(0), NULL) == ZERO_PAGE(0));
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Shared memory moves with its object: a page written before the move
 * is seen through a second mapping of the same object afterwards, and
 * a "duplicate" (old length 0, allowed for shared mappings only) maps
 * the object again at a new place, the original staying.
 */
TEST(mremap_shared_keeps_its_object)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	unsigned long to, dup;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/shared", 4, PG(4));
	CHECK_EQ(mmap_file(mm, file, P(0), PG(2), RWP, MAP_SHARED | MAP_FIXED,
			   0), P(0));
	CHECK_EQ(mmap_anon(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE |
			   MAP_FIXED), P(2));
	CHECK_EQ(user_write(mm, P(1), 0x5a), 0);
	to = mremap(mm, P(0), PG(2), PG(3), MAY, 0);
	CHECK_EQ(to, MMAP_BASE - PG(3));
	CHECK_EQ(find_vma(mm, to)->vm_file, file);
	CHECK_EQ(find_vma(mm, to)->vm_pgoff, 0);
	CHECK_EQ(byte_at(mm, to + PG(1)), 0x5a);
	CHECK_EQ(byte_at(mm, to + PG(2)), mmt_file_byte(2, 0));

	dup = mremap(mm, to, 0, PG(1), MAY, 0);
	CHECK(!IS_ERR_VALUE(dup) && dup != to);
	CHECK_EQ(find_vma(mm, dup)->vm_file, file);
	CHECK_EQ(byte_at(mm, dup + 1), mmt_file_byte(0, 1));
	CHECK_EQ(find_vma(mm, to)->vm_end, to + PG(3));	/* still there */
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * The map count: a FIXED move is refused before anything is unmapped
 * when map_count + 2 >= max_map_count - 3 (both ranges might be cut in
 * three); any move when map_count >= max_map_count - 3.
 */
TEST(mremap_refuses_a_move_near_the_map_count_limit)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(1), RWP, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(10), PG(1), RWP, MAP_PRIVATE);
	mm->max_map_count = 7;			/* 3 + 2 >= 7 - 3 */
	CHECK_EQ(mremap(mm, P(0), PG(1), PG(1), FIXED, P(10)), ERR(ENOMEM));
	CHECK_EQ(find_vma(mm, P(10))->vm_start, P(10));
	/* 3 pages cannot grow in place over B at P(2): a move */
	mm->max_map_count = 6;			/* 3 >= 6 - 3 */
	CHECK_EQ(mremap(mm, P(0), PG(1), PG(3), MAY, 0), ERR(ENOMEM));
	mm->max_map_count = 7;			/* 3 < 7 - 3 */
	CHECK_EQ(mremap(mm, P(0), PG(1), PG(3), MAY, 0), MMAP_BASE - PG(3));
	mm->max_map_count = 8;			/* 3 + 2 >= 8 - 3 */
	CHECK_EQ(mremap(mm, P(2), PG(1), PG(1), FIXED, P(20)), ERR(ENOMEM));
	mm->max_map_count = 9;			/* 3 + 2 < 9 - 3 */
	CHECK_EQ(mremap(mm, P(2), PG(1), PG(1), FIXED, P(20)), P(20));
	CHECK_VMAS(mm, { P(10), P(11), RWA }, { P(20), P(21), R },
		   { MMAP_BASE - PG(3), MMAP_BASE, RWA });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}
