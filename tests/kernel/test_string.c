/*
 * Self-tests of kernel/string.c (the kernel's own memcpy and friends),
 * against results worked out by hand.
 */
#include "tests/kernel/ktest.h"

TEST(memmove_handles_overlap_both_ways)
{
	char a[] = "abcdefgh";
	char b[] = "abcdefgh";

	memmove(a + 2, a, 5);		/* forwards overlap: copy backwards */
	CHECK_STREQ(a, "ababcdeh");
	memmove(b, b + 2, 5);		/* backwards overlap */
	CHECK_STREQ(b, "cdefgfgh");
}

TEST(memset_and_memcpy_at_odd_alignments)
{
	unsigned char buf[32];

	memset(buf, 0, sizeof(buf));
	memset(buf + 3, 0xab, 9);
	CHECK_EQ(buf[2], 0);
	CHECK_EQ(buf[3], 0xab);
	CHECK_EQ(buf[11], 0xab);
	CHECK_EQ(buf[12], 0);
	memcpy(buf + 13, buf + 1, 7);	/* 0 0 ab ab ab ab ab */
	CHECK_EQ(buf[14], 0);
	CHECK_EQ(buf[15], 0xab);
	CHECK_EQ(buf[19], 0xab);
	CHECK_EQ(buf[20], 0);
}

TEST(comparisons)
{
	CHECK(memcmp("abc", "abd", 3) < 0);
	CHECK(memcmp("\xff", "\x01", 1) > 0);	/* unsigned bytes */
	CHECK_EQ(strcmp("mmap", "mmap"), 0);
	CHECK(strcmp("brk", "brka") < 0);
	CHECK_EQ(strncmp("munmap", "munlock", 3), 0);
	CHECK(strncmp("munmap", "munlock", 4) > 0);
	CHECK_EQ(strnlen("abcdef", 4), 4);
	CHECK(strchr("a=b", '=') != NULL);
	CHECK(strchr("ab", 'z') == NULL);
}
