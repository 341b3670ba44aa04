/*
 * tests/user/openat.c - openat(2), which C libraries call for every
 * fopen() and open(): an absolute path ignores the directory descriptor;
 * AT_FDCWD is the working directory ("/" here, a program's cwd under
 * Linux as init); a relative path opens below the directory open at
 * dirfd; a dirfd that is no descriptor is EBADF, a regular file's
 * ENOTDIR; the file opened is the one open() gives.
 */
#include "datafiles.h"
#include "kernel/errno.h"
#include "syscall.h"
#include "utest.h"

/* The first bytes of the file open at @fd are pages.txt's. */
static bool reads_pages_txt(long fd)
{
	char buf[16], want[16];

	for (int i = 0; i < 16; i++)
		want[i] = pages_txt_byte(i);
	return fd >= 0 && sys_read(fd, buf, sizeof(buf)) == sizeof(buf) &&
	       !memcmp(buf, want, sizeof(buf));
}

static void test_absolute_and_cwd(void)
{
	long fd = sys_openat(LINUX_AT_FDCWD, "/data/pages.txt",
			     LINUX_O_RDONLY, 0);

	CHECK(reads_pages_txt(fd));
	sys_close(fd);
	/* an absolute path: dirfd is not looked at, even a bad one */
	fd = sys_openat(1234, "/data/pages.txt", LINUX_O_RDONLY, 0);
	CHECK(reads_pages_txt(fd));
	sys_close(fd);
	CHECK_EQ(sys_openat(LINUX_AT_FDCWD, "/data/none", LINUX_O_RDONLY, 0),
		 -ENOENT);
}

static void test_relative_to_a_directory(void)
{
	long dir = sys_open("/data", LINUX_O_RDONLY, 0);
	long fd = sys_openat(dir, "pages.txt", LINUX_O_RDONLY, 0);

	CHECK(dir >= 0);
	CHECK(reads_pages_txt(fd));
	sys_close(fd);
	CHECK_EQ(sys_openat(dir, "none", LINUX_O_RDONLY, 0), -ENOENT);
	sys_close(dir);
	/* the root directory too */
	dir = sys_open("/", LINUX_O_RDONLY, 0);
	fd = sys_openat(dir, "data/pages.txt", LINUX_O_RDONLY, 0);
	CHECK(reads_pages_txt(fd));
	sys_close(fd);
	sys_close(dir);
}

static void test_bad_dirfd(void)
{
	long file = sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);

	CHECK_EQ(sys_openat(1234, "pages.txt", LINUX_O_RDONLY, 0), -EBADF);
	CHECK_EQ(sys_openat(file, "pages.txt", LINUX_O_RDONLY, 0), -ENOTDIR);
	CHECK_EQ(sys_openat(LINUX_AT_FDCWD, (const char *)0, LINUX_O_RDONLY,
			    0), -EFAULT);
	CHECK_EQ(sys_openat(LINUX_AT_FDCWD, "", LINUX_O_RDONLY, 0), -ENOENT);
	sys_close(file);
}

int main(void)
{
	utest_begin("openat");
	utest_run("absolute_and_cwd", test_absolute_and_cwd);
	utest_run("relative_to_a_directory", test_relative_to_a_directory);
	utest_run("bad_dirfd", test_bad_dirfd);
	return utest_end();
}
