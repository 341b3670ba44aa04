/*
 * Host tests of kernel/cpio.c on archives built here by hand, following
 * the newc format: "070701", 13 eight-digit hex fields (ino, mode, uid,
 * gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor,
 * namesize, check), the name, padding to 4, the data, padding to 4.
 */
#include "tests/host/test.h"
#include "kernel/cpio.h"
#include "kernel/errno.h"

/* Append one member to @buf at *@len. */
static void add_member(char *buf, size_t *len, const char *name,
		       unsigned int mode, const char *data, size_t size)
{
	size_t namesize = strlen(name) + 1;

	*len += sprintf(buf + *len,
			"070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			1, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, namesize, 0);
	memcpy(buf + *len, name, namesize);
	*len += namesize;
	while (*len % 4)
		buf[(*len)++] = '\0';
	memcpy(buf + *len, data, size);
	*len += size;
	while (*len % 4)
		buf[(*len)++] = '\0';
}

static size_t sample(char *buf)
{
	size_t len = 0;

	add_member(buf, &len, "bin", CPIO_S_IFDIR | 0755, "", 0);
	add_member(buf, &len, "bin/hello", CPIO_S_IFREG | 0755, "HELLO", 5);
	add_member(buf, &len, "data.txt", CPIO_S_IFREG | 0644, "12345678", 8);
	add_member(buf, &len, "TRAILER!!!", 0, "", 0);
	return len;
}

TEST(walks_members_in_order)
{
	char buf[1024];
	size_t len = sample(buf), off = 0;
	struct cpio_entry e;

	CHECK_EQ(cpio_next(buf, len, &off, &e), 1);
	CHECK_STREQ(e.name, "bin");
	CHECK_EQ(e.mode & CPIO_S_IFMT, CPIO_S_IFDIR);
	CHECK_EQ(cpio_next(buf, len, &off, &e), 1);
	CHECK_STREQ(e.name, "bin/hello");
	CHECK_EQ(e.mode, CPIO_S_IFREG | 0755);
	CHECK_EQ(e.size, 5);
	CHECK(memcmp(e.data, "HELLO", 5) == 0);
	CHECK_EQ(cpio_next(buf, len, &off, &e), 1);
	CHECK_EQ(e.size, 8);
	CHECK_EQ((const char *)e.data - buf, off - 8);	/* 8: no padding */
	CHECK_EQ(cpio_next(buf, len, &off, &e), 0);	/* the trailer */
	CHECK_EQ(off, len);
	CHECK_EQ(cpio_length(buf, len + 100), len);
}

TEST(refuses_malformed_archives)
{
	char buf[1024];
	size_t len = sample(buf), off = 0;
	struct cpio_entry e;

	/* cut inside the second member's data: that member is refused */
	off = 0;
	CHECK_EQ(cpio_next(buf, 200, &off, &e), 1);
	CHECK_EQ(cpio_next(buf, 200, &off, &e), -EINVAL);
	/* bad magic */
	buf[0] = 'X';
	off = 0;
	CHECK_EQ(cpio_next(buf, len, &off, &e), -EINVAL);
	CHECK_EQ(cpio_length(buf, len), 0);
	buf[0] = '0';
	/* a non-hex digit in a field */
	buf[6 + 8 * 6 + 3] = 'g';
	off = 0;
	CHECK_EQ(cpio_next(buf, len, &off, &e), -EINVAL);
	/* no trailer: not an archive we can use */
	len = 0;
	add_member(buf, &len, "x", CPIO_S_IFREG, "abc", 3);
	CHECK_EQ(cpio_length(buf, len), 0);
	/* the offset already at the end */
	off = len;
	CHECK_EQ(cpio_next(buf, len, &off, &e), -EINVAL);
}
