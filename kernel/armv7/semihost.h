/*
 * kernel/armv7/semihost.h - ARM semihosting: asking QEMU (the "debug host") for
 * the command line, and telling it to exit with a status.
 */
#ifndef KERNEL_ARMV7_SEMIHOST_H
#define KERNEL_ARMV7_SEMIHOST_H

#include "kernel/arch.h"	/* EXIT_* */
#include "kernel/kernel.h"

/* Stop QEMU; the host sees @status & 0xff as its exit code. */
void semihost_exit(int status) __noreturn;

/*
 * Copy QEMU's semihosting command line ("<kernel path> <-append text>")
 * into @buf. Returns its length, or -1 when semihosting gave none.
 */
int semihost_get_cmdline(char *buf, size_t size);

#endif /* KERNEL_ARMV7_SEMIHOST_H */
