/*
 * tests/user/map_sync.c - MAP_SYNC outside DAX, as Linux 6.1 treats it.
 * mmap turns MAP_SYNC into VM_SYNC for every mapping that is not refused
 * (only MAP_SHARED_VALIDATE on a file without DAX refuses it): anonymous,
 * private, and plain MAP_SHARED of a file, whose unknown flags are dropped
 * only after vm_flags were computed. VM_SYNC is invisible in
 * /proc/self/maps but keeps VMAs apart: two neighbours merge only if both
 * have it or neither has. Each case counts the VMAs the maps show.
 */
#include "kernel/errno.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define P(n) ((unsigned long)(n) * PAGE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

static unsigned long base;	/* 4 free pages, from unmapped_page() */

/* How many VMAs of /proc/self/maps lie in [base, base + 4 pages). */
static int vmas_in_range(void)
{
	struct map_entry e;
	unsigned long a = base;
	int n = 0;

	while (a < base + P(4)) {
		if (!maps_find(a, &e)) {
			a += PAGE;
			continue;
		}
		n++;
		a = e.end;
	}
	return n;
}

/* A MAP_SYNC page between two plain ones: three VMAs, not one. */
static void test_sync_page_does_not_merge_with_plain_neighbours(void)
{
	CHECK_EQ(sys_mmap2(base, P(3), PROT_READ, ANON, -1, 0), (long)base);
	CHECK_EQ(vmas_in_range(), 1);
	CHECK_EQ(sys_mmap2(base + P(1), P(1), PROT_READ, ANON | MAP_SYNC, -1,
			   0), (long)(base + P(1)));
	CHECK_EQ(vmas_in_range(), 3);
	/* a second MAP_SYNC page next to it: those two merge */
	CHECK_EQ(sys_mmap2(base + P(2), P(1), PROT_READ, ANON | MAP_SYNC, -1,
			   0), (long)(base + P(2)));
	CHECK_EQ(vmas_in_range(), 2);
	CHECK_EQ(sys_munmap(base, P(4)), 0);
}

/* mprotect giving both the same access does not merge them either. */
static void test_mprotect_keeps_them_apart(void)
{
	CHECK_EQ(sys_mmap2(base, P(1), PROT_READ, ANON, -1, 0), (long)base);
	CHECK_EQ(sys_mmap2(base + P(1), P(1), PROT_NONE, ANON | MAP_SYNC, -1,
			   0), (long)(base + P(1)));
	CHECK_EQ(vmas_in_range(), 2);
	CHECK_EQ(sys_mprotect(base + P(1), P(1), PROT_READ), 0);
	CHECK_EQ(vmas_in_range(), 2);
	CHECK_EQ(sys_munmap(base, P(4)), 0);
}

/*
 * A file: MAP_SHARED_VALIDATE | MAP_SYNC is refused, plain MAP_SHARED |
 * MAP_SYNC is not, and its VMA keeps VM_SYNC: the next page of the same
 * file, mapped without it, stays a VMA of its own.
 */
static void test_shared_file_keeps_vm_sync(void)
{
	long fd = sys_open("/data/scratch", LINUX_O_RDWR, 0);
	int rw = PROT_READ | PROT_WRITE;

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK_EQ(sys_mmap2(base, P(1), rw,
			   MAP_SHARED_VALIDATE | MAP_SYNC | MAP_FIXED, fd, 0),
		 -EOPNOTSUPP);
	CHECK_EQ(sys_mmap2(base, P(1), rw, MAP_SHARED | MAP_SYNC | MAP_FIXED,
			   fd, 0), (long)base);
	CHECK_EQ(sys_mmap2(base + P(1), P(1), rw, MAP_SHARED | MAP_FIXED, fd,
			   1), (long)(base + P(1)));
	CHECK_EQ(vmas_in_range(), 2);
	/* the same two without MAP_SYNC are one VMA */
	CHECK_EQ(sys_mmap2(base, P(1), rw, MAP_SHARED | MAP_FIXED, fd, 0),
		 (long)base);
	CHECK_EQ(vmas_in_range(), 1);
	CHECK_EQ(sys_munmap(base, P(4)), 0);
	sys_close(fd);
}

int main(void)
{
	utest_begin("map_sync");
	if (!proc_ensure())
		return 1;
	base = unmapped_page();
	if (!base)
		return 1;
	utest_run("sync_page_does_not_merge_with_plain_neighbours",
		  test_sync_page_does_not_merge_with_plain_neighbours);
	utest_run("mprotect_keeps_them_apart", test_mprotect_keeps_them_apart);
	utest_run("shared_file_keeps_vm_sync", test_shared_file_keeps_vm_sync);
	return utest_end();
}
