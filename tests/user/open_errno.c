/*
 * tests/user/open_errno.c - how open() and execve() answer for paths
 * that name a directory, nothing, or run through a file: a table of
 * (call, path, flags) -> result, each row with the rule it comes from
 * (Linux 6.1's path walk and do_open). Found by the system-call fuzzer:
 * "/" could not be opened, and open("/", O_CREAT) made a file named "/".
 */
#include <string.h>
#include "kernel/errno.h"
#include "syscall.h"
#include "utest.h"

#define OPEN 0
#define EXEC 1
#define FD (-1000)		/* a descriptor: any fd >= 0 */
#define E(e) (-(long)(e))
#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000

struct row {
	const char *name;
	int call;
	const char *path;
	long flags;
	long want;		/* FD, or -errno */
	unsigned int mode;	/* for FD: the S_IFMT bits fstat64 must give */
	const char *why;
};

static const struct row rows[] = {
	{ "open_root", OPEN, "/", LINUX_O_RDONLY, FD, S_IFDIR,
	  "the root is a directory like any other: it can be opened to read" },
	{ "open_dir", OPEN, "/data", LINUX_O_RDONLY, FD, S_IFDIR,
	  "a directory opened to read" },
	{ "open_root_for_writing", OPEN, "/", LINUX_O_WRONLY, E(EISDIR), 0,
	  "do_open: a directory may not be opened for writing" },
	{ "open_root_o_creat", OPEN, "/", LINUX_O_RDONLY | LINUX_O_CREAT,
	  E(EISDIR), 0, "do_open: O_CREAT on a directory is EISDIR" },
	{ "open_dir_o_creat", OPEN, "/data", LINUX_O_RDONLY | LINUX_O_CREAT,
	  E(EISDIR), 0, "do_open: O_CREAT on a directory is EISDIR" },
	{ "open_existing_file_o_creat", OPEN, "/data/pages.txt",
	  LINUX_O_RDONLY | LINUX_O_CREAT, FD, S_IFREG,
	  "O_CREAT without O_EXCL opens what is there" },
	{ "open_through_a_file", OPEN, "/data/pages.txt/x", LINUX_O_RDONLY,
	  E(ENOTDIR), 0, "link_path_walk: a file in the middle of a path" },
	{ "open_file_with_slash", OPEN, "/data/pages.txt/", LINUX_O_RDONLY,
	  E(ENOTDIR), 0, "a trailing slash asks for a directory" },
	{ "create_through_a_file", OPEN, "/data/pages.txt/x",
	  LINUX_O_WRONLY | LINUX_O_CREAT, E(ENOTDIR), 0,
	  "the walk fails before anything is created" },
	{ "create_in_missing_dir", OPEN, "/nonexistent/x",
	  LINUX_O_WRONLY | LINUX_O_CREAT, E(ENOENT), 0,
	  "O_CREAT makes the last name only, never its directory" },
	{ "open_empty_path", OPEN, "", LINUX_O_RDONLY, E(ENOENT), 0,
	  "getname: an empty path is ENOENT" },
	{ "exec_through_a_file", EXEC, "/data/pages.txt/x", 0, E(ENOTDIR), 0,
	  "the same walk for execve" },
	{ "exec_in_missing_dir", EXEC, "/nonexistent/x", 0, E(ENOENT), 0,
	  "a missing directory on the way" },
	{ "exec_empty_path", EXEC, "", 0, E(ENOENT), 0,
	  "getname: an empty path is ENOENT" },
	{ "exec_directory", EXEC, "/data", 0, E(EACCES), 0,
	  "do_open_execat: only a regular file may run" },
};

static void run_row(const struct row *r)
{
	struct linux_stat64 st;
	long got;

	if (r->call == OPEN)
		got = sys_open(r->path, (int)r->flags, 0644);
	else
		got = sys_execve(r->path, NULL, NULL);
	if (r->want == FD) {
		if (got < 0) {
			check_failed(__FILE__, __LINE__, "open(\"%s\", %#lx) = "
				     "%s, expected a descriptor (%s)", r->path,
				     r->flags, utest_errname(got), r->why);
			return;
		}
		CHECK_EQ(sys_fstat64((int)got, &st), 0);
		CHECK_EQ(st.st_mode & S_IFMT, r->mode);
		CHECK_EQ(sys_close((int)got), 0);
		return;
	}
	if (got != r->want) {
		check_failed(__FILE__, __LINE__, "%s(\"%s\", %#lx) = %s, "
			     "expected %s (%s)", r->call == OPEN ? "open" :
			     "execve", r->path, r->flags, utest_errname(got),
			     utest_errname(r->want), r->why);
		if (got >= 0 && r->call == OPEN)
			sys_close((int)got);
	}
}

int main(void)
{
	utest_begin("open_errno");
	for (unsigned int i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		utest_case(rows[i].name);
		run_row(&rows[i]);
		utest_done();
	}
	return utest_end();
}
