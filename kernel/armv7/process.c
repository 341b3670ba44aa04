/*
 * kernel/armv7/process.c - a task's registers, for the portable kernel
 * (kernel/arch.h): where they are saved, and how a new task, fork and
 * exec set them. Reading and printing them: regs.c.
 */
#include <stddef.h>
#include "kernel/arch.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/armv7/arm_syscall.h"
#include "kernel/elf.h"
#include "kernel/armv7/pt_regs.h"
#include "kernel/armv7/vfp.h"
#include "mm/armv7/cp15.h"

/*
 * What kernel/armv7/switch.S saves in task->context, in this order, and
 * the task's TLS value, which it loads into TPIDRURO for the task.
 */
struct arm_cpu_context {
	uint32_t r4, r5, r6, r7, r8, r9, sl, fp;
	uint32_t sp;
	uint32_t pc;
	uint32_t tp_value;	/* set_tls(): read by user mode in TPIDRURO */
	uint32_t teehbr;	/* ThumbEE handler base (thread_notify_switch) */
};

_Static_assert(offsetof(struct arm_cpu_context, tp_value) == 40,
	       "kernel/armv7/switch.S loads tp_value from offset 40");

_Static_assert(sizeof(struct arm_cpu_context) <= sizeof(struct cpu_context),
	       "struct cpu_context too small for the ARM context");

extern void ret_from_fork(void);	/* kernel/armv7/switch.S */

static struct arm_cpu_context *arm_context(struct task_struct *task)
{
	return (struct arm_cpu_context *)&task->context;
}

/*
 * ThumbEE, which the Cortex-A9 has (ID_PFR0[15:12] = 1): its one piece
 * of user state is the handler base register TEEHBR, which user mode may
 * read and write (TEECR.XED stays 0). As Linux does, topdown says so in
 * AT_HWCAP (HWCAP_THUMBEE) and keeps TEEHBR per task: saved and loaded
 * at every switch, inherited by fork, 0 after exec.
 */
#define HWCAP_THUMBEE 0x800
static bool has_thumbee;

static uint32_t read_teehbr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p14, 6, %0, c1, c0, 0" : "=r"(v));
	return v;
}

static void write_teehbr(uint32_t v)
{
	__asm__ volatile("mcr p14, 6, %0, c1, c0, 0" : : "r"(v));
}

/* See kernel/arch.h. */
void cpu_features_init(void)
{
	vfp_init();
	has_thumbee = ((read_id_pfr0() >> 12) & 0xf) == 1;
	if (has_thumbee) {
		elf_hwcap |= HWCAP_THUMBEE;
		write_teehbr(0);
	}
}

/*
 * Called by cpu_switch_to() (switch.S) on @prev's stack, before it loads
 * @next's registers: the per-task user state beyond them. (Linux runs
 * its THREAD_NOTIFY_SWITCH notifiers, VFP and ThumbEE among them, at the
 * same place.)
 */
void thread_notify_switch(struct task_struct *prev, struct task_struct *next)
{
	vfp_switch(prev, next);
	if (has_thumbee) {
		arm_context(prev)->teehbr = read_teehbr();
		write_teehbr(arm_context(next)->teehbr);
	}
}

/* See kernel/armv7/arm_syscall.h: the current task's, and TPIDRURO. */
void set_tls(uint32_t value)
{
	arm_context(current)->tp_value = value;
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(value));
}

uint32_t get_tls(void)
{
	return arm_context(current)->tp_value;
}

struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)((char *)task->stack + THREAD_SIZE) - 1;
}

void init_thread_context(struct task_struct *task)
{
	struct arm_cpu_context *ctx = arm_context(task);

	ctx->sp = (uint32_t)task_pt_regs(task);
	ctx->pc = (uint32_t)ret_from_fork;
	ctx->tp_value = 0;
	ctx->teehbr = 0;
}

void copy_thread(struct task_struct *child, struct task_struct *parent)
{
	*task_pt_regs(child) = *task_pt_regs(parent);
	task_pt_regs(child)->r[0] = 0;	/* fork() returns 0 here */
	/* the child's thread pointer is the parent's (fork, not clone) */
	arm_context(child)->tp_value = arm_context(parent)->tp_value;
	/* and its floating-point registers (parent is the current task) */
	vfp_copy(child);
	if (has_thumbee)
		arm_context(child)->teehbr = read_teehbr();
}

void thread_set_user_sp(struct task_struct *child, unsigned long sp)
{
	task_pt_regs(child)->sp = sp;
}

void thread_set_tls(struct task_struct *child, unsigned long tls)
{
	arm_context(child)->tp_value = tls;
}

void start_thread(struct pt_regs *regs, unsigned long entry,
		  unsigned long sp)
{
	/* a new program starts without a thread pointer, as on Linux, */
	set_tls(0);
	/* and with every floating-point register 0 */
	vfp_flush(current);
	if (has_thumbee)
		write_teehbr(0);
	memset(regs, 0, sizeof(*regs));
	regs->sp = sp;
	regs->pc = entry & ~1u;
	regs->cpsr = MODE_USR | (entry & 1 ? PSR_T_BIT : 0);
}
