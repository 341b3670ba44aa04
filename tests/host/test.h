/*
 * tests/host/test.h - the host test framework.
 *
 *	TEST(find_vma_in_gap) { ... CHECK_EQ(vma->vm_start, 0x3000); ... }
 *
 * registers a test (by a constructor) that tests/host/main.c runs, printing
 * "ok N file:name" or "not ok N file:name" per test and the totals.
 * `build/host/hosttests PATTERN` runs only tests whose name contains it.
 */
#ifndef TESTS_HOST_TEST_H
#define TESTS_HOST_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/check.h"

void test_register(const char *file, const char *name, void (*fn)(void));

#define TEST(name)                                                   \
	static void test_##name(void);                               \
	__attribute__((constructor)) static void register_##name(void) \
	{                                                            \
		test_register(__FILE__, #name, test_##name);         \
	}                                                            \
	static void test_##name(void)

/* A seed for randomized tests: TEST_SEED env var, else the given default. */
unsigned long test_seed(unsigned long dflt);

#endif /* TESTS_HOST_TEST_H */
