/*
 * kernel/armv7/semihost.h - ARM semihosting: asking QEMU (the "debug host") for
 * the command line, and telling it to exit with a status.
 */
#ifndef KERNEL_ARMV7_SEMIHOST_H
#define KERNEL_ARMV7_SEMIHOST_H

#include "kernel/kernel.h"

/* Exit statuses of the kernel, as the host sees them. */
#define EXIT_OK 0		/* all good (or: the init program's status) */
#define EXIT_TESTS_FAILED 1	/* self-tests ran and some failed */
#define EXIT_PANIC 2		/* panic() */
#define EXIT_BOOT_FAILURE 3	/* kernel/armv7/start.S early trap */

/* Stop QEMU; the host sees @status & 0xff as its exit code. */
void semihost_exit(int status) __noreturn;

/*
 * Copy QEMU's semihosting command line ("<kernel path> <-append text>")
 * into @buf. Returns its length, or -1 when semihosting gave none.
 */
int semihost_get_cmdline(char *buf, size_t size);

#endif /* KERNEL_ARMV7_SEMIHOST_H */
