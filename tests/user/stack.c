/*
 * tests/user/stack.c - the stack grows down on faults, within its 8 MiB
 * limit and never closer than the guard gap (1 MiB) to the mapping
 * below it; beyond that an access kills.
 *
 * The stack VMA is found in /proc/self/maps ("[stack]", start S, end E).
 * Linux grows it in expand_downwards (mm/mmap.c, 6.1): the new start is
 * the faulting address rounded down to its page, allowed when
 *
 *	E - new start <= RLIMIT_STACK (8 MiB)		acct_stack_growth
 *	new start - end of the previous VMA >= 1 MiB	stack_guard_gap
 *	(if that VMA is accessible)
 *
 * so, exactly at the edges:
 *
 *	grow_to_the_limit	a write at E - 8 MiB works, [stack] then
 *				starts there, pages between read 0
 *	beyond_the_limit	a write at E - 8 MiB - 4 KiB kills
 *	far_below		a write at E - 64 MiB kills
 *	guard_gap_respected	a PROT_READ page ends at X - 1 MiB: a write
 *				at X (X = E - 6 MiB) works ...
 *	guard_gap_violated	... and one at X - 4 KiB kills
 *
 * Each case runs in a child (its stack, not ours). Nothing here knows
 * where the stack is except through maps; ARM has no check against the
 * stack pointer (the accesses are far below sp).
 */
#include "counters.h"
#include "kernel/errno.h"
#include "process.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define MIB (1UL << 20)
#define STACK_LIMIT (8 * MIB)
#define GUARD_GAP MIB

/* The end of [stack] (its top), or 0 with a failure recorded. */
static unsigned long stack_end(void)
{
	struct map_entry e;

	if (!maps_find_name("[stack]", &e)) {
		check_failed(__FILE__, __LINE__, "no [stack] in maps");
		return 0;
	}
	return e.end;
}

/* Write a byte at @addr and read it back. */
static void touch(unsigned long addr)
{
	*(volatile unsigned char *)addr = 0x5a;
	CHECK_EQ(*(volatile unsigned char *)addr, 0x5a);
}

/*
 * Child: grow the stack to exactly 8 MiB with one write (one fault, one
 * fresh page, one new L2 table: the 1 MiB section there had none), read
 * a page in between (zero), and see [stack] start where we wrote.
 */
static void child_grow_to_limit(unsigned long unused)
{
	unsigned long end = stack_end(), low = end - STACK_LIMIT;
	struct vm_counters a, b;
	struct map_entry e;

	if (!end)
		return;
	counters_prefault();
	counters_read(&a);
	*(volatile unsigned char *)low = 0x5a;
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1, .anon = 1, .tables = 1);
	CHECK_EQ(*(volatile unsigned char *)low, 0x5a);
	CHECK_EQ(*(volatile unsigned char *)(end - STACK_LIMIT / 2), 0);
	CHECK(maps_find_name("[stack]", &e));
	CHECK_EQ(e.start, low);
	CHECK_EQ(e.end, end);
}

/* Child: write one page below the limit (must kill). */
static void child_beyond_limit(unsigned long unused)
{
	unsigned long end = stack_end();

	if (end)
		touch(end - STACK_LIMIT - PAGE);
}

/* Child: write 64 MiB below the top of the stack (must kill). */
static void child_far_below(unsigned long unused)
{
	unsigned long end = stack_end();

	if (end)
		touch(end - 64 * MIB);
}

/*
 * Child: a PROT_READ page ending 1 MiB below X = E - 6 MiB, then a
 * write at X - @shortfall (0: exactly the guard gap away).
 */
static void child_guard_gap(unsigned long shortfall)
{
	unsigned long end = stack_end(), x = end - 6 * MIB;
	unsigned long below = x - GUARD_GAP - PAGE;

	if (!end)
		return;
	CHECK_EQ((unsigned long)sys_mmap2(below, PAGE, PROT_READ,
					  MAP_PRIVATE | MAP_ANONYMOUS |
					  MAP_FIXED_NOREPLACE, -1, 0),
		 below);
	touch(x - shortfall);
}

/* Growing to exactly the limit works. */
static void test_grow_to_limit(void)
{
	CHECK_EXITED(utest_in_child(child_grow_to_limit, 0), 0);
}

/* One page more than the limit kills. */
static void test_beyond_limit(void)
{
	CHECK_KILLED(utest_in_child(child_beyond_limit, 0), SIGSEGV_NR);
}

/* Far below the stack, in the free gap above mmap_base, kills. */
static void test_far_below(void)
{
	CHECK_KILLED(utest_in_child(child_far_below, 0), SIGSEGV_NR);
}

/* Growing to exactly the guard gap above another mapping works. */
static void test_guard_gap_respected(void)
{
	CHECK_EXITED(utest_in_child(child_guard_gap, 0), 0);
}

/* Growing one page into the guard gap kills. */
static void test_guard_gap_violated(void)
{
	CHECK_KILLED(utest_in_child(child_guard_gap, PAGE), SIGSEGV_NR);
}

int main(void)
{
	struct map_entry e;

	utest_begin("stack");
	if (!proc_ensure() || !maps_find_name("[stack]", &e)) {
		utest_diag("no [stack] in /proc/self/maps");
		return 1;
	}
	utest_diag("[stack] %#lx-%#lx", e.start, e.end);
	utest_run("grow_to_the_limit", test_grow_to_limit);
	utest_run("beyond_the_limit_kills", test_beyond_limit);
	utest_run("far_below_kills", test_far_below);
	utest_run("guard_gap_respected", test_guard_gap_respected);
	utest_run("guard_gap_violated_kills", test_guard_gap_violated);
	return utest_end();
}
