/*
 * tests/ktest.h - how a test is registered, for the in-kernel self-tests
 * (tests/kernel) and the host tests (tests/host) alike:
 *
 *	TEST(section_maps_ram) { ... CHECK_EQ(pa, 0x60010000); ... }
 *
 * puts a struct ktest into the section "ktests"; kernel/selftest.c's
 * run_selftests() finds them all between __start_ktests and
 * __stop_ktests (linker.ld names them for the kernel; the host's linker
 * does it by itself for a section whose name is a C identifier), runs
 * them in file and line order and prints one KTAP line each. The CHECK
 * macros are in tests/check.h.
 */
#ifndef TESTS_KTEST_H
#define TESTS_KTEST_H

#include "tests/check.h"

struct ktest {
	const char *file;
	int line;		/* tests run in file, then line order */
	const char *name;
	void (*fn)(void);
};

#define TEST(name)                                                       \
	static void ktest_##name(void);                                  \
	static const struct ktest __ktest_##name                         \
		__attribute__((section("ktests"), used)) = {             \
			__FILE__, __LINE__, #name, ktest_##name          \
		};                                                       \
	static void ktest_##name(void)

#endif /* TESTS_KTEST_H */
