/*
 * Host tests of mm/mprotect.c by Linux's rules (do_mprotect_pkey and
 * mprotect_fixup, mm/mprotect.c): the order of the argument checks, holes
 * (ENOMEM, with the part before the hole already changed), VM_MAY*
 * (EACCES), PROT_GROWSDOWN/UP, splitting and merging, VM_ACCOUNT, the map
 * count, and the PTEs that follow the new protection.
 *
 * Sketches: one character per page from P(0), a letter per VMA.
 */
#include "tests/host/mmap_util.h"

#define A0 0x50000000UL
#define P(n) (A0 + PG(n))
#define RWP (PROT_READ | PROT_WRITE)

static void map_fixed(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags)
{
	CHECK_EQ(mmap_anon(mm, addr, len, prot, flags | MAP_FIXED), addr);
}

/*
 * The checks, in Linux's order: both grows bits; unaligned start; len 0
 * (success, before anything else is looked at); end wraps (ENOMEM);
 * unknown prot bits; then the VMAs: none at or above start, a hole, the
 * grows bits against the VMA, VM_MAY* per VMA.
 *
 *   P(0)          P(6)     P(10)
 *   A A A A . .   B B . .  C         A RW, B PROT_READ,
 *                                    C shared on a read-only file
 */
TEST(mprotect_checks_in_linux_order)
{
	static const struct {
		const char *name;
		unsigned long start, len, prot;
		int want;
	} cases[] = {
		{ "both grows bits", P(0), PG(1),
		  PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP, -EINVAL },
		{ "both grows bits, unaligned", P(0) + 1, PG(1),
		  PROT_GROWSDOWN | PROT_GROWSUP, -EINVAL },
		{ "unaligned", P(0) + 1, PG(1), PROT_READ, -EINVAL },
		{ "unaligned, len 0", P(0) + 1, 0, PROT_READ, -EINVAL },
		{ "len 0 in a hole, bad prot", P(50), 0, 0x10, 0 },
		{ "len 0", P(0), 0, PROT_NONE, 0 },
		{ "end wraps, bad prot", P(0), -P(0), 0x10, -ENOMEM },
		{ "end wraps to 1p", P(0), -P(0) + PG(1), PROT_READ, -ENOMEM },
		{ "prot 0x10", P(0), PG(1), 0x10, -EINVAL },
		{ "prot high bit", P(0), PG(1), PROT_READ | 0x80000000, -EINVAL },
		{ "prot 0x10 in a hole", P(5), PG(1), 0x10, -EINVAL },
		{ "nothing at or above", P(100), PG(1), PROT_READ, -ENOMEM },
		{ "start in a hole", P(5), PG(1), PROT_READ, -ENOMEM },
		{ "start in a hole, runs into B", P(5), PG(2), PROT_READ,
		  -ENOMEM },
		{ "growsup", P(0), PG(1), PROT_READ | PROT_GROWSUP, -EINVAL },
		{ "growsup in a hole", P(5), PG(1), PROT_READ | PROT_GROWSUP,
		  -ENOMEM },
		{ "growsdown, not a stack", P(0), PG(1),
		  PROT_READ | PROT_GROWSDOWN, -EINVAL },
		{ "growsdown, ends below B", P(4), PG(2),
		  PROT_READ | PROT_GROWSDOWN, -ENOMEM },
		{ "growsdown, into B", P(5), PG(2), PROT_READ | PROT_GROWSDOWN,
		  -EINVAL },
		{ "write, read-only shared file", P(10), PG(1), RWP, -EACCES },
		{ "same as before", P(6), PG(2), PROT_READ, 0 },
		{ "PROT_SEM is allowed", P(6), PG(2), PROT_READ | PROT_SEM, 0 },
	};
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/ro", 1, PG(1));
	file->f_mode = FMODE_READ;
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	map_fixed(mm, P(6), PG(2), PROT_READ, MAP_PRIVATE);
	CHECK_EQ(mmap_file(mm, file, P(10), PG(1), PROT_READ,
			   MAP_SHARED | MAP_FIXED, 0), P(10));
	for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
		int got = do_mprotect(mm, cases[i].start, cases[i].len,
				      cases[i].prot, false);

		if (got != cases[i].want)
			check_failed(__FILE__, __LINE__, "%s: got %d, want %d",
				     cases[i].name, got, cases[i].want);
		CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(6), P(8), R },
			   { P(10), P(11),
			     VM_READ | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE });
	}
	/* VM_MAYEXEC is still there: PROT_EXEC is allowed */
	CHECK_EQ(do_mprotect(mm, P(10), PG(1), PROT_EXEC, false), 0);
	CHECK_EQ(find_vma(mm, P(10))->vm_flags,
		 VM_EXEC | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE);
	/* a private mapping of the same file may be made writable */
	CHECK_EQ(mmap_file(mm, file, P(12), PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, 0), P(12));
	CHECK_EQ(do_mprotect(mm, P(12), PG(1), RWP, false), 0);
	CHECK_EQ(find_vma(mm, P(12))->vm_flags, RWA);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Split and merge: the middle of A made read-only is a VMA of its own;
 * made writable again, the three pieces are one (VM_ACCOUNT stayed on
 * the middle, so the flags agree).
 *
 *   P(0)                P(10)
 *   A A A A A A A A A A           RW
 *   A A A b b A A A A A           mprotect(P(3), 2p, R)
 *   A A A A A A A A A A           mprotect(P(3), 2p, RW)
 *   c c A A A A A A d d           R at both ends
 *   c c c c c c c c c c           R in between: all one VMA
 */
TEST(mprotect_splits_and_merges)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(10), RWP, MAP_PRIVATE);
	CHECK_EQ(do_mprotect(mm, P(3), PG(2), PROT_READ, false), 0);
	CHECK_VMAS(mm, { P(0), P(3), RWA }, { P(3), P(5), R | ACCT },
		   { P(5), P(10), RWA });
	CHECK_EQ(find_vma(mm, P(5))->vm_pgoff, P(5) >> PAGE_SHIFT);
	CHECK_EQ(do_mprotect(mm, P(3), PG(2), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(10), RWA });
	CHECK_EQ(do_mprotect(mm, P(0), PG(2), PROT_READ, false), 0);
	CHECK_EQ(do_mprotect(mm, P(8), PG(2), PROT_READ, false), 0);
	CHECK_VMAS(mm, { P(0), P(2), R | ACCT }, { P(2), P(8), RWA },
		   { P(8), P(10), R | ACCT });
	CHECK_EQ(do_mprotect(mm, P(2), PG(6) - 5, PROT_READ, false), 0);
	CHECK_VMAS(mm, { P(0), P(10), R | ACCT });
	CHECK_EQ(do_mprotect(mm, P(0), PG(10), PROT_NONE, false), 0);
	CHECK_VMAS(mm, { P(0), P(10), NONE | ACCT });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * VM_ACCOUNT: private memory made writable is charged and gets the flag
 * (so it can merge with writable neighbours), and keeps it when made
 * read-only again (so it no longer merges with never-written read-only
 * memory). MAP_NORESERVE and shared memory are never charged.
 *
 *   P(0)     P(2)     P(4)  P(6) P(7)  P(10)  P(12)
 *   a a      b b      .  .  c    d     n      s
 *   R        RW             R    R     RW nr  shared R
 */
TEST(mprotect_adds_vm_account_when_made_writable)
{
	unsigned long ram = page_alloc_zone()->managed_pages;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(2), RWP, MAP_PRIVATE);
	CHECK_VMAS(mm, { P(0), P(2), R }, { P(2), P(4), RWA });
	CHECK_EQ(do_mprotect(mm, P(0), PG(2), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(4), RWA });

	map_fixed(mm, P(6), PG(1), PROT_READ, MAP_PRIVATE);
	CHECK_EQ(do_mprotect(mm, P(6), PG(1), RWP, false), 0);
	CHECK_EQ(do_mprotect(mm, P(6), PG(1), PROT_READ, false), 0);
	map_fixed(mm, P(7), PG(1), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(10), PG(1), RWP, MAP_PRIVATE | MAP_NORESERVE);
	CHECK_EQ(do_mprotect(mm, P(10), PG(1), PROT_READ, false), 0);
	CHECK_EQ(do_mprotect(mm, P(10), PG(1), RWP, false), 0);
	map_fixed(mm, P(12), PG(1), PROT_READ, MAP_SHARED);
	CHECK_EQ(do_mprotect(mm, P(12), PG(1), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(6), P(7), R | ACCT },
		   { P(7), P(8), R }, { P(10), P(11), RW | VM_NORESERVE },
		   { P(12), P(13), RW | SHARED });

	/* the charge can be refused: read-only memory larger than RAM */
	map_fixed(mm, P(20), PG(ram + 1), PROT_READ, MAP_PRIVATE);
	CHECK_EQ(do_mprotect(mm, P(20), PG(ram + 1), RWP, false), -ENOMEM);
	CHECK_EQ(find_vma(mm, P(20))->vm_flags, R);
	CHECK_EQ(do_mprotect(mm, P(20), PG(ram), RWP, false), 0);
	CHECK_EQ(find_vma(mm, P(20))->vm_flags, RWA);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A range over several VMAs is done VMA by VMA, merging as it goes; a
 * hole ends it with ENOMEM, and what was done before the hole stays.
 *
 *   P(0)                 P(8)
 *   a a b b c c . d            a R, b RW, c RX, d R
 *   a B B B B c . d            mprotect(P(1), 4p, RW): one RW VMA
 *   a E E E E f . d            mprotect(P(0), 8p, R): up to the hole;
 *                              E is R|VM_ACCOUNT, so a and f stay apart
 */
TEST(mprotect_across_vmas_and_a_hole)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(4), PG(2), PROT_READ | PROT_EXEC, MAP_PRIVATE);
	map_fixed(mm, P(7), PG(1), PROT_READ, MAP_PRIVATE);
	CHECK_EQ(do_mprotect(mm, P(1), PG(4), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(1), P(5), RWA },
		   { P(5), P(6), RX }, { P(7), P(8), R });
	CHECK_EQ(do_mprotect(mm, P(0), PG(8), PROT_READ, false), -ENOMEM);
	CHECK_VMAS(mm, { P(0), P(1), R }, { P(1), P(5), R | ACCT },
		   { P(5), P(6), R }, { P(7), P(8), R });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * EACCES part way through a range, after a change was made.
 *
 *   P(0)   P(2)
 *   a a    C        a private RW, C shared on a read-only file
 */
TEST(mprotect_eacces_part_way)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/ro", 1, PG(1));
	file->f_mode = FMODE_READ;
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	CHECK_EQ(mmap_file(mm, file, P(2), PG(1), PROT_READ,
			   MAP_SHARED | MAP_FIXED, 0), P(2));
	CHECK_EQ(do_mprotect(mm, P(0), PG(3), PROT_WRITE, false), -EACCES);
	CHECK_VMAS(mm, { P(0), P(2), (RWA) & ~VM_READ },
		   { P(2), P(3), VM_READ | VM_MAYREAD | VM_MAYEXEC |
					 VM_MAYSHARE });
	CHECK_EQ(do_mprotect(mm, P(0), PG(3), PROT_READ, false), 0);
	CHECK_EQ(mm->mmap->vm_flags, R | ACCT);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * PROT_GROWSDOWN on a stack (VM_GROWSDOWN): the range is taken down to
 * the start of the VMA.
 *
 *   P(20)                   P(28)
 *   S S S S S S S S                 RW stack
 *   t t t t t S S S                 mprotect(P(24), 1p, R|GROWSDOWN)
 */
TEST(mprotect_growsdown_extends_to_the_stack_start)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(20), PG(8), RWP, MAP_PRIVATE | MAP_GROWSDOWN);
	CHECK_EQ(do_mprotect(mm, P(24), PG(1), PROT_READ | PROT_GROWSDOWN,
			     false), 0);
	CHECK_VMAS(mm, { P(20), P(25), R | ACCT | VM_GROWSDOWN },
		   { P(25), P(28), RWA | VM_GROWSDOWN });
	/* from below the stack: find_vma finds it, the range reaches it */
	CHECK_EQ(do_mprotect(mm, P(10), PG(16), RWP | PROT_GROWSDOWN, false),
		 0);
	CHECK_VMAS(mm, { P(20), P(28), RWA | VM_GROWSDOWN });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * max_map_count: each split of mprotect_fixup is split_vma, refused at
 * map_count >= max_map_count; the first split stays when the second is
 * refused (Linux). max_map_count = 3:
 *
 *   P(0)                 P(10)   P(20)
 *   A A A A A A A A A A          B
 *   A A A a a a a a a a          B     mprotect(P(3), 2p, R): ENOMEM
 *   A A A c c c c c c c          B     mprotect(P(3), 7p, R): no split
 */
TEST(mprotect_at_max_map_count)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mm->max_map_count = 3;
	map_fixed(mm, P(0), PG(10), RWP, MAP_PRIVATE);
	map_fixed(mm, P(20), PG(1), PROT_READ, MAP_PRIVATE);
	CHECK_EQ(do_mprotect(mm, P(3), PG(2), PROT_READ, false), -ENOMEM);
	CHECK_VMAS(mm, { P(0), P(3), RWA }, { P(3), P(10), RWA },
		   { P(20), P(21), R });
	CHECK_EQ(do_mprotect(mm, P(3), PG(7), PROT_READ, false), 0);
	CHECK_VMAS(mm, { P(0), P(3), RWA }, { P(3), P(10), R | ACCT },
		   { P(20), P(21), R });
	/* a change that merges needs no room */
	CHECK_EQ(do_mprotect(mm, P(3), PG(1), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(4), RWA }, { P(4), P(10), R | ACCT },
		   { P(20), P(21), R });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * READ_IMPLIES_EXEC: PROT_READ gives VM_EXEC too where VM_MAYEXEC allows;
 * and the PTEs already present follow the new protection.
 */
TEST(mprotect_read_implies_exec_and_ptes)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	unsigned char v;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	CHECK_EQ(user_write(mm, P(0), 0x77), 0);
	CHECK_EQ(user_write(mm, P(1), 0x78), 0);
	CHECK_EQ(do_mprotect(mm, P(0), PG(1), PROT_READ, true), 0);
	CHECK_VMAS(mm, { P(0), P(1), RX | ACCT }, { P(1), P(2), RWA });
	CHECK(!fake_access_ok(mm, P(0), FAKE_WRITE));
	CHECK(fake_access_ok(mm, P(0), FAKE_READ));
	CHECK(fake_access_ok(mm, P(0), FAKE_EXEC));
	CHECK(!fake_access_ok(mm, P(1), FAKE_EXEC));
	CHECK_EQ(user_write(mm, P(0), 1), VM_FAULT_BADACCESS);
	CHECK_EQ(do_mprotect(mm, P(0), PG(2), PROT_NONE, false), 0);
	CHECK(!fake_access_ok(mm, P(0), FAKE_READ));
	CHECK(!fake_access_ok(mm, P(1), FAKE_READ));
	CHECK_EQ(user_read(mm, P(1), &v), VM_FAULT_BADACCESS);
	CHECK_EQ(do_mprotect(mm, P(0), PG(2), RWP, false), 0);
	CHECK_VMAS(mm, { P(0), P(2), RWA });
	CHECK_EQ(user_read(mm, P(0), &v), 0);
	CHECK_EQ(v, 0x77);
	CHECK_EQ(user_write(mm, P(1), 0x79), 0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}
