/*
 * kernel/printk.c - printk() to the UART, and panic().
 */
#include "kernel/printk.h"
#include "kernel/armv7/pt_regs.h"
#include "kernel/armv7/semihost.h"
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

/* Capture the caller's registers (close enough to where panic was called). */
static void __attribute__((noinline)) capture_regs(struct pt_regs *regs)
{
	__asm__ volatile("stmia %0, {r0-r12}\n\t"
			 "str sp, [%0, #52]\n\t"
			 "str lr, [%0, #56]\n\t"
			 "str pc, [%0, #60]\n\t"
			 "mrs r1, cpsr\n\t"
			 "str r1, [%0, #64]"
			 : : "r"(regs) : "r1", "memory");
}

void panic(const char *fmt, ...)
{
	static bool panicking;
	struct pt_regs regs;
	va_list ap;

	__asm__ volatile("cpsid if");
	if (panicking)		/* a panic while panicking: just stop */
		semihost_exit(EXIT_PANIC);
	panicking = true;

	printk("\nKernel panic: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	capture_regs(&regs);
	show_regs(&regs);
	printk("---[ end Kernel panic ]---\n");
	semihost_exit(EXIT_PANIC);
}
