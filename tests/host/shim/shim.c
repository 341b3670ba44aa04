/*
 * tests/host/shim/shim.c - the console of the host tests: stdout. The
 * kernel's own printk() (kernel/printk.c) writes to it; panic() is in
 * tests/host/shim/console.c.
 */
#include <stdio.h>
#include "kernel/uart.h"

/* The UART's transmitter: stdout, without the CR of each CR LF. */
void uart_putc(char c)
{
	if (c != '\r')
		putchar(c);
}
