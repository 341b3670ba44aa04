/*
 * kernel/main.c - start_kernel(): what happens after kernel/armv7/start.S.
 */
#include "kernel/armv7/board.h"
#include "kernel/bootopts.h"
#include "kernel/console.h"
#include "kernel/cpio.h"
#include "kernel/armv7/gic.h"
#include "kernel/initramfs.h"
#include "kernel/process.h"
#include "kernel/procfs.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/armv7/semihost.h"
#include "kernel/uart.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/mmu_init.h"
#include "mm/memlayout.h"
#include "mm/debug.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/vma.h"
#include "kernel/errno.h"

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

static void *initramfs_virt(void)
{
	return (void *)(INITRAMFS_PHYS - PHYS_OFFSET + PAGE_OFFSET);
}

/* The initramfs QEMU loaded at INITRAMFS_PHYS: its length, 0 if none. */
static size_t find_initramfs(void)
{
	unsigned long ram_end = PHYS_OFFSET + boot_options.mem_size;

	return cpio_length(initramfs_virt(), ram_end - INITRAMFS_PHYS);
}

/*
 * Start pid 1: init= (default /bin/init) with the arguments after "--".
 * Without it there is nothing to do: say so and stop.
 */
static void start_first_task(void)
{
	const char *path = boot_options.init ? boot_options.init : "/bin/init";
	const char *argv[MAX_INIT_ARGS + 2] = { path };
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	int ret;

	for (int i = 0; i < boot_options.init_argc; i++)
		argv[i + 1] = boot_options.init_argv[i];
	ret = start_init(path, argv, envp);
	if (ret) {
		printk("\ncannot start %s: %s\n", path, errno_name(ret));
		semihost_exit(EXIT_BOOT_FAILURE);
	}
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
	/* VMA checks: full for small mms, amortized for huge (mm/debug.h) */
	vm_check_mode = VM_CHECK_AMORTIZED;
	vfs_caches_init();	/* files and inodes */
	cacheinfo_init(boot_options.cache_alias);
	print_banner();

	if (boot_options.trace_placement)
		trace_placement = true;

	sched_init();
	gic_init();
	timer_init();
	console_init();
	procfs_init();
	if (initrd_size &&
	    unpack_initramfs(initramfs_virt(), initrd_size, INITRAMFS_PHYS) < 0)
		panic("initramfs: out of memory while unpacking");

	if (boot_options.selftest) {
		int failed = run_selftests(boot_options.selftest_filter);

		semihost_exit(failed ? EXIT_TESTS_FAILED : EXIT_OK);
	}
	start_first_task();
	cpu_idle();
}
