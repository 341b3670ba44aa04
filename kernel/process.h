/*
 * kernel/process.h - creating, replacing and ending processes.
 */
#ifndef KERNEL_PROCESS_H
#define KERNEL_PROCESS_H

#include "kernel/signal.h"
#include "kernel/task.h"

/*
 * Start the first user process, pid 1, running @path with @argv/@envp
 * (kernel strings). It is runnable when this returns; 0 or -errno.
 */
int start_init(const char *path, const char *const argv[],
	       const char *const envp[]);

/* End the current task with wait4 status @status. Never returns. */
void __noreturn do_exit(int status);

/* Kill the current task as if by signal @sig (a fatal fault). */
void __noreturn force_sig(int sig);

/*
 * Load the ELF at @path into a new address space for the current task,
 * replacing its old one, with the given argument and environment strings
 * (kernel copies). On success the task's saved user registers are set to
 * start the program. Returns 0 or -errno (the old image is kept then).
 */
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[]);

/* The pid fork() handed out last (0 before the first task). */
int last_pid(void);

/* The task with @pid, or NULL. */
struct task_struct *find_task(int pid);

/* wait4 status words, as Linux encodes them */
#define W_EXITCODE(code) (((code) & 0xff) << 8)
#define W_SIGNALED(sig) ((sig) & 0x7f)
#define WTERMSIG(status) ((status) & 0x7f)		/* 0: it exited */
#define WEXITSTATUS(status) (((status) >> 8) & 0xff)

#endif /* KERNEL_PROCESS_H */
