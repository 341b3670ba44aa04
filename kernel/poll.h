/*
 * kernel/poll.h - what poll(2) asks a file (Linux's POLL* bits) and how
 * pollers are woken (kernel/poll.c).
 */
#ifndef KERNEL_POLL_H
#define KERNEL_POLL_H

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100

/* A file with no poll of its own: always ready, as a regular file. */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* Something may have become ready: every poller looks again. */
void poll_wake(void);

/* A tick: pollers with a timeout look at the time. */
void poll_tick(void);

#endif /* KERNEL_POLL_H */
