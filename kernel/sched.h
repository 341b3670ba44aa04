/*
 * kernel/sched.h - the round-robin scheduler, sleeping and waking.
 *
 * The kernel is not preemptible: a task in the kernel runs until it
 * sleeps or returns to user mode; only there (exit_to_user_mode) does a
 * tick that used up its time slice make it give the CPU away.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "kernel/task.h"

#define TIME_SLICE_TICKS 2	/* 20 ms at HZ = 100 */

/* Set up the boot CPU's context as the idle task (pid 0). */
void sched_init(void);

/* Run the next runnable task (or idle); returns when we are chosen again. */
void schedule(void);

/* Make @task runnable (at the tail of the queue). */
void wake_up_process(struct task_struct *task);

/* Sleep until wake_up(@chan); the caller rechecks its condition. */
void sleep_on(void *chan);

/* Wake every task sleeping on @chan. */
void wake_up(void *chan);

/* Called by the timer interrupt: count down the running task's slice. */
void sched_tick(void);

/* Does the running task have to give up the CPU? */
extern bool need_resched;

/* The idle loop: the boot CPU waits here for interrupts. Never returns. */
void __noreturn cpu_idle(void);

/* Switch stacks and registers from @prev to @next (kernel/armv7/switch.S). */
struct task_struct *cpu_switch_to(struct task_struct *prev,
				  struct task_struct *next);

/* After a switch to a task: free prev if it was TASK_DEAD. */
void finish_task_switch(struct task_struct *prev);
void schedule_tail(struct task_struct *prev);	/* for ret_from_fork */

/* Free a task that has exited (its stack and structure). */
void release_task(struct task_struct *task);

extern struct task_struct idle_task;
extern struct list_head task_list;	/* every task, idle excluded */

#endif /* KERNEL_SCHED_H */
