/*
 * kernel/poll.c - poll(2) (168): wait until one of several descriptors
 * is ready. Busybox's shell waits this way for each key typed at its
 * line editor.
 *
 * Each kind of file says what it is ready for now (file_operations.poll;
 * one without it is always ready to read and write, as Linux's regular
 * files). Linux gives every file a wait queue and a poller sleeps on all
 * of them; topdown has one channel for every poller instead: whatever
 * may make a file ready (a byte from the UART, a pipe read, written or
 * closed) calls poll_wake(), and each woken poller looks at its
 * descriptors again. A poller with a timeout is woken by every tick
 * too, to see whether its time is up.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/poll.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/task.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"

/* Linux's struct pollfd */
struct pollfd {
	int fd;
	short events;
	short revents;
};

#define POLL_STACK_FDS NR_OPEN	/* poll's limit: RLIMIT_NOFILE */

static char poll_chan;		/* what pollers sleep on */
static unsigned int timed_pollers;

void poll_wake(void)
{
	wake_up(&poll_chan);
}

void poll_tick(void)
{
	if (timed_pollers)
		wake_up(&poll_chan);
}

/* Fill in each revents; the number of descriptors with any. */
static int poll_once(struct pollfd *fds, unsigned int nfds)
{
	int ready = 0;

	for (unsigned int i = 0; i < nfds; i++) {
		struct file *file;
		unsigned int mask;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;	/* ignored, as POSIX says */
		file = fget(fds[i].fd);
		if (!file)
			mask = POLLNVAL;
		else if (file->f_op && file->f_op->poll)
			mask = file->f_op->poll(file);
		else
			mask = DEFAULT_POLLMASK;
		/* errors and hang-ups are reported whether asked for or not */
		fds[i].revents = mask & ((unsigned short)fds[i].events |
					 POLLERR | POLLHUP | POLLNVAL);
		if (fds[i].revents)
			ready++;
	}
	return ready;
}

/*
 * poll(2): EINVAL for more descriptors than RLIMIT_NOFILE, EFAULT for a
 * bad @ufds; otherwise how many are ready, 0 when @timeout_ms (< 0:
 * none) ran out first. The revents of every entry are written back.
 */
long sys_poll(unsigned long ufds, unsigned long nfds, unsigned long timeout)
{
	struct pollfd fds[POLL_STACK_FDS];
	long timeout_ms = (int)timeout;
	uint64_t deadline = 0;
	int ready;

	if (nfds > POLL_STACK_FDS)
		return -EINVAL;
	if (copy_from_user(fds, (const void *)ufds, nfds * sizeof(fds[0])))
		return -EFAULT;
	if (timeout_ms > 0)	/* at least that long: POSIX */
		deadline = clock_monotonic_ns() + (uint64_t)timeout_ms * 1000000;
	for (;;) {
		ready = poll_once(fds, nfds);
		if (ready || timeout_ms == 0)
			break;
		if (timeout_ms > 0 && clock_monotonic_ns() >= deadline)
			break;
		if (timeout_ms > 0)
			timed_pollers++;
		sleep_on(&poll_chan);
		if (timeout_ms > 0)
			timed_pollers--;
	}
	for (unsigned long i = 0; i < nfds; i++)
		if (copy_to_user(&((struct pollfd *)ufds)[i].revents,
				 &fds[i].revents, sizeof(fds[i].revents)))
			return -EFAULT;
	return ready;
}
