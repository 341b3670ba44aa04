/*
 * kernel/exit.c - ending a process, and its parent learning how it ended.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/semihost.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"
#include "mm/armv7/pgtable.h"
#include "mm/mm.h"

#define WNOHANG 1

/* Hand @task's children to init (or, if @task is init, to nobody). */
static void reparent_children(struct task_struct *task)
{
	struct task_struct *init = find_task(1), *child, *next;

	list_for_each_entry_safe(child, next, &task->children, sibling) {
		list_del(&child->sibling);
		child->orphan = true;
		if (child->state == TASK_ZOMBIE) {
			release_task(child);	/* nobody will wait for it */
			continue;
		}
		if (init && init != task) {
			child->parent = init;
			list_add_tail(&child->sibling, &init->children);
		} else {
			child->parent = NULL;
		}
	}
}

/* The status a shell would report: the exit code, or 128 + signal. */
static int shell_status(int status)
{
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

void do_exit(int status)
{
	struct task_struct *task = current;
	struct mm_struct *mm = task->mm;

	for (int fd = 0; fd < NR_OPEN; fd++) {
		if (task->files[fd]) {
			fput(task->files[fd]);
			task->files[fd] = NULL;
		}
	}
	if (mm) {
		switch_mm(mm, &init_mm);
		task->mm = NULL;
		mmput(mm);		/* every page of the process comes back */
	}
	if (task->pid == 1) {
		printk("init exited with status %d: stopping\n",
		       shell_status(status));
		semihost_exit(shell_status(status));
	}
	reparent_children(task);
	task->exit_status = status;
	if (task->orphan) {
		task->state = TASK_DEAD;	/* freed after the switch */
	} else {
		task->state = TASK_ZOMBIE;
		wake_up(task->parent);
	}
	schedule();
	panic("do_exit: a dead task was scheduled");
}

void force_sig(int sig)
{
	do_exit(W_SIGNALED(sig));
}

long sys_exit(unsigned long code)
{
	do_exit(W_EXITCODE(code));
}

long sys_exit_group(unsigned long code)
{
	do_exit(W_EXITCODE(code));	/* one thread per process */
}

/* struct rusage of the 32-bit ABI: 2 timevals and 14 longs. */
#define RUSAGE_SIZE 72

long sys_wait4(unsigned long upid, unsigned long ustatus,
	       unsigned long options, unsigned long urusage)
{
	long pid = (long)upid;
	int status;

	if (options & ~WNOHANG)
		return -EINVAL;
	for (;;) {
		struct task_struct *child, *next;
		bool have_child = false;

		list_for_each_entry_safe(child, next, &current->children,
					 sibling) {
			if (pid > 0 && child->pid != pid)
				continue;
			if (pid < -1)	/* no process groups here */
				continue;
			have_child = true;
			if (child->state != TASK_ZOMBIE)
				continue;
			/*
			 * As Linux: the zombie is released first, then the
			 * results are written; a bad pointer is -EFAULT,
			 * but the child is gone all the same.
			 */
			status = child->exit_status;
			pid = child->pid;
			release_task(child);
			if (ustatus &&
			    put_user_u32(status, (uint32_t *)ustatus))
				return -EFAULT;
			if (urusage && clear_user((void *)urusage, RUSAGE_SIZE))
				return -EFAULT;
			return pid;
		}
		if (!have_child)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		sleep_on(current);	/* a child's exit wakes us */
	}
}
