/*
 * tests/user/placement_arm.c - ARM's placement policy around the gap
 * search, to the exact address: what arch_get_unmapped_area_topdown()
 * does when the top-down range is full, the legacy bottom-up layout, and
 * cache colouring (arch/arm/mm/mmap.c and mm/mmap.c in Linux; seed 001).
 * tests/user/placement.c has the search itself (packing, holes, hints).
 *
 *   TASK_SIZE  +-------------+ 0xBF000000
 *              | stack       |
 *              | guard gap   | 1 MiB below the stack: no search uses it
 *              |   ^ 3. the top-down fallback: bottom-up from mmap_base
 *   mmap_base  +-------------+ 0xB7000000: TASK_SIZE - 128 MiB, the least
 *              |   v 1. top-down: [FIRST_USER_ADDRESS, mmap_base)
 *              |   ...       |     gap for an 8 MiB stack rlimit
 *              |   ^ 2. legacy layout (personality ADDR_COMPAT_LAYOUT,
 *   0x40000000 +-------------+      then execve): from TASK_UNMAPPED_BASE
 *              | heap, image |      up, and no fallback
 *
 * Those are the addresses without ASLR; with it (randomize_va_space 1
 * or 2) mmap_base moves down, and the legacy base up, by up to 255
 * pages. Linux also keeps its [sigpage], [vvar] and [vdso] at the start
 * of each area (just below mmap_base top-down, at the legacy base
 * bottom-up); topdown maps nothing there. So every expectation here is
 * relative to what the program sees: the addresses it was given, and
 * /proc/self/maps. mmap_base itself is derived (find_mmap_base), and
 * checked again where the fallback starts when the top-down range is
 * full.
 *
 * The top-down range is filled with PROT_NONE MAP_NORESERVE mappings
 * (fill_below): nothing is committed or allocated, on either kernel. The
 * cases that fill run in a child, whose address space goes away with it;
 * the legacy ones run in a child that sets the personality and execs
 * this program again (--legacy ROLE): the layout is chosen at execve.
 *
 * The colour cases need a VIPT-aliasing data cache: topdown booted with
 * CACHE_ALIAS=on (make test's alias stage). The Cortex-A9 does not
 * alias, so Linux (and topdown by default) skips them; the probe is
 * Linux's own MAP_FIXED colour check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "datafiles.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define SELF "/tests/placement_arm"
#define P(n) ((n) * PAGE_SIZE)
#define RW (PROT_READ | PROT_WRITE)
#define PA (MAP_PRIVATE | MAP_ANONYMOUS)
#define SA (MAP_SHARED | MAP_ANONYMOUS)
#define ALIGN_UP(a, n) (((a) + (n) - 1) & ~((n) - 1))
#define ALIGN_DOWN(a, n) ((a) & ~((n) - 1))
#define COLOUR(a) ((a) & (SHMLBA - 1))

/* The top-down layout's mmap_base, found by fill_topdown(). */
static unsigned long mmap_base;

/* An exec'd role's exit status when the cache does not alias. */
#define STATUS_NO_ALIAS 77

/* How far below a region a case may map; teardown() clears down to it. */
#define BELOW_PAGES 16

extern char **environ;

/* ---- helpers ------------------------------------------------------------ */

/* An anonymous mapping of @len at hint @hint with @prot and @flags. */
static unsigned long map(unsigned long hint, unsigned long len, int prot,
			 int flags)
{
	return (unsigned long)sys_mmap2(hint, len, prot, flags, -1, 0);
}

/* A private anonymous RW page range at hint @hint (0: none). */
static unsigned long map_pa(unsigned long hint, unsigned long len)
{
	return map(hint, len, RW, PA);
}

/* A shared anonymous RW page range at hint @hint (0: none). */
static unsigned long map_sa(unsigned long hint, unsigned long len)
{
	return map(hint, len, RW, SA);
}

/* PROT_NONE, MAP_NORESERVE: address space only (Linux commits nothing). */
static unsigned long reserve(unsigned long hint, unsigned long len)
{
	return map(hint, len, PROT_NONE, PA | MAP_NORESERVE);
}

/* The file mapped: /data/pages.txt, opened read-only. */
static int open_pages(void)
{
	long fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);

	if (sys_is_err(fd))
		check_failed(__FILE__, __LINE__, "open: %s",
			     utest_errname(fd));
	return (int)fd;
}

/* Map page @pgoff of @fd (one page, read-only) at @hint with @flags. */
static unsigned long map_page(int fd, unsigned long hint, int flags,
			      unsigned long pgoff)
{
	return (unsigned long)sys_mmap2(hint, P(1), PROT_READ, flags, fd,
					pgoff);
}

/* Does a mapping of file page @pgoff at @addr show that page? */
static bool shows_page(unsigned long addr, unsigned long pgoff)
{
	const char *p = (const char *)addr;
	unsigned long i;

	if (sys_is_err((long)addr))
		return false;
	for (i = 0; i < PAGE_SIZE; i += DATA_LINE / 2)
		if (p[i] != pages_txt_byte(P(pgoff) + i))
			return false;
	return true;
}

/*
 * The mapping of /proc/self/maps that contains @addr or, if none does,
 * the first one above it, in *@e. Returns false when there is none.
 */
static bool maps_next(unsigned long addr, struct map_entry *e)
{
	static char text[16384];
	const char *p = text;
	char *end;

	if (proc_read("/proc/self/maps", text, sizeof(text)) < 0)
		return false;
	while (*p) {
		e->start = strtoul(p, &end, 16);
		e->end = strtoul(end + 1, &end, 16);
		if (e->end > addr)
			return true;
		p = strchr(end, '\n');
		if (!p)
			break;
		p++;
	}
	return false;
}

/*
 * The first address at or above @lo that no mapping covers, walking
 * /proc/self/maps; @hi if everything in [@lo, @hi) is mapped.
 */
static unsigned long first_unmapped(unsigned long lo, unsigned long hi)
{
	struct map_entry e;

	while (lo < hi) {
		if (!maps_next(lo, &e) || e.start > lo)
			return lo;
		lo = e.end;
	}
	return hi;
}

/* Where the stack's guard gap starts: vm_start_gap() of [stack]. */
static unsigned long stack_gap_start(void)
{
	struct map_entry e;

	if (!maps_find_name("[stack]", &e)) {
		check_failed(__FILE__, __LINE__, "no [stack] in maps");
		return 0;
	}
	return e.start - STACK_GUARD_GAP;
}

/*
 * Fill the free space the search hands out with PROT_NONE mappings:
 * ask for 2 GiB, and halve the request whenever it fails (-ENOMEM) or
 * is placed at or above @limit (it is given back: in the top-down
 * layout that is the fallback's, and it must start at mmap_base). Ends
 * when one page no longer goes below @limit. Returns how many requests
 * went at or above @limit.
 */
static int fill_below(unsigned long limit)
{
	unsigned long len = 1UL << 31, a;
	int over = 0, n;

	for (n = 0; len >= PAGE_SIZE && n < 1000; n++) {
		a = reserve(0, len);
		if (sys_is_err((long)a)) {
			CHECK_EQ((long)a, -ENOMEM);
			len /= 2;
			continue;
		}
		if (a + len <= limit)
			continue;
		over++;
		CHECK_EQ(a, mmap_base);
		CHECK_EQ(sys_munmap(a, len), 0);
		len /= 2;
	}
	CHECK(n < 1000);
	return over;
}

/* ---- the top-down layout's fallback -------------------------------------- */

/*
 * mmap_base in the top-down layout: a one-page request takes the highest
 * free page below it, and everything from there up to mmap_base is
 * mapped (on Linux, [sigpage], [vvar] and [vdso]; on topdown nothing),
 * while mmap_base itself is free: nothing lies between it and the stack.
 * Without ASLR that is TASK_SIZE - 128 MiB (the gap for the default
 * 8 MiB stack rlimit and the guard gap, mm/util.c, mmap_base()).
 */
static unsigned long find_mmap_base(void)
{
	unsigned long probe = map_pa(0, P(1)), base;

	CHECK(!sys_is_err((long)probe));
	base = first_unmapped(probe + P(1), TASK_SIZE);
	CHECK_EQ(sys_munmap(probe, P(1)), 0);
	utest_diag("mmap_base %#lx", base);
	/* within ARM Linux's range: up to 2^mmap_rnd_bits - 1 pages down */
	CHECK(base <= TASK_SIZE - MMAP_GAP_MIN);
	return base;
}

/* Child: fill [FIRST_USER_ADDRESS, mmap_base) and check what is left. */
static void fill_topdown(void)
{
	struct map_entry e;

	mmap_base = find_mmap_base();
	/* Big requests still fit above mmap_base: the fallback takes them. */
	CHECK(fill_below(mmap_base) > 0);
	/* Every page from FIRST_USER_ADDRESS (2 pages on ARM: the search's
	 * low_limit) to mmap_base is now in use, not the page below ... */
	CHECK_EQ(first_unmapped(FIRST_USER_ADDRESS, mmap_base), mmap_base);
	CHECK_EQ(first_unmapped(PAGE_SIZE, mmap_base), PAGE_SIZE);
	/* ... and nothing between mmap_base and the stack. */
	CHECK(maps_next(mmap_base, &e));
	CHECK_EQ(e.start, stack_gap_start() + STACK_GUARD_GAP);
}

/*
 * With the top-down range [FIRST_USER_ADDRESS, mmap_base) full,
 * arch_get_unmapped_area_topdown() retries bottom-up from mmap_base to
 * TASK_SIZE ("A failed mmap() very likely causes application failure,
 * so fall back to the bottom-up function here", arch/arm/mm/mmap.c):
 * the lowest gap above mmap_base that fits, at its bottom. A hole below
 * mmap_base is still taken first.
 */
static void child_fallback(unsigned long unused)
{
	unsigned long a1, a2, a3, a4, h = 0x10000000;

	(void)unused;
	fill_topdown();
	a1 = map_pa(0, P(1));
	CHECK_EQ(a1, mmap_base);
	a2 = map_pa(0, P(2));
	CHECK_EQ(a2, mmap_base + P(1));		/* packed upwards */
	CHECK_NEW_MAPPING(a1, P(1), 0xa1);
	CHECK_NEW_MAPPING(a2, P(2), 0xa2);
	CHECK_EQ(sys_munmap(a1, P(1)), 0);
	a3 = map_pa(0, P(2));
	CHECK_EQ(a3, mmap_base + P(3));		/* the hole is too small */
	a4 = map_pa(0, P(1));
	CHECK_EQ(a4, mmap_base);		/* the lowest gap first */
	CHECK_NEW_MAPPING(a3, P(2), 0xa3);
	CHECK_NEW_MAPPING(a4, P(1), 0xa4);
	CHECK(utest_holds(a2, P(2), 0xa2));

	/* top-down first: a 2-page hole in the filled range */
	CHECK_EQ(sys_munmap(h, P(2)), 0);
	CHECK_EQ(map_pa(0, P(1)), h + P(1));
	CHECK_EQ(map_pa(0, P(1)), h);
	CHECK_EQ(map_pa(0, P(1)), mmap_base + P(5));
	CHECK_NEW_MAPPING(h, P(2), 0xa5);
}

static void test_fallback_above_mmap_base(void)
{
	CHECK_EXITED(utest_in_child(child_fallback, 0), 0);
}

/*
 * When the fallback's range is full too, mmap fails with ENOMEM. Neither
 * search uses the stack's guard gap (vm_start_gap(), stack_guard_gap =
 * 256 pages: mm/mmap.c), so the last page given is just below it.
 */
static void child_fallback_full(unsigned long unused)
{
	unsigned long top;

	(void)unused;
	fill_topdown();
	CHECK_EQ(fill_below(TASK_SIZE), 0);
	top = stack_gap_start();
	utest_diag("filled up to %#lx", top);
	CHECK_EQ(first_unmapped(mmap_base, top), top);
	CHECK_EQ(first_unmapped(top, TASK_SIZE), top);
	CHECK_EQ((long)map_pa(0, P(1)), -ENOMEM);
	CHECK_EQ((long)reserve(0, P(1)), -ENOMEM);
	/* a hole anywhere is found again */
	CHECK_EQ(sys_munmap(mmap_base + P(8), P(1)), 0);
	CHECK_EQ(map_pa(0, P(1)), mmap_base + P(8));
	CHECK_NEW_MAPPING(mmap_base + P(8), P(1), 0xa6);
}

static void test_fallback_full_enomem(void)
{
	CHECK_EXITED(utest_in_child(child_fallback_full, 0), 0);
}

/* ---- the legacy layout (exec'd roles) ------------------------------------ */

/*
 * Child: set ADDR_COMPAT_LAYOUT and execve this program as --legacy
 * @role. The personality alone changes nothing: the layout is picked at
 * execve (setup_new_exec -> arch_pick_mmap_layout, mm/util.c).
 */
static void child_exec_legacy(unsigned long role)
{
	char *argv[] = { SELF, "--legacy", (char *)role, NULL };
	long old = sys_personality(0xffffffff);
	unsigned long a = map_pa(0, P(1));
	long ret;

	CHECK(!sys_is_err(old));
	CHECK_EQ(sys_munmap(a, P(1)), 0);
	CHECK_EQ(sys_personality(old | LINUX_ADDR_COMPAT_LAYOUT), old);
	CHECK_EQ(map_pa(0, P(1)), a);		/* still top-down */
	CHECK_EQ(sys_personality(0xffffffff), old | LINUX_ADDR_COMPAT_LAYOUT);
	if (check_failures())
		utest_child_exit();
	fflush(stdout);
	ret = sys_execve(SELF, argv, environ);
	check_failed(__FILE__, __LINE__, "execve: %s", utest_errname(ret));
}

/*
 * The case @name: run the legacy role @role in an exec'd child; skip if
 * it says so.
 */
static void run_legacy(const char *name, const char *role)
{
	int status;

	utest_case(name);
	status = utest_in_child(child_exec_legacy, (unsigned long)role);

	if (WIFEXITED(status) && WEXITSTATUS(status) == STATUS_NO_ALIAS) {
		utest_skip("the data cache does not alias (boot topdown with "
			   "CACHE_ALIAS=on to test colouring)");
		return;
	}
	CHECK_EXITED(status, 0);
	utest_done();
}

/*
 * Where the first mapping of the legacy layout goes: the lowest free
 * page at or above its mmap_base (TASK_UNMAPPED_BASE, moved up by ASLR;
 * Linux's sigpage and vdso come first, at mmap_base itself). A one-page
 * request shows it.
 */
static unsigned long legacy_base(void)
{
	unsigned long probe = map_pa(0, P(1));

	CHECK(!sys_is_err((long)probe));
	CHECK(probe >= TASK_UNMAPPED_BASE);
	CHECK_EQ(sys_munmap(probe, P(1)), 0);
	return probe;
}

/*
 * In the legacy layout (mmap_is_legacy(): ADDR_COMPAT_LAYOUT, mm/util.c)
 * mmap_base is TASK_UNMAPPED_BASE, ALIGN(TASK_SIZE / 3, 16 MiB) =
 * 0x40000000, and arch_get_unmapped_area() searches bottom-up from
 * there: the lowest gap that fits, at its bottom. Mappings pack upwards.
 */
static void role_first(void)
{
	unsigned long base = legacy_base(), a, b, c;

	utest_diag("legacy layout: first free address %#lx", base);
	CHECK(sys_personality(0xffffffff) & LINUX_ADDR_COMPAT_LAYOUT);
	a = map_pa(0, P(4));
	CHECK_EQ(a, base);
	b = map_pa(0, P(1));
	CHECK_EQ(b, base + P(4));
	CHECK_NEW_MAPPING(a, P(4), 0xb1);
	CHECK_NEW_MAPPING(b, P(1), 0xb2);
	CHECK_EQ(sys_munmap(a, P(2)), 0);
	c = map_pa(0, P(1));
	CHECK_EQ(c, base);			/* the hole, at its bottom */
	CHECK_NEW_MAPPING(c, P(1), 0xb3);
	CHECK(utest_holds(a + P(2), P(2), 0xb1));
}

/*
 * Region X of 12 pages, the highest mapping of the bottom-up area, with
 * two holes:
 *
 *	x + 12p  +---------+  free up to the stack
 *	         |  R R    |  pages 10-11
 *	         |  hole   |  H_high: pages 8-9 (2 pages)
 *	         |  R R R  |  pages 5-7
 *	         |  hole   |  H_low: pages 2-4 (3 pages)
 *	x        |  R R    |  pages 0-1
 *
 * Bottom-up takes the lowest hole that fits (first fit, not best fit:
 * two pages go to H_low, not to the exact H_high), at its bottom, and a
 * request no hole fits goes above X.
 */
static void role_holes(void)
{
	unsigned long base = legacy_base(), x = map_pa(0, P(12));

	CHECK_EQ(x, base);
	memset((void *)x, 0x11, P(12));
	CHECK_EQ(sys_munmap(x + P(8), P(2)), 0);
	CHECK_EQ(sys_munmap(x + P(2), P(3)), 0);
	CHECK_EQ(map_pa(0, P(4)), x + P(12));	/* no hole fits */
	CHECK_EQ(map_pa(0, P(2)), x + P(2));	/* H_low, not H_high */
	CHECK_EQ(map_pa(0, P(1)), x + P(4));	/* the rest of H_low */
	CHECK_EQ(map_pa(0, P(2)), x + P(8));	/* H_high */
	CHECK_EQ(map_pa(0, P(1)), x + P(16));	/* above everything */
	CHECK_NEW_MAPPING(x + P(2), P(3), 0xb8);
	CHECK_NEW_MAPPING(x + P(8), P(2), 0xb9);
	CHECK(utest_holds(x, P(2), 0x11));
	CHECK(utest_holds(x + P(5), P(3), 0x11));
	CHECK(utest_holds(x + P(10), P(2), 0x11));
}

/*
 * Hints work as in the top-down layout (the same code in
 * arch_get_unmapped_area): a free one is taken, even below
 * TASK_UNMAPPED_BASE; one that is not free is ignored for the search.
 */
static void role_hint(void)
{
	unsigned long x = map_pa(0, P(4)), h = TASK_UNMAPPED_BASE / 2;

	CHECK_EQ(sys_munmap(x + P(1), P(1)), 0);
	CHECK_EQ(map_pa(h, P(2)), h);
	CHECK_EQ(map_pa(x + P(2), P(1)), x + P(1));	/* the hole */
	CHECK_EQ(map_pa(x, P(1)), x + P(4));
	CHECK_NEW_MAPPING(h, P(2), 0xb4);
	CHECK_NEW_MAPPING(x + P(1), P(1), 0xb5);
}

/*
 * With [TASK_UNMAPPED_BASE, the stack's guard gap) full, the legacy
 * search fails: arch_get_unmapped_area() has no fallback, so ENOMEM,
 * though everything below TASK_UNMAPPED_BASE is free (and a hint there
 * still works).
 */
static void role_full(void)
{
	unsigned long base = legacy_base(), top, h = 0x50000000;

	CHECK_EQ(fill_below(TASK_SIZE), 0);
	top = stack_gap_start();
	CHECK_EQ(first_unmapped(base, top), top);
	CHECK_EQ(first_unmapped(top, TASK_SIZE), top);
	CHECK_EQ((long)map_pa(0, P(1)), -ENOMEM);
	CHECK_EQ(first_unmapped(TASK_UNMAPPED_BASE / 2, TASK_UNMAPPED_BASE),
		 TASK_UNMAPPED_BASE / 2);
	CHECK_EQ(map_pa(TASK_UNMAPPED_BASE / 2, P(1)), TASK_UNMAPPED_BASE / 2);
	CHECK_EQ(sys_munmap(h, P(3)), 0);
	CHECK_EQ(map_pa(0, P(2)), h);
	CHECK_EQ(map_pa(0, P(1)), h + P(2));
	CHECK_NEW_MAPPING(h, P(3), 0xb6);
}

static bool cache_aliases(void);

/*
 * Colouring bottom-up: unmapped_area() rounds the bottom of the lowest
 * gap at least length + align_mask long up to the colour (gap_start +=
 * (align_offset - gap_start) & align_mask). A private anonymous page
 * still takes the lowest page.
 */
static void role_colour(void)
{
	unsigned long r, x;
	int fd;

	if (!cache_aliases()) {
		fflush(stdout);
		sys_exit_group(STATUS_NO_ALIAS);
	}
	x = legacy_base();
	r = map_pa(0, P(35));
	CHECK_EQ(r, x);
	x = ALIGN_UP(r, SHMLBA);
	CHECK_EQ(sys_munmap(x + P(9), P(15)), 0);	/* hole: pages 9-23 */
	fd = open_pages();
	CHECK_EQ(map_sa(0, P(1)), x + P(12));	/* x + 9p rounded up */
	CHECK_EQ(map_page(fd, 0, MAP_PRIVATE, 3), x + P(15));
	CHECK_EQ(map_pa(0, P(1)), x + P(9));	/* private: not coloured */
	CHECK_NEW_MAPPING(x + P(12), P(1), 0xb7);
	CHECK(shows_page(x + P(15), 3));
	CHECK_NEW_MAPPING(x + P(9), P(1), 0xba);
	sys_close(fd);
}

/* The legacy roles, by name. */
static const struct {
	const char *name;
	void (*fn)(void);
} roles[] = {
	{ "first", role_first },
	{ "holes", role_holes },
	{ "hint", role_hint },
	{ "full", role_full },
	{ "colour", role_colour },
};

/* Act out --legacy @name in this exec'd image; returns the exit status. */
static int play_role(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		if (strcmp(roles[i].name, name) == 0) {
			utest_case(name);
			if (!proc_ensure())
				check_failed(__FILE__, __LINE__, "no /proc");
			else
				roles[i].fn();
			fflush(stdout);
			return check_failures() ? 1 : 0;
		}
	}
	return 100;
}

/* ---- cache colouring ------------------------------------------------------ */

/*
 * Does the data cache alias? Linux refuses a MAP_FIXED shared mapping
 * whose address is not congruent to its offset mod SHMLBA then
 * (arch_get_unmapped_area*, ARM), and allows it otherwise. Probe with a
 * shared anonymous page (offset 0) at an address of colour 1.
 */
static bool cache_aliases(void)
{
	unsigned long area = reserve(0, 2 * SHMLBA), at;
	long ret;

	if (sys_is_err((long)area))
		return false;
	at = ALIGN_UP(area, SHMLBA) + P(1);
	ret = sys_mmap2(at, P(1), RW, SA | MAP_FIXED, -1, 0);
	sys_munmap(area, 2 * SHMLBA);
	if (ret != -EINVAL && ret != (long)at)
		check_failed(__FILE__, __LINE__, "probe: %s",
			     utest_errname(ret));
	return ret == -EINVAL;
}

/* The reserve R and the SHMLBA-aligned region X of 32 pages inside it. */
static unsigned long r, x;
#define R_LEN (P(32) + SHMLBA - P(1))

/*
 * Start a colour case: false (after utest_skip) if the cache does not
 * alias. Else build X, SHMLBA-aligned, inside a private reserve R that
 * lands where new mappings pack (placement.c), filled with 0x11, and
 * punch the hole [x + @lo pages, x + @hi pages):
 *
 *	r + R_LEN  +--------+  (packed against what was mapped before)
 *	x + 32p    +--------+  0..3 pages of R above and below X
 *	           |  hole  |  pages lo..hi-1
 *	x          +--------+  x % SHMLBA == 0
 *	r          +--------+
 */
static bool colour_begin(unsigned long lo, unsigned long hi)
{
	if (!cache_aliases()) {
		utest_skip("the data cache does not alias (boot topdown with "
			   "CACHE_ALIAS=on to test colouring)");
		return false;
	}
	r = map_pa(0, R_LEN);
	CHECK(!sys_is_err((long)r));
	x = ALIGN_UP(r, SHMLBA);
	memset((void *)r, 0x11, R_LEN);
	CHECK_EQ(sys_munmap(x + P(lo), P(hi - lo)), 0);
	utest_diag("r %#lx x %#lx", r, x);
	return true;
}

/* End a colour case: unmap R and what went below it. */
static void colour_end(void)
{
	CHECK_EQ(sys_munmap(r - P(BELOW_PAGES), P(BELOW_PAGES) + R_LEN), 0);
	utest_done();
}

/*
 * Shared anonymous mappings are coloured like offset 0 (get_unmapped_area
 * sets pgoff = 0 for them, mm/mmap.c): do_align = filp || MAP_SHARED,
 * align_mask = PAGE_MASK & (SHMLBA - 1), and unmapped_area_topdown()
 * takes the highest gap at least length + align_mask long and rounds
 * its top down to the colour. Private anonymous memory is not coloured.
 * Hole: pages 8-23.
 */
static void test_shared_anon_aligned(void)
{
	unsigned long s1, p1, s2, s3, s4, s5;

	utest_case("shared_anon_shmlba_aligned");
	if (!colour_begin(8, 24))
		return;
	s1 = map_sa(0, P(1));
	CHECK_EQ(s1, x + P(20));	/* x + 23p rounded down */
	p1 = map_pa(0, P(1));
	CHECK_EQ(p1, x + P(23));	/* private: the top of the hole */
	s2 = map_sa(0, P(1));
	CHECK_EQ(s2, x + P(16));	/* [x+21p, x+23p) is too small */
	s3 = map_sa(0, P(2));
	CHECK_EQ(s3, x + P(12));	/* x + 14p rounded down */
	s4 = map_sa(0, P(1));
	CHECK_EQ(s4, x + P(8));		/* the last 4-page gap: [8p, 12p) */
	s5 = map_sa(0, P(1));
	CHECK_EQ(s5, ALIGN_DOWN(r - P(1), SHMLBA));	/* below R */
	CHECK_NEW_MAPPING(s1, P(1), 0xc1);
	CHECK_NEW_MAPPING(p1, P(1), 0xc2);
	CHECK_NEW_MAPPING(s2, P(1), 0xc3);
	CHECK_NEW_MAPPING(s3, P(2), 0xc4);
	CHECK_NEW_MAPPING(s4, P(1), 0xc5);
	CHECK_NEW_MAPPING(s5, P(1), 0xc6);
	CHECK(utest_holds(x, P(8), 0x11));
	CHECK(utest_holds(x + P(24), P(8), 0x11));
	colour_end();
}

/*
 * The search asks for length + align_mask (the worst case of rounding,
 * unmapped_area_topdown()): a 4-page hole that is SHMLBA-aligned takes a
 * 1-page shared mapping but not a 2-page one, though one would fit
 * there aligned. Holes: pages 20-23 and 4-11.
 */
static void test_align_overhead(void)
{
	unsigned long a, b, c, d;

	utest_case("shared_needs_length_plus_align_mask");
	if (!colour_begin(4, 12))
		return;
	CHECK_EQ(sys_munmap(x + P(20), P(4)), 0);
	a = map_sa(0, P(2));
	CHECK_EQ(a, x + P(8));		/* not x + 20p */
	b = map_sa(0, P(1));
	CHECK_EQ(b, x + P(20));
	c = map_sa(0, P(2));		/* no 5-page gap left in X */
	CHECK_EQ(c, ALIGN_DOWN(r - P(2), SHMLBA));
	d = map_pa(0, P(2));		/* private: any 2 pages */
	CHECK_EQ(d, x + P(22));
	CHECK_NEW_MAPPING(a, P(2), 0xc7);
	CHECK_NEW_MAPPING(b, P(1), 0xc8);
	CHECK_NEW_MAPPING(c, P(2), 0xc9);
	CHECK_NEW_MAPPING(d, P(2), 0xca);
	colour_end();
}

/*
 * File mappings, private or shared, are coloured by their offset:
 * addr % SHMLBA == (pgoff << PAGE_SHIFT) % SHMLBA (align_offset = pgoff
 * << PAGE_SHIFT, arch/arm/mm/mmap.c), the top of the gap rounded down to
 * that colour. Hole: pages 8-23.
 */
static void test_file_colour(void)
{
	unsigned long f1, f2, f3, f4;
	int fd;

	utest_case("file_congruent_to_pgoff");
	if (!colour_begin(8, 24))
		return;
	fd = open_pages();
	f1 = map_page(fd, 0, MAP_PRIVATE, 1);
	CHECK_EQ(f1, x + P(21));	/* x + 23p down to colour 1 */
	f2 = map_page(fd, 0, MAP_SHARED, 2);
	CHECK_EQ(f2, x + P(18));	/* below f1: colour 2 */
	f3 = (unsigned long)sys_mmap2(0, P(2), PROT_READ, MAP_SHARED, fd, 0);
	CHECK_EQ(f3, x + P(16));	/* 2 pages from offset 0 */
	f4 = map_page(fd, 0, MAP_PRIVATE, 3);
	CHECK_EQ(f4, x + P(15));
	CHECK_EQ(COLOUR(f1), P(1));
	CHECK_EQ(COLOUR(f2), P(2));
	CHECK_EQ(COLOUR(f3), 0);
	CHECK_EQ(COLOUR(f4), P(3));
	CHECK(shows_page(f1, 1));
	CHECK(shows_page(f2, 2));
	CHECK(shows_page(f3, 0));
	CHECK(shows_page(f3 + P(1), 1));
	CHECK(shows_page(f4, 3));
	sys_close(fd);
	colour_end();
}

/*
 * A hint is first rounded to the colour, COLOUR_ALIGN(addr, pgoff): up
 * to SHMLBA, plus the colour of the offset (arch/arm/mm/mmap.c), then
 * taken if free; a private anonymous hint only loses its page offset
 * (round_hint_to_min, mm/mmap.c). A hint whose rounded address is not
 * free is ignored for the search. Hole: pages 8-23.
 */
static void test_hint_colour_aligned(void)
{
	unsigned long a, b, c, d, e;
	int fd;

	utest_case("hint_colour_aligned");
	if (!colour_begin(8, 24))
		return;
	fd = open_pages();
	a = map_sa(x + P(9) + 0x123, P(1));
	CHECK_EQ(a, x + P(12));
	b = map_page(fd, x + P(9), MAP_PRIVATE, 1);
	CHECK_EQ(b, x + P(13));		/* x + 12p + colour 1 */
	c = map_pa(x + P(9) + 0x123, P(1));
	CHECK_EQ(c, x + P(9));
	d = map_sa(x + P(21), P(1));	/* rounds to x + 24p: mapped */
	CHECK_EQ(d, x + P(20));		/* the search's answer */
	e = map_sa(x + P(14) + 1, P(1));
	CHECK_EQ(e, x + P(16));
	CHECK_NEW_MAPPING(a, P(1), 0xcb);
	CHECK(shows_page(b, 1));
	CHECK_NEW_MAPPING(c, P(1), 0xcc);
	CHECK_NEW_MAPPING(d, P(1), 0xcd);
	CHECK_NEW_MAPPING(e, P(1), 0xce);
	CHECK(utest_holds(x + P(24), P(8), 0x11));
	sys_close(fd);
	colour_end();
}

/*
 * MAP_FIXED is checked, not moved: a shared mapping at the wrong colour
 * is -EINVAL ("aliasing && flags & MAP_SHARED && (addr - (pgoff <<
 * PAGE_SHIFT)) & (SHMLBA - 1)", arch/arm/mm/mmap.c), before anything is
 * unmapped and before MAP_FIXED_NOREPLACE's EEXIST (do_mmap). A private
 * mapping, anonymous or file, may go anywhere. Hole: pages 8-23.
 */
static void test_fixed_colour_check(void)
{
	int fd;

	utest_case("fixed_shared_wrong_colour_einval");
	if (!colour_begin(8, 24))
		return;
	fd = open_pages();
	CHECK_EQ(sys_mmap2(x + P(9), P(1), RW, SA | MAP_FIXED, -1, 0),
		 -EINVAL);
	CHECK_EQ(sys_mmap2(x + P(9), P(1), RW, SA | MAP_FIXED_NOREPLACE, -1,
			   0),
		 -EINVAL);
	CHECK_EQ(sys_mmap2(x + P(1), P(1), RW, SA | MAP_FIXED, -1, 0),
		 -EINVAL);			/* over X: X keeps its data */
	CHECK(utest_holds(x, P(8), 0x11));
	CHECK_EQ(sys_mmap2(x + P(4), P(1), RW, SA | MAP_FIXED_NOREPLACE, -1,
			   0),
		 -EEXIST);			/* right colour, over X */
	CHECK_EQ(map(x + P(9), P(1), RW, PA | MAP_FIXED), x + P(9));
	CHECK_EQ(map(x + P(12), P(1), RW, SA | MAP_FIXED), x + P(12));
	CHECK_NEW_MAPPING(x + P(9), P(1), 0xcf);
	CHECK_NEW_MAPPING(x + P(12), P(1), 0xd0);
	CHECK_EQ((long)map_page(fd, x + P(16), MAP_SHARED | MAP_FIXED, 1),
		 -EINVAL);
	CHECK_EQ(map_page(fd, x + P(17), MAP_SHARED | MAP_FIXED, 1),
		 x + P(17));
	CHECK_EQ(map_page(fd, x + P(16), MAP_PRIVATE | MAP_FIXED, 1),
		 x + P(16));
	CHECK(shows_page(x + P(16), 1));
	CHECK(shows_page(x + P(17), 1));
	sys_close(fd);
	colour_end();
}

/* ---- main ----------------------------------------------------------------- */

int main(int argc, char **argv)
{
	static char outbuf[256];

	if (argc == 3 && strcmp(argv[1], "--legacy") == 0) {
		setvbuf(stdout, outbuf, _IOLBF, sizeof(outbuf));
		return play_role(argv[2]);
	}
	utest_begin("placement_arm");
	if (!proc_ensure()) {
		utest_diag("no /proc/self/maps");
		return 1;
	}
	utest_run("fallback_above_mmap_base", test_fallback_above_mmap_base);
	utest_run("fallback_full_enomem", test_fallback_full_enomem);
	run_legacy("legacy_lowest_gap_first", "first");
	run_legacy("legacy_lowest_hole_first", "holes");
	run_legacy("legacy_hint", "hint");
	run_legacy("legacy_full_no_fallback", "full");
	run_legacy("legacy_colour_rounds_up", "colour");
	test_shared_anon_aligned();
	test_align_overhead();
	test_file_colour();
	test_hint_colour_aligned();
	test_fixed_colour_check();
	return utest_end();
}
