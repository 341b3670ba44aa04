/*
 * tests/user/oom.c - running out of memory kills the task that needed the
 * page, not the kernel (run with MEM=32M: the oom stage of make test).
 *
 * A child maps far more anonymous memory than the machine has (allowed:
 * MAP_NORESERVE, nothing is allocated at mmap time) and writes one byte
 * per page. Each write needs a fresh page; when none is left the fault
 * cannot be served, and the kernel kills the child as Linux's OOM killer
 * would: SIGKILL. The parent then checks that it can still map, write and
 * read memory. The runner checks that every page came back.
 */
#include "kernel/errno.h"
#include "process.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define HUGE_LEN (1024UL << 20)	/* 1 GiB: more than any MEM= allows */
#define SIGKILL 9

/* Child: touch page after page until the kernel gives up on us. */
static void eat_memory(unsigned long unused)
{
	long base = sys_mmap2(0, HUGE_LEN, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			      -1, 0);

	if (sys_is_err(base))
		sys_exit(2);
	for (unsigned long off = 0; off < HUGE_LEN; off += PAGE)
		*(volatile char *)(base + off) = 1;
	sys_exit(3);		/* 1 GiB fitted: MEM= was not small */
}

static void out_of_memory_kills_the_task(void)
{
	int status = utest_in_child(eat_memory, 0);

	CHECK_KILLED(status, SIGKILL);
}

static void the_system_goes_on(void)
{
	long p = sys_mmap2(0, 16 * PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(!sys_is_err(p));
	if (sys_is_err(p))
		return;
	for (int i = 0; i < 16; i++)
		((volatile char *)p)[i * PAGE] = (char)i;
	for (int i = 0; i < 16; i++)
		CHECK_EQ(((volatile char *)p)[i * PAGE], i);
	CHECK_EQ(sys_munmap(p, 16 * PAGE), 0);
}

int main(void)
{
	utest_begin("oom");
	utest_run("out_of_memory_kills_the_task", out_of_memory_kills_the_task);
	utest_run("the_system_goes_on", the_system_goes_on);
	return utest_end();
}
