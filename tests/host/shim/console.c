/*
 * tests/host/shim/console.c - printk() and panic() for every host program
 * built from the kernel's portable code (the host tests, make pictures,
 * the benchmark), written once: printk() goes through vprintk(), which
 * each program provides (the host tests' tests/host/shim/shim.c writes to
 * stdout, make pictures' trace_capture.c can keep the text); panic()
 * says why on stderr and aborts, so that AddressSanitizer prints a
 * backtrace.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/printk.h"

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
