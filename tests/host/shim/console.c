/*
 * tests/host/shim/console.c - panic() for every host program built from
 * the kernel's portable code (the host tests, make pictures, the
 * benchmark): it says why on stderr and aborts, so that AddressSanitizer
 * prints a backtrace. printk() is the kernel's own (kernel/printk.c),
 * over the uart_putc() each program provides (the host tests'
 * tests/host/shim/shim.c writes to stdout, make pictures'
 * trace_capture.c can keep the text).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/printk.h"

void panic(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "panic: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}
