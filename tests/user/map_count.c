/*
 * tests/user/map_count.c - the max_map_count limit (65530 VMAs).
 *
 * Fills the address space with one-page mappings whose protections
 * alternate (PROT_NONE, PROT_READ, ...), so that no two neighbours can
 * merge and each mmap adds one VMA, until mmap fails. Then, at the limit:
 *
 *	- that failure is ENOMEM. do_mmap refuses only when map_count >
 *	  max_map_count, so mmap itself brings the count to 65531. Observed
 *	  on 6.1 armmp: 65524 filled + this program's 3-page VMA + (by our
 *	  count) 6 of Linux's: text, data, stack, sigpage, vvar, vdso;
 *	- even a mapping that would merge with its neighbour is refused:
 *	  the count is checked before the neighbours are looked at;
 *	- munmap of the middle page of a 3-page VMA would need one more VMA:
 *	  ENOMEM (do_mas_align_munmap), and mprotect of it likewise
 *	  (split_vma);
 *	- munmap of the head page of that VMA splits and removes, leaving
 *	  the count as it was: allowed;
 *	- after one whole VMA is unmapped, mmap works again, once.
 *
 * How many VMAs the program had before it started (text, data, stack,
 * Linux's vdso...) is not known to it, so the count at the limit is only
 * checked to be close to 65530; every other check is exact.
 * Observed on 6.1 armmp.
 */
#include "kernel/errno.h"
#include "procfs.h"
#include "mm/memlayout.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((n) * PAGE_SIZE)
#define PA (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)

static unsigned long three;	/* a 3-page VMA mapped before the fill */
static unsigned long lowest;	/* the last (lowest) page the fill mapped */
static long filled;		/* how many pages the fill mapped */
static long fill_err;		/* and why it stopped */
static long lines_before;	/* lines of /proc/self/maps before the fill */

/* Map one page at a time, alternating protections, until mmap fails. */
static void fill(void)
{
	long ret;

	for (;;) {
		ret = sys_mmap2(0, P(1), (filled & 1) ? PROT_READ : PROT_NONE,
				PA, -1, 0);
		if (sys_is_err(ret))
			break;
		lowest = (unsigned long)ret;
		filled++;
		if (filled > 2 * DEFAULT_MAX_MAP_COUNT)	/* no limit at all */
			break;
	}
	fill_err = ret;
}

/* The fill stops with ENOMEM, close to 65530 VMAs. */
static void test_limit_reached(void)
{
	utest_diag("filled %ld one-page mappings, then %s", filled,
		   utest_errname(fill_err));
	CHECK_EQ(fill_err, -ENOMEM);
	CHECK(filled <= DEFAULT_MAX_MAP_COUNT);
	CHECK(filled >= DEFAULT_MAX_MAP_COUNT - 64);
}

/* The lines of /proc/self/maps, read in pieces; or -errno. */
static long maps_lines(void)
{
	static char buf[4096];	/* static: reading must not map anything */
	long fd = sys_open("/proc/self/maps", 0 /* O_RDONLY */, 0);
	long n, i, lines = 0;

	if (fd < 0)
		return fd;
	while ((n = sys_read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			lines += buf[i] == '\n';
	sys_close(fd);
	return n < 0 ? n : lines;
}

/*
 * /proc/self/maps lists every VMA, also at the limit (Linux streams it
 * through seq_file; the file is 3 MB then): one line more per mapping
 * the fill made.
 */
static void test_maps_lists_all(void)
{
	CHECK(lines_before > 0);
	CHECK_EQ(maps_lines(), lines_before + filled);
}

/* At the limit, nothing that needs one more VMA succeeds. */
static void test_split_refused_at_limit(void)
{
	CHECK_EQ(sys_mmap2(0, P(1), PROT_READ, PA, -1, 0), -ENOMEM);
	CHECK_EQ(sys_munmap(three + P(1), P(1)), -ENOMEM);
	CHECK_EQ(sys_mprotect(three + P(1), P(1), PROT_NONE), -ENOMEM);
	/* would merge with lowest (same flags, adjacent): still refused */
	CHECK_EQ(sys_mmap2(lowest - P(1), P(1), (filled & 1) ? PROT_NONE :
			   PROT_READ, PA | MAP_FIXED_NOREPLACE, -1, 0),
		 -ENOMEM);
}

/* Unmapping the head of a VMA keeps the count, so it is allowed. */
static void test_head_unmap_allowed(void)
{
	CHECK_EQ(sys_munmap(three, P(1)), 0);
	three += P(1);			/* now a 2-page VMA */
	CHECK_EQ(sys_munmap(three + P(1), P(1)), 0);	/* its tail */
	CHECK_EQ(sys_mmap2(0, P(1), PROT_READ, PA, -1, 0), -ENOMEM);
}

/* Unmapping one whole VMA makes room for exactly one more. */
static void test_room_after_unmap(void)
{
	long ret;

	CHECK_EQ(sys_munmap(lowest, P(1)), 0);
	ret = sys_mmap2(0, P(1), PROT_READ, PA, -1, 0);
	CHECK(!sys_is_err(ret));
	CHECK_EQ(sys_mmap2(0, P(1), PROT_READ, PA, -1, 0), -ENOMEM);
	if (!sys_is_err(ret))
		CHECK_EQ(sys_munmap((unsigned long)ret, P(1)), 0);
}

int main(void)
{
	long ret;

	utest_begin("map_count");
	ret = sys_mmap2(0, P(3), PROT_READ | PROT_WRITE, PA, -1, 0);
	if (sys_is_err(ret)) {
		utest_diag("cannot map: %s", utest_errname(ret));
		return 1;
	}
	three = (unsigned long)ret;
	lines_before = proc_ensure() ? maps_lines() : -1;
	fill();		/* its first page is PROT_NONE: no merge with three */
	utest_run("limit_reached", test_limit_reached);
	utest_run("maps_lists_every_vma", test_maps_lists_all);
	utest_run("split_refused_at_limit", test_split_refused_at_limit);
	utest_run("head_unmap_allowed", test_head_unmap_allowed);
	utest_run("room_after_unmap", test_room_after_unmap);
	return utest_end();
}
