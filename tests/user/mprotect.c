/*
 * tests/user/mprotect.c - mprotect and demand paging together: what a
 * page already faulted in becomes when its protection changes, and which
 * accesses then fault, kill, allocate or copy (Linux: mm/mprotect.c and
 * the write-fault path, do_wp_page).
 *
 * Counters as in lazy.c: pgfault on both kernels, td_* on topdown.
 */
#include "counters.h"
#include "kernel/errno.h"
#include "process.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define RW (PROT_READ | PROT_WRITE)

/* One anonymous private mapping of @pages pages with @prot, or 0. */
static unsigned long map(unsigned long pages, int prot)
{
	long ret = sys_mmap2(0, pages * PAGE, prot,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (sys_is_err(ret)) {
		check_failed(__FILE__, __LINE__, "mmap: %s",
			     utest_errname(ret));
		return 0;
	}
	return (unsigned long)ret;
}

/* The byte at @addr. */
static unsigned char peek(unsigned long addr)
{
	return *(volatile unsigned char *)addr;
}

/* Store @v at @addr. */
static void poke(unsigned long addr, unsigned char v)
{
	*(volatile unsigned char *)addr = v;
}

/* Child: read the byte at @addr (it should kill us). */
static void child_read(unsigned long addr)
{
	peek(addr);
}

/* Child: write the byte at @addr (it should kill us). */
static void child_write(unsigned long addr)
{
	poke(addr, 0x66);
}

/*
 * A PROT_READ page is read (the zero page is mapped), made PROT_READ|
 * PROT_WRITE, and written: the write faults once more and gets a fresh
 * page (the zero page is never written), which holds the value.
 */
static void test_zero_page_then_rw(void)
{
	struct vm_counters a, b;
	unsigned long m = map(1, PROT_READ), i;
	unsigned char v;

	if (!m)
		return;
	counters_read(&a);
	v = peek(m + 100);
	counters_read(&b);
	CHECK_EQ(v, 0);
	CHECK_DELTAS(&a, &b, .faults = 1, .zero = 1, .tables = ANY_DELTA);

	CHECK_EQ(sys_mprotect(m, PAGE, RW), 0);
	counters_read(&a);
	poke(m + 100, 0x5a);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1, .anon = 1);
	for (i = 0; i < PAGE; i++)
		if (peek(m + i) != (i == 100 ? 0x5a : 0))
			break;
	CHECK_EQ(i, PAGE);
	CHECK_EQ(sys_munmap(m, PAGE), 0);
}

/*
 * A written page made PROT_READ keeps its data for reading; a write to
 * it kills the writer with SIGSEGV (in a child).
 */
static void test_rw_then_r_write_kills(void)
{
	unsigned long m = map(1, RW);

	if (!m)
		return;
	poke(m, 7);
	CHECK_EQ(sys_mprotect(m, PAGE, PROT_READ), 0);
	CHECK_EQ(peek(m), 7);
	CHECK_KILLED(utest_in_child(child_write, m), SIGSEGV_NR);
	CHECK_EQ(peek(m), 7);
	CHECK_EQ(sys_munmap(m, PAGE), 0);
}

/*
 * PROT_NONE makes written pages unreadable (a read kills, in a child);
 * PROT_READ|PROT_WRITE again brings the same data back, without
 * allocating or copying a page.
 */
static void test_none_and_back(void)
{
	struct vm_counters a, b;
	unsigned long m = map(2, RW);

	if (!m)
		return;
	poke(m, 0x11);
	poke(m + PAGE + 5, 0x22);
	CHECK_EQ(sys_mprotect(m, 2 * PAGE, PROT_NONE), 0);
	CHECK_KILLED(utest_in_child(child_read, m), SIGSEGV_NR);
	CHECK_KILLED(utest_in_child(child_read, m + PAGE), SIGSEGV_NR);
	counters_prefault();		/* our own pages after the forks */
	counters_read(&a);
	CHECK_EQ(sys_mprotect(m, 2 * PAGE, RW), 0);
	CHECK_EQ(peek(m), 0x11);
	CHECK_EQ(peek(m + PAGE + 5), 0x22);
	poke(m, 0x33);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA);
	CHECK_EQ(peek(m), 0x33);
	CHECK_EQ(sys_munmap(m, 2 * PAGE), 0);
}

/*
 * A written page made read-only and then writable again is written in
 * place: the page is ours alone, nothing is allocated or copied (whether
 * the write faults to restore the permission is the kernel's business).
 */
static void test_read_only_and_back(void)
{
	struct vm_counters a, b;
	unsigned long m = map(1, RW);

	if (!m)
		return;
	counters_read(&a);
	poke(m, 1);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1, .anon = 1, .tables = ANY_DELTA);
	CHECK_EQ(sys_mprotect(m, PAGE, PROT_READ), 0);
	CHECK_EQ(sys_mprotect(m, PAGE, RW), 0);
	counters_read(&a);
	poke(m, 2);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA);
	CHECK_EQ(peek(m), 2);
	CHECK_EQ(sys_munmap(m, PAGE), 0);
}

int main(void)
{
	struct vm_counters c;

	utest_begin("mprotect");
	counters_prefault();
	if (!counters_read(&c)) {
		utest_diag("cannot read /proc/vmstat");
		return 1;
	}
	utest_run("zero_page_then_rw", test_zero_page_then_rw);
	utest_run("rw_then_r_write_kills", test_rw_then_r_write_kills);
	utest_run("none_and_back_keeps_data", test_none_and_back);
	utest_run("read_only_and_back_reuses", test_read_only_and_back);
	return utest_end();
}
