/*
 * kernel/sched.c - a round-robin scheduler for one CPU.
 *
 * Runnable tasks wait on run_queue in arrival order; the running task is
 * not on it. A task gives the CPU away when it sleeps, exits, or returns
 * to user mode after the timer tick used up its slice. When nothing is
 * runnable, the idle task (the boot CPU's own context) waits for an
 * interrupt.
 */
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/uaccess.h"
#include "kernel/arch.h"
#include "mm/mm.h"
#include "mm/mmu.h"

struct task_struct idle_task = {
	.pid = 0,
	.comm = "idle",
	.state = TASK_RUNNING,
	.stack = init_stack,
};

struct task_struct *current = &idle_task;
LIST_HEAD(task_list);
static LIST_HEAD(run_queue);
bool need_resched;

void sched_init(void)
{
	INIT_LIST_HEAD(&idle_task.children);
	INIT_LIST_HEAD(&idle_task.sibling);
	INIT_LIST_HEAD(&idle_task.run_list);
	INIT_LIST_HEAD(&idle_task.tasks);
}

void wake_up_process(struct task_struct *task)
{
	task->state = TASK_RUNNING;
	task->wait_chan = NULL;
	if (task != current && task != &idle_task &&
	    list_empty(&task->run_list))
		list_add_tail(&task->run_list, &run_queue);
}

void sleep_on(void *chan)
{
	current->wait_chan = chan;
	current->state = TASK_SLEEPING;
	schedule();
}

void wake_up(void *chan)
{
	struct task_struct *task;

	list_for_each_entry(task, &task_list, tasks)
		if (task->state == TASK_SLEEPING && task->wait_chan == chan)
			wake_up_process(task);
}

void sched_tick(void)
{
	if (current != &idle_task && current->slice && --current->slice == 0)
		need_resched = true;
}

/* The next task to run: the head of the queue, else idle. */
static struct task_struct *pick_next_task(void)
{
	struct task_struct *next;

	if (list_empty(&run_queue))
		return &idle_task;
	next = list_first_entry(&run_queue, struct task_struct, run_list);
	list_del_init(&next->run_list);
	return next;
}

void schedule(void)
{
	struct task_struct *prev = current, *next;

	need_resched = false;
	if (prev->state == TASK_RUNNING && prev != &idle_task)
		list_add_tail(&prev->run_list, &run_queue);
	next = pick_next_task();
	next->slice = TIME_SLICE_TICKS;
	if (next == prev)
		return;
	switch_mm(prev->mm ? prev->mm : &init_mm,
		  next->mm ? next->mm : &init_mm);
	current = next;
	prev = cpu_switch_to(prev, next);
	/* back here when someone switches to us again, from prev */
	finish_task_switch(prev);
}

/*
 * After a switch, on the new task's stack: a task that exited with
 * nobody to wait for it can be freed now that we are off its stack.
 */
void finish_task_switch(struct task_struct *prev)
{
	if (prev->state == TASK_DEAD)
		release_task(prev);
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	/* a clone with CLONE_CHILD_SETTID: its pid, in its own memory */
	if (current->set_child_tid)
		put_user_u32(current->pid, current->set_child_tid);
}

void cpu_idle(void)
{
	for (;;) {
		/*
		 * IRQs are masked: WFI still wakes on a pending one, then the
		 * short unmasked window lets the handler run (it may wake a
		 * task). Nothing can slip in between the check and the WFI.
		 */
		if (list_empty(&run_queue))
			cpu_do_idle();
		local_irq_window();
		schedule();
	}
}
