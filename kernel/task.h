/*
 * kernel/task.h - tasks (processes): each has its own address space
 * (struct mm_struct, with its page table and ASID), a kernel stack where
 * its user registers are saved on every exception, and a place in the
 * scheduler's round-robin queue.
 */
#ifndef KERNEL_TASK_H
#define KERNEL_TASK_H

#include "kernel/arch.h"	/* task_pt_regs() */
#include "kernel/kernel.h"
#include "kernel/list.h"

struct mm_struct;
struct pt_regs;
struct file;

enum task_state {
	TASK_RUNNING,		/* runnable: on the run queue or running */
	TASK_SLEEPING,		/* waiting for wake_up(wait_chan) */
	TASK_ZOMBIE,		/* exited; its parent has not reaped it */
	TASK_DEAD,		/* exited, nobody waits: freed after switch */
};

/*
 * What cpu_switch_to() saves: the callee-saved registers, sp and the
 * resume address. Its layout is the arch's (kernel/armv7/switch.S and
 * process.c); portable code never looks inside.
 */
struct cpu_context {
	unsigned long regs[12];
};

/*
 * The user's floating-point registers while the task is not on the CPU
 * (ARM: VFP/NEON d0-d31 and FPSCR, kernel/armv7/vfp.c). Opaque here, as
 * cpu_context is; 8-byte words for the arch's block loads and stores.
 */
struct fpu_context {
	uint64_t regs[33];
};

/* A signal's action, as rt_sigaction() set it (kernel/signal.c). */
struct k_sigaction {
	uint32_t handler;		/* SIG_DFL 0, SIG_IGN 1, or an address */
	uint32_t flags;
	uint32_t restorer;
	uint64_t mask;
};

#define THREAD_SIZE 8192	/* every task's kernel stack */

#define TASK_COMM_LEN 16
#define NR_OPEN 16		/* file descriptors per task */

struct task_struct {
	struct cpu_context context;	/* must stay first: kernel/armv7/switch.S */
	int pid;
	char comm[TASK_COMM_LEN];	/* the program's name */
	enum task_state state;
	void *wait_chan;		/* TASK_SLEEPING: what it waits for */
	unsigned int slice;		/* ticks left before preemption */

	struct mm_struct *mm;		/* NULL for the idle task */
	void *stack;			/* THREAD_SIZE bytes of kernel stack */

	struct task_struct *parent;
	struct list_head children;	/* tasks we are the parent of */
	struct list_head sibling;	/* in our parent's children */
	struct list_head run_list;	/* on the run queue */
	struct list_head tasks;		/* on the list of all tasks */
	int exit_status;		/* wait4's status word, once a zombie */
	bool orphan;			/* parent died: reaped automatically */
	unsigned long personality;	/* ADDR_COMPAT_LAYOUT: legacy mmap */
	unsigned int enosys_reports;	/* of calls answered ENOSYS */
	uint32_t *set_child_tid;	/* clone: our pid goes there at start */
	uint32_t *clear_child_tid;	/* clone: 0 goes there at exit */
	void *robust_list;		/* set_robust_list(): kept, unused */

	struct file *files[NR_OPEN];
	unsigned long close_on_exec;	/* bit fd: FD_CLOEXEC (kernel/fcntl.c) */
	char exe_path[64];		/* the program exec'd: /proc/self/exe */
	struct k_sigaction sigaction[64];	/* recorded, never delivered */
	uint64_t blocked;		/* rt_sigprocmask's set */
	struct fpu_context fpu;		/* saved at every switch away */
};

/* clone(2) flags that kernel/fork.c takes (Linux's values). */
#define CSIGNAL 0x000000ff		/* the exit signal, in the low byte */
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000

/* personality(2) flags that the mm code honours (Linux's values). */
#define ADDR_COMPAT_LAYOUT 0x0200000	/* exec picks the bottom-up layout */
#define READ_IMPLIES_EXEC 0x0400000	/* PROT_READ also means PROT_EXEC */

/* The task running now (one CPU). */
extern struct task_struct *current;

#endif /* KERNEL_TASK_H */
