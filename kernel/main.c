/*
 * kernel/main.c - start_kernel(): what happens after boot/start.S.
 */
#include "kernel/board.h"
#include "kernel/bootopts.h"
#include "kernel/cpio.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/semihost.h"
#include "kernel/uart.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/mmu_init.h"
#include "mm/memlayout.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/vma.h"

static char cmdline[512];

/* What a student should know about the machine before anything runs. */
static void print_banner(void)
{
	uint32_t midr = read_midr();

	printk("\ntopdown: how Linux places and faults in memory, on ARMv7\n");
	printk("  board   vexpress-a9 (QEMU), one Cortex-A9 core\n");
	printk("  cpu     MIDR %08lx: implementer 0x%02lx part 0x%03lx r%lup%lu%s\n",
	       (unsigned long)midr, (unsigned long)(midr >> 24),
	       (unsigned long)((midr >> 4) & 0xfff),
	       (unsigned long)((midr >> 20) & 0xf), (unsigned long)(midr & 0xf),
	       (midr & 0xff0ffff0) == 0x410fc090 ? " (ARM Cortex-A9)" : "");
	printk("  ram     %lu MiB at phys %08lx, mapped at %08lx\n",
	       boot_options.mem_size >> 20, (unsigned long)PHYS_OFFSET,
	       PAGE_OFFSET);
	cacheinfo_print();
	printk("  layout  TASK_SIZE %08lx  mmap_min_addr %08lx  PAGE_OFFSET %08lx\n",
	       TASK_SIZE, DEFAULT_MMAP_MIN_ADDR, PAGE_OFFSET);
	printk("          mmap_base %08lx (TASK_SIZE - %lu MiB gap for an %lu MiB stack)\n",
	       TASK_SIZE - MMAP_GAP_MIN, MMAP_GAP_MIN >> 20,
	       STACK_RLIMIT_DEFAULT >> 20);
	if (boot_options.trace_placement)
		printk("  trace   placement decisions are logged\n");
}

/* Read the boot options; an unusable RAM size stops the boot. */
static void setup_boot_options(void)
{
	unsigned long mem;

	if (semihost_get_cmdline(cmdline, sizeof(cmdline)) < 0)
		cmdline[0] = '\0';
	parse_boot_options(&boot_options, cmdline);
	mem = boot_options.mem_size;
	if (mem < (32UL << 20) || mem > RAM_SIZE_MAX || mem & ((1UL << 20) - 1))
		panic("mem=%luK: RAM must be 32M..512M in whole MiB", mem >> 10);
}

/* The initramfs QEMU loaded at INITRAMFS_PHYS: its length, 0 if none. */
static size_t find_initramfs(void)
{
	unsigned long ram_end = PHYS_OFFSET + boot_options.mem_size;

	return cpio_length((void *)(INITRAMFS_PHYS - PHYS_OFFSET + PAGE_OFFSET),
			   ram_end - INITRAMFS_PHYS);
}

void start_kernel(void)
{
	size_t initrd_size;

	uart_init();
	setup_boot_options();
	paging_init(boot_options.mem_size);
	initrd_size = find_initramfs();
	mem_init(boot_options.mem_size, INITRAMFS_PHYS, initrd_size);
	mm_core_init();		/* VMA and mm caches, the zero page */
	vfs_caches_init();	/* files and inodes */
	cacheinfo_init(boot_options.cache_alias);
	trace_placement = boot_options.trace_placement;	/* TRACE=placement */
	print_banner();

	if (boot_options.selftest) {
		int failed = run_selftests(boot_options.selftest_filter);

		semihost_exit(failed ? EXIT_TESTS_FAILED : EXIT_OK);
	}

	printk("\nNo user programs yet: this kernel boots, prints what it found and stops.\n");
	semihost_exit(EXIT_OK);
}
