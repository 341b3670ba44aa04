/*
 * Host tests of kernel/bootopts.c: the boot command line as QEMU passes
 * it through semihosting, "<kernel path> <-append text>".
 */
#include "tests/host/test.h"
#include "kernel/bootopts.h"

TEST(defaults_when_only_the_kernel_path_is_given)
{
	char line[] = "build/kernel.elf";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 0);
	CHECK_EQ(o.mem_size, 128UL << 20);
	CHECK_EQ(o.cache_alias, CACHE_ALIAS_AUTO);
	CHECK(!o.trace_placement);
	CHECK(!o.selftest);
	CHECK(o.init == NULL);
	CHECK_EQ(o.init_argc, 0);
}

TEST(every_option)
{
	char line[] = "k.elf mem=32M cache_alias=on trace=placement "
		      "selftest=vma init=/bin/sh -- a bb ccc";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 0);
	CHECK_EQ(o.mem_size, 32UL << 20);
	CHECK_EQ(o.cache_alias, CACHE_ALIAS_ON);
	CHECK(o.trace_placement);
	CHECK(o.selftest);
	CHECK_STREQ(o.selftest_filter, "vma");
	CHECK_STREQ(o.init, "/bin/sh");
	CHECK_EQ(o.init_argc, 3);
	CHECK_STREQ(o.init_argv[0], "a");
	CHECK_STREQ(o.init_argv[2], "ccc");
}

TEST(quotes_group_words_and_argv0)
{
	char line[] = "k.elf init=/bin/run argv0=busybox -- sh -c "
		      "\"echo a | cat; exit 3\" x\"y z\"";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 0);
	CHECK_STREQ(o.init, "/bin/run");
	CHECK_STREQ(o.init_argv0, "busybox");
	CHECK_EQ(o.init_argc, 4);
	CHECK_STREQ(o.init_argv[0], "sh");
	CHECK_STREQ(o.init_argv[1], "-c");
	CHECK_STREQ(o.init_argv[2], "echo a | cat; exit 3");
	CHECK_STREQ(o.init_argv[3], "xy z");
}

TEST(empty_trace_and_cache_alias_off)
{
	char line[] = "k.elf   trace=  cache_alias=off  ";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 0);
	CHECK(!o.trace_placement);
	CHECK_EQ(o.cache_alias, CACHE_ALIAS_OFF);
}

TEST(trace_lists_and_aslr_options)
{
	char line[] = "k.elf trace=syscalls,placement norandmaps "
		      "sysctl.kernel.randomize_va_space=2";
	char bad[] = "k.elf trace=syscalls,bogus sysctl.kernel.randomize_va_space=3 "
		     "norandmaps=1";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 0);
	CHECK(o.trace_syscalls && o.trace_placement);
	CHECK(o.norandmaps);
	CHECK_EQ(o.randomize_va_space, 2);
	/* an unknown trace word, a level Linux does not have, a value */
	CHECK_EQ(parse_boot_options(&o, bad), 3);
	CHECK_EQ(o.randomize_va_space, -1);	/* not given */
	CHECK(!o.norandmaps);
}

TEST(bad_options_are_counted_and_ignored)
{
	char line[] = "k.elf mem=12Q cache_alias=maybe bogus init=relative";
	struct boot_options o;

	CHECK_EQ(parse_boot_options(&o, line), 4);
	CHECK_EQ(o.mem_size, 128UL << 20);	/* the default stays */
	CHECK_EQ(o.cache_alias, CACHE_ALIAS_AUTO);
	CHECK(o.init == NULL);
}

TEST(sizes)
{
	CHECK_EQ(parse_size("4096"), 4096);
	CHECK_EQ(parse_size("4k"), 4096);
	CHECK_EQ(parse_size("256M"), 256UL << 20);
	CHECK_EQ(parse_size("1G"), 1UL << 30);
	CHECK_EQ(parse_size("M"), 0);
	CHECK_EQ(parse_size("12MB"), 0);
}
