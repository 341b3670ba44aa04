/*
 * tests/user/badptr.c - every user pointer a system call is given is
 * checked before the kernel uses it: bad ones give EFAULT, and the
 * caller goes on. An unknown system call number gives ENOSYS.
 *
 * A table: (system call, arguments) -> result, each row with where its
 * expectation comes from. The kinds of bad pointer:
 *
 *	KERNEL	0xC0000000, PAGE_OFFSET: kernel memory (access_ok fails)
 *	HOLE	a page with nothing mapped
 *	NULLP	address 0
 *	RDONLY	a PROT_READ page (for the calls that write to user memory)
 *	NONE	a PROT_NONE page
 *	TOP	TASK_SIZE - 8: the last 8 bytes of the stack's top page, so
 *		a 16-byte range runs past TASK_SIZE
 *	WRAP	0xFFFFFFF0, whose 32-byte range wraps around 0
 *	EDGE	the last 100 bytes of a writable page followed by a hole
 *
 * and GOOD, a writable buffer. The file read from is /data/pages.txt
 * (16 KiB); its offset is set to 0 before each row and checked after
 * the rows that read.
 */
#include <stdio.h>
#include <string.h>
#include "datafiles.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define KERNEL_ADDR PAGE_OFFSET

/* What an argument of a row is. */
enum arg_kind {
	VAL,		/* the number itself */
	GOOD, KERNEL, HOLE, NULLP, RDONLY, NONE, TOP, WRAP, EDGE,
	FILE_FD,	/* the open file's descriptor */
};

struct arg {
	enum arg_kind kind;
	long val;
};

struct row {
	const char *name;
	long nr;			/* the system call */
	struct arg a[3];
	long want;			/* the raw result (SHORT: at most) */
	long pos;			/* the file offset after it, or -1 */
	const char *why;
};

/*
 * pos of a row that reads up to a fault: the result is a count in
 * 1..want, and the offset must have moved by exactly that count.
 */
#define SHORT (-2)

#define V(x) { VAL, (x) }
#define A(k) { k, 0 }
#define E(e) (-(long)(e))

static const struct row rows[] = {
	/* ---- write(2) from memory it cannot read --------------------- */
	{ "write_from_kernel", __NR_write, { V(1), A(KERNEL), V(16) },
	  E(EFAULT), -1, "vfs_write: access_ok; man 2 write" },
	{ "write_from_hole", __NR_write, { V(1), A(HOLE), V(16) }, E(EFAULT),
	  -1, "copy_from_user faults on the first byte" },
	{ "write_from_null", __NR_write, { V(1), A(NULLP), V(16) }, E(EFAULT),
	  -1, "copy_from_user faults on the first byte" },
	{ "write_from_prot_none", __NR_write, { V(1), A(NONE), V(16) },
	  E(EFAULT), -1, "PROT_NONE cannot be read, by the kernel either" },
	{ "write_past_task_size", __NR_write, { V(1), A(TOP), V(16) },
	  E(EFAULT), -1, "access_ok: the range ends above TASK_SIZE" },
	{ "write_wrapping", __NR_write, { V(1), A(WRAP), V(32) }, E(EFAULT),
	  -1, "access_ok: the range wraps" },
	{ "write_zero_from_kernel", __NR_write, { V(1), A(KERNEL), V(0) },
	  E(EFAULT), -1,
	  "vfs_write: access_ok checks the address even for 0 bytes; "
	  "observed on 6.1 armmp" },
	{ "write_zero_from_hole", __NR_write, { V(1), A(HOLE), V(0) }, 0, -1,
	  "a user address, 0 bytes: nothing to copy; observed on 6.1 armmp" },
	{ "write_good", __NR_write, { V(1), A(GOOD), V(0) }, 0, -1,
	  "nothing to write" },

	/* ---- read(2) into memory it cannot write --------------------- */
	{ "read_into_kernel", __NR_read, { A(FILE_FD), A(KERNEL), V(16) },
	  E(EFAULT), 0, "vfs_read: access_ok; the offset stays" },
	{ "read_into_hole", __NR_read, { A(FILE_FD), A(HOLE), V(16) },
	  E(EFAULT), 0, "copy_to_user faults on the first byte" },
	{ "read_into_null", __NR_read, { A(FILE_FD), A(NULLP), V(16) },
	  E(EFAULT), 0, "copy_to_user faults on the first byte" },
	{ "read_into_read_only", __NR_read, { A(FILE_FD), A(RDONLY), V(16) },
	  E(EFAULT), 0, "a PROT_READ page cannot be written" },
	{ "read_into_prot_none", __NR_read, { A(FILE_FD), A(NONE), V(16) },
	  E(EFAULT), 0, "PROT_NONE cannot be written" },
	{ "read_past_task_size", __NR_read, { A(FILE_FD), A(TOP), V(16) },
	  E(EFAULT), 0, "access_ok: the range ends above TASK_SIZE" },
	{ "read_across_into_hole", __NR_read, { A(FILE_FD), A(EDGE), V(200) },
	  100, SHORT,
	  "a short count: what was copied before the fault (filemap_read; "
	  "6.1 armmp copies 96 of the 100 bytes, ARM's copy_to_user works "
	  "in 32-byte blocks), and the offset moves by it" },
	{ "read_zero_into_kernel", __NR_read, { A(FILE_FD), A(KERNEL), V(0) },
	  E(EFAULT), 0,
	  "vfs_read: access_ok checks the address even for 0 bytes; "
	  "observed on 6.1 armmp" },
	{ "read_zero_into_hole", __NR_read, { A(FILE_FD), A(HOLE), V(0) },
	  0, 0, "a user address, 0 bytes: nothing to copy; observed on 6.1 "
	  "armmp" },
	{ "read_good", __NR_read, { A(FILE_FD), A(GOOD), V(16) }, 16, 16,
	  "man 2 read" },

	/* ---- other calls that read or write user memory -------------- */
	{ "open_kernel_path", __NR_open, { A(KERNEL), V(0), V(0) },
	  E(EFAULT), -1, "getname: strncpy_from_user" },
	{ "open_hole_path", __NR_open, { A(HOLE), V(0), V(0) }, E(EFAULT), -1,
	  "getname: strncpy_from_user" },
	{ "open_null_path", __NR_open, { A(NULLP), V(0), V(0) }, E(EFAULT),
	  -1, "getname: strncpy_from_user" },
	{ "clock_gettime_kernel", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(KERNEL), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user" },
	{ "clock_gettime_hole", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(HOLE), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user" },
	{ "clock_gettime_read_only", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(RDONLY), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user" },
	{ "clock_gettime_null", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(NULLP), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user" },
	{ "fstat64_kernel", __NR_fstat64, { A(FILE_FD), A(KERNEL), V(0) },
	  E(EFAULT), -1, "cp_new_stat64: copy_to_user" },
	{ "fstat64_hole", __NR_fstat64, { A(FILE_FD), A(HOLE), V(0) },
	  E(EFAULT), -1, "cp_new_stat64: copy_to_user" },
	{ "fstat64_read_only", __NR_fstat64, { A(FILE_FD), A(RDONLY), V(0) },
	  E(EFAULT), -1, "cp_new_stat64: copy_to_user" },

	/* ---- system call numbers nobody implements ------------------- */
	{ "unknown_syscall_17", 17, { V(0), V(0), V(0) }, E(ENOSYS), -1,
	  "ARM's table has no 17 (the old break): sys_ni_syscall" },
	{ "unknown_syscall_1000", 1000, { V(0), V(0), V(0) }, E(ENOSYS), -1,
	  "above NR_syscalls, below the ARM-private 0xf0000: ENOSYS" },
	{ "unknown_syscall_0xeffff", 0xeffff, { V(0), V(0), V(0) }, E(ENOSYS),
	  -1, "the highest number that is not ARM-private: ENOSYS" },
};

/* The memory the rows point to, set up once. */
static unsigned long good, hole, rdonly, none, edge;
static int file_fd;
static char goodbuf[256];
static long edge_copied;		/* what read_across_into_hole read */

/* The value of argument @a. */
static long resolve(const struct arg *a)
{
	switch (a->kind) {
	case VAL:
		return a->val;
	case GOOD:
		return good;
	case KERNEL:
		return (long)KERNEL_ADDR;
	case HOLE:
		return (long)hole;
	case NULLP:
		return 0;
	case RDONLY:
		return (long)rdonly;
	case NONE:
		return (long)none;
	case TOP:
		return (long)(TASK_SIZE - 8);
	case WRAP:
		return (long)0xFFFFFFF0UL;
	case EDGE:
		return (long)edge;
	case FILE_FD:
		return file_fd;
	}
	return 0;
}

/* Map one anonymous page with @prot; 0 on failure. */
static unsigned long map_page(int prot)
{
	long ret = sys_mmap2(0, PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS,
			     -1, 0);

	return sys_is_err(ret) ? 0 : (unsigned long)ret;
}

/* Everything the rows need; false (and a message) if something failed. */
static bool setup(void)
{
	good = (unsigned long)goodbuf;
	hole = unmapped_page();
	rdonly = map_page(PROT_READ);
	none = map_page(PROT_NONE);
	/* two writable pages, the second unmapped again: EDGE before it */
	edge = (unsigned long)sys_mmap2(0, 2 * PAGE_SIZE,
					PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err((long)edge) || sys_munmap(edge + PAGE_SIZE, PAGE_SIZE))
		edge = 0;
	file_fd = (int)sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	if (!hole || !rdonly || !none || !edge || file_fd < 0) {
		utest_diag("setup failed: hole %#lx rdonly %#lx none %#lx "
			   "edge %#lx fd %d", hole, rdonly, none, edge,
			   file_fd);
		return false;
	}
	(void)*(volatile char *)rdonly;		/* mapped: the zero page */
	edge += PAGE_SIZE - 100;
	return true;
}

/* Does result @got meet row @r? */
static bool row_passed(const struct row *r, long got)
{
	if (r->pos == SHORT)
		return got > 0 && got <= r->want;
	return got == r->want;
}

/* Run every row as one case. */
static void run_table(void)
{
	unsigned int i;
	long got, pos;
	char want[24];

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];

		utest_case(r->name);
		sys_lseek(file_fd, 0, 0);
		got = __syscall(r->nr, resolve(&r->a[0]), resolve(&r->a[1]),
				resolve(&r->a[2]), 0, 0, 0);
		snprintf(want, sizeof(want), "%s%s",
			 r->pos == SHORT ? "at most " : "",
			 r->want ? utest_errname(r->want) : "0");
		if (!row_passed(r, got))
			check_failed(__FILE__, __LINE__,
				     "syscall %ld(%#lx, %#lx, %#lx) = %s, "
				     "expected %s (%s)", r->nr,
				     resolve(&r->a[0]), resolve(&r->a[1]),
				     resolve(&r->a[2]), utest_errname(got),
				     want, r->why);
		pos = sys_lseek(file_fd, 0, 1);		/* SEEK_CUR */
		if (r->pos == SHORT)
			CHECK_EQ(pos, got);
		else if (r->pos >= 0)
			CHECK_EQ(pos, r->pos);
		if (r->pos == SHORT)
			edge_copied = got;
		utest_done();
	}
}

/* The pages the rows could not write are unchanged; the copies are right. */
static void test_memory_after(void)
{
	const char *p = (const char *)rdonly;
	unsigned long i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (p[i])
			break;
	CHECK_EQ(i, PAGE_SIZE);
	/* read_good read the first 16 bytes of the file */
	for (i = 0; i < 16; i++)
		CHECK_EQ(goodbuf[i], pages_txt_byte(i));
	/* read_across_into_hole: the file's first bytes, as many as it said */
	for (i = 0; i < (unsigned long)edge_copied && i < 100; i++)
		if (((char *)edge)[i] != pages_txt_byte(i))
			break;
	CHECK_EQ(i, edge_copied);
}

/*
 * wait4 with a status pointer it cannot write: EFAULT, and the child is
 * reaped all the same (kernel_wait4 writes the status after do_wait has
 * released the zombie): waiting again finds no child. Observed on 6.1
 * armmp.
 */
static void test_wait4_status_efault(void)
{
	long pid = utest_fork();

	if (pid == 0)
		sys_exit_group(3);
	CHECK_EQ(sys_wait4(pid, (int *)KERNEL_ADDR, 0), -EFAULT);
	CHECK_EQ(sys_wait4(pid, NULL, 0), -ECHILD);
}

/* After all that, the process works as before. */
static void test_still_alive(void)
{
	CHECK_EQ(sys_write(1, "# badptr: still here\n", 21), 21);
	CHECK(sys_getpid() > 0);
}

int main(void)
{
	utest_begin("badptr");
	if (!setup())
		return 1;
	run_table();
	utest_run("memory_after", test_memory_after);
	utest_run("wait4_status_efault_still_reaps",
		  test_wait4_status_efault);
	utest_run("still_alive", test_still_alive);
	return utest_end();
}
