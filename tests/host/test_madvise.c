/*
 * Host tests of mm/madvise.c by Linux 6.1's rules (its do_madvise,
 * madvise_walk_vmas, madvise_vma_behavior, do_mincore, msync): the order
 * of the checks, a hole answered ENOMEM after the mapped parts were
 * advised, MADV_DONTNEED dropping pages (freed; the next read maps the
 * zero page, the next write a fresh zeroed page; a file mapping finds
 * its page-cache page again), the flag advice splitting a VMA and
 * merging it back, fork leaving out DONTFORK memory and handing WIPEONFORK
 * memory over empty, mincore's vector, msync's answers. validate_mm()
 * runs in every CHECK_VMAS.
 *
 * Sketches: one character per page from P(0), a letter per VMA.
 */
#include "mm/memory.h"
#include "mm/mm.h"
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

static unsigned char byte_at(struct mm_struct *mm, unsigned long addr)
{
	unsigned char v = 0xee;

	CHECK_EQ(user_read(mm, addr, &v), 0);
	return v;
}

/*
 * The checks, in Linux's order: the advice first (even for an unaligned
 * start in a hole), then the start's alignment, then a length that wraps
 * when rounded up or when added, then a zero length (0, even in a hole).
 * Then the walk: a range with nothing mapped, or partly mapped, is
 * ENOMEM; advice a VMA does not take is EINVAL. None changes the VMAs.
 *
 *   P(0)       P(4)  P(6)    P(8)
 *   A A A A .  .     L L     S        A RW, L RW locked, S shared RW
 */
TEST(madvise_checks_in_linux_order)
{
	static const struct {
		const char *name;
		unsigned long start, len;
		int advice;
		long want;
	} cases[] = {
		{ "unknown advice", P(0), PG(1), 5, -EINVAL },
		{ "THP advice (no THP)", P(0), PG(1), MADV_HUGEPAGE, -EINVAL },
		{ "HWPOISON (no memory failure)", P(0), PG(1), MADV_HWPOISON,
		  -EINVAL },
		{ "unknown advice, unaligned, in a hole", P(4) + 1, PG(1), 77,
		  -EINVAL },
		{ "unaligned", P(0) + 8, PG(1), MADV_DONTNEED, -EINVAL },
		{ "length wraps when rounded", P(0), -1UL, MADV_DONTNEED,
		  -EINVAL },
		{ "end wraps", P(0), -PG(1), MADV_NORMAL, -EINVAL },
		{ "zero length in a hole", P(4), 0, MADV_DONTNEED, 0 },
		{ "in a hole", P(4), PG(1), MADV_DONTNEED, -ENOMEM },
		{ "in a hole, flag advice", P(4), PG(1), MADV_RANDOM, -ENOMEM },
		{ "above every VMA", P(100), PG(1), MADV_NORMAL, -ENOMEM },
		{ "DONTNEED of VM_LOCKED", P(6), PG(1), MADV_DONTNEED,
		  -EINVAL },
		{ "FREE of VM_LOCKED", P(6), PG(1), MADV_FREE, -EINVAL },
		{ "COLD of VM_LOCKED", P(6), PG(1), MADV_COLD, -EINVAL },
		{ "FREE of shared memory", P(8), PG(1), MADV_FREE, -EINVAL },
		{ "WIPEONFORK of shared memory", P(8), PG(1), MADV_WIPEONFORK,
		  -EINVAL },
		{ "REMOVE of private memory", P(0), PG(1), MADV_REMOVE,
		  -EINVAL },
		{ "same flags: nothing to split", P(1), PG(1), MADV_NORMAL, 0 },
		{ "KEEPONFORK, never wiped", P(1), PG(1), MADV_KEEPONFORK, 0 },
		{ "WILLNEED of anonymous memory", P(1), PG(2), MADV_WILLNEED,
		  0 },
		{ "PAGEOUT (no swap)", P(1), PG(1), MADV_PAGEOUT, 0 },
	};
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	map_fixed(mm, P(6), PG(2), RWP, MAP_PRIVATE | MAP_LOCKED);
	map_fixed(mm, P(8), PG(1), RWP, MAP_SHARED);
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		long got = do_madvise(mm, cases[i].start, cases[i].len,
				      cases[i].advice);

		if (got != cases[i].want)
			check_failed(__FILE__, __LINE__, "%s: got %ld, want %ld",
				     cases[i].name, got, cases[i].want);
		CHECK_VMAS(mm, { P(0), P(4), RWA },
			   { P(6), P(8), RWA | VM_LOCKED },
			   { P(8), P(9), RW | VM_SHARED | VM_MAYSHARE });
	}
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * DONTNEED of written private anonymous pages frees them; the next read
 * maps the zero page (no page allocated), the next write a new page that
 * reads zero.
 *
 *   P(0)
 *   A A A      written 1, 2, 3
 *   . . .      DONTNEED: three pages back, no PTE
 *   0 w .      read page 0: the zero page; write page 1: a new page
 */
TEST(madvise_dontneed_frees_then_the_zero_page_is_mapped)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(3), RWP, MAP_PRIVATE);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(user_write(mm, P(i), (unsigned char)(1 + i)), 0);
	used = pages_used_since(&s);
	CHECK_EQ(do_madvise(mm, P(0), PG(3), MADV_DONTNEED), 0);
	CHECK_EQ(pages_used_since(&s), used - 3);
	for (int i = 0; i < 3; i++)
		CHECK(mmt_pte(mm, P(i), NULL) == NULL);
	CHECK_VMAS(mm, { P(0), P(3), RWA });

	CHECK_EQ(byte_at(mm, P(0)), 0);
	CHECK(mmt_pte(mm, P(0), NULL) == ZERO_PAGE(0));
	CHECK_EQ(pages_used_since(&s), used - 3);
	CHECK_EQ(user_write(mm, P(1), 9), 0);
	CHECK(mmt_pte(mm, P(1), NULL) != ZERO_PAGE(0));
	CHECK_EQ(byte_at(mm, P(1)), 9);
	CHECK_EQ(byte_at(mm, P(1) + 1), 0);	/* the rest of it is zero */
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A hole does not stop the walk: both VMAs lose their pages, then the
 * answer is ENOMEM. So does a range running past the last VMA.
 *
 *   P(0)
 *   A A . B      all written
 *   . . . .      DONTNEED P(0)..P(4): -ENOMEM, A's and B's pages gone
 */
TEST(madvise_dontneed_across_a_hole_does_both_sides)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(3), PG(1), PROT_READ | PROT_WRITE | PROT_EXEC,
		  MAP_PRIVATE);
	CHECK_EQ(user_write(mm, P(0), 1), 0);
	CHECK_EQ(user_write(mm, P(1), 1), 0);
	CHECK_EQ(user_write(mm, P(3), 1), 0);
	used = pages_used_since(&s);
	CHECK_EQ(do_madvise(mm, P(0), PG(4), MADV_DONTNEED), -ENOMEM);
	CHECK_EQ(pages_used_since(&s), used - 3);
	CHECK(mmt_pte(mm, P(3), NULL) == NULL);
	CHECK_EQ(user_write(mm, P(3), 2), 0);
	CHECK_EQ(do_madvise(mm, P(3), PG(5), MADV_DONTNEED), -ENOMEM);
	CHECK(mmt_pte(mm, P(3), NULL) == NULL);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A private file mapping: DONTNEED drops the private copy a write made;
 * the next read finds the page-cache page, with the file's byte.
 */
TEST(madvise_dontneed_of_a_file_mapping_rereads_the_page_cache)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	struct page *cached;

	mem_snap(&s);
	file = mmt_file_new("/f", 2, PG(2));
	mm = mmap_mm_new(false);
	CHECK_EQ(mmap_file(mm, file, P(0), PG(2), RWP,
			   MAP_PRIVATE | MAP_FIXED, 0), P(0));
	CHECK_EQ(byte_at(mm, P(1)), mmt_file_byte(1, 0));
	cached = mmt_pte(mm, P(1), NULL);
	CHECK_EQ(user_write(mm, P(1), 0x11), 0);	/* a private copy */
	CHECK(mmt_pte(mm, P(1), NULL) != cached);
	CHECK_EQ(do_madvise(mm, P(0), PG(2), MADV_DONTNEED), 0);
	CHECK(mmt_pte(mm, P(1), NULL) == NULL);
	CHECK_EQ(byte_at(mm, P(1)), mmt_file_byte(1, 0));
	CHECK(mmt_pte(mm, P(1), NULL) == cached);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Flag advice on a subrange splits the VMA, as Linux (and its
 * /proc/PID/maps) shows; NORMAL on the same subrange merges it back
 * (vma_merge case 1: both neighbours have the flags again). RANDOM and
 * SEQUENTIAL exclude each other.
 *
 *   P(0)
 *   A A A A      one VMA, page 0 written
 *   A r r A      RANDOM P(1)..P(3): three VMAs
 *   A s r A      SEQUENTIAL P(1): four (RAND_READ cleared there)
 *   A r r A      RANDOM P(1): three again (SEQ_READ cleared, merged)
 *   A A A A      NORMAL P(1)..P(3): one again, page 0 kept
 */
TEST(madvise_random_on_a_subrange_splits_and_normal_merges)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct page *page;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	CHECK_EQ(user_write(mm, P(0), 5), 0);
	page = mmt_pte(mm, P(0), NULL);
	CHECK_EQ(do_madvise(mm, P(1), PG(2), MADV_RANDOM), 0);
	CHECK_VMAS(mm, { P(0), P(1), RWA }, { P(1), P(3), RWA | VM_RAND_READ },
		   { P(3), P(4), RWA });
	CHECK_EQ(do_madvise(mm, P(1), PG(1), MADV_SEQUENTIAL), 0);
	CHECK_VMAS(mm, { P(0), P(1), RWA }, { P(1), P(2), RWA | VM_SEQ_READ },
		   { P(2), P(3), RWA | VM_RAND_READ }, { P(3), P(4), RWA });
	CHECK_EQ(do_madvise(mm, P(1), PG(1), MADV_RANDOM), 0);
	CHECK_VMAS(mm, { P(0), P(1), RWA }, { P(1), P(3), RWA | VM_RAND_READ },
		   { P(3), P(4), RWA });
	CHECK_EQ(do_madvise(mm, P(1), PG(2), MADV_NORMAL), 0);
	CHECK_VMAS(mm, { P(0), P(4), RWA });
	CHECK(mmt_pte(mm, P(0), NULL) == page);
	CHECK_EQ(byte_at(mm, P(0)), 5);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Splits count against max_map_count: at the limit a split cannot
 * happen, and madvise says EAGAIN (Linux turns the ENOMEM round).
 */
TEST(madvise_split_at_the_map_count_limit_is_eagain)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	mm->max_map_count = 1;
	CHECK_EQ(do_madvise(mm, P(1), PG(1), MADV_DONTFORK), -EAGAIN);
	CHECK_VMAS(mm, { P(0), P(4), RWA });
	CHECK_EQ(do_madvise(mm, P(0), PG(4), MADV_DONTFORK), 0);
	CHECK_VMAS(mm, { P(0), P(4), RWA | VM_DONTCOPY });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * fork leaves DONTFORK memory out of the child, and gives WIPEONFORK
 * memory to it empty: the VMA is there, its pages are not (a read is
 * the zero page), while the parent keeps its data.
 *
 *   parent: D W A      D dontfork, W wipeonfork, A plain; all written
 *   child:  . W A      W reads 0, A reads the parent's byte
 */
TEST(madvise_dontfork_and_wipeonfork_shape_the_child)
{
	struct mem_snapshot s;
	struct mm_struct *mm, *child;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(3), RWP, MAP_PRIVATE);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(user_write(mm, P(i), (unsigned char)(7 + i)), 0);
	CHECK_EQ(do_madvise(mm, P(0), PG(1), MADV_DONTFORK), 0);
	CHECK_EQ(do_madvise(mm, P(1), PG(1), MADV_WIPEONFORK), 0);
	child = dup_mm(mm);
	CHECK(child != NULL);
	if (!child)
		return;
	CHECK_VMAS(child, { P(1), P(2), RWA | VM_WIPEONFORK },
		   { P(2), P(3), RWA });
	CHECK(mmt_pte(child, P(1), NULL) == NULL);
	CHECK_EQ(byte_at(child, P(1)), 0);
	CHECK_EQ(byte_at(child, P(2)), 9);
	CHECK_EQ(byte_at(mm, P(1)), 8);
	mmput(child);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * POPULATE_WRITE faults every page in writable (private: its own page);
 * POPULATE_READ of untouched anonymous memory maps the zero page;
 * neither on a VMA that forbids the access (EINVAL).
 */
TEST(madvise_populate_faults_pages_in)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	bool writable;
	long used;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(2), PG(1), PROT_READ, MAP_PRIVATE);
	map_fixed(mm, P(3), PG(1), PROT_NONE, MAP_PRIVATE);
	used = pages_used_since(&s);
	CHECK_EQ(do_madvise(mm, P(0), PG(1), MADV_POPULATE_READ), 0);
	CHECK(mmt_pte(mm, P(0), NULL) == ZERO_PAGE(0));
	CHECK_EQ(do_madvise(mm, P(0), PG(2), MADV_POPULATE_WRITE), 0);
	CHECK(mmt_pte(mm, P(0), &writable) != ZERO_PAGE(0) && writable);
	CHECK(mmt_pte(mm, P(1), &writable) != NULL && writable);
	CHECK(pages_used_since(&s) >= used + 2);
	CHECK_EQ(do_madvise(mm, P(2), PG(1), MADV_POPULATE_WRITE), -EINVAL);
	CHECK_EQ(do_madvise(mm, P(3), PG(1), MADV_POPULATE_READ), -EINVAL);
	CHECK_EQ(do_madvise(mm, P(2), PG(1), MADV_POPULATE_READ), 0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * mincore: one byte per page, stopping at the VMA's end. Anonymous: 1
 * for any PTE (the zero page too), 0 without. A file: 1 also for pages
 * only in the page cache. No VMA at the address: ENOMEM.
 *
 *   P(0)           P(4)  P(5)
 *   w 0 . .        F F   (file of 2 cached pages, page 0 read)
 */
TEST(mincore_reports_ptes_and_the_page_cache)
{
	unsigned char vec[8];
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;

	mem_snap(&s);
	file = mmt_file_new("/g", 2, PG(2));
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(4), RWP, MAP_PRIVATE);
	CHECK_EQ(mmap_file(mm, file, P(4), PG(2), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, 0), P(4));
	CHECK_EQ(user_write(mm, P(0), 1), 0);
	CHECK_EQ(byte_at(mm, P(1)), 0);
	CHECK_EQ(byte_at(mm, P(4)), mmt_file_byte(0, 0));

	memset(vec, 9, sizeof(vec));
	CHECK_EQ(do_mincore(mm, P(0), 8, vec), 4);	/* up to A's end */
	CHECK_EQ(vec[0], 1);
	CHECK_EQ(vec[1], 1);
	CHECK_EQ(vec[2], 0);
	CHECK_EQ(vec[3], 0);
	CHECK_EQ(vec[4], 9);
	CHECK_EQ(do_mincore(mm, P(1), 2, vec), 2);
	CHECK_EQ(do_mincore(mm, P(4), 8, vec), 2);
	CHECK_EQ(vec[0], 1);
	CHECK_EQ(vec[1], 1);			/* cached, not mapped */
	CHECK(mmt_pte(mm, P(5), NULL) == NULL);
	CHECK_EQ(do_mincore(mm, P(6), 1, vec), -ENOMEM);
	CHECK_EQ(do_madvise(mm, P(0), PG(2), MADV_DONTNEED), 0);
	CHECK_EQ(do_mincore(mm, P(0), 2, vec), 2);
	CHECK_EQ(vec[0], 0);
	CHECK_EQ(vec[1], 0);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * msync, in Linux's order: unknown flags, alignment, ASYNC with SYNC;
 * a wrapping length is ENOMEM; zero length 0; a hole ENOMEM (at once
 * with MS_ASYNC alone, after the rest otherwise); INVALIDATE of locked
 * memory EBUSY.
 *
 *   P(0)     P(3)  P(4)
 *   A A .    L           A RW, L RW locked
 */
TEST(msync_checks_in_linux_order)
{
	static const struct {
		const char *name;
		unsigned long start, len;
		int flags;
		long want;
	} cases[] = {
		{ "no flags", P(0), PG(1), 0, 0 },
		{ "MS_INVALIDATE alone", P(0), PG(1), MS_INVALIDATE, 0 },
		{ "ASYNC|INVALIDATE", P(0), PG(1), MS_ASYNC | MS_INVALIDATE, 0 },
		{ "SYNC|INVALIDATE", P(0), PG(1), MS_SYNC | MS_INVALIDATE, 0 },
		{ "ASYNC|SYNC", P(0), PG(1), MS_ASYNC | MS_SYNC, -EINVAL },
		{ "unknown flag", P(0), PG(1), 8, -EINVAL },
		{ "unknown flag, unaligned, in a hole", P(2) + 1, PG(1), 16,
		  -EINVAL },
		{ "unaligned", P(0) + 4, PG(1), MS_SYNC, -EINVAL },
		{ "length wraps", P(0), -PG(1), MS_SYNC, -ENOMEM },
		{ "zero length in a hole", P(2), 0, MS_SYNC, 0 },
		{ "in a hole, ASYNC", P(2), PG(1), MS_ASYNC, -ENOMEM },
		{ "in a hole, SYNC", P(2), PG(1), MS_SYNC, -ENOMEM },
		{ "across the hole, SYNC", P(0), PG(4), MS_SYNC, -ENOMEM },
		{ "past the last VMA", P(3), PG(2), MS_SYNC, -ENOMEM },
		{ "INVALIDATE of locked", P(3), PG(1), MS_INVALIDATE, -EBUSY },
		{ "INVALIDATE across the hole to locked", P(0), PG(4),
		  MS_INVALIDATE, -EBUSY },
		{ "SYNC of locked", P(3), PG(1), MS_SYNC, 0 },
	};
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	map_fixed(mm, P(0), PG(2), RWP, MAP_PRIVATE);
	map_fixed(mm, P(3), PG(1), RWP, MAP_PRIVATE | MAP_LOCKED);
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		long got = do_msync(mm, cases[i].start, cases[i].len,
				    cases[i].flags);

		if (got != cases[i].want)
			check_failed(__FILE__, __LINE__, "%s: got %ld, want %ld",
				     cases[i].name, got, cases[i].want);
	}
	CHECK_VMAS(mm, { P(0), P(2), RWA }, { P(3), P(4), RWA | VM_LOCKED });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}
