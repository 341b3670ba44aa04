/*
 * kernel/armv7/process.c - the registers of a task, for the portable
 * kernel (kernel/arch.h): where they are saved, how fork and exec set
 * them, where a system call finds its number and arguments (the ARM
 * EABI: r7, r0-r5; the result in r0).
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
	task_pt_regs(child)->r[0] = 0;	/* fork() returns 0 in the child */
}

/* See kernel/binfmts.h: bit 0 of @entry set means Thumb code. */
void start_thread(unsigned long entry, unsigned long sp)
{
	struct pt_regs *regs = task_pt_regs(current);

	memset(regs, 0, sizeof(*regs));
	regs->sp = sp;
	regs->pc = entry & ~1u;
	regs->cpsr = MODE_USR | (entry & 1 ? PSR_T_BIT : 0);
}

bool user_mode(const struct pt_regs *regs)
{
	return (regs->cpsr & MODE_MASK) == MODE_USR;
}

unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->pc;
}

void instruction_pointer_set(struct pt_regs *regs, unsigned long pc)
{
	regs->pc = pc;
}

unsigned long syscall_get_nr(const struct pt_regs *regs)
{
	return regs->r[7];
}

void syscall_get_arguments(const struct pt_regs *regs, unsigned long args[6])
{
	for (int i = 0; i < 6; i++)
		args[i] = regs->r[i];
}

void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->r[0] = (uint32_t)val;
}
