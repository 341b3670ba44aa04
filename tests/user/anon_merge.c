/*
 * tests/user/anon_merge.c - which neighbouring private anonymous mappings
 * Linux 6.1 merges, now that pages decide: a VMA gets an anon_vma at its
 * first write (or shares a compatible neighbour's), the pieces of a split
 * share one, and two VMAs with different anon_vmas never become one.
 * mmap asks the VMA after the new range first, then the one before with
 * the anon_vma the merged VMA would have; brk grows only the heap VMA,
 * which starts at start_brk; a forked VMA (its anon_vma chain is longer
 * than one) takes no range without pages. Each case reads the VMAs from
 * /proc/self/maps.
 *
 * Pages are numbered from a free base: [0] is base, [0, 3) three pages.
 */
#include <string.h>
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define P(n) ((unsigned long)(n) * PAGE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define RW (PROT_READ | PROT_WRITE)

static unsigned long base;	/* 4 free pages, from unmapped_page() */

static unsigned long start_brk;	/* the break when main() starts */

/* Map [@lo, @hi) private anonymous with @prot at base; true if it was. */
static bool map(int lo, int hi, int prot)
{
	return sys_mmap2(base + P(lo), P(hi - lo), prot, ANON, -1, 0) ==
	       (long)(base + P(lo));
}

/* Write to page @n (the first anonymous page of its VMA, if none yet). */
static void touch(int n)
{
	*(volatile char *)(base + P(n)) = 1;
}

/* Is [@lo, @hi) exactly one VMA of /proc/self/maps? */
static bool one_vma(int lo, int hi)
{
	struct map_entry e;

	return maps_find(base + P(lo), &e) && e.start == base + P(lo) &&
	       e.end == base + P(hi);
}

static void unmap_all(void)
{
	CHECK_EQ(sys_munmap(base, P(4)), 0);
}

/*
 * Both neighbours written to on their own: two anon_vmas. The new page
 * joins the one after it (asked first, with no pages the range may),
 * and not the one before, which would have to take the next one's.
 */
static void test_fixed_between_touched_neighbours(void)
{
	CHECK(map(0, 1, RW) && map(2, 3, RW));
	touch(0);
	touch(2);
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 1));
	CHECK(one_vma(1, 3));
	unmap_all();
}

/* Untouched neighbours: no anon_vmas, all three become one. */
static void test_fixed_between_untouched_neighbours(void)
{
	CHECK(map(0, 1, RW) && map(2, 3, RW));
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 3));
	unmap_all();
}

/*
 * One side written to: the one before may lend its anon_vma, so all
 * three merge; the one after may not give its anon_vma to an untouched
 * VMA before it, so that one stays apart.
 */
static void test_fixed_next_to_one_touched_neighbour(void)
{
	CHECK(map(0, 1, RW) && map(2, 3, RW));
	touch(0);
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 3));
	unmap_all();

	CHECK(map(0, 1, RW) && map(2, 3, RW));
	touch(2);
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 1));
	CHECK(one_vma(1, 3));
	unmap_all();
}

/*
 * mprotect: the two pieces of a split share the anon_vma and merge back;
 * two VMAs touched apart do not, even with equal flags, and the range
 * between them joins only the one before.
 */
static void test_mprotect_merges_only_one_anon_vma(void)
{
	CHECK(map(0, 2, RW));
	touch(0);
	touch(1);
	CHECK_EQ(sys_mprotect(base + P(1), P(1), PROT_READ), 0);
	CHECK(one_vma(0, 1) && one_vma(1, 2));
	CHECK_EQ(sys_mprotect(base + P(1), P(1), RW), 0);
	CHECK(one_vma(0, 2));
	unmap_all();

	CHECK(map(0, 1, RW) && map(2, 3, RW));
	touch(0);
	touch(2);
	CHECK(map(1, 2, PROT_READ));
	CHECK(one_vma(1, 2));
	CHECK_EQ(sys_mprotect(base + P(1), P(1), RW), 0);
	CHECK(one_vma(0, 2));
	CHECK(one_vma(2, 3));
	unmap_all();
}

/*
 * Neighbours that differ in access only share an anon_vma when touched
 * (the first write looks for a compatible neighbour's), so an mprotect
 * that makes their access equal merges them.
 */
static void test_mprotect_merges_neighbours_touched_while_adjacent(void)
{
	CHECK(map(0, 1, RW) && map(1, 2, RW | PROT_EXEC));
	CHECK(one_vma(0, 1) && one_vma(1, 2));
	touch(0);
	touch(1);
	CHECK_EQ(sys_mprotect(base + P(1), P(1), RW), 0);
	CHECK(one_vma(0, 2));
	unmap_all();
}

/*
 * The break: the heap VMA starts at start_brk, apart from the VMA below
 * it (the bss, if it ends there), which stays as it was all along; the
 * heap grows and shrinks, and goes when the break is back at start_brk.
 * /proc/self/maps names "[heap]" every VMA that reaches from start_brk
 * to the break, ends included: so a bss ending at start_brk is one too.
 */
static void test_brk_grows_a_heap_of_its_own(void)
{
	unsigned long cur = (sys_brk(0) + PAGE - 1) & ~(PAGE - 1);
	struct map_entry below, e, heap;
	bool has_below = maps_find(start_brk - 1, &below);

	CHECK_EQ(start_brk & (PAGE - 1), 0);
	CHECK_EQ(sys_brk(cur), cur);
	CHECK_EQ(sys_brk(cur + P(1)), cur + P(1));
	CHECK_EQ(sys_brk(cur + P(3)), cur + P(3));
	CHECK(maps_find(start_brk, &heap));
	CHECK_EQ(heap.start, start_brk);
	CHECK_EQ(heap.end, cur + P(3));
	CHECK(strcmp(heap.name, "[heap]") == 0);
	*(volatile char *)(cur + P(2)) = 1;
	CHECK_EQ(sys_brk(cur + P(2)), cur + P(2));
	CHECK(maps_find(start_brk, &e) && e.start == start_brk &&
	      e.end == cur + P(2));
	if (has_below) {
		CHECK(maps_find(start_brk - 1, &e));
		CHECK(e.start == below.start && e.end == below.end);
		/* an anonymous one: a file's VMA shows the file's path */
		if (e.name[0] != '/')
			CHECK_EQ(strcmp(e.name, "[heap]") == 0,
				 e.end == start_brk);
	}
	CHECK_EQ(sys_brk(cur), cur);
	CHECK_EQ(maps_find(start_brk, &e), cur > start_brk);
}

/* In the child: its copy of page 0 takes no new page [1, 2) beside it. */
static void child_maps_beside_a_forked_vma(unsigned long unused)
{
	(void)unused;
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 1));
	CHECK(one_vma(1, 2));
}

/*
 * Fork: page 0, written before the fork, is a VMA with an anon_vma in
 * the child linked to the parent's too: it merges no new range. The
 * parent's own merges as before.
 */
static void test_fork_then_merge_in_the_child(void)
{
	CHECK(map(0, 1, RW));
	touch(0);
	CHECK_EXITED(utest_in_child(child_maps_beside_a_forked_vma, 0), 0);
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 2));
	unmap_all();
}

/* In the child: page 0 was never written, so it merges. */
static void child_merges_beside_an_untouched_vma(unsigned long unused)
{
	(void)unused;
	CHECK(map(1, 2, RW));
	CHECK(one_vma(0, 2));
}

/* The same fork with page 0 never written: the child merges. */
static void test_fork_of_an_untouched_vma_merges(void)
{
	CHECK(map(0, 1, RW));
	CHECK_EXITED(utest_in_child(child_merges_beside_an_untouched_vma, 0),
		     0);
	unmap_all();
}

int main(void)
{
	/* the start-up code leaves the break where exec put it */
	start_brk = sys_brk(0);
	utest_begin("anon_merge");
	if (!proc_ensure())
		return 1;
	base = unmapped_page();
	if (!base)
		return 1;
	utest_run("fixed_between_touched_neighbours",
		  test_fixed_between_touched_neighbours);
	utest_run("fixed_between_untouched_neighbours",
		  test_fixed_between_untouched_neighbours);
	utest_run("fixed_next_to_one_touched_neighbour",
		  test_fixed_next_to_one_touched_neighbour);
	utest_run("mprotect_merges_only_one_anon_vma",
		  test_mprotect_merges_only_one_anon_vma);
	utest_run("mprotect_merges_neighbours_touched_while_adjacent",
		  test_mprotect_merges_neighbours_touched_while_adjacent);
	utest_run("brk_grows_a_heap_of_its_own",
		  test_brk_grows_a_heap_of_its_own);
	utest_run("fork_then_merge_in_the_child",
		  test_fork_then_merge_in_the_child);
	utest_run("fork_of_an_untouched_vma_merges",
		  test_fork_of_an_untouched_vma_merges);
	return utest_end();
}
