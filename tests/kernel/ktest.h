/*
 * tests/kernel/ktest.h - in-kernel self-tests.
 *
 *	TEST(section_maps_ram) { ... CHECK_EQ(pa, 0x60010000); ... }
 *
 * puts a struct ktest into the .ktests section (linker.ld); with the boot
 * option `selftest` the kernel runs them all (kernel/selftest.c) and
 * prints one KTAP line each: "ok N kernel/file:name" or "not ok ...".
 * The CHECK macros are those of the host tests (tests/check.h).
 */
#ifndef TESTS_KERNEL_KTEST_H
#define TESTS_KERNEL_KTEST_H

#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/string.h"
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
		__attribute__((section(".ktests"), used, aligned(4))) = { \
			__FILE__, __LINE__, #name, ktest_##name                    \
		};                                                       \
	static void ktest_##name(void)

#endif /* TESTS_KERNEL_KTEST_H */
