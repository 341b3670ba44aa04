/*
 * Self-tests of the user-access routines (kernel/uaccess*.c): ranges
 * outside user space are refused before any access, and a fault in the
 * middle of a copy (nothing mapped, no address space to fault into: the
 * idle task has none) ends the copy with what was left, never a crash.
 */
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "mm/memlayout.h"
#include "tests/kernel/ktest.h"

TEST(access_ok_is_exactly_user_space)
{
	CHECK(access_ok(0, TASK_SIZE));
	CHECK(access_ok(TASK_SIZE - 4, 4));
	CHECK(!access_ok(TASK_SIZE - 4, 5));		/* crosses TASK_SIZE */
	CHECK(access_ok(TASK_SIZE, 0));		/* empty, at the end */
	CHECK(!access_ok(0xC0000000UL, 0));		/* empty, but kernel */
	CHECK(!access_ok(0xC0000000UL, 4));		/* the kernel */
	CHECK(!access_ok(0x1000, 0xFFFFF000UL));	/* wraps around */
	CHECK(!access_ok(0xFFFFFFF0UL, 0x20));
}

TEST(kernel_addresses_are_refused_before_any_access)
{
	static char secret[16] = "kernel data";
	char buf[16];

	CHECK_EQ(copy_from_user(buf, secret, sizeof(buf)), sizeof(buf));
	CHECK_EQ(copy_to_user(secret, "x", 1), 1);
	CHECK_STREQ(secret, "kernel data");		/* untouched */
	CHECK_EQ(strncpy_from_user(buf, secret, sizeof(buf)), -EFAULT);
	CHECK_EQ(clear_user(secret, 4), 4);
	CHECK_EQ(secret[0], 'k');
}

TEST(faults_on_unmapped_user_memory_return_what_is_left)
{
	char buf[32];
	uint32_t v = 0;

	/* no address space at all: every access faults, is fixed up */
	CHECK_EQ(copy_from_user(buf, (void *)0x40000000, sizeof(buf)),
		 sizeof(buf));
	CHECK_EQ(copy_to_user((void *)0x40000000, buf, 7), 7);
	CHECK_EQ(clear_user((void *)0x40000000, 5), 5);
	CHECK_EQ(strncpy_from_user(buf, (char *)0x40000000, sizeof(buf)),
		 -EFAULT);
	CHECK_EQ(get_user_u32(&v, (uint32_t *)0x40000000), -EFAULT);
	CHECK_EQ(put_user_u32(1, (uint32_t *)0x40000000), -EFAULT);
	CHECK_EQ(copy_from_user(buf, (void *)0x40000000, 0), 0);
}
