/*
 * user/lib/process.c - processes: newlib's hooks for fork(), execve() and
 * wait(), and waitpid(), wait4(), getppid(), sched_yield(), spawn(), on
 * Linux's system calls fork (2), execve (11), wait4 (114), getppid (64),
 * sched_yield (158).
 *
 * newlib's fork(), execve() and wait() call _fork(), _execve() and
 * _wait() (libnosys would answer ENOSYS); the others newlib does not have
 * for arm-none-eabi, so they are defined here under their own names.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "process.h"
#include "syscall.h"

extern char **environ;

/*
 * kernel/errno.c's errno_name(), declared here because kernel/errno.h
 * and newlib's <errno.h> must not meet in one file (see user/README.md).
 */
const char *errno_name(int err);

/* fork(2): the child's pid in the parent, 0 in the child, or -1. */
pid_t _fork(void)
{
	return (pid_t)__syscall_ret(sys_fork());
}

/* execve(2): returns only on failure, with -1 and errno. */
int _execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)__syscall_ret(sys_execve(path, argv, envp));
}

/* wait(2): any child; its pid, or -1 with errno (ECHILD: none). */
pid_t _wait(int *status)
{
	return (pid_t)__syscall_ret(sys_wait4(-1, status, 0));
}

/* waitpid(2) is wait4 without resource usage. */
pid_t waitpid(pid_t pid, int *status, int options)
{
	return (pid_t)__syscall_ret(sys_wait4(pid, status, options));
}

/* wait4(): see process.h. Resource usage is not supported: pass NULL. */
pid_t wait4(pid_t pid, int *status, int options, void *rusage)
{
	if (rusage) {
		errno = EINVAL;
		return -1;
	}
	return (pid_t)__syscall_ret(sys_wait4(pid, status, options));
}

/* getppid(2): the parent's pid. */
pid_t getppid(void)
{
	return (pid_t)sys_getppid();
}

/* sched_yield(2): let another task run. Always 0. */
int sched_yield(void)
{
	return (int)__syscall_ret(sys_sched_yield());
}

/* spawn(): see process.h. */
pid_t spawn(const char *path, char *const argv[])
{
	pid_t pid;
	long err;

	fflush(NULL);
	pid = fork();
	if (pid != 0)
		return pid;		/* the parent (or -1: no child) */
	err = sys_execve(path, argv, environ);
	/* still here: execve failed, and our old image is intact */
	dprintf(2, "spawn: %s: %s\n", path,
		errno_name((int)err) ? errno_name((int)err) : "execve failed");
	_exit(127);
}

/* status_str(): see process.h. */
const char *status_str(int status)
{
	static char buf[48];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d%s",
			 WTERMSIG(status),
			 WTERMSIG(status) == SIGSEGV_NR ? " (SIGSEGV)" : "");
	else
		snprintf(buf, sizeof(buf), "status %#x", status);
	return buf;
}

/* shell_status(): see process.h. */
int shell_status(int status)
{
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
