/*
 * kernel/main.c - start_kernel(): what happens after kernel/armv7/start.S.
 */
#include "kernel/arch.h"
#include "kernel/bootopts.h"
#include "kernel/console.h"
#include "kernel/cpio.h"
#include "kernel/initramfs.h"
#include "kernel/process.h"
#include "kernel/procfs.h"
#include "kernel/randomize.h"
#include "kernel/sched.h"
#include "kernel/timer.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/syscall_trace.h"
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
	printk("\ntopdown: how Linux places and faults in memory, on ARMv7\n");
	arch_show_machine(boot_options.mem_size);
	printk("  layout  TASK_SIZE %08lx  mmap_min_addr %08lx  PAGE_OFFSET %08lx\n",
	       TASK_SIZE, DEFAULT_MMAP_MIN_ADDR, PAGE_OFFSET);
	printk("          mmap_base %08lx (TASK_SIZE - %lu MiB gap for an %lu MiB stack)\n",
	       TASK_SIZE - MMAP_GAP_MIN, MMAP_GAP_MIN >> 20,
	       STACK_RLIMIT_DEFAULT >> 20);
	if (boot_options.trace_placement)
		printk("  trace   placement decisions are logged\n");
	if (boot_options.randomize_va_space > 0)
		printk("  aslr    randomize_va_space %d: mmap_base, stack%s at random\n",
		       boot_options.randomize_va_space,
		       boot_options.randomize_va_space > 1 ? ", brk" : "");
	if (boot_options.trace_syscalls)
		printk("  trace   system calls are logged (/proc/sys/kernel/trace_syscalls)\n");
}

/* Read the boot options; an unusable RAM size stops the boot. */
static void setup_boot_options(void)
{
	unsigned long mem;

	if (arch_get_cmdline(cmdline, sizeof(cmdline)) < 0)
		cmdline[0] = '\0';
	parse_boot_options(&boot_options, cmdline);
	mem = boot_options.mem_size;
	if (mem < (32UL << 20) || mem > arch_ram_size_max() || mem & ((1UL << 20) - 1))
		panic("mem=%luK: RAM must be 32M..512M in whole MiB", mem >> 10);
}

/* The initramfs the boot loader put in RAM (arch_initrd()). */
static void *initrd;
static unsigned long initrd_phys;

/* Find the initramfs: its length, 0 if there is none. */
static size_t find_initramfs(void)
{
	size_t max_len;

	initrd = arch_initrd(boot_options.mem_size, &initrd_phys, &max_len);
	return cpio_length(initrd, max_len);
}

/*
 * Start pid 1: init= (default /bin/init) with the arguments after "--".
 * Without it there is nothing to do: say so and stop.
 */
static void start_first_task(void)
{
	const char *path = boot_options.init ? boot_options.init : "/bin/init";
	const char *argv[MAX_INIT_ARGS + 2] = {
		boot_options.init_argv0 ? boot_options.init_argv0 : path
	};
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	int ret;

	for (int i = 0; i < boot_options.init_argc; i++)
		argv[i + 1] = boot_options.init_argv[i];
	ret = start_init(path, argv, envp);
	if (ret) {
		printk("\ncannot start %s: %s\n", path, errno_name(ret));
		machine_halt(EXIT_BOOT_FAILURE);
	}
}

void start_kernel(void)
{
	size_t initrd_size;

	arch_early_init();
	setup_boot_options();
	paging_init(boot_options.mem_size);
	initrd_size = find_initramfs();
	mem_init(boot_options.mem_size, initrd_phys, initrd_size);
	mm_core_init();		/* VMA and mm caches, the zero page */
	/* VMA checks: full for small mms, amortized for huge (mm/debug.h) */
	vm_check_mode = VM_CHECK_AMORTIZED;
	vfs_caches_init();	/* files and inodes */
	cacheinfo_init(boot_options.cache_alias);
	cpu_features_init();	/* VFP/NEON for user tasks, AT_HWCAP */
	print_banner();

	if (boot_options.trace_placement)
		trace_placement = true;
	trace_syscalls = boot_options.trace_syscalls;
	/* as Linux: a sysctl from the command line is set after norandmaps */
	if (boot_options.norandmaps)
		randomize_va_space = 0;
	if (boot_options.randomize_va_space >= 0)
		randomize_va_space = boot_options.randomize_va_space;

	sched_init();
	init_IRQ();
	timer_init();
	console_init();
	procfs_init();
	if (initrd_size &&
	    unpack_initramfs(initrd, initrd_size, initrd_phys) < 0)
		panic("initramfs: out of memory while unpacking");

	if (boot_options.selftest) {
		int failed = run_selftests("kernel", boot_options.selftest_filter);

		machine_halt(failed ? EXIT_TESTS_FAILED : EXIT_OK);
	}
	start_first_task();
	cpu_idle();
}
