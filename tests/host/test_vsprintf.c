/*
 * Host tests of kernel/vsprintf.c: the kernel's formatter must print what
 * the C library's printf prints for the same format and value.
 */
#include <stdarg.h>
#include "tests/host/test.h"
#include "kernel/errno.h"

#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wformat"

int k_snprintf(char *buf, size_t size, const char *fmt, ...);

/* Format with both, compare the text and the returned length. */
#define SAME(fmt, ...)                                                    \
	do {                                                              \
		char k[128], c[128];                                      \
		int kn = k_snprintf(k, sizeof(k), fmt, __VA_ARGS__);      \
		int cn = snprintf(c, sizeof(c), fmt, __VA_ARGS__);        \
		if (kn != cn || strcmp(k, c) != 0)                        \
			check_failed(__FILE__, __LINE__,                  \
				     "format \"%s\": kernel \"%s\" (%d), libc \"%s\" (%d)", \
				     fmt, k, kn, c, cn);                  \
	} while (0)

TEST(integers_match_libc)
{
	static const int ints[] = { 0, 1, -1, 42, -42, 2147483647,
				    -2147483647 - 1, 1000000 };
	static const char *const fmts[] = {
		"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d",
		"%8.3d", "%-8.3d|", "%.0d", "%u", "%x", "%X", "%#x", "%#X",
		"%08x", "%#010x", "%o", "%#o", "%.0x", "%+5d", "%-+5d|",
	};

	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		for (size_t j = 0; j < sizeof(fmts) / sizeof(fmts[0]); j++)
			SAME(fmts[j], ints[i]);
}

TEST(length_modifiers_match_libc)
{
	SAME("%ld", -1234567890L);
	SAME("%lu", 4294967295UL);
	SAME("%lx", 0xbf000000UL);
	SAME("%08lx", 0x1000UL);
	SAME("%lld", -9223372036854775807LL);
	SAME("%llu", 18446744073709551615ULL);
	SAME("%llx", 0x123456789abcdefULL);
	/* /proc/PID/maps' file offsets: 8 digits at least, 64 bits */
	SAME("%08llx", 0x1000ULL);
	SAME("%08llx", 0x100001000ULL);
	SAME("%08llx", 0xfffff000000ULL);
	SAME("%hd", 70000);
	SAME("%hu", 70000);
	SAME("%hhx", 0x1ff);
	SAME("%hhd", 200);
	SAME("%zu", (size_t)12345);
	SAME("%zx", (size_t)0xfff);
}

TEST(strings_and_chars_match_libc)
{
	SAME("%s", "hello");
	SAME("%10s|", "hi");
	SAME("%-10s|", "hi");
	SAME("%.3s", "abcdef");
	SAME("%8.2s|", "abcdef");
	SAME("%*s|", 6, "ab");
	SAME("%-*s|", 6, "ab");
	SAME("%.*s|", 2, "abcdef");
	SAME("%*d|", -6, 5);
	SAME("%c", 'x');
	SAME("%3c|", 'y');
	SAME("%-3c|", 'z');
	SAME("100%% %s", "sure");
	SAME("[%s] [%d] [%x]", "mix", -7, 255u);
}

TEST(pointer_prints_0x_and_eight_digits)
{
	char k[64], want[64];

	k_snprintf(k, sizeof(k), "%p", (void *)0x1000);
	CHECK_STREQ(k, "0x00001000");
	k_snprintf(k, sizeof(k), "%p", (void *)0xc0008000);
	CHECK_STREQ(k, "0xc0008000");
	k_snprintf(k, sizeof(k), "[%12p]", (void *)0x10);
	snprintf(want, sizeof(want), "[%12s]", "0x00000010");
	CHECK_STREQ(k, want);
	k_snprintf(k, sizeof(k), "[%-12p]", (void *)0x10);
	snprintf(want, sizeof(want), "[%-12s]", "0x00000010");
	CHECK_STREQ(k, want);
}

TEST(truncation_counts_like_libc)
{
	char k[8], c[8];
	int kn, cn;

	memset(k, 'K', sizeof(k));
	memset(c, 'C', sizeof(c));
	kn = k_snprintf(k, 5, "%s=%d", "abcdef", 12);
	cn = snprintf(c, 5, "%s=%d", "abcdef", 12);
	CHECK_EQ(kn, cn);
	CHECK_STREQ(k, c);
	CHECK_EQ(k[5], 'K');	/* nothing written past size */
	CHECK_EQ(k_snprintf(NULL, 0, "%d", 12345), 5);
}

TEST(errno_names)
{
	CHECK_STREQ(errno_name(-ENOMEM), "ENOMEM");
	CHECK_STREQ(errno_name(EINVAL), "EINVAL");
	CHECK_STREQ(errno_name(-EEXIST), "EEXIST");
	CHECK(errno_name(0) == NULL);
	CHECK(errno_name(-4000) == NULL);
}
