/*
 * tests/user/madvise.c - madvise(2), mincore(2) and msync(2) as Linux 6.1
 * answers them, on topdown and on Linux alike (tests/user/PROGRAMS: both).
 * Every expected errno was asked of Linux 6.1 (Debian armmp) on this
 * board first.
 *
 *	madvise_errno_table	the checks in Linux's order (advice, then
 *				alignment, then length), a hole (ENOMEM),
 *				advice a VMA refuses (EINVAL, EACCES), and
 *				what this Linux accepts or not (KSM yes,
 *				huge pages no)
 *	dontneed_zeroes_and_frees  written private anonymous pages read
 *				back zero after MADV_DONTNEED: each read a
 *				fault mapping the zero page again, the pages
 *				freed (topdown's counters)
 *	dontneed_across_a_hole	both sides dropped, then ENOMEM
 *	dontneed_file		a private copy dropped: the file's byte again
 *	random_splits_normal_merges  /proc/self/maps: a subrange splits off,
 *				NORMAL merges it back
 *	dontfork_wipeonfork	the child has no DONTFORK range (SIGSEGV) and
 *				a WIPEONFORK range reading zero
 *	mincore_vector		the vector against the faults made: written,
 *				zero page, untouched; a file's cached pages;
 *				the errno table and a partial vector
 *	willneed		anonymous: nothing mapped (no fault later is
 *				saved); a file: resident in the page cache
 *	msync_table		flags, alignment, holes, EBUSY
 *
 * Addresses are relative to an arena: 16 free pages found by mapping and
 * unmapping them.
 */
#include <string.h>
#include "counters.h"
#include "datafiles.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((unsigned long)(n) * PAGE_SIZE)
#define RW (PROT_READ | PROT_WRITE)
#define PA (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define ARENA_PAGES 16

static unsigned long arena;

/* Map arena pages [@lo, @hi) with @prot and @flags (PA if 0). */
static void map(int lo, int hi, int prot, int flags)
{
	CHECK_EQ(sys_mmap2(arena + P(lo), P(hi - lo), prot, flags ? flags : PA,
			   -1, 0), (long)(arena + P(lo)));
}

static void unmap_arena(void)
{
	CHECK_EQ(sys_munmap(arena, P(ARENA_PAGES)), 0);
}

/* Is [@start, @end) exactly one line of /proc/self/maps? */
static bool one_vma(unsigned long start, unsigned long end)
{
	struct map_entry e;

	return maps_find(start, &e) && e.start == start && e.end == end;
}

static char byte_at(unsigned long addr)
{
	return *(volatile char *)addr;
}

static void put_byte(unsigned long addr, char v)
{
	*(volatile char *)addr = v;
}

#define AT(page, bytes) (P(page) + (bytes))

/*
 *	arena: page 0    4    6    8   10  11
 *	            AAAA .... LL   SS  F         A rw, L rw locked,
 *	                                         S shared rw, F file r
 */
static const struct {
	const char *name;
	unsigned long addr, len;
	int advice, err;
} madvise_rows[] = {
	{ "advice_5", AT(0, 0), P(1), 5, EINVAL },
	{ "advice_7", AT(0, 0), P(1), 7, EINVAL },
	{ "hugepage_no_thp", AT(0, 0), P(1), MADV_HUGEPAGE, EINVAL },
	{ "nohugepage_no_thp", AT(0, 0), P(1), MADV_NOHUGEPAGE, EINVAL },
	{ "collapse_no_thp", AT(0, 0), P(1), MADV_COLLAPSE, EINVAL },
	{ "hwpoison", AT(0, 0), P(1), MADV_HWPOISON, EINVAL },
	{ "soft_offline", AT(0, 0), P(1), MADV_SOFT_OFFLINE, EINVAL },
	{ "advice_before_alignment", AT(4, 1), P(1), 77, EINVAL },
	{ "unaligned", AT(0, 1), P(1), MADV_DONTNEED, EINVAL },
	{ "length_wraps_rounded", AT(0, 0), -1UL, MADV_DONTNEED, EINVAL },
	{ "end_wraps", AT(0, 0), -P(1), MADV_NORMAL, EINVAL },
	{ "zero_length_in_a_hole", AT(4, 0), 0, MADV_DONTNEED, 0 },
	{ "in_a_hole", AT(4, 0), P(1), MADV_DONTNEED, ENOMEM },
	{ "in_a_hole_normal", AT(4, 0), P(2), MADV_NORMAL, ENOMEM },
	{ "dontneed_locked", AT(6, 0), P(1), MADV_DONTNEED, EINVAL },
	{ "free_locked", AT(6, 0), P(1), MADV_FREE, EINVAL },
	{ "cold_locked", AT(6, 0), P(1), MADV_COLD, EINVAL },
	{ "pageout_locked", AT(6, 0), P(1), MADV_PAGEOUT, EINVAL },
	{ "remove_locked", AT(6, 0), P(1), MADV_REMOVE, EINVAL },
	{ "free_shared", AT(8, 0), P(1), MADV_FREE, EINVAL },
	{ "wipeonfork_shared", AT(8, 0), P(1), MADV_WIPEONFORK, EINVAL },
	{ "wipeonfork_file", AT(10, 0), P(1), MADV_WIPEONFORK, EINVAL },
	{ "free_file", AT(10, 0), P(1), MADV_FREE, EINVAL },
	{ "remove_private", AT(0, 0), P(1), MADV_REMOVE, EINVAL },
	{ "remove_read_only_file", AT(10, 0), P(1), MADV_REMOVE, EACCES },
	{ "populate_write_read_only", AT(10, 0), P(1), MADV_POPULATE_WRITE,
	  EINVAL },
	{ "normal", AT(0, 0), P(4), MADV_NORMAL, 0 },
	{ "keeponfork", AT(0, 0), P(4), MADV_KEEPONFORK, 0 },
	{ "dofork", AT(0, 0), P(4), MADV_DOFORK, 0 },
	{ "dodump", AT(0, 0), P(4), MADV_DODUMP, 0 },
	{ "unmergeable", AT(0, 0), P(4), MADV_UNMERGEABLE, 0 },
	{ "willneed_anon", AT(0, 0), P(4), MADV_WILLNEED, 0 },
	{ "willneed_locked", AT(6, 0), P(2), MADV_WILLNEED, 0 },
	{ "dontneed_locked_ok", AT(6, 0), P(1), MADV_DONTNEED_LOCKED, 0 },
	{ "cold", AT(0, 0), P(4), MADV_COLD, 0 },
	{ "pageout", AT(0, 0), P(4), MADV_PAGEOUT, 0 },
	{ "dontneed_shared", AT(8, 0), P(2), MADV_DONTNEED, 0 },
	{ "remove_shared_anon", AT(8, 0), P(1), MADV_REMOVE, 0 },
	{ "dontneed_file", AT(10, 0), P(1), MADV_DONTNEED, 0 },
	{ "willneed_file", AT(10, 0), P(1), MADV_WILLNEED, 0 },
};

static void test_madvise_errno_table(void)
{
	int fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	unsigned int i;

	map(0, 4, RW, 0);
	map(6, 8, RW, PA | MAP_LOCKED);
	map(8, 10, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
	CHECK_EQ(sys_mmap2(arena + P(10), P(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, fd, 0),
		 (long)(arena + P(10)));
	for (i = 0; i < sizeof(madvise_rows) / sizeof(madvise_rows[0]); i++) {
		long got = sys_madvise(arena + madvise_rows[i].addr,
				       madvise_rows[i].len,
				       madvise_rows[i].advice);

		if (got != -madvise_rows[i].err)
			check_failed(__FILE__, __LINE__, "%s: got %s, want %s",
				     madvise_rows[i].name, utest_errname(got),
				     utest_errname(-madvise_rows[i].err));
		CHECK(one_vma(arena, arena + P(4)));
		CHECK(one_vma(arena + P(6), arena + P(8)));
	}
	sys_close(fd);
	unmap_arena();
}

/*
 * Four written pages: DONTNEED gives them back (nr_free_pages +4 on
 * topdown); reading them faults four times, each the zero page, and
 * reads 0; a write then gets a fresh zeroed page.
 */
static void test_dontneed_zeroes_and_frees(void)
{
	struct vm_counters a, b, c;

	map(0, 4, RW, 0);
	for (int i = 0; i < 4; i++)
		put_byte(arena + P(i) + 100, (char)('a' + i));
	counters_read(&a);
	CHECK_EQ(sys_madvise(arena, P(4), MADV_DONTNEED), 0);
	counters_read(&b);
	/* the four pages, and perhaps the slab page of the L2 table that
	 * topdown frees when it empties (Linux keeps its tables) */
	if (counters_topdown(&a)) {
		CHECK(b.nr_free_pages - a.nr_free_pages >= 4);
		CHECK(b.nr_free_pages - a.nr_free_pages <=
		      4 + a.page_table_pages - b.page_table_pages);
	}
	for (int i = 0; i < 4; i++)
		CHECK_EQ(byte_at(arena + P(i) + 100), 0);
	counters_read(&c);
	CHECK_DELTAS(&b, &c, .faults = 4, .zero = 4, .tables = ANY_DELTA);
	put_byte(arena + P(1), 7);
	CHECK_EQ(byte_at(arena + P(1)), 7);
	CHECK_EQ(byte_at(arena + P(1) + 100), 0);
	CHECK(one_vma(arena, arena + P(4)));
	unmap_arena();
}

/* A A . B: DONTNEED over all of it drops A's and B's pages: ENOMEM. */
static void test_dontneed_across_a_hole(void)
{
	map(0, 2, RW, 0);
	map(3, 4, RW | PROT_EXEC, 0);
	put_byte(arena, 1);
	put_byte(arena + P(3), 2);
	CHECK_EQ(sys_madvise(arena, P(4), MADV_DONTNEED), -ENOMEM);
	CHECK_EQ(byte_at(arena), 0);
	CHECK_EQ(byte_at(arena + P(3)), 0);
	unmap_arena();
}

/* A private write to a file page is dropped: the file's byte again. */
static void test_dontneed_file(void)
{
	int fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);

	CHECK(fd >= 0);
	CHECK_EQ(sys_mmap2(arena, P(2), RW, MAP_PRIVATE | MAP_FIXED, fd, 0),
		 (long)arena);
	sys_close(fd);
	put_byte(arena + P(1) + 5, '#');
	CHECK_EQ(byte_at(arena + P(1) + 5), '#');
	CHECK_EQ(sys_madvise(arena, P(2), MADV_DONTNEED), 0);
	CHECK_EQ(byte_at(arena + P(1) + 5),
		 data_file_byte("page", P(1) + 5, 0));
	unmap_arena();
}

/* RANDOM on pages 1-2 of 4: three VMAs; NORMAL: one again. */
static void test_random_splits_normal_merges(void)
{
	map(0, 4, RW, 0);
	CHECK_EQ(sys_madvise(arena + P(1), P(2), MADV_RANDOM), 0);
	CHECK(one_vma(arena, arena + P(1)));
	CHECK(one_vma(arena + P(1), arena + P(3)));
	CHECK(one_vma(arena + P(3), arena + P(4)));
	CHECK_EQ(sys_madvise(arena + P(2), P(1), MADV_SEQUENTIAL), 0);
	CHECK(one_vma(arena + P(1), arena + P(2)));
	CHECK(one_vma(arena + P(2), arena + P(3)));
	CHECK_EQ(sys_madvise(arena + P(1), P(2), MADV_NORMAL), 0);
	CHECK(one_vma(arena, arena + P(4)));
	unmap_arena();
}

static void child_reads_dontfork(unsigned long addr)
{
	(void)byte_at(addr);	/* not mapped in the child: SIGSEGV */
}

static void child_checks_wipeonfork(unsigned long addr)
{
	CHECK_EQ(byte_at(addr), 0);		/* wiped */
	CHECK_EQ(byte_at(addr + P(1)), 'k');	/* kept */
}

/* D W K: the child has no D, an empty W, and K's data. */
static void test_dontfork_wipeonfork(void)
{
	map(0, 3, RW, 0);
	put_byte(arena, 'd');
	put_byte(arena + P(1), 'w');
	put_byte(arena + P(2), 'k');
	CHECK_EQ(sys_madvise(arena, P(1), MADV_DONTFORK), 0);
	CHECK_EQ(sys_madvise(arena + P(1), P(1), MADV_WIPEONFORK), 0);
	CHECK_KILLED(utest_in_child(child_reads_dontfork, arena), 11);
	CHECK_EXITED(utest_in_child(child_checks_wipeonfork, arena + P(1)), 0);
	counters_prefault();	/* fork made our pages copy-on-write */
	CHECK_EQ(byte_at(arena), 'd');
	CHECK_EQ(byte_at(arena + P(1)), 'w');
	unmap_arena();
}

/* The mincore vector of @n pages from @addr as a string of 0/1. */
static long vector(unsigned long addr, int n, char *out)
{
	unsigned char vec[ARENA_PAGES];
	long ret;

	memset(vec, 9, sizeof(vec));
	ret = sys_mincore(addr, P(n), vec);
	for (int i = 0; i < n; i++)
		out[i] = vec[i] == 9 ? '-' : (char)('0' + (vec[i] & 1));
	out[n] = '\0';
	return ret;
}

/*
 * Anonymous A (4 pages): page 0 written, page 2 read, the others not:
 * the faults say 1 zero-page map and one new page, and mincore 1010.
 * A file F of 4 pages, only page 0 touched: 1111 (its pages are in the
 * page cache). Then the errors.
 *
 *	arena: page 0    4    6       10
 *	            AAAA .... FFFF
 */
static void test_mincore_vector(void)
{
	int fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	struct vm_counters a, b;
	unsigned char vec[4];
	char s[ARENA_PAGES + 1];

	map(0, 4, RW, 0);
	CHECK_EQ(sys_mmap2(arena + P(6), P(4), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, fd, 0),
		 (long)(arena + P(6)));
	sys_close(fd);
	CHECK_EQ(vector(arena, 4, s), 0);
	CHECK_STREQ(s, "0000");
	counters_read(&a);
	put_byte(arena, 1);
	(void)byte_at(arena + P(2));
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 2, .zero = 1, .anon = 1,
		     .tables = ANY_DELTA);
	CHECK_EQ(vector(arena, 4, s), 0);
	CHECK_STREQ(s, "1010");
	(void)byte_at(arena + P(6));
	CHECK_EQ(vector(arena + P(6), 4, s), 0);
	CHECK_STREQ(s, "1111");

	/* a partial vector: A's 4 bytes written, then the hole: ENOMEM */
	CHECK_EQ(vector(arena, 6, s), -ENOMEM);
	CHECK_STREQ(s, "1010--");
	CHECK_EQ(sys_mincore(arena + 1, P(1), vec), -EINVAL);
	CHECK_EQ(sys_mincore(arena + 1, 0, vec), -EINVAL);
	CHECK_EQ(sys_mincore(arena + P(4), 0, vec), 0);
	CHECK_EQ(sys_mincore(arena + P(4), P(1), vec), -ENOMEM);
	CHECK_EQ(sys_mincore(TASK_SIZE - P(2), P(3), vec), -ENOMEM);
	CHECK_EQ(sys_mincore(TASK_SIZE, P(1), vec), -ENOMEM);
	CHECK_EQ(sys_mincore(arena, P(1), (unsigned char *)TASK_SIZE),
		 -EFAULT);
	/* the vector's range is checked before the VMAs are */
	CHECK_EQ(sys_mincore(arena + P(4), P(1), (unsigned char *)TASK_SIZE),
		 -EFAULT);
	/* a vector in user space that faults: only when it is written */
	CHECK_EQ(sys_mincore(arena, P(1), (unsigned char *)(arena + P(5))),
		 -EFAULT);
	CHECK_EQ(sys_mincore(arena + P(4), P(1),
			     (unsigned char *)(arena + P(5))), -ENOMEM);
	unmap_arena();
}

/*
 * WILLNEED on anonymous memory maps nothing (Linux without swap does
 * nothing): reading afterwards still faults. On a file: the pages are in
 * the page cache (mincore 1) and not mapped (the read faults).
 */
static void test_willneed(void)
{
	int fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	struct vm_counters a, b;
	char s[8];

	map(0, 2, RW, 0);
	CHECK_EQ(sys_madvise(arena, P(2), MADV_WILLNEED), 0);
	CHECK_EQ(vector(arena, 2, s), 0);
	CHECK_STREQ(s, "00");
	counters_read(&a);
	(void)byte_at(arena);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1, .zero = 1, .tables = ANY_DELTA);
	CHECK_EQ(sys_mmap2(arena + P(4), P(4), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, fd, 0),
		 (long)(arena + P(4)));
	sys_close(fd);
	CHECK_EQ(sys_madvise(arena + P(4), P(4), MADV_WILLNEED), 0);
	CHECK_EQ(vector(arena + P(4), 4, s), 0);
	CHECK_STREQ(s, "1111");
	counters_read(&a);
	CHECK_EQ(byte_at(arena + P(5)), data_file_byte("page", P(1), 0));
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1);
	unmap_arena();
}

/*
 *	arena: page 0    3    4
 *	            AA . L          A rw, L rw locked
 */
static const struct {
	const char *name;
	unsigned long addr, len;
	int flags, err;
} msync_rows[] = {
	{ "no_flags", AT(0, 0), P(1), 0, 0 },
	{ "async", AT(0, 0), P(2), MS_ASYNC, 0 },
	{ "sync", AT(0, 0), P(2), MS_SYNC, 0 },
	{ "invalidate", AT(0, 0), P(1), MS_INVALIDATE, 0 },
	{ "async_invalidate", AT(0, 0), P(1), MS_ASYNC | MS_INVALIDATE, 0 },
	{ "sync_invalidate", AT(0, 0), P(1), MS_SYNC | MS_INVALIDATE, 0 },
	{ "async_and_sync", AT(0, 0), P(1), MS_ASYNC | MS_SYNC, EINVAL },
	{ "all_three", AT(0, 0), P(1), 7, EINVAL },
	{ "unknown_flag", AT(0, 0), P(1), 8, EINVAL },
	{ "flags_before_alignment", AT(2, 1), P(1), 16, EINVAL },
	{ "unaligned", AT(0, 1), P(1), MS_SYNC, EINVAL },
	{ "length_wraps", AT(0, 0), -P(1), MS_SYNC, ENOMEM },
	{ "zero_length_in_a_hole", AT(2, 0), 0, MS_SYNC, 0 },
	{ "hole_async", AT(2, 0), P(1), MS_ASYNC, ENOMEM },
	{ "hole_sync", AT(2, 0), P(1), MS_SYNC, ENOMEM },
	{ "across_the_hole", AT(0, 0), P(4), MS_SYNC, ENOMEM },
	{ "past_the_end", AT(3, 0), P(2), 0, ENOMEM },
	{ "invalidate_locked", AT(3, 0), P(1), MS_INVALIDATE, EBUSY },
	{ "invalidate_hole_then_locked", AT(0, 0), P(4), MS_INVALIDATE,
	  EBUSY },
	{ "sync_locked", AT(3, 0), P(1), MS_SYNC, 0 },
};

static void test_msync_table(void)
{
	unsigned int i;

	map(0, 2, RW, 0);
	map(3, 4, RW, PA | MAP_LOCKED);
	for (i = 0; i < sizeof(msync_rows) / sizeof(msync_rows[0]); i++) {
		long got = sys_msync(arena + msync_rows[i].addr,
				     msync_rows[i].len, msync_rows[i].flags);

		if (got != -msync_rows[i].err)
			check_failed(__FILE__, __LINE__, "%s: got %s, want %s",
				     msync_rows[i].name, utest_errname(got),
				     utest_errname(-msync_rows[i].err));
	}
	unmap_arena();
}

int main(void)
{
	long a;

	utest_begin("madvise");
	proc_ensure();
	counters_prefault();
	a = sys_mmap2(0, P(ARENA_PAGES), PROT_NONE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(a) || sys_munmap((unsigned long)a, P(ARENA_PAGES))) {
		utest_diag("no arena: %s", utest_errname(a));
		return 1;
	}
	arena = (unsigned long)a;
	utest_run("madvise_errno_table", test_madvise_errno_table);
	utest_run("dontneed_zeroes_and_frees", test_dontneed_zeroes_and_frees);
	utest_run("dontneed_across_a_hole", test_dontneed_across_a_hole);
	utest_run("dontneed_file", test_dontneed_file);
	utest_run("random_splits_normal_merges",
		  test_random_splits_normal_merges);
	utest_run("dontfork_wipeonfork", test_dontfork_wipeonfork);
	utest_run("mincore_vector", test_mincore_vector);
	utest_run("willneed", test_willneed);
	utest_run("msync_table", test_msync_table);
	return utest_end();
}
