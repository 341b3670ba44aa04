/*
 * user/lib/process.h - starting and waiting for programs, the Linux way:
 * fork + execve, then wait4.
 *
 * The C library's own declarations cover the rest: fork(), execve(),
 * getppid(), _exit() in <unistd.h>, wait() and waitpid() with the
 * WIFEXITED/WEXITSTATUS/WIFSIGNALED/WTERMSIG macros in <sys/wait.h>
 * (newlib encodes a status as Linux does), sched_yield() in <sched.h>.
 * Our runtime implements them in process.c on the raw calls of syscall.h.
 */
#ifndef USER_LIB_PROCESS_H
#define USER_LIB_PROCESS_H

#include <sys/types.h>

/* The wait status of a task killed by a fatal fault: SIGSEGV. */
#define SIGSEGV_NR 11

/*
 * Start the program @path with arguments @argv (argv[0] first, NULL at
 * the end) and our environment: fork, then execve in the child. A child
 * whose execve fails prints why and ends with status 127, as a shell's
 * does. Standard output is flushed first, so that nothing buffered is
 * written twice. Returns the child's pid, or -1 with errno when fork
 * failed.
 */
pid_t spawn(const char *path, char *const argv[]);

/*
 * wait4(2) without resource usage, in the C library's convention: the
 * pid, 0 (WNOHANG and nothing ended yet), or -1 with errno.
 */
pid_t wait4(pid_t pid, int *status, int options, void *rusage);

/*
 * A wait status in words, for messages: "exit 0", "killed by signal 11
 * (SIGSEGV)". Returns a static buffer, overwritten by the next call.
 */
const char *status_str(int status);

/*
 * What a shell shows for a wait status ($?): the exit code, or 128 plus
 * the signal number (139 for SIGSEGV).
 */
int shell_status(int status);

#endif /* USER_LIB_PROCESS_H */
