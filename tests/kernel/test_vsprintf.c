/*
 * Self-tests of kernel/vsprintf.c on the target, where long is 32 bits and
 * a 64-bit variadic argument sits in an even register pair / 8-byte
 * aligned stack slot (AAPCS). Expectations worked out by hand.
 */
#include "tests/kernel/ktest.h"

static const char *fmt(const char *f, ...) __printf(1, 2);

static const char *fmt(const char *f, ...)
{
	static char buf[128];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return buf;
}

TEST(thirty_two_bit_longs)
{
	CHECK_STREQ(fmt("%lx", 0xbf000000UL), "bf000000");
	CHECK_STREQ(fmt("%lu", 4294967295UL), "4294967295");
	CHECK_STREQ(fmt("%ld", -1L), "-1");
	CHECK_STREQ(fmt("%d", -2147483647 - 1), "-2147483648");
	CHECK_STREQ(fmt("%08lx", 0x1000UL), "00001000");
	CHECK_STREQ(fmt("%zu", sizeof(long)), "4");
}

TEST(sixty_four_bit_arguments_between_32_bit_ones)
{
	/* 1 in r1, the long long in r2:r3, 2 on the stack */
	CHECK_STREQ(fmt("%d %llx %d", 1, 0x123456789abcULL, 2),
		    "1 123456789abc 2");
	/* the long long must skip r3 and land 8-byte aligned on the stack */
	CHECK_STREQ(fmt("%d %d %llu %d", 1, 2, 10000000000ULL, 3),
		    "1 2 10000000000 3");
}

TEST(widths_flags_and_pointers)
{
	CHECK_STREQ(fmt("[%5d|%-5d|%05d]", 42, 42, 42), "[   42|42   |00042]");
	CHECK_STREQ(fmt("[%#x|%#o|%+d]", 255, 8, 3), "[0xff|010|+3]");
	CHECK_STREQ(fmt("%p", (void *)0xc0010000), "0xc0010000");
	CHECK_STREQ(fmt("[%-6s|%6s|%.2s]", "ab", "ab", "abc"),
		    "[ab    |    ab|ab]");
	CHECK_STREQ(fmt("%c%c%%", 'o', 'k'), "ok%");
}
