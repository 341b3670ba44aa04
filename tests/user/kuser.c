/*
 * tests/user/kuser.c - the page ARM Linux maps at 0xffff0000 in every
 * task, "[vectors]" in /proc/self/maps, and the kernel user helpers at
 * the top of it that C libraries call at fixed addresses (armel glibc's
 * thread pointer comes from __kuser_get_tls): the version word, get_tls
 * after set_tls, the memory barrier, 32- and 64-bit compare-and-swap, each
 * way. The page can be read and executed, not written: a store kills the
 * task; a system call given it as a buffer gets EFAULT (it lies above
 * TASK_SIZE).
 */
#include <stdint.h>
#include <string.h>
#include "kernel/errno.h"
#include "kernel/unistd.h"
#include "procfs.h"
#include "syscall.h"
#include "utest.h"

#define KUSER_VERSION 0xffff0ffcUL

typedef unsigned long (*get_tls_fn)(void);
typedef void (*barrier_fn)(void);
typedef int (*cmpxchg_fn)(uint32_t old, uint32_t new, volatile uint32_t *p);
typedef int (*cmpxchg64_fn)(const uint64_t *old, const uint64_t *new,
			    volatile uint64_t *p);

#define kuser_get_tls ((get_tls_fn)0xffff0fe0UL)
#define kuser_memory_barrier ((barrier_fn)0xffff0fa0UL)
#define kuser_cmpxchg ((cmpxchg_fn)0xffff0fc0UL)
#define kuser_cmpxchg64 ((cmpxchg64_fn)0xffff0f60UL)

/* The page is listed last, read and execute, private, named [vectors]. */
static void test_vectors_page_is_in_the_maps(void)
{
	struct map_entry e;

	CHECK(maps_find(0xffff0000UL, &e));
	CHECK_EQ(e.start, 0xffff0000UL);
	CHECK_EQ(e.end, 0xffff1000UL);
	CHECK(strcmp(e.perms, "r-xp") == 0);
	CHECK(strcmp(e.name, "[vectors]") == 0);
}

/* Five 32-byte slots of helpers below 0x1000: version 5. */
static void test_helper_version(void)
{
	CHECK_EQ(*(volatile uint32_t *)KUSER_VERSION, 5);
}

static void test_get_tls_reads_what_set_tls_set(void)
{
	CHECK_EQ(__syscall(__ARM_NR_set_tls, 0x7e57, 0, 0, 0, 0, 0), 0);
	CHECK_EQ(kuser_get_tls(), 0x7e57);
	CHECK_EQ(__syscall(__ARM_NR_set_tls, 0, 0, 0, 0, 0, 0), 0);
	CHECK_EQ(kuser_get_tls(), 0);
	kuser_memory_barrier();		/* returns, and that is all */
}

/* 0 and the new value when *p held the old one; else nonzero, *p kept. */
static void test_cmpxchg_both_ways(void)
{
	volatile uint32_t v = 5;

	CHECK_EQ(kuser_cmpxchg(5, 9, &v), 0);
	CHECK_EQ(v, 9);
	CHECK(kuser_cmpxchg(5, 7, &v) != 0);
	CHECK_EQ(v, 9);
}

static void test_cmpxchg64_both_ways(void)
{
	volatile uint64_t v = 0x1122334455667788ULL;
	uint64_t old = 0x1122334455667788ULL, new = 0x99aabbccddeeff00ULL;
	uint64_t half = 0x1122334400000000ULL;	/* the high half matches */

	CHECK_EQ(kuser_cmpxchg64(&old, &new, &v), 0);
	CHECK_EQ(v, new);
	CHECK(kuser_cmpxchg64(&old, &half, &v) != 0);
	CHECK_EQ(v, new);
	half = 0x99aabbcc00000000ULL;
	CHECK(kuser_cmpxchg64(&half, &old, &v) != 0);
	CHECK_EQ(v, new);
}

static void child_writes_the_page(unsigned long unused)
{
	(void)unused;
	*(volatile uint32_t *)0xffff0000UL = 1;
}

/* Read-only for user mode, and not user memory for the kernel's copies. */
static void test_the_page_cannot_be_written(void)
{
	CHECK_KILLED(utest_in_child(child_writes_the_page, 0), 11);
	CHECK_EQ(sys_write(1, (const void *)0xffff0000UL, 16), -EFAULT);
}

int main(void)
{
	utest_begin("kuser");
	if (!proc_ensure())
		return 1;
	utest_run("vectors_page_is_in_the_maps",
		  test_vectors_page_is_in_the_maps);
	utest_run("helper_version", test_helper_version);
	utest_run("get_tls_reads_what_set_tls_set",
		  test_get_tls_reads_what_set_tls_set);
	utest_run("cmpxchg_both_ways", test_cmpxchg_both_ways);
	utest_run("cmpxchg64_both_ways", test_cmpxchg64_both_ways);
	utest_run("the_page_cannot_be_written",
		  test_the_page_cannot_be_written);
	return utest_end();
}
