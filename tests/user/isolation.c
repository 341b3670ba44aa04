/*
 * tests/user/isolation.c - each process has its own address space: two
 * processes of one program use the same virtual addresses for a global,
 * a malloc'd buffer and a stack variable, write different values there
 * at the same time, and each finds its own values intact.
 *
 * fork_children
 *	Two forked children, running side by side (each waits for the
 *	other to be ready), each write their own value to the three places,
 *	yield 1000 times while checking them, and report their three
 *	addresses in a MAP_SHARED page: the parent checks that the two
 *	children used the same addresses and both found their values.
 *
 * exec_children
 *	The same with two fresh images of this program (execve, role
 *	"--child VALUE SLOT"), which share no memory at all: each writes
 *	its addresses as one text line into /data/scratch at line SLOT
 *	(write(2); the parent reads the lines back, compares them and puts
 *	the file back as it was). Their arguments have equal lengths, so
 *	that their initial stacks are laid out alike, and they are started
 *	with ASLR off (personality ADDR_NO_RANDOMIZE), else each image
 *	would have its own layout.
 *
 * The addresses are printed too, to see them equal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "datafiles.h"
#include "kernel/errno.h"
#include "process.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define SELF "/tests/isolation"
#define ROUNDS 1000
#define BUF_LEN 4096
#define SCRATCH "/data/scratch"

static volatile unsigned long g_value;	/* the global */

/* What a forked child reports (a MAP_SHARED page). */
static struct report {
	volatile int ready;
	unsigned long global, heap, stack;
	volatile int intact;
} *reports;

/* Three places of one process and the value they hold. */
struct places {
	volatile unsigned long *global, *heap, *stack;
};

/* Write @v to the three places. */
static void put(const struct places *p, unsigned long v)
{
	*p->global = v;
	*p->heap = v;
	*p->stack = v;
}

/* Do the three places hold @v? */
static bool hold(const struct places *p, unsigned long v)
{
	return *p->global == v && *p->heap == v && *p->stack == v;
}

/*
 * Keep checking @p holds @v across @ROUNDS yields (with a rewrite after
 * every check, so that both processes keep writing). Returns false at
 * the first wrong value.
 */
static bool stays(const struct places *p, unsigned long v)
{
	int i;

	for (i = 0; i < ROUNDS; i++) {
		sys_sched_yield();
		if (!hold(p, v))
			return false;
		put(p, v);
	}
	return true;
}

/* Forked child @k: write, report, wait for the sibling, check. */
static void fork_child(int k)
{
	volatile unsigned long on_stack;
	unsigned long *heap = malloc(BUF_LEN);
	struct places p = { &g_value, heap, &on_stack };
	unsigned long v = 0x11111111UL * (k + 1);

	put(&p, v);
	reports[k].global = (unsigned long)p.global;
	reports[k].heap = (unsigned long)p.heap;
	reports[k].stack = (unsigned long)p.stack;
	reports[k].ready = 1;
	utest_await(&reports[1 - k].ready, 1);	/* both are writing now */
	reports[k].intact = stays(&p, v);
	printf("# isolation: fork child %d: global %p heap %p stack %p "
	       "held %#lx: %s\n", k, (void *)p.global, (void *)p.heap,
	       (void *)p.stack, v, reports[k].intact ? "intact" : "CHANGED");
	sys_exit_group(0);
}

/* Two forked children: same addresses, each its own values. */
static void test_fork_children(void)
{
	long pids[2];
	int k, status;

	memset(reports, 0, 2 * sizeof(*reports));
	for (k = 0; k < 2; k++) {
		pids[k] = utest_fork();
		if (pids[k] == 0)
			fork_child(k);
	}
	for (k = 0; k < 2; k++) {
		CHECK_EQ(sys_wait4(pids[k], &status, 0), pids[k]);
		CHECK_EXITED(status, 0);
		CHECK_EQ(reports[k].intact, 1);
	}
	CHECK_EQ(reports[0].global, reports[1].global);
	CHECK_EQ(reports[0].heap, reports[1].heap);
	CHECK_EQ(reports[0].stack, reports[1].stack);
	CHECK(reports[0].global != 0 && reports[0].heap != 0);
}

/*
 * Role --child VALUE SLOT of an exec'd child: write, check, and put our
 * addresses as line SLOT of the scratch file. Returns the exit status.
 */
static int exec_child(unsigned long v, int slot)
{
	volatile unsigned long on_stack;
	unsigned long *heap = malloc(BUF_LEN);
	struct places p = { &g_value, heap, &on_stack };
	char line[DATA_LINE];
	bool intact;
	long fd;

	put(&p, v);
	intact = stays(&p, v);
	printf("# isolation: exec child %d: global %p heap %p stack %p "
	       "held %#lx: %s\n", slot, (void *)p.global, (void *)p.heap,
	       (void *)p.stack, v, intact ? "intact" : "CHANGED");
	memset(line, ' ', sizeof(line));
	snprintf(line, sizeof(line), "%08lx %08lx %08lx %d",
		 (unsigned long)p.global, (unsigned long)p.heap,
		 (unsigned long)p.stack, intact);
	fd = sys_open(SCRATCH, LINUX_O_WRONLY, 0);
	if (fd < 0 || sys_lseek(fd, slot * DATA_LINE, 0) != slot * DATA_LINE ||
	    sys_write(fd, line, 32) != 32)
		return 2;
	sys_close(fd);
	return intact ? 0 : 1;
}

/* Read line @slot of the scratch file into @buf (32 bytes + NUL). */
static bool read_slot(int slot, char *buf)
{
	long fd = sys_open(SCRATCH, LINUX_O_RDONLY, 0);
	bool ok;

	ok = fd >= 0 && sys_lseek(fd, slot * DATA_LINE, 0) == slot * DATA_LINE &&
	     sys_read(fd, buf, 32) == 32;
	buf[32] = '\0';
	if (fd >= 0)
		sys_close(fd);
	return ok;
}

/* Put the scratch file's first two lines back as they were. */
static void restore_scratch(void)
{
	char orig[2 * DATA_LINE];
	long fd = sys_open(SCRATCH, LINUX_O_WRONLY, 0);
	unsigned long i;

	for (i = 0; i < sizeof(orig); i++)
		orig[i] = scratch_byte(i);
	CHECK(fd >= 0);
	CHECK_EQ(sys_write(fd, orig, sizeof(orig)), sizeof(orig));
	sys_close(fd);
}

/* Two exec'd children: same addresses, each its own values. */
static void test_exec_children(void)
{
	char *argv0[] = { SELF, "--child", "0x22222222", "0", NULL };
	char *argv1[] = { SELF, "--child", "0x33333333", "1", NULL };
	char line0[33], line1[33];
	long persona = sys_personality(0xffffffff);
	long pid0, pid1;
	int status;

	/* fresh images share addresses only without ASLR, whose point is
	 * that they do not: the children inherit ADDR_NO_RANDOMIZE
	 * (setarch -R), which counts at their execve */
	CHECK_EQ(sys_personality((unsigned long)persona |
				 LINUX_ADDR_NO_RANDOMIZE), persona);
	pid0 = spawn(SELF, argv0);
	pid1 = spawn(SELF, argv1);
	CHECK_EQ(sys_personality((unsigned long)persona),
		 persona | LINUX_ADDR_NO_RANDOMIZE);
	CHECK(pid0 > 0 && pid1 > 0);
	CHECK_EQ(sys_wait4(pid0, &status, 0), pid0);
	CHECK_EXITED(status, 0);
	CHECK_EQ(sys_wait4(pid1, &status, 0), pid1);
	CHECK_EXITED(status, 0);
	CHECK(read_slot(0, line0));
	CHECK(read_slot(1, line1));
	utest_diag("slot 0: %s", line0);
	utest_diag("slot 1: %s", line1);
	CHECK(strncmp(line0, line1, 26) == 0);	/* the three addresses */
	CHECK_EQ(line0[27], '1');		/* intact */
	CHECK_EQ(line1[27], '1');
	restore_scratch();
}

int main(int argc, char **argv)
{
	long ret;

	if (argc == 4 && strcmp(argv[1], "--child") == 0)
		return exec_child(strtoul(argv[2], NULL, 0), atoi(argv[3]));

	utest_begin("isolation");
	ret = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		return 1;
	}
	reports = (void *)ret;
	utest_run("fork_children", test_fork_children);
	utest_run("exec_children", test_exec_children);
	return utest_end();
}
