/*
 * kernel/exit.c - ending a process, and its parent learning how it ended.
 */
#include <limits.h>
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/arch.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"
#include "mm/mm.h"

/* wait4() options (include/uapi/linux/wait.h). */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002	/* also report stopped children */
#define WCONTINUED	0x00000008	/* also report continued children */
#define __WNOTHREAD	0x20000000	/* only this thread's children */
#define __WALL		0x40000000	/* clone children and others */
#define __WCLONE	0x80000000	/* only clone children */

/*
 * What wait4 accepts, as Linux's kernel_wait4; any other bit (WEXITED
 * and WNOWAIT too, which only waitid takes) is EINVAL. topdown has no
 * stopped or continued tasks (no job-control signals), so WUNTRACED and
 * WCONTINUED never find anything more than the exits reported anyway;
 * a process has one thread, so __WNOTHREAD changes nothing either.
 */
#define WAIT4_OPTIONS	(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | \
			 __WCLONE | __WALL)

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
	return WTERMSIG(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
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
	/*
	 * clone's CLONE_CHILD_CLEARTID tells a thread's siblings it is gone:
	 * Linux (mm_release) writes the 0 only while others use the address
	 * space, never for a process of its own, which is all topdown has.
	 * A bad pointer is no error.
	 */
	if (task->clear_child_tid && mm && mm->mm_users > 1)
		put_user_u32(0, task->clear_child_tid);
	if (mm) {
		switch_mm(mm, &init_mm);
		task->mm = NULL;
		mmput(mm);		/* every page of the process comes back */
	}
	if (task->pid == 1) {
		printk("init exited with status %d: stopping\n",
		       shell_status(status));
		machine_halt(shell_status(status));
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

/*
 * May wait4(@pid, @options) report @child? @pid > 0 names one child,
 * -1 and 0 any (there is one process group), below -1 a group: none.
 * Every child here comes from fork and signals SIGCHLD when it ends, so
 * __WCLONE alone (only children that signal something else, "clone
 * children") picks none of them; __WALL takes both kinds.
 */
static bool eligible_child(struct task_struct *child, long pid,
			   unsigned long options)
{
	if (pid > 0 && child->pid != pid)
		return false;
	if (pid < -1)	/* no process groups here */
		return false;
	return !(options & __WCLONE) || (options & __WALL);
}

/*
 * wait4(2): reap an ended child. Checked first, in Linux's order: an
 * option outside WAIT4_OPTIONS is EINVAL; pid INT_MIN (a group whose
 * number -pid cannot be written) is ESRCH. Returns the child's pid, 0
 * with WNOHANG while the eligible children run, -ECHILD when there is
 * none, -EFAULT for a bad @ustatus or @urusage (the child is reaped all
 * the same).
 */
long sys_wait4(unsigned long upid, unsigned long ustatus,
	       unsigned long options, unsigned long urusage)
{
	long pid = (long)upid;
	int status;

	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	for (;;) {
		struct task_struct *child, *next;
		bool have_child = false;

		list_for_each_entry_safe(child, next, &current->children,
					 sibling) {
			if (!eligible_child(child, pid, options))
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
