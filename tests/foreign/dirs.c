/*
 * tests/foreign/dirs.c - stat and readdir, as ls does them: / and /proc
 * are directories whose entries readdir lists (with "." and ".."), a
 * file has its size and type, and a path that is not there, or goes
 * through a file, fails as Linux says.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include "check.h"

/* Does directory @path list @name (of type @type, DT_UNKNOWN: any)? */
static int lists(const char *path, const char *name, int type)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (!strcmp(e->d_name, name) &&
		    (type == DT_UNKNOWN || e->d_type == type))
			found = 1;
	closedir(d);
	return found;
}

/* The number of entries directory @path lists. */
static int entries(const char *path)
{
	DIR *d = opendir(path);
	int n = 0;

	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

int main(void)
{
	struct stat st;
	int fd;

	check_begin("dirs");
	proc_ensure();

	check_case("stat_directories");
	CHECK(stat("/", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK(stat("/proc", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK(stat("/data", &st) == 0 && S_ISDIR(st.st_mode));

	check_case("stat_file");
	CHECK(stat("/data/pages.txt", &st) == 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK(st.st_size == 16384);		/* tests/user/datafiles.h */
	CHECK(lstat("/data/pages.txt", &st) == 0 && st.st_size == 16384);
	fd = open("/data/pages.txt", O_RDONLY);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 16384);
	close(fd);
	fd = open("/data", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	CHECK(fstatat(fd, "pages.txt", &st, 0) == 0 && st.st_size == 16384);
	close(fd);

	check_case("stat_errors");
	CHECK_ERRNO(stat("/nonexistent", &st), ENOENT);
	CHECK_ERRNO(stat("/nonexistent/x", &st), ENOENT);
	CHECK_ERRNO(stat("/data/pages.txt/x", &st), ENOTDIR);
	CHECK_ERRNO(stat("", &st), ENOENT);
	CHECK_ERRNO(open("/data/pages.txt", O_RDONLY | O_DIRECTORY), ENOTDIR);

	check_case("readdir_root");
	CHECK(lists("/", ".", DT_DIR));
	CHECK(lists("/", "..", DT_DIR));
	CHECK(lists("/", "bin", DT_DIR));
	CHECK(lists("/", "tests", DT_DIR));
	CHECK(lists("/", "data", DT_DIR));
	CHECK(lists("/", "proc", DT_DIR));
	CHECK(!lists("/", "nonexistent", DT_UNKNOWN));

	check_case("readdir_proc");
	CHECK(lists("/proc", "self", DT_UNKNOWN));	/* a link on Linux */
	CHECK(lists("/proc", "meminfo", DT_REG));
	CHECK(lists("/proc", "vmstat", DT_REG));

	check_case("readdir_data");
	CHECK(lists("/data", "pages.txt", DT_REG));
	CHECK(entries("/data") >= 4);	/* ., .., pages.txt, scratch, ... */
	CHECK(entries("/data") == entries("/data"));	/* the same twice */

	check_case("readdir_errors");
	errno = 0;
	CHECK(opendir("/data/pages.txt") == NULL && errno == ENOTDIR);
	errno = 0;
	CHECK(opendir("/nonexistent") == NULL && errno == ENOENT);
	fd = open("/data", O_RDONLY);
	{
		char c;

		CHECK_ERRNO(read(fd, &c, 1), EISDIR);
	}
	close(fd);
	return check_end();
}
