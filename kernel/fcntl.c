/*
 * kernel/fcntl.c - the descriptor table beyond open and close: dup, dup2,
 * dup3, fcntl64, and close-on-exec.
 *
 * A descriptor is a slot of current->files[] holding a reference on an
 * open file; two descriptors made by dup share the file (its position,
 * its status flags). What is the descriptor's own is one flag,
 * FD_CLOEXEC, kept in the bitmap current->close_on_exec: execve closes
 * those descriptors (at its point of no return, as Linux's
 * do_close_on_exec), fork copies the bitmap with the table.
 *
 * topdown has NR_OPEN (16) descriptors per task, its RLIMIT_NOFILE: a
 * number at or above it is EBADF for dup2/dup3 and EINVAL for F_DUPFD,
 * as Linux answers past the limit.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/syscall.h"
#include "kernel/task.h"

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

/* The status flags F_SETFL may change (Linux's SETFL_MASK, less O_ASYNC
 * and O_DIRECT, which topdown has no use for and refuses). */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_NOATIME)

/* See kernel/syscall.h. */
void fd_set_cloexec(unsigned int fd, bool on)
{
	if (on)
		current->close_on_exec |= 1UL << fd;
	else
		current->close_on_exec &= ~(1UL << fd);
}

/* See kernel/syscall.h. */
int fd_install_from(struct file *file, unsigned int start, bool cloexec)
{
	for (unsigned int fd = start; fd < NR_OPEN; fd++) {
		if (!current->files[fd]) {
			current->files[fd] = file;
			fd_set_cloexec(fd, cloexec);
			return fd;
		}
	}
	return -EMFILE;
}

/* See kernel/syscall.h. */
void do_close_on_exec(void)
{
	for (unsigned int fd = 0; fd < NR_OPEN; fd++) {
		if (current->files[fd] && (current->close_on_exec & (1UL << fd))) {
			fput(current->files[fd]);
			current->files[fd] = NULL;
		}
	}
	current->close_on_exec = 0;
}

/* dup(2): the lowest free descriptor for the same file; EBADF, EMFILE. */
long sys_dup(unsigned long oldfd)
{
	struct file *file = fget(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_install_from(get_file(file), 0, false);
	if (fd < 0)
		fput(file);
	return fd;
}

/*
 * newfd becomes a descriptor of oldfd's file, closing what newfd held;
 * the close-on-exec flag is @flags's. Both numbers already checked.
 */
static long do_dup2(unsigned int oldfd, unsigned int newfd,
		    unsigned long flags)
{
	struct file *old = current->files[newfd];

	current->files[newfd] = get_file(current->files[oldfd]);
	fd_set_cloexec(newfd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return newfd;
}

/*
 * dup3(2): as dup2, but the same number twice is EINVAL, and the only
 * flag is O_CLOEXEC (any other bit: EINVAL). EBADF for a closed @oldfd
 * or a @newfd out of range.
 */
long sys_dup3(unsigned long oldfd, unsigned long newfd, unsigned long flags)
{
	if (flags & ~(unsigned long)O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN)
		return -EBADF;
	if (!fget(oldfd))
		return -EBADF;
	return do_dup2(oldfd, newfd, flags);
}

/*
 * dup2(2): newfd a copy of oldfd, closing newfd first if open; the same
 * valid number twice does nothing and returns it. EBADF as dup3.
 */
long sys_dup2(unsigned long oldfd, unsigned long newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? (long)newfd : -EBADF;
	if (newfd >= NR_OPEN)
		return -EBADF;
	if (!fget(oldfd))
		return -EBADF;
	return do_dup2(oldfd, newfd, 0);
}

/*
 * fcntl64(2) (and fcntl, which takes the same commands here):
 *   F_DUPFD, F_DUPFD_CLOEXEC  the lowest free descriptor >= @arg (EINVAL
 *                             at or above NR_OPEN, EMFILE if none)
 *   F_GETFD, F_SETFD          the FD_CLOEXEC flag
 *   F_GETFL                   the access mode and status flags
 *   F_SETFL                   O_APPEND, O_NONBLOCK, O_NOATIME
 * Record locks and the rest: EINVAL, as Linux for a command it lacks.
 * EBADF for a descriptor that is not open.
 */
long sys_fcntl64(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	int newfd;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN)
			return -EINVAL;
		newfd = fd_install_from(get_file(file), arg,
					cmd == F_DUPFD_CLOEXEC);
		if (newfd < 0)
			fput(file);
		return newfd;
	case F_GETFD:
		return current->close_on_exec & (1UL << fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:	/* what open() only acts on is not kept, as Linux */
		return file->f_flags & ~(unsigned long)(O_CREAT | O_EXCL |
				O_NOCTTY | O_TRUNC | O_CLOEXEC);
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) |
				(arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}
