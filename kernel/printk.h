/*
 * kernel/printk.h - formatted output to the console, and giving up.
 *
 * Portable declarations: mm/ code calls these on the target and on the host
 * (where tests/host/shim supplies stdio-backed versions).
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stdarg.h>
#include "kernel/kernel.h"

/*
 * Formats understood by the kernel's vsnprintf: %d %i %u %x %X %o %p %s %c
 * %%, flags '-' '0' '+' ' ' '#', a field width and precision (also '*'),
 * and the length modifiers h, hh, l, ll, z.  %p prints 0x and 8 hex digits.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Print to the console; returns the number of characters printed. */
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

/* Print the reason and the registers, then stop QEMU with a failure status. */
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

#define BUG() panic("BUG at %s:%d (%s)", __FILE__, __LINE__, __func__)
#define BUG_ON(cond)                                                     \
	do {                                                             \
		if (unlikely(cond))                                      \
			panic("BUG_ON(%s) at %s:%d (%s)", #cond, __FILE__, \
			      __LINE__, __func__);                       \
	} while (0)

#endif /* KERNEL_PRINTK_H */
