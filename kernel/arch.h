/*
 * kernel/arch.h - what the portable kernel may ask of the architecture:
 * the one boundary on the kernel side, as mm/mmu.h is for the MMU. The
 * ARMv7 side lives in kernel/armv7/ (and mm/armv7/ for the kernel's own
 * page table); no portable file includes a header from there, which
 * tests/check_portable.sh checks on every build of `make test`.
 *
 * The registers of an interrupted context are a struct pt_regs whose
 * layout only the arch knows (kernel/armv7/pt_regs.h): portable code
 * passes pointers to it and uses the accessors below.
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include "kernel/bootopts.h"
#include "kernel/kernel.h"

struct pt_regs;
struct task_struct;

/* Exit statuses of the kernel, as the host (QEMU's caller) sees them. */
#define EXIT_OK 0		/* all good (or: the init program's status) */
#define EXIT_TESTS_FAILED 1	/* self-tests ran and some failed */
#define EXIT_PANIC 2		/* panic() */
#define EXIT_BOOT_FAILURE 3	/* no init, or an early trap (start.S) */

/* ---- Booting: start_kernel() calls these, in this order. ---- */

/* Make printk() work (the serial console). */
void arch_early_init(void);

/* The boot command line into @buf: its length, or -1 when there is none. */
int arch_get_cmdline(char *buf, size_t size);

/* The most RAM the board can map (the mem= option's upper limit). */
unsigned long arch_ram_size_max(void);

/*
 * Finish the kernel address space kernel/armv7/start.S began: all
 * @ram_size bytes of RAM at PAGE_OFFSET in 1 MiB sections (executable
 * only where the kernel's text is), the device windows, and no identity
 * map any more (mm/armv7/mmu_init.c).
 */
void paging_init(unsigned long ram_size);

/*
 * The initramfs the boot loader placed in RAM: its physical address in
 * *@phys and the kernel's address of it (returned); *@max_len is how far
 * it may reach (to the end of @ram_size bytes of RAM).
 */
void *arch_initrd(unsigned long ram_size, unsigned long *phys,
		  size_t *max_len);

/*
 * Hand RAM to the page allocator, keeping back the kernel image and the
 * initramfs at physical @initrd_start (@initrd_size bytes, 0: none),
 * then start the slab allocator (mm/armv7/mmu_init.c).
 */
void mem_init(unsigned long ram_size, unsigned long initrd_start,
	      unsigned long initrd_size);

/* Read the cache geometry and decide colour alignment per @mode. */
void cacheinfo_init(enum cache_alias_mode mode);

/*
 * Let user tasks use what the CPU has beyond its core registers (ARM:
 * the VFP/NEON unit, kernel/armv7/vfp.c, and ThumbEE's handler base,
 * kernel/armv7/process.c; each kept per task), and add it to elf_hwcap
 * (kernel/elf.h) for AT_HWCAP, as Linux does. The kernel never uses them.
 */
void cpu_features_init(void);

/* The banner's lines about the machine: board, CPU, RAM, caches, FPU. */
void arch_show_machine(unsigned long ram_size);

/* Start the interrupt controller; timer_init() and the console follow. */
void init_IRQ(void);

/* Stop the machine; the host sees @status & 0xff. */
void __noreturn machine_halt(int status);

/* ---- Tasks and registers. ---- */

/* The boot CPU's stack, THREAD_SIZE bytes: the idle task's. */
extern char init_stack[];

/* The saved user registers of @task: at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *task);

/* A new task's first switch runs ret_from_fork, out to task_pt_regs(). */
void init_thread_context(struct task_struct *task);

/* @child returns from fork() with @parent's registers, and 0. */
void copy_thread(struct task_struct *child, struct task_struct *parent);

/* clone(): @child starts with user stack pointer @sp ... */
void thread_set_user_sp(struct task_struct *child, unsigned long sp);
/* ... and thread pointer @tls (ARM: TPIDRURO, set_tls) */
void thread_set_tls(struct task_struct *child, unsigned long tls);

/*
 * Set the user registers @regs (of a task starting a new image) to begin
 * at @entry with stack pointer @sp; on ARM, bit 0 of @entry set means
 * Thumb code. Linux's signature.
 */
void start_thread(struct pt_regs *regs, unsigned long entry,
		  unsigned long sp);

bool user_mode(const struct pt_regs *regs);
unsigned long instruction_pointer(const struct pt_regs *regs);
void instruction_pointer_set(struct pt_regs *regs, unsigned long pc);

/* A system call's number, its six arguments, and its result. */
unsigned long syscall_get_nr(const struct pt_regs *regs);
void syscall_get_arguments(const struct pt_regs *regs, unsigned long args[6]);
void syscall_set_return_value(struct pt_regs *regs, long val);

/* The name of the CPU mode @regs was in ("USR", "SVC", ...). */
const char *regs_mode_name(const struct pt_regs *regs);

/* Print @regs, and a backtrace when they are the kernel's. */
void show_regs(const struct pt_regs *regs);

/* Print the caller's registers and backtrace (panic). */
void dump_stack(void);

/* ---- Page tables, for reading. ---- */

struct mm_struct;

/*
 * The descriptors the MMU walks for @mm's user space (and the gate page),
 * one decoded line each, into @buf (at most @size bytes):
 * /proc/PID/pagetable (kernel/armv7/ptdump.c has the format). Returns
 * the length, or @size when it did not fit.
 */
size_t arch_show_page_tables(struct mm_struct *mm, char *buf, size_t size);

/* ---- The CPU. ---- */

/* Mask interrupts (for good: panic). */
void local_irq_disable(void);

/* Wait for an interrupt; with IRQs masked it stays pending (WFI). */
void cpu_do_idle(void);

/* Unmask IRQs for a moment, so that a pending one is taken. */
void local_irq_window(void);

#endif /* KERNEL_ARCH_H */
