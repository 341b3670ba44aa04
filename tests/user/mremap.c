/*
 * tests/user/mremap.c - mremap(2) as Linux 6.1 answers it, on topdown
 * and on Linux alike (tests/user/PROGRAMS: both).
 *
 *	errno_table		a table of calls that must fail, with the
 *				errno Linux gives and in Linux's order
 *				(flags, alignment, lengths, no mapping at
 *				the address, the new range, the old range in
 *				one VMA, may not move); none changes the maps
 *	shrink			the tail is unmapped in place, whatever it
 *				spans (VMAs and holes)
 *	grow_in_place		free above: the VMA grows, its pages stay
 *				(reading them again faults nothing)
 *	grow_blocked_then_moved	ENOMEM without MREMAP_MAYMOVE; with it a new
 *				place, the data there, the old range gone;
 *				the page table entries moved: reading the
 *				moved pages faults nothing, and nothing was
 *				allocated or copied (td_* on topdown), and
 *				pagemap shows the same frames at the new
 *				address
 *	fixed_over_a_mapping	MREMAP_FIXED onto the middle of another
 *				mapping replaces what was there
 *	dontunmap		the old VMA stays, reading zero; the data is
 *				at the new place
 *
 * Addresses are relative to an arena: 32 free pages found by mapping
 * and unmapping them. Moves go wherever the top-down search puts them;
 * only that they do not overlap the old range is asserted.
 *
 *	arena: page 0    4    6    8 9
 *	            AAAA .... BB   C          A rw, B r, C rw
 */
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
#define PA (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define MAY MREMAP_MAYMOVE
#define FIXED (MREMAP_MAYMOVE | MREMAP_FIXED)
#define DONTUNMAP (MREMAP_MAYMOVE | MREMAP_DONTUNMAP)
#define ARENA_PAGES 32

static unsigned long arena;

/* Map arena pages [@lo, @hi) with @prot; a failure is recorded. */
static void map(int lo, int hi, int prot)
{
	CHECK_EQ(sys_mmap2(arena + P(lo), P(hi - lo), prot, PA, -1, 0),
		 (long)(arena + P(lo)));
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

/* Is nothing of /proc/self/maps in [@start, @end)? */
static bool unmapped(unsigned long start, unsigned long end)
{
	struct map_entry e;

	return !maps_find(start, &e) || e.start >= end;
}

/* Write a byte naming each of @n pages from @addr. */
static void fill(unsigned long addr, int n, char tag)
{
	for (int i = 0; i < n; i++)
		*(volatile char *)(addr + P(i)) = (char)(tag + i);
}

static char byte_at(unsigned long addr)
{
	return *(volatile char *)addr;
}

/*
 * A row: the call, mremap(arena + addr, old_len, new_len, flags,
 * arena + new_addr) (new_addr absolute for fixed_past_task_size), each
 * address in pages plus a few bytes where a row wants it unaligned.
 */
#define AT(page, bytes) (P(page) + (bytes))

static const struct {
	const char *name;
	unsigned long addr, old_len, new_len;
	int flags;
	unsigned long new_addr;
	int err;
	const char *why;
} rows[] = {
	{ "unknown_flag", AT(0, 0), P(1), P(2), 8, 0, EINVAL,
	  "flags & ~(FIXED|MAYMOVE|DONTUNMAP)" },
	{ "unknown_flag_in_a_hole", AT(4, 0), P(1), P(2), 0x10, 0, EINVAL,
	  "the flags are checked first" },
	{ "fixed_without_maymove", AT(0, 0), P(1), P(1), MREMAP_FIXED,
	  AT(20, 0), EINVAL, "MREMAP_FIXED needs MREMAP_MAYMOVE" },
	{ "dontunmap_without_maymove", AT(0, 0), P(1), P(1), MREMAP_DONTUNMAP,
	  0, EINVAL, "MREMAP_DONTUNMAP needs MREMAP_MAYMOVE" },
	{ "dontunmap_lengths_differ", AT(0, 0), P(1), P(2), DONTUNMAP, 0,
	  EINVAL, "DONTUNMAP: old_len != new_len" },
	{ "dontunmap_lengths_differ_unrounded", AT(0, 0), P(1), P(1) - 1,
	  DONTUNMAP, 0, EINVAL, "compared before PAGE_ALIGN" },
	{ "unaligned", AT(0, 1), P(1), P(2), MAY, 0, EINVAL,
	  "offset_in_page(addr)" },
	{ "new_len_zero", AT(0, 0), P(1), 0, MAY, 0, EINVAL, "!new_len" },
	{ "in_a_hole", AT(4, 0), P(1), P(2), MAY, 0, EFAULT,
	  "vma_lookup(addr) finds nothing" },
	{ "in_a_hole_shrinking", AT(4, 0), P(2), P(1), 0, 0, EFAULT,
	  "the lookup comes before the shrink" },
	{ "in_a_hole_fixed", AT(5, 0), P(1), P(1), FIXED, AT(20, 0), EFAULT,
	  "the lookup comes before mremap_to" },
	{ "fixed_unaligned_new_addr", AT(0, 0), P(1), P(1), FIXED, AT(20, 4),
	  EINVAL, "mremap_to: offset_in_page(new_addr)" },
	{ "dontunmap_unaligned_hint", AT(0, 0), P(1), P(1), DONTUNMAP,
	  AT(20, 4), EINVAL, "mremap_to checks new_addr without FIXED too" },
	{ "fixed_past_task_size", AT(0, 0), P(1), P(2), FIXED,
	  TASK_SIZE - P(1), EINVAL, "new_addr > TASK_SIZE - new_len" },
	{ "fixed_overlaps_the_old_range", AT(0, 0), P(4), P(4), FIXED,
	  AT(2, 0), EINVAL, "the two ranges overlap" },
	{ "grow_across_two_vmas", AT(6, 0), P(3), P(4), MAY, 0, EFAULT,
	  "vma_to_resize: old_len > vm_end - addr" },
	{ "private_old_len_zero", AT(0, 0), 0, P(1), MAY, 0, EINVAL,
	  "vma_to_resize: duplicating a private mapping" },
	{ "grow_blocked_no_maymove", AT(6, 0), P(2), P(3), 0, 0, ENOMEM,
	  "C is in the way and it may not move" },
	{ "grow_from_inside_no_maymove", AT(0, 0), P(2), P(3), 0, 0, ENOMEM,
	  "the old range does not end at the VMA's end" },
};

static void test_errno_table(void)
{
	unsigned int i;

	map(0, 4, RW);
	map(6, 8, PROT_READ);
	map(8, 9, RW);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned long new_addr = rows[i].new_addr;
		long got;

		/* offsets are small; the one absolute address is not */
		if (new_addr < TASK_SIZE - P(1))
			new_addr += arena;
		got = sys_mremap(arena + rows[i].addr, rows[i].old_len,
				 rows[i].new_len, rows[i].flags, new_addr);
		if (got != -rows[i].err)
			check_failed(__FILE__, __LINE__,
				     "%s: got %s, want %s (%s)", rows[i].name,
				     utest_errname(got),
				     utest_errname(-rows[i].err), rows[i].why);
		CHECK(one_vma(arena, arena + P(4)));
		CHECK(one_vma(arena + P(6), arena + P(8)));
		CHECK(one_vma(arena + P(8), arena + P(9)));
	}
	unmap_arena();
}

/* Shrinking across A, a hole and B leaves A's first page alone. */
static void test_shrink(void)
{
	map(0, 4, RW);
	map(6, 8, PROT_READ);
	fill(arena, 4, 'a');
	CHECK_EQ(sys_mremap(arena, P(4), P(4), 0, 0), (long)arena);
	CHECK(one_vma(arena, arena + P(4)));
	CHECK_EQ(sys_mremap(arena, P(4) - 5, P(1) + 1, 0, 0), (long)arena);
	CHECK(one_vma(arena, arena + P(2)));
	CHECK_EQ(sys_mremap(arena, P(8), P(1), 0, 0), (long)arena);
	CHECK(one_vma(arena, arena + P(1)));
	CHECK(unmapped(arena + P(1), arena + P(ARENA_PAGES)));
	CHECK_EQ(byte_at(arena), 'a');
	unmap_arena();
}

/* Free above: A grows where it is, with its pages. */
static void test_grow_in_place(void)
{
	struct vm_counters a, b;

	map(0, 2, RW);
	fill(arena, 2, 'g');
	CHECK_EQ(sys_mremap(arena, P(2), P(5), 0, 0), (long)arena);
	CHECK(one_vma(arena, arena + P(5)));
	counters_read(&a);
	CHECK_EQ(byte_at(arena), 'g');
	CHECK_EQ(byte_at(arena + P(1)), 'h');
	counters_read(&b);
	CHECK_DELTAS(&a, &b);			/* still mapped: no fault */
	CHECK_EQ(byte_at(arena + P(4)), 0);	/* new memory reads zero */
	unmap_arena();
}

/* B in the way: ENOMEM, or with MAYMOVE the pages go elsewhere. */
static void test_grow_blocked_then_moved(void)
{
	struct vm_counters a, b;
	uint64_t before[3], after;
	long to;

	map(0, 3, RW);
	map(3, 4, PROT_READ);
	fill(arena, 3, 'm');
	CHECK_EQ(sys_mremap(arena, P(3), P(6), 0, 0), -ENOMEM);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(pagemap_read(0, arena + P(i), &before[i]), 0);
	counters_read(&a);
	to = sys_mremap(arena, P(3), P(6), MAY, 0);
	CHECK(!sys_is_err(to));
	if (sys_is_err(to))
		return unmap_arena();
	CHECK((unsigned long)to + P(6) <= arena ||
	      (unsigned long)to >= arena + P(3));
	CHECK_EQ(byte_at(to), 'm');
	CHECK_EQ(byte_at(to + P(1)), 'n');
	CHECK_EQ(byte_at(to + P(2)), 'o');
	counters_read(&b);
	/* the entries moved: no fault, no page allocated or copied */
	CHECK_DELTAS(&a, &b);
	/* and the frames with them: each page on the frame it was on */
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(pagemap_read(0, to + P(i), &after), 0);
		CHECK(after & PM_PRESENT);
		CHECK_EQ(PM_PFN(after), PM_PFN(before[i]));
	}
	CHECK(one_vma(to, to + P(6)));
	CHECK(unmapped(arena, arena + P(3)));
	CHECK(one_vma(arena + P(3), arena + P(4)));
	CHECK_EQ(byte_at(to + P(5)), 0);
	CHECK_EQ(sys_munmap(to, P(6)), 0);
	unmap_arena();
}

/* FIXED onto the middle of E: E's middle pages are replaced by A's. */
static void test_fixed_over_a_mapping(void)
{
	map(0, 2, RW);
	map(10, 14, RW);
	fill(arena, 2, 'A');
	fill(arena + P(10), 4, 'e');
	CHECK_EQ(sys_mremap(arena, P(2), P(2), FIXED, arena + P(11)),
		 (long)(arena + P(11)));
	CHECK(unmapped(arena, arena + P(10)));
	CHECK(one_vma(arena + P(10), arena + P(11)));
	CHECK(one_vma(arena + P(11), arena + P(13)));
	CHECK(one_vma(arena + P(13), arena + P(14)));
	CHECK_EQ(byte_at(arena + P(10)), 'e');
	CHECK_EQ(byte_at(arena + P(11)), 'A');
	CHECK_EQ(byte_at(arena + P(12)), 'B');
	CHECK_EQ(byte_at(arena + P(13)), 'h');
	unmap_arena();
}

/* DONTUNMAP: the old VMA stays, empty; the data moved. */
static void test_dontunmap(void)
{
	long to;

	map(0, 2, RW);
	fill(arena, 2, 'd');
	to = sys_mremap(arena, P(2), P(2), DONTUNMAP, 0);
	CHECK(!sys_is_err(to) && (unsigned long)to != arena);
	if (sys_is_err(to))
		return unmap_arena();
	CHECK(one_vma(arena, arena + P(2)));
	CHECK_EQ(byte_at(to), 'd');
	CHECK_EQ(byte_at(to + P(1)), 'e');
	CHECK_EQ(byte_at(arena), 0);
	CHECK_EQ(byte_at(arena + P(1)), 0);
	CHECK_EQ(sys_munmap(to, P(2)), 0);
	unmap_arena();
}

int main(void)
{
	long a;

	utest_begin("mremap");
	counters_prefault();
	a = sys_mmap2(0, P(ARENA_PAGES), PROT_NONE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(a) || sys_munmap((unsigned long)a, P(ARENA_PAGES))) {
		utest_diag("no arena: %s", utest_errname(a));
		return 1;
	}
	arena = (unsigned long)a;
	utest_run("errno_table", test_errno_table);
	utest_run("shrink", test_shrink);
	utest_run("grow_in_place", test_grow_in_place);
	utest_run("grow_blocked_then_moved", test_grow_blocked_then_moved);
	utest_run("fixed_over_a_mapping", test_fixed_over_a_mapping);
	utest_run("dontunmap", test_dontunmap);
	return utest_end();
}
