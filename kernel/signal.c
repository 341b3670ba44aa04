/*
 * kernel/signal.c - rt_sigaction and rt_sigprocmask, recorded, never
 * acted on: topdown delivers no signal to a handler (a fatal fault, or
 * SIGPIPE, ends the task as a default action does), but a program that
 * installs handlers or blocks signals, as every shell and many C
 * library functions do, must not fail. What was set is kept and given
 * back as Linux would give it; fork copies it; execve resets every
 * handler to SIG_DFL except those set to SIG_IGN, and keeps the mask,
 * as Linux does. One thing is acted on: a write to a pipe nobody reads
 * returns EPIPE instead of ending the task when SIGPIPE is ignored.
 */
#include "kernel/errno.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"

#define SIGKILL_ 9
#define SIGSTOP 19
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SIGSET_SIZE 8		/* the kernel's sigset_t: 64 signals */

/* Signals SIGKILL and SIGSTOP can be neither caught nor blocked. */
#define UNBLOCKABLE ((1ULL << (SIGKILL_ - 1)) | (1ULL << (SIGSTOP - 1)))

/* struct sigaction as ARM's rt_sigaction takes it */
struct k_sigaction_user {
	uint32_t sa_handler;
	uint32_t sa_flags;
	uint32_t sa_restorer;
	uint32_t sa_mask[2];
};

/*
 * rt_sigaction(2): the action for @sig (1..64) in *@uoact (if given),
 * then @uact's (if given) recorded. EINVAL for a bad signal, for
 * setting SIGKILL's or SIGSTOP's, or a @sigsetsize other than 8; EFAULT.
 */
long sys_rt_sigaction(unsigned long sig, unsigned long uact,
		      unsigned long uoact, unsigned long sigsetsize)
{
	struct k_sigaction_user act;
	struct k_sigaction *k;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	if (uact && (sig == SIGKILL_ || sig == SIGSTOP))
		return -EINVAL;
	k = &current->sigaction[sig - 1];
	if (uact && copy_from_user(&act, (const void *)uact, sizeof(act)))
		return -EFAULT;
	if (uoact) {
		struct k_sigaction_user old = {
			.sa_handler = k->handler, .sa_flags = k->flags,
			.sa_restorer = k->restorer,
			.sa_mask = { (uint32_t)k->mask, (uint32_t)(k->mask >> 32) },
		};

		if (copy_to_user((void *)uoact, &old, sizeof(old)))
			return -EFAULT;
	}
	if (uact) {
		k->handler = act.sa_handler;
		k->flags = act.sa_flags;
		k->restorer = act.sa_restorer;
		k->mask = ((uint64_t)act.sa_mask[1] << 32 | act.sa_mask[0]) &
			  ~UNBLOCKABLE;
	}
	return 0;
}

/*
 * rt_sigprocmask(2): the blocked set into *@uoset (if given), then
 * changed by @how with *@uset (if given). SIGKILL and SIGSTOP stay
 * unblocked. EINVAL for a bad @how (when a set is given) or
 * @sigsetsize; EFAULT.
 */
long sys_rt_sigprocmask(unsigned long how, unsigned long uset,
			unsigned long uoset, unsigned long sigsetsize)
{
	uint64_t set = 0, old = current->blocked;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, (const void *)uset, sizeof(set)))
			return -EFAULT;
		if (how > SIG_SETMASK)
			return -EINVAL;
	}
	if (uoset && copy_to_user((void *)uoset, &old, sizeof(old)))
		return -EFAULT;
	if (uset) {
		if (how == SIG_BLOCK)
			set |= old;
		else if (how == SIG_UNBLOCK)
			set = old & ~set;
		current->blocked = set & ~UNBLOCKABLE;
	}
	return 0;
}

/* See kernel/signal.h. */
void flush_signal_handlers(struct task_struct *task)
{
	for (int i = 0; i < NSIG; i++) {
		struct k_sigaction *k = &task->sigaction[i];

		/* five stores, not a memset call for each of the 64 */
		*k = (struct k_sigaction){
			.handler = k->handler == SIG_IGN ? SIG_IGN : SIG_DFL,
		};
	}
}

/* See kernel/signal.h. */
bool sig_ignored(int sig)
{
	return current->sigaction[sig - 1].handler == SIG_IGN;
}
