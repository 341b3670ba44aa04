/*
 * kernel/armv7/semihost.c - ARM semihosting calls.
 *
 * A semihosting call is `svc 0x123456` in ARM state with the operation in
 * r0 and a pointer to its parameter block in r1; QEMU (run with
 * -semihosting-config enable=on) intercepts it before it becomes an SVC
 * exception. Addresses are virtual: QEMU translates them with our MMU.
 */
#include "kernel/armv7/semihost.h"

#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static long semihost_call(long op, void *arg)
{
	register long r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = arg;

	/* lr is clobbered if this becomes a real SVC (no -semihosting) */
	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory", "lr");
	return r0;
}

void semihost_exit(int status)
{
	/* SYS_EXIT_EXTENDED carries a full status; SYS_EXIT only 0 or 1. */
	uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status };

	semihost_call(SYS_EXIT_EXTENDED, block);
	for (;;)		/* without -semihosting we get here: stop */
		__asm__ volatile("wfi");
}

int semihost_get_cmdline(char *buf, size_t size)
{
	uint32_t block[2] = { (uint32_t)buf, (uint32_t)size };

	if (semihost_call(SYS_GET_CMDLINE, block) != 0)
		return -1;
	return (int)block[1];
}
