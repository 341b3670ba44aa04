/*
 * kernel/printk.c - printk() to the serial line. A leaf: it formats
 * (vsprintf.c) and writes (uart_putc()), nothing else; panic() is in
 * panic.c.
 */
#include "kernel/printk.h"
#include "kernel/uart.h"

/* Write @s to the console, turning "\n" into "\r\n" for terminals. */
static void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
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
