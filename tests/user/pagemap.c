/*
 * tests/user/pagemap.c - /proc/PID/pagemap and /proc/self/smaps as Linux
 * 6.1 shows them, on topdown and on Linux alike (tests/user/PROGRAMS:
 * both). Each entry of pagemap is 8 bytes about one virtual page: bit 63
 * present, bit 61 page cache (file or shmem), bit 56 mapped once, bits
 * 0-54 the frame number (Documentation/admin-guide/mm/pagemap.rst).
 *
 *	zero_page_reads_share_a_frame	eight read faults: eight entries on
 *				one frame, the zero page (present, neither
 *				exclusive nor page cache); no Rss in smaps
 *	writes_own_frames	each written page its own frame, mapped once;
 *				an untouched page entry 0; mincore, the fault
 *				counters and smaps (Rss, Anonymous,
 *				Private_Dirty) say the same
 *	dontneed_shows_the_zero_page	MADV_DONTNEED: the entries 0, the
 *				pages freed (topdown's counters), a read maps
 *				the zero page's frame again
 *	shmem_pages		MAP_SHARED|MAP_ANONYMOUS: page cache frames;
 *				read ones clean, written ones dirty in smaps
 *	shared_frame_across_fork  parent and child (the parent reads
 *				/proc/CHILD/pagemap): the MAP_SHARED page
 *				and the not yet copied private page on the
 *				same frames, mapped twice; the child's write
 *				copies the private page to a new frame and
 *				the parent's is mapped once again
 *	bulk_read		one read of 130 entries is the 130 reads of
 *				one
 *	read_errors		the count and position must be multiples of
 *				8 (EINVAL); at and past TASK_SIZE a read
 *				ends (0); a bad buffer is EFAULT
 *	after_the_task_exits	an open pagemap of a task that is gone
 *				reads 0 bytes
 *
 * Only anonymous and shmem memory is looked at: for file pages Linux
 * maps the cached neighbours of a faulting page too (fault-around),
 * which topdown does not.
 */
#include <stdio.h>
#include <string.h>
#include "counters.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((unsigned long)(n) * PAGE_SIZE)
#define RW (PROT_READ | PROT_WRITE)
#define KB(pages) ((long)(pages) * (long)(PAGE_SIZE / 1024))

/* The frame of the zero page, found once in main(). */
static unsigned long zero_pfn;

static unsigned long map_anon(int pages, int flags)
{
	long a = sys_mmap2(0, P(pages), RW, flags | MAP_ANONYMOUS, -1, 0);

	CHECK(!sys_is_err(a));
	return sys_is_err(a) ? 0 : (unsigned long)a;
}

static char byte_at(unsigned long addr)
{
	return *(volatile char *)addr;
}

static void put_byte(unsigned long addr, char c)
{
	*(volatile char *)addr = c;
}

/* The pagemap entry of @addr in task @pid (0: self); 0 if unreadable. */
static uint64_t entry_of(int pid, unsigned long addr)
{
	uint64_t e = 0;
	long err = pagemap_read(pid, addr, &e);

	if (err)
		check_failed(__FILE__, __LINE__, "pagemap of %#lx: %s", addr,
			     utest_errname(err));
	return err ? 0 : e;
}

/* The /proc/self/smaps line @name of the VMA at @start, in kB (-1: none). */
static long smaps_kb(unsigned long start, const char *name)
{
	long kb = -1;

	if (!smaps_value(start, name, &kb))
		check_failed(__FILE__, __LINE__, "no \"%s\" for %#lx in smaps",
			     name, start);
	return kb;
}

/* The mincore vector of @n pages from @addr as a string of 0/1. */
static void vector(unsigned long addr, int n, char *out)
{
	unsigned char vec[8];

	CHECK_EQ(sys_mincore(addr, P(n), vec), 0);
	for (int i = 0; i < n; i++)
		out[i] = (char)('0' + (vec[i] & 1));
	out[n] = '\0';
}

/* An anonymous page, read: entry present on the zero page's frame only. */
static void check_zero_entry(uint64_t e)
{
	CHECK_EQ(e & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE), PM_PRESENT);
	CHECK_EQ(PM_PFN(e), zero_pfn);
}

static void test_zero_page_reads_share_a_frame(void)
{
	unsigned long a = map_anon(8, MAP_PRIVATE);
	struct vm_counters before, after;
	char s[9];

	counters_read(&before);
	for (int i = 0; i < 8; i++)
		CHECK_EQ(byte_at(a + P(i)), 0);
	counters_read(&after);
	CHECK_DELTAS(&before, &after, .faults = 8, .zero = 8,
		     .tables = ANY_DELTA);
	CHECK_NE(zero_pfn, 0);
	for (int i = 0; i < 8; i++)
		check_zero_entry(entry_of(0, a + P(i)));
	vector(a, 8, s);
	CHECK_STREQ(s, "11111111");
	/* the zero page is no page of the task's: smaps does not count it */
	CHECK_EQ(smaps_kb(a, "Size"), KB(8));
	CHECK_EQ(smaps_kb(a, "Rss"), 0);
	CHECK_EQ(sys_munmap(a, P(8)), 0);
}

/*
 * Four pages: 0 and 1 written, 2 read then written (a zero-page map,
 * then the upgrade), 3 untouched.
 */
static void test_writes_own_frames(void)
{
	unsigned long a = map_anon(4, MAP_PRIVATE);
	struct vm_counters before, after;
	uint64_t e[4];
	char s[5];

	counters_read(&before);
	put_byte(a, 'a');
	put_byte(a + P(1), 'b');
	CHECK_EQ(byte_at(a + P(2)), 0);
	put_byte(a + P(2), 'c');
	counters_read(&after);
	CHECK_DELTAS(&before, &after, .faults = 4, .zero = 1, .anon = 3,
		     .tables = ANY_DELTA);
	for (int i = 0; i < 4; i++)
		e[i] = entry_of(0, a + P(i));
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(e[i] & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE),
			 PM_PRESENT | PM_MMAP_EXCLUSIVE);
		CHECK_NE(PM_PFN(e[i]), zero_pfn);
		CHECK_NE(PM_PFN(e[i]), 0);
	}
	CHECK_NE(PM_PFN(e[0]), PM_PFN(e[1]));
	CHECK_NE(PM_PFN(e[1]), PM_PFN(e[2]));
	CHECK_NE(PM_PFN(e[0]), PM_PFN(e[2]));
	CHECK_EQ(e[3], 0);
	vector(a, 4, s);
	CHECK_STREQ(s, "1110");
	/* three pages of the task's own, written: anonymous, private, dirty */
	CHECK_EQ(smaps_kb(a, "Rss"), KB(3));
	CHECK_EQ(smaps_kb(a, "Pss"), KB(3));
	CHECK_EQ(smaps_kb(a, "Anonymous"), KB(3));
	CHECK_EQ(smaps_kb(a, "Private_Dirty"), KB(3));
	CHECK_EQ(smaps_kb(a, "Private_Clean"), 0);
	CHECK_EQ(smaps_kb(a, "Shared_Clean") + smaps_kb(a, "Shared_Dirty"), 0);
	CHECK_EQ(sys_munmap(a, P(4)), 0);
}

static void test_dontneed_shows_the_zero_page(void)
{
	unsigned long a = map_anon(4, MAP_PRIVATE);
	struct vm_counters before, after;

	for (int i = 0; i < 4; i++)
		put_byte(a + P(i) + 9, (char)('w' + i));
	counters_read(&before);
	CHECK_EQ(sys_madvise(a, P(4), MADV_DONTNEED), 0);
	counters_read(&after);
	/* the four pages, and perhaps the L2 table that topdown frees */
	if (counters_topdown(&before))
		CHECK(after.nr_free_pages - before.nr_free_pages >= 4);
	for (int i = 0; i < 4; i++)
		CHECK_EQ(entry_of(0, a + P(i)), 0);
	CHECK_EQ(smaps_kb(a, "Rss"), 0);
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(byte_at(a + P(i) + 9), 0);
		check_zero_entry(entry_of(0, a + P(i)));
	}
	CHECK_EQ(sys_munmap(a, P(4)), 0);
}

/*
 * Shared anonymous memory is shmem: its pages are in a page cache, each
 * of its own (a read allocates one, no zero page), and smaps keeps read
 * pages clean and written ones dirty. Page 0 read, 1 and 2 written, 3
 * untouched.
 */
static void test_shmem_pages(void)
{
	unsigned long a = map_anon(4, MAP_SHARED);
	uint64_t e[4];
	char s[5];

	CHECK_EQ(byte_at(a), 0);
	put_byte(a + P(1), 1);
	put_byte(a + P(2), 2);
	for (int i = 0; i < 4; i++)
		e[i] = entry_of(0, a + P(i));
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(e[i] & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE),
			 PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE);
		CHECK_NE(PM_PFN(e[i]), zero_pfn);
	}
	CHECK_NE(PM_PFN(e[0]), PM_PFN(e[1]));
	CHECK_NE(PM_PFN(e[1]), PM_PFN(e[2]));
	CHECK_EQ(e[3], 0);
	vector(a, 4, s);
	CHECK_STREQ(s, "1110");
	CHECK_EQ(smaps_kb(a, "Rss"), KB(3));
	CHECK_EQ(smaps_kb(a, "Anonymous"), 0);
	CHECK_EQ(smaps_kb(a, "Private_Clean"), KB(1));
	CHECK_EQ(smaps_kb(a, "Private_Dirty"), KB(2));
	CHECK_EQ(sys_munmap(a, P(4)), 0);
}

/* The handshake of the fork test, in the shared page at this offset. */
#define FLAG(shared) ((volatile int *)((shared) + 64))

/*
 * S shared, A private, both written by the parent. The child reads both
 * (Linux does not copy a shared mapping's entries at fork: the read
 * faults S in), says 1; the parent compares, says 2; the child writes A,
 * says 3; the parent compares again, says 4 and the child ends.
 */
static void test_shared_frame_across_fork(void)
{
	unsigned long s = map_anon(1, MAP_SHARED);
	unsigned long a = map_anon(1, MAP_PRIVATE);
	uint64_t ps, cs, pa, ca;
	int status = -1;
	long pid;

	put_byte(s, 's');
	put_byte(a, 'a');
	pid = utest_fork();
	if (pid == 0) {
		CHECK_EQ(byte_at(s), 's');
		CHECK_EQ(byte_at(a), 'a');
		*FLAG(s) = 1;
		if (utest_await(FLAG(s), 2)) {
			put_byte(a, 'c');
			*FLAG(s) = 3;
			utest_await(FLAG(s), 4);
		}
		utest_child_exit();
	}
	counters_prefault();	/* fork made our pages copy-on-write */
	if (pid < 0 || !utest_await(FLAG(s), 1)) {
		check_failed(__FILE__, __LINE__, "the child did not start");
		return;
	}
	ps = entry_of(0, s);
	cs = entry_of((int)pid, s);
	pa = entry_of(0, a);
	ca = entry_of((int)pid, a);
	CHECK_EQ(ps & ~PM_MMAP_EXCLUSIVE, cs);	/* one frame, mapped twice */
	CHECK_EQ(cs & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE),
		 PM_PRESENT | PM_FILE);
	CHECK_EQ(ps & PM_MMAP_EXCLUSIVE, 0);
	CHECK_EQ(pa, ca);			/* copy-on-write: not yet */
	CHECK_EQ(ca & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE), PM_PRESENT);
	*FLAG(s) = 2;
	CHECK(utest_await(FLAG(s), 3));
	ca = entry_of((int)pid, a);
	CHECK_EQ(ca & (PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE),
		 PM_PRESENT | PM_MMAP_EXCLUSIVE);
	CHECK_NE(PM_PFN(ca), PM_PFN(pa));
	CHECK_EQ(entry_of(0, a), pa | PM_MMAP_EXCLUSIVE);
	CHECK_EQ(byte_at(a), 'a');
	*FLAG(s) = 4;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(sys_munmap(s, P(1)), 0);
	CHECK_EQ(sys_munmap(a, P(1)), 0);
}

/*
 * 130 pages (a read crosses topdown's chunks of 64 entries), every third
 * written: one read of all the entries, then each alone.
 */
static uint64_t bulk[130];

static void test_bulk_read(void)
{
	unsigned long a = map_anon(130, MAP_PRIVATE);
	long fd = sys_open("/proc/self/pagemap", LINUX_O_RDONLY, 0);

	CHECK(fd >= 0);
	for (int i = 0; i < 130; i += 3)
		put_byte(a + P(i), 1);
	CHECK_EQ(sys_lseek((int)fd, (long)(a / PAGE_SIZE * 8), 0),
		 (long)(a / PAGE_SIZE * 8));
	CHECK_EQ(sys_read((int)fd, bulk, sizeof(bulk)), (long)sizeof(bulk));
	CHECK_EQ(sys_lseek((int)fd, 0, 1 /* SEEK_CUR */),
		 (long)((a / PAGE_SIZE + 130) * 8));
	sys_close((int)fd);
	for (int i = 0; i < 130; i++) {
		CHECK_EQ(bulk[i], entry_of(0, a + P(i)));
		CHECK_EQ(!!(bulk[i] & PM_PRESENT), i % 3 == 0);
	}
	CHECK_EQ(sys_munmap(a, P(130)), 0);
}

static void test_read_errors(void)
{
	long fd = sys_open("/proc/self/pagemap", LINUX_O_RDONLY, 0);
	long last = (long)(TASK_SIZE / PAGE_SIZE * 8);
	uint64_t e[4];

	CHECK(fd >= 0);
	CHECK_EQ(sys_read((int)fd, e, 7), -EINVAL);
	CHECK_EQ(sys_read((int)fd, e, 0), 0);
	CHECK_EQ(sys_lseek((int)fd, 3, 0), 3);
	CHECK_EQ(sys_read((int)fd, e, 8), -EINVAL);
	CHECK_EQ(sys_read((int)fd, e, 0), -EINVAL);	/* the position first */
	CHECK_EQ(sys_lseek((int)fd, last, 0), last);
	CHECK_EQ(sys_read((int)fd, e, 8), 0);		/* TASK_SIZE: the end */
	CHECK_EQ(sys_lseek((int)fd, last - 8, 0), last - 8);
	CHECK_EQ(sys_read((int)fd, e, sizeof(e)), 8);	/* the last entry */
	CHECK_EQ(sys_lseek((int)fd, 0x7ffffff8, 0), 0x7ffffff8);
	CHECK_EQ(sys_read((int)fd, e, 8), 0);		/* far past it */
	CHECK_EQ(sys_lseek((int)fd, 0, 0), 0);
	CHECK_EQ(sys_read((int)fd, NULL, 8), -EFAULT);
	CHECK_EQ(sys_read((int)fd, (void *)TASK_SIZE, 8), -EFAULT);
	sys_close((int)fd);
}

static void test_after_the_task_exits(void)
{
	unsigned long s = map_anon(1, MAP_SHARED);
	char path[32];
	uint64_t e = 1;
	int status = -1;
	long pid, fd;

	pid = utest_fork();
	if (pid == 0) {
		utest_await(FLAG(s), 1);
		utest_child_exit();
	}
	counters_prefault();
	CHECK(pid > 0);
	if (pid <= 0)
		return;
	snprintf(path, sizeof(path), "/proc/%ld/pagemap", pid);
	fd = sys_open(path, LINUX_O_RDONLY, 0);
	CHECK(fd >= 0);
	CHECK_EQ(sys_lseek((int)fd, (long)(s / PAGE_SIZE * 8), 0),
		 (long)(s / PAGE_SIZE * 8));
	CHECK_EQ(sys_read((int)fd, &e, 8), 8);	/* alive: an entry */
	*FLAG(s) = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(sys_lseek((int)fd, 0, 0), 0);
	CHECK_EQ(sys_read((int)fd, &e, 8), 0);	/* its mm is gone */
	sys_close((int)fd);
	CHECK_EQ(sys_munmap(s, P(1)), 0);
}

/* The zero page's frame: what a read of a fresh private page maps. */
static unsigned long find_zero_pfn(void)
{
	long a = sys_mmap2(0, P(1), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			   -1, 0);
	uint64_t e = 0;

	if (sys_is_err(a))
		return 0;
	(void)byte_at((unsigned long)a);
	pagemap_read(0, (unsigned long)a, &e);
	sys_munmap((unsigned long)a, P(1));
	return (e & PM_PRESENT) ? PM_PFN(e) : 0;
}

int main(void)
{
	utest_begin("pagemap");
	if (!proc_ensure()) {
		utest_diag("no /proc");
		return 1;
	}
	counters_prefault();
	zero_pfn = find_zero_pfn();
	utest_run("zero_page_reads_share_a_frame",
		  test_zero_page_reads_share_a_frame);
	utest_run("writes_own_frames", test_writes_own_frames);
	utest_run("dontneed_shows_the_zero_page",
		  test_dontneed_shows_the_zero_page);
	utest_run("shmem_pages", test_shmem_pages);
	utest_run("shared_frame_across_fork", test_shared_frame_across_fork);
	utest_run("bulk_read", test_bulk_read);
	utest_run("read_errors", test_read_errors);
	utest_run("after_the_task_exits", test_after_the_task_exits);
	return utest_end();
}
