/*
 * tests/host/test.h - the host tests: TEST(name) { ... } as in
 * tests/ktest.h, with the C library at hand.
 *
 *	TEST(find_vma_in_gap) { ... CHECK_EQ(vma->vm_start, 0x3000); ... }
 *
 * tests/host/main.c runs them with the kernel's own runner
 * (kernel/selftest.c), printing "ok N host/file:name" or "not ok ..." per
 * test and the totals. `build/host/hosttests PATTERN` runs only tests
 * whose name contains it.
 */
#ifndef TESTS_HOST_TEST_H
#define TESTS_HOST_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/ktest.h"

/* A seed for randomized tests: TEST_SEED env var, else the given default. */
unsigned long test_seed(unsigned long dflt);

#endif /* TESTS_HOST_TEST_H */
