/*
 * tests/kernel/ktest.h - in-kernel self-tests: TEST(name) { ... } as in
 * tests/ktest.h, with what a test in the kernel may use. With the boot
 * option `selftest` the kernel runs them all (kernel/selftest.c) and
 * prints one KTAP line each: "ok N kernel/file:name" or "not ok ...".
 */
#ifndef TESTS_KERNEL_KTEST_H
#define TESTS_KERNEL_KTEST_H

#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "tests/ktest.h"

#endif /* TESTS_KERNEL_KTEST_H */
