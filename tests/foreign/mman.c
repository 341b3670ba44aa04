/*
 * tests/foreign/mman.c - mmap, munmap and mprotect through glibc's
 * <sys/mman.h>: what succeeds, where it lands, and the errno of what
 * Linux refuses, each with the rule that refuses it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define PAGE 4096

/* The permissions "rw-p" of the /proc/self/maps line at @addr, or "". */
static const char *perms_at(void *addr)
{
	static char perms[8];
	FILE *f = fopen("/proc/self/maps", "r");
	char line[256];

	perms[0] = '\0';
	while (f && fgets(line, sizeof(line), f)) {
		unsigned long s, e;

		if (sscanf(line, "%lx-%lx %4s", &s, &e, perms) == 3 &&
		    (uintptr_t)addr >= s && (uintptr_t)addr < e)
			break;
		perms[0] = '\0';
	}
	if (f)
		fclose(f);
	return perms;
}

int main(void)
{
	char *p, *q;
	int fd;

	check_begin("mman");
	proc_ensure();

	check_case("anonymous_rw");
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	CHECK(((uintptr_t)p & (PAGE - 1)) == 0);
	CHECK(p[0] == 0 && p[3 * PAGE - 1] == 0);	/* zero-filled */
	p[PAGE] = 42;
	CHECK(p[PAGE] == 42);
	CHECK(strcmp(perms_at(p), "rw-p") == 0);

	check_case("mprotect_read_only");
	CHECK(mprotect(p + PAGE, PAGE, PROT_READ) == 0);
	CHECK(strcmp(perms_at(p + PAGE), "r--p") == 0);	/* split in three */
	CHECK(strcmp(perms_at(p), "rw-p") == 0);
	CHECK(strcmp(perms_at(p + 2 * PAGE), "rw-p") == 0);
	CHECK(p[PAGE] == 42);				/* data kept */
	CHECK(mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE) == 0);
	CHECK(strcmp(perms_at(p + PAGE), "rw-p") == 0);

	check_case("munmap_middle");
	CHECK(munmap(p + PAGE, PAGE) == 0);
	/* nothing there now (asked without stdio, whose malloc might map
	 * something into the hole): mprotect of it is ENOMEM */
	CHECK_ERRNO(mprotect(p + PAGE, PAGE, PROT_READ), ENOMEM);
	CHECK(p[0] == 0 && p[2 * PAGE] == 0);		/* the rest stays */

	check_case("map_fixed_replaces");
	q = mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		 MAP_FIXED, -1, 0);
	CHECK(q == p + PAGE);
	CHECK(strcmp(perms_at(q), "r--p") == 0);

	check_case("map_fixed_noreplace_eexist");
	CHECK_ERRNO(mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
			 MAP_FIXED_NOREPLACE, -1, 0), EEXIST);

	check_case("errnos");
	/* do_mmap: a length of 0 */
	CHECK_ERRNO(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			 0), EINVAL);
	/* neither MAP_PRIVATE nor MAP_SHARED */
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	/* MAP_FIXED at an address not page-aligned */
	CHECK_ERRNO(mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
			 MAP_FIXED, -1, 0), EINVAL);
	/* a file mapping of a descriptor that is not open */
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0), EBADF);
	/* more than the address space */
	CHECK_ERRNO(mmap(NULL, 0xc0000000u, PROT_READ, MAP_PRIVATE |
			 MAP_ANONYMOUS, -1, 0), ENOMEM);
	/* munmap, mprotect: an address not page-aligned */
	CHECK_ERRNO(munmap(p + 1, PAGE), EINVAL);
#ifdef __GLIBC__	/* musl's mprotect rounds the address down first */
	CHECK_ERRNO(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
#endif
	/* mprotect of a range with a hole: ENOMEM */
	CHECK(munmap(p + PAGE, PAGE) == 0);
	CHECK_ERRNO(mprotect(p, 3 * PAGE, PROT_READ), ENOMEM);
	/* unknown PROT bits */
	CHECK_ERRNO(mprotect(p, PAGE, 0x100), EINVAL);
	/* a file open only to read, mapped shared and writable: EACCES */
	fd = open("/data/pages.txt", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_ERRNO(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			 0), EACCES);

	check_case("file_mapping");
	q = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(q != MAP_FAILED);
	if (q != MAP_FAILED) {
		char buf[16];

		/* what tests/user/datafiles.h says the file starts with */
		CHECK(memcmp(q, "page 0 line 00 a", 16) == 0);
		CHECK(read(fd, buf, sizeof(buf)) == sizeof(buf));
		CHECK(memcmp(q, buf, sizeof(buf)) == 0);
		CHECK(strcmp(perms_at(q), "r--p") == 0);
		CHECK(munmap(q, PAGE) == 0);
	}
	close(fd);
	CHECK(munmap(p, 3 * PAGE) == 0);
	CHECK_ERRNO(mprotect(p, PAGE, PROT_READ), ENOMEM);
	return check_end();
}
