/*
 * Host tests of mm/mmap.c: do_mmap's checks and their order, what a
 * mapping's vm_flags become, MAP_FIXED replacing (and freeing) what was
 * there, MAP_FIXED_NOREPLACE, merging with neighbours, max_map_count,
 * do_munmap, and vm_enough_memory.
 *
 * Every expectation is Linux's (4.x mm/mmap.c, the seeds' era, and 6.1
 * where the two agree), worked out by hand; the comments say from what.
 * Sketches: one character per page, a letter per VMA, '.' a free page.
 */
#include "mm/shmem.h"
#include "tests/host/mmap_util.h"

/* A quiet corner of the address space, far below mmap_base. */
#define A0 0x50000000UL
#define P(n) (A0 + PG(n))

#define OK_ANY 1UL	/* a table entry that must succeed, anywhere */

struct mmap_case {
	const char *name;
	unsigned long addr, len, prot, flags, pgoff;
	unsigned long want;	/* the address, ERR(e), or OK_ANY */
};

/*
 * do_mmap of anonymous memory, one check at a time and several wrong
 * things at once, so that the order of Linux's checks shows:
 *
 *   len == 0 EINVAL; PAGE_ALIGN(len) == 0 ENOMEM; pgoff wrap EOVERFLOW;
 *   map_count; get_unmapped_area (MAP_FIXED below FIRST_USER_ADDRESS
 *   EINVAL, len > TASK_SIZE ENOMEM, the policy, addr > TASK_SIZE - len
 *   ENOMEM, unaligned EINVAL); NOREPLACE EEXIST; then the mapping type.
 *
 * The mm holds X, private RW, at [P(0), P(4)):
 *
 *   P(-1) P(0)      P(4)
 *     .    X X X X   .
 */
static const struct mmap_case mmap_cases[] = {
	/* len 0 comes first, whatever else is wrong */
	{ "len 0", 0, 0, PROT_READ, MAP_PRIVATE, 0, ERR(EINVAL) },
	{ "len 0, no type", 0, 0, PROT_READ, 0, 0, ERR(EINVAL) },
	{ "len 0, fixed unaligned", 0x123, 0, PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(EINVAL) },
	/* a length that page-rounds to 0, before the address or type */
	{ "len rounds to 0", 0, -PAGE_SIZE + 1, PROT_READ, MAP_PRIVATE, 0,
	  ERR(ENOMEM) },
	{ "len rounds to 0, fixed at 0x123, no type", 0x123, -PAGE_SIZE + 1,
	  PROT_READ, MAP_FIXED, 0, ERR(ENOMEM) },
	/* pgoff + pages wraps: checked for anonymous memory too */
	{ "pgoff wraps", 0, PG(1), PROT_READ, MAP_PRIVATE, ~0UL,
	  ERR(EOVERFLOW) },
	{ "pgoff wraps, no type", 0, PG(2), PROT_READ, 0, ~0UL - 1,
	  ERR(EOVERFLOW) },
	{ "pgoff just fits", 0, PG(1), PROT_READ, MAP_PRIVATE, ~0UL - 1,
	  OK_ANY },
	/* get_unmapped_area: len > TASK_SIZE, before the type check */
	{ "len > TASK_SIZE", 0, TASK_SIZE + PG(1), PROT_READ, MAP_PRIVATE, 0,
	  ERR(ENOMEM) },
	{ "len > TASK_SIZE, no type", 0, TASK_SIZE + PG(1), PROT_READ, 0, 0,
	  ERR(ENOMEM) },
	/* ARM's arch_mmap_check: MAP_FIXED below FIRST_USER_ADDRESS */
	{ "fixed at 0", 0, PG(1), PROT_READ, MAP_PRIVATE | MAP_FIXED, 0,
	  ERR(EINVAL) },
	{ "fixed at 0x1000", 0x1000, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(EINVAL) },
	{ "fixed at 0x1000, len > TASK_SIZE", 0x1000, TASK_SIZE + PG(1),
	  PROT_READ, MAP_PRIVATE | MAP_FIXED, 0, ERR(EINVAL) },
	{ "fixed at FIRST_USER_ADDRESS", 0x2000, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, 0x2000 },
	/* the answer must end below TASK_SIZE and be page aligned */
	{ "fixed unaligned", 0x60000010, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(EINVAL) },
	{ "fixed across TASK_SIZE", TASK_SIZE - PG(1), PG(2), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(ENOMEM) },
	{ "fixed at TASK_SIZE", TASK_SIZE, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(ENOMEM) },
	{ "fixed len TASK_SIZE", 0x2000, TASK_SIZE, PROT_NONE,
	  MAP_PRIVATE | MAP_FIXED, 0, ERR(ENOMEM) },
	{ "fixed ending at TASK_SIZE", TASK_SIZE - PG(2), PG(2), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED, 0, TASK_SIZE - PG(2) },
	/* MAP_FIXED_NOREPLACE: EEXIST over anything, after the address */
	{ "noreplace inside X", P(2), PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE, 0, ERR(EEXIST) },
	{ "noreplace over X's first page", P(-1), PG(2), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE, 0, ERR(EEXIST) },
	{ "noreplace over X's last page", P(3), PG(2), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE, 0, ERR(EEXIST) },
	{ "noreplace over X, no type", P(0), PG(1), PROT_READ,
	  MAP_FIXED_NOREPLACE, 0, ERR(EEXIST) },
	{ "noreplace over X, unaligned", P(0) + 8, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE, 0, ERR(EINVAL) },
	{ "noreplace below X", P(-1), PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE, 0, P(-1) },
	{ "noreplace above X", P(4), PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_FIXED_NOREPLACE | MAP_FIXED, 0, P(4) },
	/* the type: exactly MAP_SHARED or MAP_PRIVATE for anonymous */
	{ "no type", 0, PG(1), PROT_READ, 0, 0, ERR(EINVAL) },
	{ "MAP_SHARED_VALIDATE anonymous", 0, PG(1), PROT_READ,
	  MAP_SHARED_VALIDATE, 0, ERR(EINVAL) },
	{ "type 4", 0, PG(1), PROT_READ, 4, 0, ERR(EINVAL) },
	{ "type 0xf", 0, PG(1), PROT_READ, 0xf, 0, ERR(EINVAL) },
	{ "fixed over X, no type", P(1), PG(1), PROT_READ, MAP_FIXED, 0,
	  ERR(EINVAL) },
	{ "shared growsdown", 0, PG(1), PROT_READ,
	  MAP_SHARED | MAP_GROWSDOWN, 0, ERR(EINVAL) },
	{ "private growsdown", 0, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_GROWSDOWN, 0, OK_ANY },
	/* flags Linux does not know, or ignores, are no error */
	{ "unknown flags", 0, PG(1), PROT_READ,
	  MAP_PRIVATE | 0x40000000 | 0x800000 | MAP_STACK | MAP_DENYWRITE |
		  MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_NORESERVE,
	  0, OK_ANY },
	{ "MAP_SYNC on anonymous", 0, PG(1), PROT_READ,
	  MAP_PRIVATE | MAP_SYNC, 0, OK_ANY },
	/* mmap never checks prot (mprotect does) */
	{ "unknown prot bits", 0, PG(1), PROT_READ | PROT_SEM | 0x10, MAP_PRIVATE,
	  0, OK_ANY },
};

TEST(do_mmap_checks_in_linux_order)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, P(0), PG(4), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED), P(0));
	for (unsigned i = 0; i < ARRAY_SIZE(mmap_cases); i++) {
		const struct mmap_case *c = &mmap_cases[i];
		unsigned long populate = 1;
		unsigned long got = do_mmap(mm, NULL, c->addr, c->len, c->prot,
					    c->flags | MAP_ANONYMOUS, c->pgoff,
					    &populate);
		bool ok = c->want == OK_ANY ? !IS_ERR_VALUE(got) :
					      got == c->want;

		if (!ok)
			check_failed(__FILE__, __LINE__,
				     "%s: got %#lx (%ld), want %#lx (%ld)",
				     c->name, got, (long)got, c->want,
				     (long)c->want);
		CHECK_EQ(populate, 0);
		if (!IS_ERR_VALUE(got) && got != P(0))
			CHECK_EQ(do_munmap(mm, got, c->len), 0);
		/* X is untouched by every case */
		CHECK_VMAS(mm, { P(0), P(4), RWA });
	}
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * The vm_flags of each kind of anonymous mapping (do_mmap's calc from
 * prot and flags, VM_MAY* always, VM_SHARED|VM_MAYSHARE for MAP_SHARED,
 * VM_NORESERVE; mmap_region's VM_ACCOUNT for private writable memory
 * without MAP_NORESERVE) and what *populate says. One page each, a
 * free page between them so that none merges:
 *
 *   P(0) P(2) P(4) P(6) P(8) P(10) P(12) P(14) P(16)
 *    a .  b .  c .  d .  e .  f .   g .   h .   i
 */
TEST(do_mmap_vm_flags_and_populate)
{
	static const struct {
		unsigned long prot, flags, vm_flags, populate;
	} kinds[] = {
		{ PROT_READ | PROT_WRITE, MAP_PRIVATE, RWA, 0 },
		{ PROT_READ, MAP_PRIVATE | MAP_POPULATE, R, PG(1) },
		{ PROT_NONE, MAP_PRIVATE, NONE, 0 },
		{ PROT_EXEC, MAP_PRIVATE, NONE | VM_EXEC, 0 },
		{ PROT_READ | PROT_WRITE | PROT_EXEC,
		  MAP_PRIVATE | MAP_POPULATE | MAP_NONBLOCK, RWX | ACCT, 0 },
		{ PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE,
		  RW | VM_NORESERVE, 0 },
		{ PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		  RW | SHARED, PG(1) },
		{ PROT_READ, MAP_SHARED, R | SHARED, 0 },
		{ PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_GROWSDOWN,
		  RWA | VM_GROWSDOWN, 0 },
		{ PROT_READ, MAP_PRIVATE | MAP_SYNC, R | VM_SYNC, 0 },
		{ PROT_READ, MAP_SHARED | MAP_SYNC, R | SHARED | VM_SYNC, 0 },
	};
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned i;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		unsigned long populate = 7;

		/* an unaligned length is rounded up to the page */
		CHECK_EQ(do_mmap(mm, NULL, P(2 * i), PG(1) - 100, kinds[i].prot,
				 kinds[i].flags | MAP_ANONYMOUS | MAP_FIXED, 5,
				 &populate),
			 P(2 * i));
		CHECK_EQ(populate, kinds[i].populate);
	}
	CHECK_EQ(mm->map_count, ARRAY_SIZE(kinds));
	for (i = 0, vma = mm->mmap; vma && i < ARRAY_SIZE(kinds);
	     vma = vma->vm_next, i++) {
		CHECK_EQ(vma->vm_start, P(2 * i));
		CHECK_EQ(vma->vm_end, P(2 * i + 1));
		CHECK_EQ(vma->vm_flags, kinds[i].vm_flags);
		CHECK_EQ(vma->vm_page_prot, vm_get_page_prot(kinds[i].vm_flags));
		if (vma->vm_flags & VM_SHARED) {
			/* a new object of its own, from page 0 */
			CHECK(vma->vm_file != NULL);
			CHECK_EQ(vma->vm_pgoff, 0);
		} else {
			/* private anonymous: pgoff follows the address */
			CHECK(vma->vm_file == NULL);
			CHECK_EQ(vma->vm_pgoff, vma->vm_start >> PAGE_SHIFT);
		}
	}
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MAP_FIXED replaces what was there: the old pages are freed (the page
 * counters say so), the new range reads zero, the rest keeps its data.
 *
 *   P(0)            P(8)
 *   A A A A A A A A          A: private RW, every page written
 *   A A B B B A A A          B: MAP_FIXED PROT_READ over P(2)..P(5)
 *   A A A A A A A A          MAP_FIXED RW over B again: the three
 *                            pieces are compatible and become one VMA
 */
TEST(map_fixed_replaces_and_frees_the_old_pages)
{
	struct mem_snapshot s, before;
	struct mm_struct *mm;
	unsigned char v;
	int i;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, P(0), PG(8), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED), P(0));
	mem_snap(&before);
	for (i = 0; i < 8; i++)
		CHECK_EQ(user_write(mm, P(i), 0x10 + i), 0);
	CHECK_EQ(pages_used_since(&before), 8);

	CHECK_EQ(mmap_anon(mm, P(2), PG(3), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), P(2));
	CHECK_VMAS(mm, { P(0), P(2), RWA }, { P(2), P(5), R },
		   { P(5), P(8), RWA });
	CHECK_EQ(pages_used_since(&before), 5);
	CHECK_EQ(user_read(mm, P(3), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(user_read(mm, P(5), &v), 0);
	CHECK_EQ(v, 0x15);
	CHECK_EQ(user_write(mm, P(3), 1), VM_FAULT_BADACCESS);

	CHECK_EQ(mmap_anon(mm, P(2), PG(3), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED), P(2));
	CHECK_VMAS(mm, { P(0), P(8), RWA });
	CHECK_EQ(mm->mmap->vm_pgoff, P(0) >> PAGE_SHIFT);
	CHECK_EQ(user_read(mm, P(1), &v), 0);
	CHECK_EQ(v, 0x11);
	CHECK_EQ(user_read(mm, P(4), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(user_read(mm, P(7), &v), 0);
	CHECK_EQ(v, 0x17);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MAP_FIXED over several VMAs and the holes between them; a shared
 * mapping replaced frees its object and the object's pages.
 *
 *   P(0)              P(8)
 *   A A . B B . C C          A private R, B shared RW (written), C RX
 *   A D D D D D D C          D: MAP_FIXED private RW over P(1)..P(6)
 */
TEST(map_fixed_over_several_vmas_and_holes)
{
	struct mem_snapshot s, before;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mmap_anon(mm, P(0), PG(2), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	mmap_anon(mm, P(3), PG(2), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_FIXED);
	mmap_anon(mm, P(6), PG(2), PROT_READ | PROT_EXEC,
		  MAP_PRIVATE | MAP_FIXED);
	mem_snap(&before);
	CHECK_EQ(user_write(mm, P(3), 1), 0);
	CHECK_EQ(user_write(mm, P(4), 2), 0);
	CHECK_EQ(pages_used_since(&before), 2);
	CHECK_EQ(nr_files() - before.files, 0);

	CHECK_EQ(mmap_anon(mm, P(1), PG(6), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED), P(1));
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(1), P(7), RWA },
		   { P(7), P(8), RX });
	CHECK_EQ(pages_used_since(&before), 0);
	CHECK_EQ((long)(nr_files() - before.files), -1);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Merging at mmap time (mmap_region's vma_merge): top-down placements
 * one below the other, B = mmap_base. Private writable neighbours merge
 * (both VM_ACCOUNT); PROT_NONE and RW do not; two PROT_READ merge (no
 * VM_ACCOUNT either); MAP_NORESERVE RW (no VM_ACCOUNT) does not merge
 * with RW; shared anonymous mappings are separate objects and never
 * merge.
 *
 *   B-10p ...                                       B
 *    s2 s1 rw nr r r none rw rw rw
 */
TEST(mmap_merges_compatible_neighbours_only)
{
	const unsigned long B = MMAP_BASE, rw = PROT_READ | PROT_WRITE;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, 0, PG(2), rw, MAP_PRIVATE), B - PG(2));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_PRIVATE), B - PG(3));
	CHECK_VMAS(mm, { B - PG(3), B, RWA });
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_NONE, MAP_PRIVATE), B - PG(4));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(5));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_PRIVATE), B - PG(6));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_PRIVATE | MAP_NORESERVE),
		 B - PG(7));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_PRIVATE), B - PG(8));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_SHARED), B - PG(9));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_SHARED), B - PG(10));
	CHECK_VMAS(mm, { B - PG(10), B - PG(9), RW | SHARED },
		   { B - PG(9), B - PG(8), RW | SHARED },
		   { B - PG(8), B - PG(7), RWA },
		   { B - PG(7), B - PG(6), RW | VM_NORESERVE },
		   { B - PG(6), B - PG(4), R },
		   { B - PG(4), B - PG(3), NONE },
		   { B - PG(3), B, RWA });

	/* filling a hole between two compatible VMAs joins all three */
	CHECK_EQ(do_munmap(mm, B - PG(2), PG(1)), 0);
	CHECK_EQ(mm->map_count, 8);
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_PRIVATE), B - PG(2));
	CHECK_EQ(mm->map_count, 7);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * MAP_SYNC outside DAX (Linux 6.1; tests/user/map_sync.c passes there):
 * the VMA gets VM_SYNC, which only keeps it apart from neighbours without
 * it. P(1) with MAP_SYNC inside a 3-page read-only A: three VMAs; P(2)
 * with MAP_SYNC too: it joins P(1), not A.
 */
TEST(map_sync_keeps_vmas_apart)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, P(0), PG(3), PROT_READ, MAP_PRIVATE | MAP_FIXED),
		 P(0));
	CHECK_EQ(mmap_anon(mm, P(1), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED | MAP_SYNC), P(1));
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(1), P(2), R | VM_SYNC },
		   { P(2), P(3), R });
	CHECK_EQ(mmap_anon(mm, P(2), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED | MAP_SYNC), P(2));
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(1), P(3), R | VM_SYNC });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * max_map_count: do_mmap refuses only when map_count is already above
 * the limit ('>'), so one mmap may take it one past; munmap refuses to
 * cut a VMA in three at the limit ('>='), but cutting the ends of two
 * VMAs, which keeps the count, is fine. max_map_count = 3:
 *
 *   P(0)                          P(14)
 *   A . B . . . C C D D D D D D          A, C: PROT_READ; B, D: RW
 */
TEST(max_map_count_in_mmap_and_munmap)
{
	const unsigned long rw = PROT_READ | PROT_WRITE;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mm->max_map_count = 3;
	CHECK_EQ(mmap_anon(mm, P(0), PG(1), PROT_READ, MAP_PRIVATE | MAP_FIXED),
		 P(0));
	CHECK_EQ(mmap_anon(mm, P(2), PG(1), rw, MAP_PRIVATE | MAP_FIXED),
		 P(2));
	CHECK_EQ(mmap_anon(mm, P(6), PG(2), PROT_READ, MAP_PRIVATE | MAP_FIXED),
		 P(6));
	/* 3 > 3 is false: the fourth VMA is allowed */
	CHECK_EQ(mmap_anon(mm, P(8), PG(6), rw, MAP_PRIVATE | MAP_FIXED),
		 P(8));
	CHECK_EQ(mm->map_count, 4);
	/* 4 > 3: refused, even where the count would not grow */
	CHECK_EQ(mmap_anon(mm, 0, PG(1), rw, MAP_PRIVATE), ERR(ENOMEM));
	CHECK_EQ(mmap_anon(mm, P(0), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), ERR(ENOMEM));
	/* a merge would not grow it either: still refused first */
	CHECK_EQ(mmap_anon(mm, P(3), PG(1), rw, MAP_PRIVATE | MAP_FIXED),
		 ERR(ENOMEM));

	/* munmap: the middle of D at 4 >= 3 is refused, nothing changes */
	CHECK_EQ(do_munmap(mm, P(9), PG(1)), -ENOMEM);
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(2), P(3), RWA },
		   { P(6), P(8), R }, { P(8), P(14), RWA });
	/*
	 * The tail of C and the head of D: two cuts (the count goes to 6
	 * for a moment, as in Linux), then 4 again.
	 *   A . B . . . C . . D D D D D
	 */
	CHECK_EQ(do_munmap(mm, P(7), PG(2)), 0);
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(2), P(3), RWA },
		   { P(6), P(7), R }, { P(9), P(14), RWA });
	/* the head or tail of D alone never needs room */
	CHECK_EQ(do_munmap(mm, P(9), PG(1)), 0);
	CHECK_EQ(do_munmap(mm, P(13), PG(1)), 0);
	CHECK_EQ(do_munmap(mm, P(11), PG(1)), -ENOMEM);
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(2), P(3), RWA },
		   { P(6), P(7), R }, { P(10), P(13), RWA });

	/* at the limit exactly: mmap passes its check, but MAP_FIXED in
	 * the middle of a VMA needs a cut munmap refuses */
	CHECK_EQ(do_munmap(mm, P(0), PG(1)), 0);
	CHECK_EQ(mm->map_count, 3);
	CHECK_EQ(mmap_anon(mm, P(11), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), ERR(ENOMEM));
	CHECK_VMAS(mm, { P(2), P(3), RWA }, { P(6), P(7), R },
		   { P(10), P(13), RWA });
	/* ... while a new VMA elsewhere is allowed (3 > 3 is false) */
	CHECK_EQ(mmap_anon(mm, P(0), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), P(0));
	CHECK_EQ(mm->map_count, 4);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/* do_munmap's argument checks, and that unmapping nothing succeeds. */
TEST(munmap_checks)
{
	static const struct {
		unsigned long start, len;
		int want;
	} cases[] = {
		{ P(0) + 1, PG(1), -EINVAL },		/* unaligned start */
		{ P(0), 0, -EINVAL },			/* nothing to do */
		{ TASK_SIZE + PG(1), PG(1), -EINVAL },	/* start > TASK_SIZE */
		{ TASK_SIZE, PG(1), -EINVAL },		/* len > TASK_SIZE - start */
		{ P(0), TASK_SIZE, -EINVAL },
		{ P(0), ~0UL, -EINVAL },
		{ TASK_SIZE - PG(1), PG(1), 0 },	/* free: success */
		{ 0x1000, PG(1), 0 },			/* below FIRST_USER_ADDRESS */
		{ 0, PG(1) - 1, 0 },
		{ P(-4), PG(4), 0 },			/* just below A */
		{ P(4), PG(100), 0 },			/* just above A */
	};
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mmap_anon(mm, P(0), PG(4), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
		int got = do_munmap(mm, cases[i].start, cases[i].len);

		if (got != cases[i].want)
			check_failed(__FILE__, __LINE__,
				     "munmap(%#lx, %#lx) = %d, want %d",
				     cases[i].start, cases[i].len, got,
				     cases[i].want);
		CHECK_VMAS(mm, { P(0), P(4), R });
	}
	/* [0, TASK_SIZE) is allowed, and takes everything */
	CHECK_EQ(do_munmap(mm, 0, TASK_SIZE), 0);
	CHECK_NO_VMAS(mm);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * munmap cuts at both ends and keeps what is outside, contents and
 * page offsets included; an unaligned length is rounded up.
 *
 *   P(0)                  P(10)
 *   A A A A A A A A A A          private RW, every page written
 *   A A . . . A A A A A          munmap(P(2), 3p - 1)
 *   A . . . . A A A A A          munmap(P(1), 1p)
 *   A . . . . A . A A A          munmap(P(6), 1p): a third piece
 *   . . . . . . . . . A          munmap(0x1000, P(9) - 0x1000): holes
 *                                and two VMAs, the first one cut
 */
TEST(munmap_splits_both_ends_and_frees_the_pages)
{
	struct mem_snapshot s, before;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned char v;
	int i;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mmap_anon(mm, P(0), PG(10), PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_FIXED);
	mem_snap(&before);
	for (i = 0; i < 10; i++)
		CHECK_EQ(user_write(mm, P(i), 0x30 + i), 0);

	CHECK_EQ(do_munmap(mm, P(2), PG(3) - 1), 0);
	CHECK_VMAS(mm, { P(0), P(2), RWA }, { P(5), P(10), RWA });
	CHECK_EQ(pages_used_since(&before), 7);
	vma = find_vma(mm, P(5));
	CHECK_EQ(vma->vm_pgoff, P(5) >> PAGE_SHIFT);
	CHECK_EQ(user_read(mm, P(5), &v), 0);
	CHECK_EQ(v, 0x35);
	CHECK_EQ(user_read(mm, P(3), &v), VM_FAULT_BADMAP);

	CHECK_EQ(do_munmap(mm, P(1), PG(1)), 0);
	CHECK_EQ(do_munmap(mm, P(6), PG(1)), 0);
	CHECK_VMAS(mm, { P(0), P(1), RWA }, { P(5), P(6), RWA },
		   { P(7), P(10), RWA });
	CHECK_EQ(pages_used_since(&before), 5);

	CHECK_EQ(do_munmap(mm, 0x1000, P(9) - 0x1000), 0);
	CHECK_VMAS(mm, { P(9), P(10), RWA });
	CHECK_EQ(pages_used_since(&before), 1);
	CHECK_EQ(user_read(mm, P(9), &v), 0);
	CHECK_EQ(v, 0x39);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * vm_enough_memory (Linux's default heuristic overcommit): a single
 * request for more pages than all of RAM is refused, for memory that is
 * charged: private writable (VM_ACCOUNT), anonymous or file. Read-only
 * and MAP_NORESERVE mappings are not charged.
 */
TEST(vm_enough_memory_refuses_more_than_ram)
{
	const unsigned long rw = PROT_READ | PROT_WRITE;
	unsigned long ram = page_alloc_zone()->managed_pages;
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/big", 0, 0);
	CHECK_EQ(vm_enough_memory(ram), 0);
	CHECK_EQ(vm_enough_memory(ram + 1), -ENOMEM);

	CHECK_EQ(mmap_anon(mm, 0, PG(ram + 1), rw, MAP_PRIVATE), ERR(ENOMEM));
	CHECK_EQ(mmap_file(mm, file, 0, PG(ram + 1), rw, MAP_PRIVATE, 0),
		 ERR(ENOMEM));
	CHECK_NO_VMAS(mm);
	CHECK_EQ(mmap_anon(mm, 0, PG(ram), rw, MAP_PRIVATE), MMAP_BASE - PG(ram));
	CHECK_EQ(mmap_anon(mm, P(0), PG(ram + 1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), P(0));
	CHECK_EQ(mmap_anon(mm, P(0), PG(ram + 1), rw,
			   MAP_PRIVATE | MAP_FIXED | MAP_NORESERVE), P(0));
	CHECK_EQ(mmap_file(mm, file, P(0), PG(ram + 1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, 0), P(0));
	CHECK_VMAS(mm, { P(0), P(ram + 1), R },
		   { MMAP_BASE - PG(ram), MMAP_BASE, RWA });
	/* a refused MAP_FIXED has already unmapped the old range (Linux) */
	CHECK_EQ(mmap_anon(mm, P(0), PG(ram + 1), rw, MAP_PRIVATE | MAP_FIXED),
		 ERR(ENOMEM));
	CHECK_VMAS(mm, { MMAP_BASE - PG(ram), MMAP_BASE, RWA });
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Shared anonymous memory is charged by shmem when its object is made
 * (Linux: shmem_zero_setup -> shmem_acct_size, unless VM_NORESERVE),
 * whatever its protection: more than RAM is refused.
 */
TEST(shared_anonymous_larger_than_ram_is_refused)
{
	unsigned long ram = page_alloc_zone()->managed_pages;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_anon(mm, 0, PG(ram + 1), PROT_READ | PROT_WRITE,
			   MAP_SHARED), ERR(ENOMEM));
	CHECK_EQ(mmap_anon(mm, 0, PG(ram + 1), PROT_READ, MAP_SHARED),
		 ERR(ENOMEM));
	CHECK_NO_VMAS(mm);
	CHECK_EQ(mmap_anon(mm, 0, PG(ram + 1), PROT_READ,
			   MAP_SHARED | MAP_NORESERVE),
		 MMAP_BASE - PG(ram + 1));
	CHECK_EQ(mmap_anon(mm, 0, PG(ram), PROT_READ | PROT_WRITE, MAP_SHARED),
		 MMAP_BASE - PG(2 * ram + 1));
	CHECK_EQ(mm->map_count, 2);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * File mappings: the checks of the mapping type against the file's open
 * mode (do_mmap's switch), and the flags that come of them.
 */
TEST(do_mmap_file_checks)
{
	const unsigned long rw = PROT_READ | PROT_WRITE;
	static const struct file_operations no_mmap_ops = { 0 };
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	const struct file_operations *fops;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/f", 2, PG(2));
	fops = file->f_op;

	/* read-only file: shared writable is EACCES; shared read-only
	 * loses VM_SHARED and VM_MAYWRITE, keeps VM_MAYSHARE */
	file->f_mode = FMODE_READ;
	CHECK_EQ(mmap_file(mm, file, P(0), PG(1), rw, MAP_SHARED | MAP_FIXED,
			   0), ERR(EACCES));
	CHECK_EQ(mmap_file(mm, file, P(0), PG(1), PROT_READ,
			   MAP_SHARED | MAP_FIXED, 0), P(0));
	CHECK_EQ(mmap_file(mm, file, P(2), PG(1), rw, MAP_PRIVATE | MAP_FIXED,
			   0), P(2));
	CHECK_VMAS(mm,
		   { P(0), P(1), VM_READ | VM_MAYREAD | VM_MAYEXEC |
					 VM_MAYSHARE },
		   { P(2), P(3), RWA });

	/* write-only file: even private is EACCES */
	file->f_mode = FMODE_WRITE;
	CHECK_EQ(mmap_file(mm, file, P(4), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, 0), ERR(EACCES));

	/* read-write: shared writable works; the validating type refuses
	 * what it does not know, plain MAP_SHARED drops it, after vm_flags
	 * were computed: MAP_SYNC still gives VM_SYNC (Linux 6.1, checked by
	 * tests/user/map_sync.c) */
	file->f_mode = FMODE_READ | FMODE_WRITE;
	CHECK_EQ(mmap_file(mm, file, P(4), PG(1), rw,
			   MAP_SHARED_VALIDATE | MAP_SYNC | MAP_FIXED, 0),
		 ERR(EOPNOTSUPP));
	CHECK_EQ(mmap_file(mm, file, P(4), PG(1), rw,
			   MAP_SHARED_VALIDATE | 0x800000 | MAP_FIXED, 0),
		 ERR(EOPNOTSUPP));
	CHECK_EQ(mmap_file(mm, file, P(4), PG(1), rw,
			   MAP_SHARED | MAP_SYNC | 0x800000 | MAP_FIXED, 1),
		 P(4));
	CHECK_EQ(mmap_file(mm, file, P(6), PG(1), rw,
			   MAP_SHARED_VALIDATE | MAP_FIXED, 1),
		 P(6));
	CHECK_EQ(find_vma(mm, P(4))->vm_flags, RW | SHARED | VM_SYNC);
	CHECK_EQ(find_vma(mm, P(4))->vm_pgoff, 1);

	/* type, growsdown, a file that cannot be mapped */
	CHECK_EQ(mmap_file(mm, file, 0, PG(1), PROT_READ, 0, 0), ERR(EINVAL));
	CHECK_EQ(mmap_file(mm, file, 0, PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_GROWSDOWN, 0), ERR(EINVAL));
	file->f_op = &no_mmap_ops;
	CHECK_EQ(mmap_file(mm, file, 0, PG(1), PROT_READ, MAP_PRIVATE, 0),
		 ERR(ENODEV));
	file->f_op = fops;
	/* the file is looked at only after the placement */
	file->f_mode = FMODE_WRITE;
	CHECK_EQ(mmap_file(mm, file, 0, TASK_SIZE + PG(1), PROT_READ,
			   MAP_PRIVATE, 0), ERR(ENOMEM));
	file->f_mode = FMODE_READ | FMODE_WRITE;
	CHECK_EQ(file->f_count, 1 + 4);
	CHECK_EQ(mm->map_count, 4);
	mmput(mm);
	CHECK_EQ(file->f_count, 1);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}
