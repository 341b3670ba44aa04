/*
 * tests/host/shim/shim.c - the console of the host tests: stdout.
 * (printk() and panic() on top of it: tests/host/shim/console.c.)
 */
#include <stdarg.h>
#include <stdio.h>
#include "kernel/printk.h"

int vprintk(const char *fmt, va_list ap)
{
	return vprintf(fmt, ap);
}
