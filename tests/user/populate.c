/*
 * tests/user/populate.c - MAP_POPULATE faults the whole mapping in at
 * mmap time (mm_populate), as Linux does (mm/gup.c,
 * populate_vma_page_range):
 *
 *	private writable	write-populated: a fresh page each, mapped
 *				writable, so later writes do not fault
 *	private read-only	read-populated: the zero page each
 *	PROT_NONE		nothing (not accessible: populating stops)
 *	shared anonymous	pages of the shared object; values only
 *
 * Populating goes through the fault handler, so pgfault counts one per
 * page, as Linux's GUP does (handle_mm_fault counts every call).
 *
 *	mmap 16 pages ...	pgfault	zero	anon	then touching them
 *	PRIVATE RW		16	0	16	writes: no fault
 *	PRIVATE R		16	16	0	reads: no fault
 *	PRIVATE NONE		0	0	0	-
 *
 * The td_* counters are topdown's; pgfault and the values are checked
 * on both kernels.
 */
#include "counters.h"
#include "kernel/errno.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define NPAGES 16
#define PA (MAP_PRIVATE | MAP_ANONYMOUS)

/* mmap @NPAGES pages with @prot and @flags | MAP_POPULATE, between @a and @b. */
static unsigned long map_populated(int prot, int flags, struct vm_counters *a,
				   struct vm_counters *b)
{
	long ret;

	counters_read(a);
	ret = sys_mmap2(0, NPAGES * PAGE, prot, flags | MAP_POPULATE, -1, 0);
	counters_read(b);
	if (sys_is_err(ret)) {
		check_failed(__FILE__, __LINE__, "mmap: %s",
			     utest_errname(ret));
		return 0;
	}
	return (unsigned long)ret;
}

/* How many of the pages at @m hold a byte that is not zero. */
static int nonzero_pages(unsigned long m)
{
	const volatile unsigned char *p = (const unsigned char *)m;
	unsigned long pg, i;
	int bad = 0;

	for (pg = 0; pg < NPAGES; pg++) {
		for (i = 0; i < PAGE; i++)
			if (p[pg * PAGE + i])
				break;
		if (i < PAGE)
			bad++;
	}
	return bad;
}

/* Private writable: a fresh page each, at once; writing later is free. */
static void test_private_rw(void)
{
	struct vm_counters a, b;
	unsigned long m = map_populated(PROT_READ | PROT_WRITE, PA, &a, &b);
	unsigned long i;

	if (!m)
		return;
	CHECK_DELTAS(&a, &b, .faults = NPAGES, .anon = NPAGES,
		     .tables = ANY_DELTA);
	counters_read(&a);
	for (i = 0; i < NPAGES; i++)
		((volatile char *)m)[i * PAGE + 7] = 7;
	counters_read(&b);
	CHECK_DELTAS(&a, &b);
	for (i = 0; i < NPAGES; i++)
		((volatile char *)m)[i * PAGE + 7] = 0;
	CHECK_EQ(nonzero_pages(m), 0);
	CHECK_EQ(sys_munmap(m, NPAGES * PAGE), 0);
}

/* Private read-only: the zero page each; reading later is free. */
static void test_private_r(void)
{
	struct vm_counters a, b;
	unsigned long m = map_populated(PROT_READ, PA, &a, &b);
	int bad;

	if (!m)
		return;
	CHECK_DELTAS(&a, &b, .faults = NPAGES, .zero = NPAGES,
		     .tables = ANY_DELTA);
	counters_read(&a);
	bad = nonzero_pages(m);
	counters_read(&b);
	CHECK_DELTAS(&a, &b);
	CHECK_EQ(bad, 0);
	CHECK_EQ(sys_munmap(m, NPAGES * PAGE), 0);
}

/* PROT_NONE: nothing is populated (the pages cannot be accessed). */
static void test_prot_none(void)
{
	struct vm_counters a, b;
	unsigned long m = map_populated(PROT_NONE, PA, &a, &b);

	if (!m)
		return;
	CHECK_DELTAS(&a, &b, .tables = ANY_DELTA);
	CHECK_EQ(sys_munmap(m, NPAGES * PAGE), 0);
}

/*
 * Shared anonymous: populated pages read zero and take writes. How many
 * faults a first write costs after a read-populate is the kernel's
 * business (Linux on ARM faults once more to mark the page dirty), and
 * shared pages are neither zero-page maps nor copies.
 */
static void test_shared(void)
{
	struct vm_counters a, b;
	unsigned long m = map_populated(PROT_READ | PROT_WRITE,
					MAP_SHARED | MAP_ANONYMOUS, &a, &b);
	unsigned long i;

	if (!m)
		return;
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA, .anon = ANY_DELTA,
		     .tables = ANY_DELTA);
	CHECK_EQ(nonzero_pages(m), 0);
	for (i = 0; i < NPAGES; i++)
		((volatile char *)m)[i * PAGE] = (char)i;
	for (i = 0; i < NPAGES; i++)
		CHECK_EQ(((volatile char *)m)[i * PAGE], (char)i);
	CHECK_EQ(sys_munmap(m, NPAGES * PAGE), 0);
}

int main(void)
{
	struct vm_counters c;

	utest_begin("populate");
	counters_prefault();
	if (!counters_read(&c)) {
		utest_diag("cannot read /proc/vmstat");
		return 1;
	}
	if (!counters_topdown(&c))
		utest_diag("no td_* counters (not topdown): pgfault and "
			   "values only");
	utest_run("private_rw_write_populated", test_private_rw);
	utest_run("private_r_zero_page_populated", test_private_r);
	utest_run("prot_none_populates_nothing", test_prot_none);
	utest_run("shared_anon_populated", test_shared);
	return utest_end();
}
