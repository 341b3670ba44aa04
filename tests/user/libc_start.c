/*
 * tests/user/libc_start.c - the calls a C library makes before main()
 * (glibc and musl on 32-bit ARM) and answers it expects, as Linux 6.1:
 * set_tid_address returns the thread id (the pid of a single-threaded
 * process); set_robust_list takes a head of exactly 12 bytes, EINVAL
 * otherwise; clock_gettime64, asked before clock_gettime since Linux
 * 5.1, gives the same clock in 64-bit fields, EINVAL for an unknown
 * clock, EFAULT for a bad buffer.
 */
#include <stdint.h>
#include "kernel/errno.h"
#include "kernel/unistd.h"
#include "syscall.h"
#include "utest.h"

#define CLOCK_MONOTONIC 1

static void test_set_tid_address_returns_the_pid(void)
{
	static uint32_t tid;

	CHECK_EQ(__syscall(__NR_set_tid_address, (long)&tid, 0, 0, 0, 0, 0),
		 sys_getpid());
	CHECK_EQ(tid, 0);		/* nothing is written now */
}

static void test_set_robust_list_checks_the_length(void)
{
	static uint32_t head[3];

	CHECK_EQ(__syscall(__NR_set_robust_list, (long)head, 12, 0, 0, 0, 0),
		 0);
	CHECK_EQ(__syscall(__NR_set_robust_list, (long)head, 11, 0, 0, 0, 0),
		 -EINVAL);
	CHECK_EQ(__syscall(__NR_set_robust_list, (long)head, 24, 0, 0, 0, 0),
		 -EINVAL);
}

/* Nanoseconds of the monotonic clock, through the 32-bit call. */
static uint64_t now32(void)
{
	uint32_t ts[2];

	CHECK_EQ(__syscall(__NR_clock_gettime, CLOCK_MONOTONIC, (long)ts, 0, 0,
			   0, 0), 0);
	return (uint64_t)ts[0] * 1000000000u + ts[1];
}

static void test_clock_gettime64_is_the_same_clock(void)
{
	uint64_t ts[2] = { ~0ULL, ~0ULL }, before = now32(), mid, after;

	CHECK_EQ(__syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, (long)ts,
			   0, 0, 0, 0), 0);
	after = now32();
	CHECK(ts[1] < 1000000000u);
	mid = ts[0] * 1000000000u + ts[1];
	CHECK(before <= mid && mid <= after);
	CHECK_EQ(__syscall(__NR_clock_gettime64, 100, (long)ts, 0, 0, 0, 0),
		 -EINVAL);
	CHECK_EQ(__syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, 8, 0, 0, 0,
			   0), -EFAULT);
}

int main(void)
{
	utest_begin("libc_start");
	utest_run("set_tid_address_returns_the_pid",
		  test_set_tid_address_returns_the_pid);
	utest_run("set_robust_list_checks_the_length",
		  test_set_robust_list_checks_the_length);
	utest_run("clock_gettime64_is_the_same_clock",
		  test_clock_gettime64_is_the_same_clock);
	return utest_end();
}
