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
 *	NONE_USED  a page written first (it holds a path) and then made
 *		PROT_NONE: its frame is still mapped, for the kernel too,
 *		but a user copy must fault exactly as the task would
 *	RO_FILE	a private read-only mapping of the file, read first (the
 *		page cache's page is mapped): readable, not writable
 *	COW_ZERO  a private writable page only read so far (the zero page,
 *		mapped read-only): a copy into it takes the write fault and
 *		succeeds; each row gets a page of its own
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
	NONE_USED, RO_FILE,
	COW_ZERO,	/* page number val of the COW_ZERO pages */
	FILE_FD,	/* the open file's descriptor */
	PROC_FD,	/* /proc/sys/vm/max_map_count, open for writing */
	HELLO,		/* the path "/tests/hello" */
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

	/* ---- protections the kernel's copies must honour ------------- */
	{ "write_from_used_prot_none", __NR_write,
	  { V(1), A(NONE_USED), V(17) }, E(EFAULT), -1,
	  "the page is there, but PROT_NONE: copy_from_user faults as the "
	  "task would; observed on 6.1 armmp" },
	{ "read_into_used_prot_none", __NR_read,
	  { A(FILE_FD), A(NONE_USED), V(16) }, E(EFAULT), 0,
	  "copy_to_user into PROT_NONE faults; the offset stays" },
	{ "open_path_in_used_prot_none", __NR_open,
	  { A(NONE_USED), V(0), V(0) }, E(EFAULT), -1,
	  "getname: strncpy_from_user cannot read PROT_NONE" },
	{ "execve_path_in_used_prot_none", __NR_execve,
	  { A(NONE_USED), V(0), V(0) }, E(EFAULT), -1,
	  "getname: strncpy_from_user cannot read PROT_NONE" },
	{ "execve_argv_in_used_prot_none", __NR_execve,
	  { A(HELLO), A(NONE_USED), V(0) }, E(EFAULT), -1,
	  "copy_strings: get_user of argv[0] faults" },
	{ "proc_write_from_used_prot_none", __NR_write,
	  { A(PROC_FD), A(NONE_USED), V(5) }, E(EFAULT), -1,
	  "proc_sys_call_handler: memdup_user_nul faults" },
	{ "clock_gettime_used_prot_none", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(NONE_USED), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user into PROT_NONE" },
	{ "fstat64_used_prot_none", __NR_fstat64,
	  { A(FILE_FD), A(NONE_USED), V(0) }, E(EFAULT), -1,
	  "cp_new_stat64: copy_to_user into PROT_NONE" },
	{ "read_into_read_only_file_map", __NR_read,
	  { A(FILE_FD), A(RO_FILE), V(16) }, E(EFAULT), 0,
	  "a PROT_READ file page, present: copy_to_user may not write it" },
	{ "clock_gettime_read_only_file_map", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), A(RO_FILE), V(0) }, E(EFAULT), -1,
	  "put_timespec32: copy_to_user into a PROT_READ file page" },
	{ "fstat64_read_only_file_map", __NR_fstat64,
	  { A(FILE_FD), A(RO_FILE), V(0) }, E(EFAULT), -1,
	  "cp_new_stat64: copy_to_user into a PROT_READ file page" },
	{ "write_from_read_only_file_map", __NR_write,
	  { A(PROC_FD), A(RO_FILE), V(5) }, E(EINVAL), -1,
	  "readable: the copy works, and the file's text is not a number "
	  "(proc_dointvec: EINVAL)" },
	{ "read_into_cow_zero_page", __NR_read,
	  { A(FILE_FD), { COW_ZERO, 0 }, V(16) }, 16, 16,
	  "the zero page is mapped read-only: the copy takes the write "
	  "fault, gets its own page and goes on (do_wp_page)" },
	{ "clock_gettime_cow_zero_page", __NR_clock_gettime,
	  { V(LINUX_CLOCK_MONOTONIC), { COW_ZERO, 1 }, V(0) }, 0, -1,
	  "the write fault of put_timespec32's copy is resolved" },
	{ "fstat64_cow_zero_page", __NR_fstat64,
	  { A(FILE_FD), { COW_ZERO, 2 }, V(0) }, 0, -1,
	  "the write fault of cp_new_stat64's copy is resolved" },

	/* ---- system call numbers nobody implements ------------------- */
	{ "unknown_syscall_17", 17, { V(0), V(0), V(0) }, E(ENOSYS), -1,
	  "ARM's table has no 17 (the old break): sys_ni_syscall" },
	{ "unknown_syscall_1000", 1000, { V(0), V(0), V(0) }, E(ENOSYS), -1,
	  "above NR_syscalls, below the ARM-private 0xf0000: ENOSYS" },
	{ "unknown_syscall_0xeffff", 0xeffff, { V(0), V(0), V(0) }, E(ENOSYS),
	  -1, "the highest number that is not ARM-private: ENOSYS" },
};

/* The memory the rows point to, set up once. */
#define COW_ZERO_PAGES 6
static unsigned long good, hole, rdonly, none, edge;
static unsigned long none_used, ro_file, cow_zero;
static int file_fd, proc_fd;
static const char used_path[] = "/data/pages.txt";
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
	case NONE_USED:
		return (long)none_used;
	case RO_FILE:
		return (long)ro_file;
	case COW_ZERO:
		return (long)(cow_zero + a->val * PAGE_SIZE);
	case FILE_FD:
		return file_fd;
	case PROC_FD:
		return proc_fd;
	case HELLO:
		return (long)"/tests/hello";
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
	proc_fd = (int)sys_open("/proc/sys/vm/max_map_count",
				LINUX_O_WRONLY, 0);
	/* written (a path, so that open() would find it), then PROT_NONE */
	none_used = map_page(PROT_READ | PROT_WRITE);
	if (none_used) {
		memcpy((char *)none_used, used_path, sizeof(used_path));
		if (sys_mprotect(none_used, PAGE_SIZE, PROT_NONE))
			none_used = 0;
	}
	ro_file = (unsigned long)sys_mmap2(0, PAGE_SIZE, PROT_READ,
					   MAP_PRIVATE, file_fd, 0);
	if (sys_is_err((long)ro_file))
		ro_file = 0;
	cow_zero = (unsigned long)sys_mmap2(0, COW_ZERO_PAGES * PAGE_SIZE,
					    PROT_READ | PROT_WRITE,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err((long)cow_zero))
		cow_zero = 0;
	if (!hole || !rdonly || !none || !edge || file_fd < 0 ||
	    proc_fd < 0 || !none_used || !ro_file || !cow_zero) {
		utest_diag("setup failed: hole %#lx rdonly %#lx none %#lx "
			   "edge %#lx fd %d proc fd %d used none %#lx "
			   "ro file %#lx cow %#lx", hole, rdonly, none, edge,
			   file_fd, proc_fd, none_used, ro_file, cow_zero);
		return false;
	}
	(void)*(volatile char *)rdonly;		/* mapped: the zero page */
	(void)*(volatile char *)ro_file;	/* mapped: the file's page */
	for (unsigned long i = 0; i < COW_ZERO_PAGES; i++)
		(void)*(volatile char *)(cow_zero + i * PAGE_SIZE);
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
	/* read_into_cow_zero_page: its own page now holds the file's bytes */
	for (i = 0; i < 16; i++)
		CHECK_EQ(((char *)cow_zero)[i], pages_txt_byte(i));
	/* the file mapping no copy could write: still the file's bytes */
	for (i = 0; i < 16; i++)
		CHECK_EQ(((char *)ro_file)[i], pages_txt_byte(i));
	/* the PROT_NONE page kept what was written before */
	CHECK_EQ(sys_mprotect(none_used, PAGE_SIZE, PROT_READ), 0);
	CHECK_STREQ((char *)none_used, used_path);
}

/*
 * A copy into a page shared copy-on-write with a child: in the child,
 * read() takes the write fault and gets a copy of its own; the parent's
 * page keeps what it had. The memory is written before the fork, so
 * both map one frame read-only.
 */
static void test_read_into_cow_after_fork(void)
{
	char *page = (char *)(cow_zero + 5 * PAGE_SIZE);
	long pid;
	int status = -1;

	memset(page, 'A', 16);
	pid = utest_fork();
	if (pid == 0) {
		bool ok;

		sys_lseek(file_fd, 0, 0);
		ok = sys_read(file_fd, page, 16) == 16;
		for (int i = 0; ok && i < 16; i++)
			ok = page[i] == pages_txt_byte(i);
		sys_exit_group(ok ? 0 : 1);
	}
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 0);			/* the child's read worked */
	for (int i = 0; i < 16; i++)
		CHECK_EQ(page[i], 'A');
}

/*
 * wait4's status and rusage are copies too: into PROT_NONE or a
 * read-only file page they fail with EFAULT (and the child is reaped all
 * the same); into a zero-page COW page the write fault is resolved.
 */
static void test_wait4_copies_honour_protections(void)
{
	unsigned long status_to[] = { none_used, ro_file };
	int *cow_status = (int *)(cow_zero + 3 * PAGE_SIZE + 64);

	for (unsigned int i = 0; i < 2; i++) {
		long pid = utest_fork();

		if (pid == 0)
			sys_exit_group(3);
		CHECK_EQ(sys_wait4(pid, (int *)status_to[i], 0), -EFAULT);
		CHECK_EQ(sys_wait4(pid, NULL, 0), -ECHILD);
	}
	long pid = utest_fork();

	if (pid == 0)
		sys_exit_group(5);
	CHECK_EQ(__syscall(__NR_wait4, pid, (long)cow_status, 0,
			   (long)(cow_zero + 4 * PAGE_SIZE + 512), 0, 0), pid);
	CHECK_EQ(*cow_status, 5 << 8);
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
	utest_run("read_into_cow_page_after_fork",
		  test_read_into_cow_after_fork);
	utest_run("wait4_copies_honour_protections",
		  test_wait4_copies_honour_protections);
	utest_run("still_alive", test_still_alive);
	return utest_end();
}
