/*
 * tests/user/faults.c - every kind of fatal access kills only the task
 * that made it, with SIGSEGV (wait status 11, shown 139 by a shell), and
 * the next task runs normally.
 *
 * A table of accesses, each made by a forked child:
 *
 *	kind	what is accessed		why it cannot be fixed
 *	read	a PROT_NONE page		no VM_READ
 *	write	a PROT_READ page		no VM_WRITE
 *	write	a PROT_READ file mapping	no VM_WRITE
 *	write	our own code			text is r-x
 *	exec	code in a PROT_READ|WRITE page	no VM_EXEC (XN)
 *	exec	code on the stack		PT_GNU_STACK says RW
 *	exec	code in the heap (malloc)	the break is RW
 *	read	0xC0000000			kernel memory
 *	write	0xC0000000			kernel memory
 *	exec	0xC0000000			kernel memory
 *	read	0xBF000000 (TASK_SIZE)		above user space
 *	read	an unmapped page		no VMA
 *	write	an unmapped page		no VMA
 *	read	a page after munmap		no VMA any more
 *	read	NULL				no VMA (below mmap_min_addr)
 *	write	NULL
 *	exec	NULL
 *
 * After each, the parent checks that its own memory is as it was and
 * that a new child can map, write and read memory and exit 0. The code
 * the exec rows jump to is two Thumb instructions, "movs r0, #42; bx lr";
 * the same code in a PROT_READ|PROT_EXEC page runs and returns 42 (the
 * control case), so the kills are due to the protection, not the code.
 *
 * topdown prints a report for each kill on the console (task, address,
 * pc, kind, the VMA, the maps); Linux kills quietly. Both end the child
 * with SIGSEGV (Linux: arch/arm/mm/fault.c, __do_user_fault).
 */
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "process.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define RW (PROT_READ | PROT_WRITE)

/* movs r0, #42 ; bx lr  (Thumb-2, 16-bit encodings) */
static const unsigned short code42[2] = { 0x202a, 0x4770 };

enum access { READ, WRITE, EXEC };

/* Where a row's access goes. */
enum target {
	T_PROT_NONE, T_READ_ONLY, T_FILE_READ_ONLY, T_TEXT, T_RW_CODE,
	T_STACK_CODE, T_HEAP_CODE, T_KERNEL, T_TASK_SIZE, T_UNMAPPED,
	T_MUNMAPPED, T_NULL,
};

struct row {
	const char *name;
	enum access access;
	enum target target;
};

static const struct row rows[] = {
	{ "read_prot_none", READ, T_PROT_NONE },
	{ "write_read_only", WRITE, T_READ_ONLY },
	{ "write_read_only_file", WRITE, T_FILE_READ_ONLY },
	{ "write_own_code", WRITE, T_TEXT },
	{ "exec_rw_mapping", EXEC, T_RW_CODE },
	{ "exec_stack", EXEC, T_STACK_CODE },
	{ "exec_heap", EXEC, T_HEAP_CODE },
	{ "read_kernel", READ, T_KERNEL },
	{ "write_kernel", WRITE, T_KERNEL },
	{ "exec_kernel", EXEC, T_KERNEL },
	{ "read_task_size", READ, T_TASK_SIZE },
	{ "read_unmapped", READ, T_UNMAPPED },
	{ "write_unmapped", WRITE, T_UNMAPPED },
	{ "read_after_munmap", READ, T_MUNMAPPED },
	{ "read_null", READ, T_NULL },
	{ "write_null", WRITE, T_NULL },
	{ "exec_null", EXEC, T_NULL },
};

/* The pages the rows aim at, made once by the parent. */
static unsigned long prot_none, read_only, file_ro, rw_code, unmapped,
		     munmapped;
static volatile unsigned long sentinel = 0x600df00d;

/*
 * Make instructions we wrote visible to instruction fetch: ARM Linux's
 * cacheflush call (real hardware needs it; QEMU models no caches).
 * topdown has no such call and answers ENOSYS, which does not matter:
 * its memory is coherent under QEMU.
 */
static void sync_icache(unsigned long start, unsigned long len)
{
	__syscall(__ARM_NR_cacheflush, (long)start, (long)(start + len), 0, 0,
		  0, 0);
}

/* Call the code at @addr (Thumb: bit 0 set); returns its r0. */
static int call(unsigned long addr)
{
	int (*fn)(void) = (int (*)(void))(addr | 1);

	return fn();
}

/* Make the access of @r; only returns if it did not fault. */
static void make_access(const struct row *r)
{
	unsigned short on_stack[2];
	unsigned short *heap;
	unsigned long addr = 0;

	switch (r->target) {
	case T_PROT_NONE:
		addr = prot_none;
		break;
	case T_READ_ONLY:
		addr = read_only;
		break;
	case T_FILE_READ_ONLY:
		addr = file_ro;
		break;
	case T_TEXT:
		addr = (unsigned long)make_access & ~1UL;
		break;
	case T_RW_CODE:
		addr = rw_code;
		break;
	case T_STACK_CODE:
		memcpy(on_stack, code42, sizeof(code42));
		addr = (unsigned long)on_stack;
		sync_icache(addr, sizeof(code42));
		break;
	case T_HEAP_CODE:
		heap = malloc(64);
		memcpy(heap, code42, sizeof(code42));
		addr = (unsigned long)heap;
		sync_icache(addr, sizeof(code42));
		break;
	case T_KERNEL:
		addr = PAGE_OFFSET;
		break;
	case T_TASK_SIZE:
		addr = TASK_SIZE;
		break;
	case T_UNMAPPED:
		addr = unmapped;
		break;
	case T_MUNMAPPED:
		addr = munmapped;
		break;
	case T_NULL:
		addr = 0;
		break;
	}
	if (r->access == READ)
		(void)*(volatile unsigned char *)addr;
	else if (r->access == WRITE)
		*(volatile unsigned char *)addr = 0x42;
	else
		call(addr);
}

/* Child of a row: the access of row @i, which must not return. */
static void child_access(unsigned long i)
{
	make_access(&rows[i]);
	utest_diag("%s: the access did not fault", rows[i].name);
	sys_exit_group(3);
}

/* Child: ordinary work after a kill (map, write, read, unmap). */
static void child_normal(unsigned long unused)
{
	long m = sys_mmap2(0, 2 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			   0);

	CHECK(!sys_is_err(m));
	if (sys_is_err(m))
		return;
	memset((void *)m, 0x5a, 2 * PAGE);
	CHECK_EQ(((volatile unsigned char *)m)[2 * PAGE - 1], 0x5a);
	CHECK_EQ(sys_munmap((unsigned long)m, 2 * PAGE), 0);
	CHECK_EQ(sentinel, 0x600df00d);
}

/* Map @len bytes of anonymous memory with @prot, or 0. */
static unsigned long map(unsigned long len, int prot)
{
	long ret = sys_mmap2(0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			     0);

	return sys_is_err(ret) ? 0 : (unsigned long)ret;
}

/* The pages of the rows; false if one could not be made. */
static bool setup(void)
{
	long fd = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	long ret;

	prot_none = map(PAGE, PROT_NONE);
	read_only = map(PAGE, PROT_READ);
	rw_code = map(PAGE, RW);
	munmapped = map(PAGE, RW);
	ret = fd < 0 ? fd : sys_mmap2(0, PAGE, PROT_READ, MAP_PRIVATE,
				      (int)fd, 0);
	file_ro = sys_is_err(ret) ? 0 : (unsigned long)ret;
	unmapped = unmapped_page();
	if (!prot_none || !read_only || !rw_code || !munmapped || !file_ro ||
	    !unmapped)
		return false;
	if (fd >= 0)
		sys_close((int)fd);
	memcpy((void *)rw_code, code42, sizeof(code42));
	sync_icache(rw_code, sizeof(code42));
	*(volatile char *)munmapped = 1;
	return sys_munmap(munmapped, PAGE) == 0;
}

/*
 * The control: the same code, in a page made PROT_READ|PROT_EXEC, runs
 * and returns 42 (then the page goes back to PROT_READ|PROT_WRITE).
 */
static void test_control_exec_allowed(void)
{
	CHECK_EQ(sys_mprotect(rw_code, PAGE, PROT_READ | PROT_EXEC), 0);
	CHECK_EQ(call(rw_code), 42);
	CHECK_EQ(sys_mprotect(rw_code, PAGE, RW), 0);
}

/* Every row: the child is killed by SIGSEGV, and then all is well. */
static void run_table(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		utest_case(rows[i].name);
		CHECK_KILLED(utest_in_child(child_access, i), SIGSEGV_NR);
		CHECK_EXITED(utest_in_child(child_normal, 0), 0);
		CHECK_EQ(sentinel, 0x600df00d);
		utest_done();
	}
}

int main(void)
{
	utest_begin("faults");
	if (!setup()) {
		utest_diag("setup failed: prot_none %#lx read_only %#lx "
			   "rw_code %#lx file_ro %#lx unmapped %#lx",
			   prot_none, read_only, rw_code, file_ro, unmapped);
		return 1;
	}
	utest_run("control_exec_allowed", test_control_exec_allowed);
	run_table();
	return utest_end();
}
