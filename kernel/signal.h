/*
 * kernel/signal.h - the signals the kernel sends (Linux's numbers), and
 * their names for the console's reports.
 */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include "kernel/kernel.h"

#define SIGILL 4	/* an undefined instruction */
#define SIGBUS 7	/* a bus error: beyond a file's end, hardware */
#define SIGKILL 9	/* killed: out of memory */
#define SIGSEGV 11	/* an access its address space does not allow */
#define SIGPIPE 13	/* a write to a pipe nobody reads any more */
#define SIGCHLD 17	/* a child stopped or exited (clone's exit signal) */

#define NSIG 64
#define SIG_DFL 0
#define SIG_IGN 1

struct task_struct;

/* execve: every handler back to SIG_DFL, except SIG_IGN (signal.c). */
void flush_signal_handlers(struct task_struct *task);

/* Does the current task ignore @sig (SIG_IGN)? */
bool sig_ignored(int sig);

/* "SIGSEGV" for SIGSEGV, ...; "signal?" for one the kernel never sends. */
static inline const char *signal_name(int sig)
{
	switch (sig) {
	case SIGILL: return "SIGILL";
	case SIGBUS: return "SIGBUS";
	case SIGKILL: return "SIGKILL";
	case SIGSEGV: return "SIGSEGV";
	case SIGPIPE: return "SIGPIPE";
	default: return "signal?";
	}
}

#endif /* KERNEL_SIGNAL_H */
