/*
 * kernel/panic.c - giving up: panic() prints the reason, the caller's
 * registers and backtrace (the arch's dump_stack()), and stops the
 * machine with EXIT_PANIC. Apart from printk.c, so that printk stays a
 * leaf: it only formats and writes to the serial line.
 */
#include "kernel/arch.h"
#include "kernel/printk.h"

void panic(const char *fmt, ...)
{
	static bool panicking;
	va_list ap;

	local_irq_disable();
	if (panicking)		/* a panic while panicking: just stop */
		machine_halt(EXIT_PANIC);
	panicking = true;

	printk("\nKernel panic: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	dump_stack();
	printk("---[ end Kernel panic ]---\n");
	machine_halt(EXIT_PANIC);
}
