/*
 * tests/user/fork.c - fork(2) gives the child a copy of the parent's
 * memory, except what is mapped MAP_SHARED, which both then share.
 *
 * The memory under test, made before each fork:
 *
 *	g_data, g_bss	a global in .data and one in .bss
 *	heap		64 KiB from malloc (the break)
 *	stack		an array on the parent's stack
 *	priv		4 pages MAP_PRIVATE|MAP_ANONYMOUS, written
 *	untouched	2 private pages never touched before the fork
 *	zread		1 private writable page only read (the zero page)
 *	shared		2 pages MAP_SHARED|MAP_ANONYMOUS
 *
 * Private memory: the child sees the parent's values at fork time, and
 * after that neither sees the other's writes (man 2 fork: "the child
 * process and the parent process run in separate memory spaces").
 * Shared memory: writes go both ways (man 2 mmap, MAP_SHARED), also for a
 * page first touched after the fork.
 *
 * Parent and child take turns through flags in a separate MAP_SHARED page
 * (struct turns): each waits, yielding, for the other's step. On topdown,
 * the copy-on-write counters are checked too (td_cow_copies: a write to a
 * private page still shared with the other process copies it; a page
 * that is ours alone again is reused in place, as Linux's do_wp_page).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "counters.h"
#include "kernel/errno.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define HEAP_LEN (64 * 1024)
#define STACK_LEN 256
#define PA (MAP_PRIVATE | MAP_ANONYMOUS)
#define SA (MAP_SHARED | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

static int g_data = 1234;
static int g_bss;

/* Everything a case's child looks at, set up by the parent. */
static struct {
	unsigned char *heap;
	unsigned char *stack;		/* the parent's array (same address) */
	unsigned char *priv;		/* 4 pages */
	unsigned char *untouched;	/* 2 pages */
	unsigned char *zread;		/* 1 page */
	unsigned char *shared;		/* 2 pages */
} m;

/* The turn-taking page, MAP_SHARED: who has done which step. */
static struct turns {
	int parent;
	int child;
	long word;			/* a value passed along */
} *t;

/* Map @len bytes of anonymous memory with @flags; abort the test on failure. */
static unsigned char *map(unsigned long len, int flags)
{
	long ret = sys_mmap2(0, len, RW, flags, -1, 0);

	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		exit(1);
	}
	return (unsigned char *)ret;
}

/* True if every byte of [p, p + len) is @val. */
static bool holds(const unsigned char *p, unsigned long len, unsigned char val)
{
	unsigned long i;

	for (i = 0; i < len; i++)
		if (p[i] != val)
			return false;
	return true;
}

/* Fill every private kind of memory with one value per kind, base @v. */
static void fill_private(unsigned char v)
{
	g_data = 1000 + v;
	g_bss = 2000 + v;
	memset(m.heap, v + 1, HEAP_LEN);
	memset(m.stack, v + 2, STACK_LEN);
	memset(m.priv, v + 3, 4 * PAGE);
}

/* Check the values fill_private(@v) wrote. */
static void check_private(unsigned char v)
{
	CHECK_EQ(g_data, 1000 + v);
	CHECK_EQ(g_bss, 2000 + v);
	CHECK(holds(m.heap, HEAP_LEN, v + 1));
	CHECK(holds(m.stack, STACK_LEN, v + 2));
	CHECK(holds(m.priv, 4 * PAGE, v + 3));
}

/* Fresh memory of every kind, and the parent's values in it. */
static void setup(unsigned char *stack)
{
	m.heap = malloc(HEAP_LEN);
	m.stack = stack;
	m.priv = map(4 * PAGE, PA);
	m.untouched = map(2 * PAGE, PA);
	m.zread = map(PAGE, PA);
	m.shared = map(2 * PAGE, SA);
	fill_private(0x10);
	CHECK(holds(m.zread, PAGE, 0));		/* maps the zero page */
	memset(m.shared, 0xa1, 2 * PAGE);
	memset(t, 0, sizeof(*t));
}

/* Give back what setup() took. */
static void teardown(void)
{
	free(m.heap);
	CHECK_EQ(sys_munmap((unsigned long)m.priv, 4 * PAGE), 0);
	CHECK_EQ(sys_munmap((unsigned long)m.untouched, 2 * PAGE), 0);
	CHECK_EQ(sys_munmap((unsigned long)m.zread, PAGE), 0);
	CHECK_EQ(sys_munmap((unsigned long)m.shared, 2 * PAGE), 0);
}

/* Child: everything holds the parent's values of fork time. */
static void child_sees_copy(unsigned long unused)
{
	check_private(0x10);
	CHECK(holds(m.untouched, 2 * PAGE, 0));
	CHECK(holds(m.zread, PAGE, 0));
	CHECK(holds(m.shared, 2 * PAGE, 0xa1));
}

/* The child starts with a copy of every kind of memory. */
static void test_child_sees_copy(void)
{
	unsigned char stack[STACK_LEN];

	setup(stack);
	CHECK_EXITED(utest_in_child(child_sees_copy, 0), 0);
	teardown();
}

/* Child: write new values everywhere, then end. */
static void child_writes(unsigned long unused)
{
	fill_private(0x50);
	memset(m.untouched, 0x55, 2 * PAGE);
	memset(m.zread, 0x56, PAGE);
	check_private(0x50);
}

/* The child's writes to private memory stay in the child. */
static void test_child_writes_not_seen(void)
{
	unsigned char stack[STACK_LEN];

	setup(stack);
	CHECK_EXITED(utest_in_child(child_writes, 0), 0);
	check_private(0x10);
	CHECK(holds(m.untouched, 2 * PAGE, 0));
	CHECK(holds(m.zread, PAGE, 0));
	teardown();
}

/* Child: wait until the parent has written, then check our old values. */
static void child_after_parent_writes(unsigned long unused)
{
	t->child = 1;
	if (!utest_await(&t->parent, 1)) {
		utest_diag("child: the parent never wrote");
		sys_exit_group(2);
	}
	check_private(0x10);
	CHECK(holds(m.untouched, 2 * PAGE, 0));
	CHECK(holds(m.zread, PAGE, 0));
}

/*
 * The parent's writes after the fork stay in the parent, while the child
 * is alive to look.
 */
static void test_parent_writes_not_seen(void)
{
	unsigned char stack[STACK_LEN];
	int status;
	long pid;

	setup(stack);
	pid = utest_fork();
	if (pid == 0) {
		child_after_parent_writes(0);
		utest_child_exit();
	}
	CHECK(pid > 0);
	CHECK(utest_await(&t->child, 1));
	fill_private(0x30);
	memset(m.untouched, 0x35, 2 * PAGE);
	memset(m.zread, 0x36, PAGE);
	t->parent = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	check_private(0x30);
	teardown();
}

/* Child: see the parent's value, write, wait for the parent's answer. */
static void child_shared(unsigned long unused)
{
	CHECK(holds(m.shared, 2 * PAGE, 0xa1));
	memset(m.shared, 0xb2, PAGE);			/* page 0 */
	t->child = 1;
	if (!utest_await(&t->parent, 1))
		sys_exit_group(2);
	CHECK(holds(m.shared + PAGE, PAGE, 0xc3));	/* page 1 */
	CHECK(holds(m.shared, PAGE, 0xb2));
	memset(m.shared, 0xd4, 2 * PAGE);		/* seen after exit */
}

/* MAP_SHARED|MAP_ANONYMOUS memory is shared, both ways. */
static void test_shared_anon_both_ways(void)
{
	unsigned char stack[STACK_LEN];
	int status;
	long pid;

	setup(stack);
	pid = utest_fork();
	if (pid == 0) {
		child_shared(0);
		utest_child_exit();
	}
	CHECK(utest_await(&t->child, 1));
	CHECK(holds(m.shared, PAGE, 0xb2));		/* the child's */
	CHECK(holds(m.shared + PAGE, PAGE, 0xa1));
	memset(m.shared + PAGE, 0xc3, PAGE);
	t->parent = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK(holds(m.shared, 2 * PAGE, 0xd4));
	teardown();
}

/* Child: be the first to touch the shared pages. */
static void child_first_touch(unsigned long addr)
{
	memset((void *)addr, 0xe5, 3 * PAGE);
}

/*
 * Shared pages first touched after the fork, by the child, are still the
 * parent's: the page belongs to the shared object, not to whoever
 * faulted it in. The parent reads the child's bytes after it ended.
 */
static void test_shared_anon_first_touch_in_child(void)
{
	unsigned char *s = map(3 * PAGE, SA);

	CHECK_EXITED(utest_in_child(child_first_touch, (unsigned long)s), 0);
	CHECK(holds(s, 3 * PAGE, 0xe5));
	CHECK_EQ(sys_munmap((unsigned long)s, 3 * PAGE), 0);
}

/* Child: pids as seen from inside. */
static void child_pids(unsigned long parent)
{
	CHECK_EQ(sys_getppid(), parent);
	CHECK(sys_getpid() != (long)parent);
	t->word = sys_getpid();
}

/* fork returns the child's pid, which is what the child's getpid says. */
static void test_pids(void)
{
	long me = sys_getpid();
	int status;
	long pid;

	t->word = 0;
	pid = utest_fork();
	if (pid == 0) {
		child_pids(me);
		utest_child_exit();
	}
	CHECK(pid > 0);
	CHECK(pid != me);
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(t->word, pid);
	CHECK_EQ(sys_getpid(), me);
}

/*
 * Child of the counters case: after the fork every private page it
 * shares with the parent is copied on its first write, and only then.
 */
static void child_cow_counts(unsigned long unused)
{
	struct vm_counters a, b;
	unsigned long i;

	counters_prefault();		/* our own copies, made now */
	counters_read(&a);
	/* pages 0-2, written by the parent before the fork; page 3 stays
	 * shared for the parent's test */
	for (i = 0; i < 3; i++)
		m.priv[i * PAGE] = 0x77;
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 3, .cow = 3, .tables = ANY_DELTA);

	counters_read(&a);
	m.untouched[0] = 1;		/* never touched: a fresh page */
	m.untouched[PAGE] = 1;
	m.zread[0] = 1;			/* the zero page: a fresh page too */
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 3, .anon = 3, .tables = ANY_DELTA);

	counters_read(&a);
	m.shared[0] = 1;		/* shared: written in place */
	m.shared[PAGE] = 1;
	counters_read(&b);
	/*
	 * Linux's fork copies no PTEs of a shared mapping (the child faults
	 * them in again): how many faults this takes is the kernel's choice.
	 */
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA, .tables = ANY_DELTA);

	t->child = 1;			/* quiet from here on */
	if (!utest_await(&t->parent, 1))
		sys_exit_group(2);
	CHECK_EQ(m.priv[4 * PAGE - 1], 0x13);	/* the parent's write unseen */
}

/*
 * Faults and topdown's counters through a fork: the child's writes to
 * private pages it shares with the parent copy them (td_cow_copies); the
 * parent's write to a page the child still shares copies it too; once
 * the child is gone, the parent's write to a page that was shared reuses
 * it (a fault, no copy). pgfault is checked on both kernels, the td_*
 * counters on topdown.
 */
static void test_cow_counters(void)
{
	unsigned char stack[STACK_LEN];
	struct vm_counters a, b;
	int status;
	long pid;

	setup(stack);
	counters_read(&a);
	if (!counters_topdown(&a))
		utest_diag("no td_* counters (not topdown): pgfault only");
	pid = utest_fork();
	if (pid == 0) {
		child_cow_counts(0);
		utest_child_exit();
	}
	counters_prefault();		/* the parent's own copies, now */
	CHECK(utest_await(&t->child, 1));
	counters_read(&a);
	m.priv[4 * PAGE - 1] = 0x44;	/* page 3: the child still has it */
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1, .cow = 1);
	t->parent = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);

	counters_read(&a);
	m.priv[0] = 0x45;		/* page 0: ours alone again */
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 1);
	teardown();
}

int main(void)
{
	static struct turns *page;

	utest_begin("fork");
	page = (struct turns *)map(PAGE, SA);
	t = page;
	utest_run("child_sees_copy", test_child_sees_copy);
	utest_run("child_writes_not_seen_by_parent",
		  test_child_writes_not_seen);
	utest_run("parent_writes_not_seen_by_child",
		  test_parent_writes_not_seen);
	utest_run("shared_anon_both_ways", test_shared_anon_both_ways);
	utest_run("shared_anon_first_touch_in_child",
		  test_shared_anon_first_touch_in_child);
	utest_run("pids", test_pids);
	utest_run("cow_faults_and_counters", test_cow_counters);
	return utest_end();
}
