/*
 * kernel/armv7/setup.c - the board and CPU facts start_kernel() asks for
 * through kernel/arch.h: the console, the command line, where QEMU put
 * the initramfs, the banner's machine lines, stopping.
 */
#include "kernel/arch.h"
#include "kernel/printk.h"
#include "kernel/uart.h"
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"
#include "kernel/armv7/semihost.h"
#include "kernel/armv7/vfp.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/cp15.h"
#include "mm/memlayout.h"

void arch_early_init(void)
{
	uart_init();
}

int arch_get_cmdline(char *buf, size_t size)
{
	return semihost_get_cmdline(buf, size);
}

unsigned long arch_ram_size_max(void)
{
	return RAM_SIZE_MAX;
}

void *arch_initrd(unsigned long ram_size, unsigned long *phys,
		  size_t *max_len)
{
	*phys = INITRAMFS_PHYS;
	*max_len = PHYS_OFFSET + ram_size - INITRAMFS_PHYS;
	return (void *)(INITRAMFS_PHYS - PHYS_OFFSET + PAGE_OFFSET);
}

void arch_show_machine(unsigned long ram_size)
{
	uint32_t midr = read_midr();

	printk("  board   vexpress-a9 (QEMU), one Cortex-A9 core\n");
	printk("  cpu     MIDR %08lx: implementer 0x%02lx part 0x%03lx r%lup%lu%s\n",
	       (unsigned long)midr, (unsigned long)(midr >> 24),
	       (unsigned long)((midr >> 4) & 0xfff),
	       (unsigned long)((midr >> 20) & 0xf), (unsigned long)(midr & 0xf),
	       (midr & 0xff0ffff0) == 0x410fc090 ? " (ARM Cortex-A9)" : "");
	printk("  ram     %lu MiB at phys %08lx, mapped at %08lx\n",
	       ram_size >> 20, (unsigned long)PHYS_OFFSET, PAGE_OFFSET);
	cacheinfo_print();
	fpu_print();
}

void init_IRQ(void)
{
	gic_init();
}

void machine_halt(int status)
{
	semihost_exit(status);
}

void local_irq_disable(void)
{
	__asm__ volatile("cpsid if" : : : "memory");
}

void cpu_do_idle(void)
{
	__asm__ volatile("wfi");
}

void local_irq_window(void)
{
	__asm__ volatile("cpsie i\n\tnop\n\tcpsid i" : : : "memory");
}
