/*
 * Host tests of mm/arch_mmap.c, ARM's placement policy, through do_mmap:
 * the layouts, top-down packing to the exact address, hints (and the
 * stack guard gap they respect), the bottom-up fallback, the legacy
 * layout, and the colour alignment of an aliasing VIPT cache.
 *
 * Expected addresses are worked out by hand from Linux's
 * arch/arm/mm/mmap.c and vm_unmapped_area(): a top-down search takes the
 * highest gap (below high_limit) at least length + align_mask long and,
 * in it, the highest address of the right colour; bottom-up the lowest.
 * B is mmap_base, 0xB7000000 = TASK_SIZE - 128 MiB for an 8 MiB stack.
 */
#include "tests/host/mmap_util.h"

#define B MMAP_BASE
#define RWP (PROT_READ | PROT_WRITE)

/*
 * mmap_base = TASK_SIZE - clamp(stack rlimit, 128 MiB, TASK_SIZE/6*5),
 * page aligned (ARM's mmap_base(), no randomization); legacy: bottom-up
 * from TASK_UNMAPPED_BASE.
 */
TEST(arch_pick_mmap_layout_sets_base_and_policy)
{
	struct mm_struct *mm = mmt_new();

	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0xB7000000UL);
	CHECK(mm->get_unmapped_area == arch_get_unmapped_area_topdown);

	mm->stack_rlimit = 256UL << 20;
	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0xAF000000UL);

	/* 0xBF000000 / 6 * 5 = 0x9F2AAAA9; 0xBF000000 - that, rounded up */
	mm->stack_rlimit = ~0UL;
	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0x1FD56000UL);

	arch_pick_mmap_layout(mm, true);
	CHECK_EQ(mm->mmap_base, 0x40000000UL);
	CHECK(mm->get_unmapped_area == arch_get_unmapped_area);
	mmput(mm);
}

/*
 * ASLR (exec sets mm->randomize and mm->mmap_rnd): the gap keeps room
 * for the stack's random offset too (0x7ff pages), then mmap_base goes
 * down by mmap_rnd. Worked by hand: an 8 MiB rlimit + 0x7ff000 is still
 * below 128 MiB, so 0xBF000000 - 128 MiB - 255 pages = 0xB6F01000; a 256
 * MiB rlimit gives 0xBF000000 - 0x10000000 - 0x7FF000 = 0xAE801000; the
 * legacy base moves up by mmap_rnd.
 */
TEST(arch_pick_mmap_layout_randomized)
{
	struct mm_struct *mm = mmt_new();

	mm->randomize = true;
	mm->mmap_rnd = 255 * PAGE_SIZE;	/* the largest with 8 bits */
	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0xB6F01000UL);

	mm->mmap_rnd = 0;
	mm->stack_rlimit = 256UL << 20;
	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0xAE801000UL);

	mm->stack_rlimit = ~0UL;	/* no wrap: clamped to 5/6 */
	arch_pick_mmap_layout(mm, false);
	CHECK_EQ(mm->mmap_base, 0x1FD56000UL);

	mm->mmap_rnd = 3 * PAGE_SIZE;
	arch_pick_mmap_layout(mm, true);
	CHECK_EQ(mm->mmap_base, 0x40003000UL);
	mmput(mm);
}

/*
 * Top-down packing: the highest hole that fits, else below everything.
 * X, Y, Z are MAP_FIXED; all PROT_READ, so that in the end every piece
 * merges into one VMA.
 *
 *   B-14p      B-10p     B-8p    B-6p B-5p    B-3p    B-1p  B
 *    .  .  .  .  X  X  .  .  Y  .  .  Z  Z  .
 *
 *   2p -> B-5p   (the 1-page hole at the top is too small)
 *   1p -> B-1p   (the highest hole)
 *   3p -> B-13p  (no hole is large enough: below everything)
 *   1p -> B-7p   (top of the highest hole left, [B-8p, B-6p))
 *   1p -> B-8p
 *   1p -> B-14p
 */
TEST(topdown_takes_the_highest_hole_that_fits)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mmap_anon(mm, B - PG(10), PG(2), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	mmap_anon(mm, B - PG(6), PG(1), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	mmap_anon(mm, B - PG(3), PG(2), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	CHECK_EQ(mmap_anon(mm, 0, PG(2), PROT_READ, MAP_PRIVATE), B - PG(5));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(1));
	CHECK_EQ(mmap_anon(mm, 0, PG(3), PROT_READ, MAP_PRIVATE), B - PG(13));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(7));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(8));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(14));
	CHECK_VMAS(mm, { B - PG(14), B, R });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Hints: taken (page rounded) when [hint, hint + len) is free, below
 * TASK_SIZE and clear of the guard gap under a stack; otherwise the
 * search decides. round_hint_to_min lifts a hint below mmap_min_addr.
 *
 *   H = 0x60000000: X at [H, H+2p)
 *   S = 0x70000000: a stack (MAP_GROWSDOWN) at [S, S+4p); its guard
 *   gap is [S - 1 MiB, S)
 */
TEST(hint_honoured_or_ignored)
{
	const unsigned long H = 0x60000000UL, S = 0x70000000UL;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mmap_anon(mm, H, PG(2), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	CHECK_EQ(mmap_anon(mm, S, PG(4), RWP,
			   MAP_PRIVATE | MAP_FIXED | MAP_GROWSDOWN), S);

	/* free: taken */
	CHECK_EQ(mmap_anon(mm, H + PG(2), PG(1), PROT_EXEC, MAP_PRIVATE),
		 H + PG(2));
	/* on X, or running into it: ignored, the search gives the top */
	CHECK_EQ(mmap_anon(mm, H + PG(1), PG(1), PROT_EXEC, MAP_PRIVATE),
		 B - PG(1));
	CHECK_EQ(mmap_anon(mm, H - PG(1), PG(2), PROT_EXEC, MAP_PRIVATE),
		 B - PG(3));
	/* an unaligned hint is rounded down to its page (round_hint_to_min) */
	CHECK_EQ(mmap_anon(mm, H + PG(16) + 0x123, PG(1), PROT_EXEC,
			   MAP_PRIVATE), H + PG(16));
	/* below a stack: the range must end at S - 1 MiB at the latest */
	CHECK_EQ(mmap_anon(mm, S - STACK_GUARD_GAP - PG(1), PG(1), PROT_EXEC,
			   MAP_PRIVATE), S - STACK_GUARD_GAP - PG(1));
	CHECK_EQ(mmap_anon(mm, S - STACK_GUARD_GAP, PG(1), PROT_EXEC,
			   MAP_PRIVATE), B - PG(4));
	CHECK_EQ(mmap_anon(mm, S - PG(2), PG(1), PROT_EXEC, MAP_PRIVATE),
		 B - PG(5));
	/* ... but MAP_FIXED may go there (only brk and the search care) */
	CHECK_EQ(mmap_anon(mm, S - PG(1), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), S - PG(1));
	/* the range must end below TASK_SIZE */
	CHECK_EQ(mmap_anon(mm, TASK_SIZE - PG(1), PG(2), PROT_EXEC,
			   MAP_PRIVATE), B - PG(7));
	CHECK_EQ(mmap_anon(mm, TASK_SIZE - PG(2), PG(2), PROT_EXEC,
			   MAP_PRIVATE), TASK_SIZE - PG(2));
	/* a hint inside the page 0 rounds to no hint at all */
	CHECK_EQ(mmap_anon(mm, 0x800, PG(1), PROT_EXEC, MAP_PRIVATE),
		 B - PG(8));
	/*
	 * ARM's hint check looks only at TASK_SIZE and the VMAs: a hint of
	 * 0x1000 (= mmap_min_addr, below FIRST_USER_ADDRESS) is taken.
	 */
	CHECK_EQ(mmap_anon(mm, 0x1000, PG(1), PROT_EXEC, MAP_PRIVATE), 0x1000);
	/* below mmap_min_addr a hint becomes mmap_min_addr */
	mm->mmap_min_addr = 0x10000;
	CHECK_EQ(mmap_anon(mm, 0x3000, PG(1), PROT_EXEC, MAP_PRIVATE),
		 0x10000);
	CHECK_EQ(mm->map_count, 10);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * The bottom-up fallback: when no gap in [FIRST_USER_ADDRESS, B) fits,
 * the lowest gap in [B, TASK_SIZE) is taken.
 *
 *   0x2000                 B-1p   B                    T-4p     T
 *   F F F F ... F F F F F  .      .  .  .  ...   .  .  G G G G
 *
 *   F: PROT_NONE (not charged), T = TASK_SIZE, G: RW (not a stack,
 *   whose guard gap newer Linux keeps free in the search too)
 *   1p   -> B-1p   (top-down still fits)
 *   2p   -> B      (fallback)
 *   1p   -> B+2p   (fallback again: the lowest free address above B)
 *   too large for what is left above B as well: ENOMEM
 */
TEST(topdown_falls_back_to_bottom_up_above_mmap_base)
{
	const unsigned long T = TASK_SIZE;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, FIRST_USER_ADDRESS, B - PG(1) - FIRST_USER_ADDRESS,
			   PROT_NONE, MAP_PRIVATE | MAP_FIXED), FIRST_USER_ADDRESS);
	CHECK_EQ(mmap_anon(mm, T - PG(4), PG(4), RWP, MAP_PRIVATE | MAP_FIXED),
		 T - PG(4));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_PRIVATE), B - PG(1));
	CHECK_EQ(mmap_anon(mm, 0, PG(2), PROT_READ, MAP_PRIVATE), B);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_PRIVATE), B + PG(2));
	/* [B+3p, T-4p) is 128 MiB - 7 pages */
	CHECK_EQ(mmap_anon(mm, 0, T - PG(4) - B - PG(3) + PG(1), PROT_NONE,
			   MAP_PRIVATE), ERR(ENOMEM));
	CHECK_EQ(mmap_anon(mm, 0, T - PG(4) - B - PG(3), PROT_NONE,
			   MAP_PRIVATE), B + PG(3));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_NONE, MAP_PRIVATE), ERR(ENOMEM));
	CHECK_VMAS(mm, { FIRST_USER_ADDRESS, B - PG(1), NONE },
		   { B - PG(1), B, RWA }, { B, B + PG(2), R },
		   { B + PG(2), B + PG(3), RWA },
		   { B + PG(3), T - PG(4), NONE },
		   { T - PG(4), T, RWA });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * The legacy layout: bottom-up from TASK_UNMAPPED_BASE (U), the lowest
 * gap first; no fallback below U.
 *
 *   U     U+2p  U+3p
 *   a  a  b           2p, then 1p
 *   .  .  b           munmap a
 *   c  .  b  d  d     1p -> U (lowest hole), 2p -> U+3p (above all)
 */
TEST(legacy_layout_is_bottom_up_from_task_unmapped_base)
{
	const unsigned long U = TASK_UNMAPPED_BASE;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(true);
	CHECK_EQ(mmap_anon(mm, 0, PG(2), RWP, MAP_PRIVATE), U);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), U + PG(2));
	CHECK_EQ(do_munmap(mm, U, PG(2)), 0);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_PRIVATE), U);
	CHECK_EQ(mmap_anon(mm, 0, PG(2), RWP, MAP_PRIVATE), U + PG(3));
	/* hints work as in the top-down layout */
	CHECK_EQ(mmap_anon(mm, 0x10000000, PG(1), RWP, MAP_PRIVATE),
		 0x10000000);
	CHECK_VMAS(mm, { 0x10000000, 0x10001000, RWA }, { U, U + PG(1), RWA },
		   { U + PG(2), U + PG(3), R }, { U + PG(3), U + PG(5), RWA });
	/* [U, TASK_SIZE) full: ENOMEM although there is room below U */
	CHECK_EQ(mmap_anon(mm, U, TASK_SIZE - U, PROT_NONE,
			   MAP_PRIVATE | MAP_FIXED), U);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_NONE, MAP_PRIVATE), ERR(ENOMEM));
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Colour alignment with an aliasing cache: shared and file mappings go
 * at addr % SHMLBA == (pgoff << PAGE_SHIFT) % SHMLBA (SHMLBA = 4 pages,
 * align_mask 0x3000); private anonymous memory does not. A gap must be
 * length + align_mask long to be used at all.
 *
 *   fresh mm, shared anon 1p:  B-1p = 0xB6FFF000 is colour 3, the
 *                              highest colour-0 page is B-4p
 *   private anon 1p:           B-1p (no colour)
 *   private file pgoff 1, 1p:  the hole [B-3p, B-1p) holds a page of
 *                              colour 1 (B-3p), but is only 2 pages,
 *                              less than 1p + 3p: the next gap down,
 *                              below B-4p: highest colour-1 page under
 *                              B-5p is B-7p (0xB6FF9000)
 *   shared file pgoff 3, 1p:   colour 3 below B-7p: B-9p (0xB6FF7000)
 */
TEST(colour_alignment_of_shared_and_file_mappings)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;

	mem_snap(&s);
	fake_cache_aliasing = true;
	mm = mmap_mm_new(false);
	file = mmt_file_new("/c", 4, PG(4));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_SHARED), B - PG(4));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_PRIVATE), B - PG(1));
	CHECK_EQ(mmap_file(mm, file, 0, PG(1), PROT_READ, MAP_PRIVATE, 1),
		 B - PG(7));
	CHECK_EQ(mmap_file(mm, file, 0, PG(1), RWP, MAP_SHARED, 3), B - PG(9));
	/* shared anonymous: the caller's pgoff does not count, colour 0 */
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_SHARED), B - PG(12));

	/*
	 * Hints are moved up to the colour (COLOUR_ALIGN): to the next
	 * SHMLBA boundary plus the colour of pgoff.
	 */
	CHECK_EQ(mmap_anon(mm, 0x60001000, PG(1), RWP, MAP_SHARED),
		 0x60004000);
	CHECK_EQ(mmap_file(mm, file, 0x60011000, PG(1), PROT_READ,
			   MAP_PRIVATE, 2), 0x60016000);
	CHECK_EQ(mmap_anon(mm, 0x60024000, PG(1), RWP, MAP_SHARED),
		 0x60024000);
	/* a private anonymous hint is only page rounded */
	CHECK_EQ(mmap_anon(mm, 0x60031000, PG(1), RWP, MAP_PRIVATE),
		 0x60031000);
	mmput(mm);
	mmt_file_close(file);
	fake_cache_aliasing = false;
	CHECK_MEM_RESTORED(&s);
}

/*
 * MAP_FIXED with an aliasing cache: a shared mapping at the wrong colour
 * is EINVAL; a private one may go anywhere; for shared anonymous memory
 * the colour is 0 whatever pgoff the caller passed. Without aliasing,
 * nothing is checked and nothing aligned.
 */
TEST(map_fixed_colour_check)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	unsigned long populate;

	mem_snap(&s);
	fake_cache_aliasing = true;
	mm = mmap_mm_new(false);
	file = mmt_file_new("/c", 4, PG(4));
	CHECK_EQ(mmap_anon(mm, 0x50001000, PG(1), RWP, MAP_SHARED | MAP_FIXED),
		 ERR(EINVAL));
	CHECK_EQ(mmap_anon(mm, 0x50004000, PG(1), RWP, MAP_SHARED | MAP_FIXED),
		 0x50004000);
	CHECK_EQ(do_mmap(mm, NULL, 0x50008000, PG(1), RWP,
			 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, 1, &populate),
		 0x50008000);
	CHECK_EQ(mmap_anon(mm, 0x50011000, PG(1), RWP,
			   MAP_PRIVATE | MAP_FIXED), 0x50011000);
	CHECK_EQ(mmap_file(mm, file, 0x50021000, PG(1), RWP,
			   MAP_SHARED | MAP_FIXED, 1), 0x50021000);
	CHECK_EQ(mmap_file(mm, file, 0x50030000, PG(1), RWP,
			   MAP_SHARED | MAP_FIXED, 1), ERR(EINVAL));
	CHECK_EQ(mmap_file(mm, file, 0x50030000, PG(1), RWP,
			   MAP_SHARED_VALIDATE | MAP_FIXED, 1), ERR(EINVAL));
	CHECK_EQ(mmap_file(mm, file, 0x50030000, PG(1), RWP,
			   MAP_PRIVATE | MAP_FIXED, 1), 0x50030000);
	/* MAP_FIXED_NOREPLACE is MAP_FIXED: checked the same way */
	CHECK_EQ(mmap_anon(mm, 0x50041000, PG(1), RWP,
			   MAP_SHARED | MAP_FIXED_NOREPLACE), ERR(EINVAL));
	CHECK_EQ(mm->map_count, 5);

	fake_cache_aliasing = false;
	CHECK_EQ(mmap_anon(mm, 0x50051000, PG(1), RWP, MAP_SHARED | MAP_FIXED),
		 0x50051000);
	CHECK_EQ(mmap_file(mm, file, 0x50060000, PG(1), RWP,
			   MAP_SHARED | MAP_FIXED, 1), 0x50060000);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), RWP, MAP_SHARED), B - PG(1));
	CHECK_EQ(mmap_anon(mm, 0x60001000, PG(1), RWP, MAP_SHARED),
		 0x60001000);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}
