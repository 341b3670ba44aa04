/*
 * kernel/armv7/process.c - a task's registers, for the portable kernel
 * (kernel/arch.h): where they are saved, and how a new task, fork and
 * exec set them. Reading and printing them: regs.c.
 */
#include "kernel/arch.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/armv7/pt_regs.h"

/* What kernel/armv7/switch.S saves in task->context, in this order. */
struct arm_cpu_context {
	uint32_t r4, r5, r6, r7, r8, r9, sl, fp;
	uint32_t sp;
	uint32_t pc;
};

_Static_assert(sizeof(struct arm_cpu_context) <= sizeof(struct cpu_context),
	       "struct cpu_context too small for the ARM context");

extern void ret_from_fork(void);	/* kernel/armv7/switch.S */

struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)((char *)task->stack + THREAD_SIZE) - 1;
}

void init_thread_context(struct task_struct *task)
{
	struct arm_cpu_context *ctx = (struct arm_cpu_context *)&task->context;

	ctx->sp = (uint32_t)task_pt_regs(task);
	ctx->pc = (uint32_t)ret_from_fork;
}

void copy_thread(struct task_struct *child, struct task_struct *parent)
{
	*task_pt_regs(child) = *task_pt_regs(parent);
	task_pt_regs(child)->r[0] = 0;	/* fork() returns 0 here */
}

void start_thread(struct pt_regs *regs, unsigned long entry,
		  unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->sp = sp;
	regs->pc = entry & ~1u;
	regs->cpsr = MODE_USR | (entry & 1 ? PSR_T_BIT : 0);
}
