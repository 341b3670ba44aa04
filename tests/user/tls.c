/*
 * tests/user/tls.c - the thread pointer of ARM Linux: set_tls (private
 * call 0xf0005) sets what user mode reads in TPIDRURO, the register a C
 * library finds its thread's data by (glibc and musl call set_tls before
 * main). Each task has its own: it survives switches to other tasks, a
 * forked child starts with its parent's, a new program starts with 0.
 * get_tls (0xf0006) reads it back; an ARM-private number nobody
 * implements answers ENOSYS. ThumbEE's handler base TEEHBR, the other
 * register of this kind user mode has on this CPU, is kept per task too.
 *
 *	tls [exec-check]   (exec-check: the exec'd copy, which exits 0 if
 *	                    its thread pointer is 0)
 */
#include <string.h>
#include "kernel/errno.h"
#include "kernel/unistd.h"
#include "auxv.h"
#include "syscall.h"
#include "utest.h"

/* TPIDRURO, as user mode reads it. */
static unsigned long tpidruro(void)
{
	unsigned long v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

/* ThumbEE's handler base, which user mode may read and write too. */
static unsigned long teehbr(void)
{
	unsigned long v;

	__asm__ volatile("mrc p14, 6, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static void set_teehbr(unsigned long v)
{
	__asm__ volatile("mcr p14, 6, %0, c1, c0, 0" : : "r"(v));
}

static long set_tls(unsigned long v)
{
	return __syscall(__ARM_NR_set_tls, (long)v, 0, 0, 0, 0, 0);
}

static unsigned long get_tls(void)
{
	return (unsigned long)__syscall(__ARM_NR_get_tls, 0, 0, 0, 0, 0, 0);
}

static const char *self;	/* argv[0], to exec again */
static unsigned long at_start, teehbr_at_start;

/* A program starts with no thread pointer; set_tls gives it one. */
static void test_set_tls_sets_tpidruro(void)
{
	CHECK_EQ(at_start, 0);
	CHECK_EQ(set_tls(0x12345678), 0);
	CHECK_EQ(tpidruro(), 0x12345678);
	CHECK_EQ(get_tls(), 0x12345678);
	CHECK_EQ(set_tls(0), 0);
	CHECK_EQ(tpidruro(), 0);
}

/* The child: the parent's value first, then its own across a yield. */
static void child_sets_its_own(unsigned long parent_value)
{
	CHECK_EQ(tpidruro(), parent_value);
	CHECK_EQ(set_tls(0xc0ffee00), 0);
	for (int i = 0; i < 3; i++)
		sys_sched_yield();
	CHECK_EQ(tpidruro(), 0xc0ffee00);
	CHECK_EQ(get_tls(), 0xc0ffee00);
}

/*
 * Two tasks, two thread pointers: the child inherits the parent's, sets
 * its own and yields; each switch loads the running task's.
 */
static void test_each_task_keeps_its_own(void)
{
	CHECK_EQ(set_tls(0xa5a50000), 0);
	CHECK_EXITED(utest_in_child(child_sets_its_own, 0xa5a50000), 0);
	CHECK_EQ(tpidruro(), 0xa5a50000);
	CHECK_EQ(get_tls(), 0xa5a50000);
}

/* The child: its own TEEHBR across yields. */
static void child_sets_its_teehbr(unsigned long unused)
{
	(void)unused;
	set_teehbr(0x0badf00c);
	for (int i = 0; i < 3; i++)
		sys_sched_yield();
	CHECK_EQ(teehbr(), 0x0badf00c);
}

/*
 * ThumbEE's handler base (AT_HWCAP's HWCAP_THUMBEE on this CPU) is per
 * task as the thread pointer is, kept across switches (0 after exec:
 * test_exec_starts_at_zero). The low two bits read as 0. What a forked
 * child starts with is not checked: topdown gives it the parent's value,
 * Linux 6.1 the one saved at the parent's last switch away.
 */
static void test_teehbr_kept_per_task(void)
{
	CHECK(getauxval(AT_HWCAP) & 0x800);	/* HWCAP_THUMBEE */
	CHECK_EQ(teehbr_at_start, 0);
	set_teehbr(0x12345678);
	CHECK_EQ(teehbr(), 0x12345678 & ~3UL);
	set_teehbr(0x600dcafc);
	CHECK_EXITED(utest_in_child(child_sets_its_teehbr, 0), 0);
	CHECK_EQ(teehbr(), 0x600dcafc);
}

/* The child: a new program, which must start at 0. */
static void child_execs(unsigned long unused)
{
	char *argv[] = { (char *)self, "exec-check", NULL };
	char *envp[] = { NULL };

	(void)unused;
	CHECK_EQ(sys_execve(self, argv, envp), 0);	/* only on failure */
}

/* execve: the new program has no thread pointer, whatever was set. */
static void test_exec_starts_at_zero(void)
{
	CHECK_EQ(set_tls(0x5eed0000), 0);
	set_teehbr(0x5eed0000);
	CHECK_EXITED(utest_in_child(child_execs, 0), 0);
}

/* ARM-private numbers Linux does not implement, up to 0xf07ff: ENOSYS. */
static void test_unknown_private_call_is_enosys(void)
{
	CHECK_EQ(__syscall(__ARM_NR_BASE + 0x10, 0, 0, 0, 0, 0, 0), -ENOSYS);
	CHECK_EQ(__syscall(__ARM_NR_BASE + 0x7ff, 0, 0, 0, 0, 0, 0),
		 -ENOSYS);
}

int main(int argc, char **argv)
{
	at_start = tpidruro();
	teehbr_at_start = teehbr();
	if (argc > 1 && !strcmp(argv[1], "exec-check"))
		return at_start == 0 && teehbr_at_start == 0 ? 0 : 1;
	self = argv[0];
	utest_begin("tls");
	utest_run("set_tls_sets_tpidruro", test_set_tls_sets_tpidruro);
	utest_run("each_task_keeps_its_own", test_each_task_keeps_its_own);
	utest_run("teehbr_kept_per_task", test_teehbr_kept_per_task);
	utest_run("exec_starts_at_zero", test_exec_starts_at_zero);
	utest_run("unknown_private_call_is_enosys",
		  test_unknown_private_call_is_enosys);
	return utest_end();
}
