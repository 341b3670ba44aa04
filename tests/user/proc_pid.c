/*
 * tests/user/proc_pid.c - the files of /proc/PID, for any task, as
 * Linux 6.1 shows them (fs/proc/base.c, array.c, task_mmu.c), and
 * topdown's /proc/PID/pagetable against the ARM ARM's descriptor bits.
 *
 * self_status
 *	/proc/self/status says our Name (the basename of the file we were
 *	started from, argv[0]: /tests/proc_pid, or /init under Linux), State
 *	R (we are running, reading it), Pid = Tgid = getpid(), PPid =
 *	getppid(); /proc/PID/status with our pid says the same.
 * self_maps_by_pid
 *	/proc/PID/maps with our pid is /proc/self/maps, byte for byte.
 * child_files
 *	A forked child copies its own /proc/self/maps into a MAP_SHARED
 *	page and keeps yielding: the parent's /proc/CHILD/maps is that
 *	text, /proc/CHILD/status says Pid CHILD, PPid us, State R
 *	(runnable), and ns_last_pid is at least CHILD.
 * zombie_and_reaped
 *	The child exits: until we wait, its status says State Z and its
 *	maps is empty (no address space left); after wait4 both files are
 *	gone (ENOENT), as the task is.
 * bad_paths
 *	A table of paths that name no task file, each ENOENT: pid 0, a
 *	leading zero, a pid too large for an int, digits then letters, an
 *	unknown name under a pid and under self.
 * pagetable_demand_paging
 *	(topdown only) Two untouched pages of a fresh mapping have no L2
 *	entry; after a read of each, both map the same frame (the zero
 *	page) read-only for user and never executable; after a write the
 *	first has a frame of its own, user read/write; mprotect(PROT_READ)
 *	makes it read-only on the same frame; after munmap no entry is
 *	left. Our code page is user r-x. Each line's decoding is checked
 *	against the raw descriptor's AP, XN and base bits.
 * pagetable_fork_shares_read_only
 *	(topdown only) After fork, our written page and the child's map the
 *	same frame, read-only in both (copy on write), read through
 *	/proc/self/pagetable and /proc/CHILD/pagetable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGE 4096UL
#define NAME "proc_pid"

static const char *comm;	/* basename of argv[0]: our Name */

static char text[32 * 1024], text2[32 * 1024];

/* What a child and its parent share (a MAP_SHARED page). */
struct shared {
	volatile int child_ready, parent_done;
	long maps_len;
	char maps[3000];
};

static struct shared *shared;

/* The value of "@name:\t..." in @status into @buf; false if missing. */
static bool field(const char *status, const char *name, char *buf,
		  size_t size)
{
	const char *line = status;
	size_t len = strlen(name), n;

	while (line && *line) {
		if (!strncmp(line, name, len) && line[len] == ':') {
			line += len + 1 + strspn(line + len + 1, " \t");
			n = strcspn(line, "\n");
			n = n < size ? n : size - 1;
			memcpy(buf, line, n);
			buf[n] = '\0';
			return true;
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return false;
}

/* The number of "@name:\t..." in @status, or -1. */
static long num_field(const char *status, const char *name)
{
	char buf[24];

	return field(status, name, buf, sizeof(buf)) ? strtol(buf, NULL, 10) :
	       -1;
}

/* Check the status text @st: @pid's, with parent @ppid, state @state. */
static void check_status(const char *st, long pid, long ppid, char state,
			 const char *name)
{
	char buf[32];

	CHECK(field(st, "Name", buf, sizeof(buf)));
	if (name)
		CHECK_STREQ(buf, name);
	CHECK(field(st, "State", buf, sizeof(buf)));
	CHECK_EQ(buf[0], state);
	CHECK_EQ(num_field(st, "Pid"), pid);
	CHECK_EQ(num_field(st, "Tgid"), pid);
	CHECK_EQ(num_field(st, "PPid"), ppid);
}

static void test_self_status(void)
{
	char path[32];

	CHECK(proc_read("/proc/self/status", text, sizeof(text)) > 0);
	check_status(text, sys_getpid(), sys_getppid(), 'R', comm);
	snprintf(path, sizeof(path), "/proc/%ld/status", sys_getpid());
	CHECK(proc_read(path, text, sizeof(text)) > 0);
	check_status(text, sys_getpid(), sys_getppid(), 'R', comm);
}

static void test_self_maps_by_pid(void)
{
	char path[32];
	long a, b;

	snprintf(path, sizeof(path), "/proc/%ld/maps", sys_getpid());
	a = proc_read("/proc/self/maps", text, sizeof(text));
	b = proc_read(path, text2, sizeof(text2));
	CHECK(a > 0);
	CHECK_EQ(a, b);
	CHECK_STREQ(text, text2);
}

/* The child: its maps for the parent, then yield until told to end. */
static void child_body(void)
{
	shared->maps_len = proc_read("/proc/self/maps", shared->maps,
				     sizeof(shared->maps));
	shared->child_ready = 1;
	utest_await(&shared->parent_done, 1);
	utest_child_exit();
}

static long child = -1;

static void test_child_files(void)
{
	char path[32];
	long n;

	memset(shared, 0, sizeof(*shared));
	child = utest_fork();
	if (child == 0)
		child_body();
	if (child < 0)
		return;
	CHECK(utest_await(&shared->child_ready, 1));
	CHECK(shared->maps_len > 0);
	snprintf(path, sizeof(path), "/proc/%ld/maps", child);
	n = proc_read(path, text, sizeof(text));
	CHECK_EQ(n, shared->maps_len);
	CHECK_STREQ(text, shared->maps);
	snprintf(path, sizeof(path), "/proc/%ld/status", child);
	CHECK(proc_read(path, text, sizeof(text)) > 0);
	check_status(text, child, sys_getpid(), 'R', comm);
	CHECK(proc_read("/proc/sys/kernel/ns_last_pid", text,
			sizeof(text)) > 0);
	CHECK(strtol(text, NULL, 10) >= child);
}

static void test_zombie_and_reaped(void)
{
	char status_path[32], maps_path[32], state[32] = "";
	int i, status;

	if (child <= 0) {
		utest_skip("no child from child_files");
		return;
	}
	snprintf(status_path, sizeof(status_path), "/proc/%ld/status", child);
	snprintf(maps_path, sizeof(maps_path), "/proc/%ld/maps", child);
	shared->parent_done = 1;
	/* until it has exited: it needs the CPU a few times to get there */
	for (i = 0; i < 100000 && state[0] != 'Z'; i++) {
		sys_sched_yield();
		if (proc_read(status_path, text, sizeof(text)) < 0 ||
		    !field(text, "State", state, sizeof(state)))
			break;
	}
	CHECK_EQ(state[0], 'Z');
	check_status(text, child, sys_getpid(), 'Z', comm);
	CHECK_EQ(proc_read(maps_path, text, sizeof(text)), 0);
	CHECK_EQ(sys_wait4(child, &status, 0), child);
	CHECK_EXITED(status, 0);
	CHECK_EQ(proc_read(status_path, text, sizeof(text)), -ENOENT);
	CHECK_EQ(proc_read(maps_path, text, sizeof(text)), -ENOENT);
}

static void test_bad_paths(void)
{
	static const char *const paths[] = {
		"/proc/0/status",		/* no task has pid 0 */
		"/proc/01/status",		/* name_to_int: no leading 0 */
		"/proc/4294967297/status",	/* more than an int */
		"/proc/1x/status",		/* not a number */
		"/proc/1/no_such_file",		/* no such entry */
		"/proc/self/no_such_file",
	};
	unsigned int i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		long fd = sys_open(paths[i], LINUX_O_RDONLY, 0);

		if (fd >= 0)
			sys_close((int)fd);
		if (fd != -ENOENT)
			check_failed(__FILE__, __LINE__, "open(\"%s\") = %s, "
				     "expected ENOENT", paths[i],
				     utest_errname(fd));
	}
}

/* One page's L2 entry, read from a pagetable text. */
struct pte {
	bool present;
	unsigned long raw, frame;
	char user[4];
	bool xn;
};

/*
 * The L2 line for @addr in the pagetable text @t into @p, its decoding
 * checked against the raw descriptor's bits (ARM ARM B3.5.1: bit 1 small
 * page, bit 0 XN, [31:12] base, AP[2] bit 9, AP[1:0] bits 5:4).
 */
static void find_pte(const char *t, unsigned long addr, struct pte *p)
{
	char want[16], line[128];
	const char *at, *user;
	unsigned int ap;
	size_t n;

	memset(p, 0, sizeof(*p));
	snprintf(want, sizeof(want), "\nL2 %08lx ", addr);
	at = strstr(t, want);
	if (!at)
		return;
	n = strcspn(at + 1, "\n");
	n = n < sizeof(line) ? n : sizeof(line) - 1;
	memcpy(line, at + 1, n);
	line[n] = '\0';
	p->present = true;
	p->raw = strtoul(line + strlen(want) - 1, NULL, 16);
	at = strstr(line, "small page ");
	user = strstr(line, "user ");
	CHECK(at != NULL && user != NULL);
	if (!at || !user)
		return;
	p->frame = strtoul(at + strlen("small page "), NULL, 16);
	memcpy(p->user, user + 5, 3);
	p->user[3] = '\0';
	p->xn = strstr(line, ", XN") != NULL;
	/* the decoding against the bits */
	CHECK_EQ(p->raw & 2, 2UL);
	CHECK_EQ(p->frame, p->raw & 0xfffff000UL);
	CHECK_EQ(p->xn, (p->raw & 1) != 0);
	ap = (p->raw >> 9 & 1) << 2 | (p->raw >> 4 & 3);
	if (p->user[1] == 'w')
		CHECK_EQ(ap, 3u);		/* AP 0 11 */
	else if (p->user[0] == 'r')
		CHECK(ap == 7 || ap == 2);	/* AP 1 11, or 0 10 */
	else
		CHECK(ap == 0 || ap == 1 || ap == 5);
	CHECK_EQ(p->user[2] == 'x', p->user[0] == 'r' && !p->xn);
}

/* Read the pagetable file at @path into @buf. */
static bool read_pagetable(const char *path, char *buf, size_t size)
{
	long n = proc_read(path, buf, size);

	CHECK(n > 0);
	return n > 0;
}

static void test_pagetable_demand_paging(void)
{
	unsigned long a = sys_mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long code = (unsigned long)test_pagetable_demand_paging &
			     ~(PAGE - 1);
	struct pte p0, p1, w, ro, code_pte;

	CHECK(!sys_is_err((long)a));
	if (!read_pagetable("/proc/self/pagetable", text, sizeof(text)))
		goto out;
	find_pte(text, a, &p0);
	find_pte(text, a + PAGE, &p1);
	CHECK(!p0.present && !p1.present);

	(void)*(volatile char *)a;
	(void)*(volatile char *)(a + PAGE);
	if (!read_pagetable("/proc/self/pagetable", text, sizeof(text)))
		goto out;
	find_pte(text, a, &p0);
	find_pte(text, a + PAGE, &p1);
	CHECK(p0.present && p1.present);
	CHECK_STREQ(p0.user, "r--");
	CHECK_STREQ(p1.user, "r--");
	CHECK(p0.xn && p1.xn);
	CHECK_EQ(p0.frame, p1.frame);		/* one zero page */

	*(volatile char *)a = 1;
	read_pagetable("/proc/self/pagetable", text, sizeof(text));
	find_pte(text, a, &w);
	CHECK(w.present);
	CHECK_STREQ(w.user, "rw-");
	CHECK(w.frame != p0.frame);

	CHECK_EQ(sys_mprotect(a, PAGE, PROT_READ), 0);
	read_pagetable("/proc/self/pagetable", text, sizeof(text));
	find_pte(text, a, &ro);
	CHECK(ro.present);
	CHECK_STREQ(ro.user, "r--");
	CHECK_EQ(ro.frame, w.frame);

	find_pte(text, code, &code_pte);
	CHECK(code_pte.present);
	CHECK_STREQ(code_pte.user, "r-x");
	CHECK(!code_pte.xn);

	CHECK_EQ(sys_munmap(a, 2 * PAGE), 0);
	read_pagetable("/proc/self/pagetable", text, sizeof(text));
	find_pte(text, a, &p0);
	find_pte(text, a + PAGE, &p1);
	CHECK(!p0.present && !p1.present);
	return;
out:
	sys_munmap(a, 2 * PAGE);
}

static void test_pagetable_fork_shares_read_only(void)
{
	unsigned long a = sys_mmap(0, PAGE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct pte mine, theirs;
	char path[40];
	long pid;
	int status;

	CHECK(!sys_is_err((long)a));
	*(volatile char *)a = 1;
	if (!read_pagetable("/proc/self/pagetable", text, sizeof(text)))
		goto out;
	memset(shared, 0, sizeof(*shared));
	pid = utest_fork();
	if (pid == 0) {
		shared->child_ready = 1;
		utest_await(&shared->parent_done, 1);
		utest_child_exit();
	}
	if (pid < 0)
		goto out;
	CHECK(utest_await(&shared->child_ready, 1));
	snprintf(path, sizeof(path), "/proc/%ld/pagetable", pid);
	read_pagetable("/proc/self/pagetable", text, sizeof(text));
	read_pagetable(path, text2, sizeof(text2));
	find_pte(text, a, &mine);
	find_pte(text2, a, &theirs);
	CHECK(mine.present && theirs.present);
	CHECK_EQ(mine.frame, theirs.frame);
	CHECK_STREQ(mine.user, "r--");
	CHECK_STREQ(theirs.user, "r--");
	shared->parent_done = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
out:
	sys_munmap(a, PAGE);
}

int main(int argc, char **argv)
{
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;

	comm = argc > 0 ? (slash ? slash + 1 : argv[0]) : NULL;
	utest_begin(NAME);
	shared = (struct shared *)sys_mmap(0, sizeof(*shared),
					   PROT_READ | PROT_WRITE,
					   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err((long)shared)) {
		printf("# " NAME ": no shared page\n");
		return 1;
	}
	proc_ensure();
	utest_run("self_status", test_self_status);
	utest_run("self_maps_by_pid", test_self_maps_by_pid);
	utest_run("child_files", test_child_files);
	utest_run("zombie_and_reaped", test_zombie_and_reaped);
	utest_run("bad_paths", test_bad_paths);
	if (proc_read("/proc/self/pagetable", text, sizeof(text)) ==
	    -ENOENT) {
		/* Linux shows no task its descriptors */
		utest_case("pagetable_demand_paging");
		utest_skip("no /proc/self/pagetable: topdown's own file");
		utest_case("pagetable_fork_shares_read_only");
		utest_skip("no /proc/self/pagetable: topdown's own file");
		return utest_end();
	}
	utest_run("pagetable_demand_paging", test_pagetable_demand_paging);
	utest_run("pagetable_fork_shares_read_only",
		  test_pagetable_fork_shares_read_only);
	return utest_end();
}
