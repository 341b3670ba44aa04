/*
 * tests/user/lazy.c - demand paging: mmap allocates nothing; the first
 * read of an anonymous page maps the shared zero page, the first write
 * allocates a zeroed page, and nothing else happens.
 *
 * One 1 GiB private anonymous mapping (MAP_NORESERVE: Linux's overcommit
 * heuristic refuses more than RAM otherwise). The pages used, at a
 * 16 MiB stride from s0, the first 1 MiB boundary in the mapping, so
 * that each lies in its own 1 MiB section (its own L2 table), which no
 * other mapping shares:
 *
 *	s0 + i * 16 MiB		i = 0..63: read (N = 64), then the first
 *				16 of them written (M = 16)
 *	s0 + i * 16 MiB + 4 KiB	i = 0..7: written, never read (K = 8)
 *
 * Each step is a window between two readings of /proc/vmstat, in which
 * the test touches nothing but those pages (counters_prefault() made its
 * own memory present first), so the counters move by exactly:
 *
 *	step		pgfault	zero	anon	cow	L2 tables
 *	mmap 1 GiB	0	0	0	0	0
 *	read N		N	N	0	0	N  (one new section each)
 *	write M of them	M	0	M	0	0
 *	write them again 0	0	0	0	0
 *	write K fresh	K	0	K	0	0  (sections have tables)
 *
 * pgfault (Linux's counter) is checked on both kernels; the rest are
 * topdown's (skipped on Linux). Every value read is checked everywhere.
 */
#include <string.h>
#include "counters.h"
#include "kernel/errno.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define GIB (1UL << 30)
#define SECTION (1UL << 20)
#define STRIDE (16UL << 20)
#define N 64
#define M 16
#define K 8

static unsigned char *big;		/* the 1 GiB */
static unsigned char *s0;		/* its first section boundary */

/* Page @i of the read set. */
static volatile unsigned char *read_page(int i)
{
	return s0 + i * STRIDE;
}

/* Page @i of the fresh set (next to read page @i, in its section). */
static volatile unsigned char *fresh_page(int i)
{
	return s0 + i * STRIDE + PAGE;
}

/* Where in page @j the write step writes. */
static unsigned long offset_of(int j)
{
	return (unsigned long)j * 251 % PAGE;
}

/* What the write step writes in page @j. */
static unsigned char value_of(int j)
{
	return (unsigned char)(0x40 + j);
}

/* Is every byte of the page at @p zero, except @off (if < PAGE) = @val? */
static bool page_is(volatile unsigned char *p, unsigned long off,
		    unsigned char val)
{
	unsigned long i;

	for (i = 0; i < PAGE; i++)
		if (p[i] != (i == off ? val : 0))
			return false;
	return true;
}

/* Mapping 1 GiB allocates nothing and faults nothing. */
static void test_map_1g(void)
{
	struct vm_counters a, b;
	long ret;

	counters_read(&a);
	ret = sys_mmap2(0, GIB, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	counters_read(&b);
	if (sys_is_err(ret)) {
		utest_diag("mmap 1 GiB: %s", utest_errname(ret));
		CHECK(!sys_is_err(ret));
		return;
	}
	big = (unsigned char *)ret;
	s0 = (unsigned char *)(((unsigned long)big + SECTION - 1) &
			       ~(SECTION - 1));
	utest_diag("1 GiB at %p, first section at %p", big, s0);
	CHECK_DELTAS(&a, &b);
}

/* Reading N pages maps the zero page N times; every byte reads 0. */
static void test_read_n(void)
{
	struct vm_counters a, b;
	unsigned int sum = 0;
	int i, nonzero = 0;

	counters_read(&a);
	for (i = 0; i < N; i++)
		sum += *read_page(i);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = N, .zero = N, .tables = N);
	CHECK_EQ(sum, 0);
	for (i = 0; i < N; i++)
		if (!page_is(read_page(i), PAGE, 0))
			nonzero++;
	CHECK_EQ(nonzero, 0);
	counters_read(&a);			/* reading them all faulted */
	CHECK_EQ(a.pgfault - b.pgfault, 0);	/* nothing more */
}

/*
 * Writing M of the zero-mapped pages allocates exactly M pages (not
 * copies: the zero page needs none); writing them again, nothing.
 */
static void test_write_m(void)
{
	struct vm_counters a, b;
	int j, wrong = 0;

	counters_read(&a);
	for (j = 0; j < M; j++)
		read_page(j)[offset_of(j)] = value_of(j);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = M, .anon = M);

	counters_read(&a);
	for (j = 0; j < M; j++)
		read_page(j)[offset_of(j)] = value_of(j);
	counters_read(&b);
	CHECK_DELTAS(&a, &b);

	for (j = 0; j < N; j++)
		if (!page_is(read_page(j), j < M ? offset_of(j) : PAGE,
			     value_of(j)))
			wrong++;
	CHECK_EQ(wrong, 0);
}

/* Writing K never-touched pages allocates K, maps no zero page. */
static void test_write_fresh(void)
{
	struct vm_counters a, b;
	int i, wrong = 0;

	counters_read(&a);
	for (i = 0; i < K; i++)
		fresh_page(i)[PAGE - 1] = 0xee;
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = K, .anon = K);
	for (i = 0; i < K; i++)
		if (!page_is(fresh_page(i), PAGE - 1, 0xee))
			wrong++;
	CHECK_EQ(wrong, 0);
}

/* munmap gives the M + K data pages back (and maybe the L2 tables). */
static void test_munmap_frees(void)
{
	struct vm_counters a, b;

	counters_read(&a);
	CHECK_EQ(sys_munmap((unsigned long)big, GIB), 0);
	counters_read(&b);
	if (!counters_topdown(&a)) {
		/* Linux frees to per-CPU lists first, not counted as free */
		utest_skip("nr_free_pages is exact on topdown only");
		return;
	}
	utest_diag("nr_free_pages %ld -> %ld", a.nr_free_pages,
		   b.nr_free_pages);
	CHECK(b.nr_free_pages - a.nr_free_pages >= M + K);
	utest_done();
}

int main(void)
{
	struct vm_counters c;

	utest_begin("lazy");
	counters_prefault();
	if (!counters_read(&c)) {
		utest_diag("cannot read /proc/vmstat");
		return 1;
	}
	if (!counters_topdown(&c))
		utest_diag("no td_* counters (not topdown): pgfault and "
			   "values only");
	utest_run("map_1g_allocates_nothing", test_map_1g);
	if (!big)
		return utest_end();
	utest_run("read_n_pages_maps_zero_page", test_read_n);
	utest_run("write_m_allocates_m", test_write_m);
	utest_run("write_fresh_allocates", test_write_fresh);
	utest_case("munmap_frees");
	test_munmap_frees();
	return utest_end();
}
