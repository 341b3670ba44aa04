/*
 * tests/host/shim/shim.c - what the portable kernel code needs from the
 * kernel, provided on the host: the console is stdout, panic() aborts (so
 * AddressSanitizer prints a backtrace).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/printk.h"

int vprintk(const char *fmt, va_list ap)
{
	return vprintf(fmt, ap);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

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
