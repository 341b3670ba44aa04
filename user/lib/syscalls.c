/*
 * user/lib/syscalls.c - newlib's system-call hooks (_write, _read, ...)
 * on top of the raw Linux system calls of syscall.h.
 *
 * newlib calls these through its reentrant layer (_write_r -> _write) and
 * expects the C convention: a result, or -1 with errno set. The kernel
 * returns -errno in Linux's numbering, and newlib's <errno.h> numbers
 * some errors differently (ENOSYS is 38 on Linux, 88 in newlib), so the
 * errno we set is translated. Likewise open()'s O_* flags and the clock
 * ids differ between newlib and Linux and are translated here.
 *
 * The heap hook _sbrk lives in brk.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include "clock.h"
#include "syscall.h"

/* Linux errno values above 34 whose newlib number differs. */
static const struct {
	int linux_errno;
	int newlib_errno;
} errno_map[] = {
	{ 35, EDEADLK }, { 36, ENAMETOOLONG }, { 37, ENOLCK },
	{ 38, ENOSYS }, { 39, ENOTEMPTY }, { 40, ELOOP },
	{ 75, EOVERFLOW },
};

/*
 * Set errno from a Linux errno value. 1..34 (EPERM..ERANGE) are the same
 * in both; the few others we expect are mapped; the rest pass unchanged.
 */
void __set_errno_linux(int linux_errno)
{
	unsigned int i;

	for (i = 0; i < sizeof(errno_map) / sizeof(errno_map[0]); i++) {
		if (errno_map[i].linux_errno == linux_errno) {
			errno = errno_map[i].newlib_errno;
			return;
		}
	}
	errno = linux_errno;
}

/* A raw result in the C convention: itself, or -1 with errno set. */
long __syscall_ret(long ret)
{
	if (sys_is_err(ret)) {
		__set_errno_linux((int)-ret);
		return -1;
	}
	return ret;
}

/* newlib's exit() ends here, after flushing stdio: end the process. */
void _exit(int status)
{
	sys_exit_group(status);
}

/* write(2): bytes written, or -1 with errno. */
int _write(int fd, const void *buf, size_t count)
{
	return (int)__syscall_ret(sys_write(fd, buf, count));
}

/* read(2): bytes read (0 at end of file), or -1 with errno. */
int _read(int fd, void *buf, size_t count)
{
	return (int)__syscall_ret(sys_read(fd, buf, count));
}

/* newlib's O_* flags to Linux's (ARM uses the generic values for these). */
static int linux_open_flags(int flags)
{
	int lflags = flags & O_ACCMODE;	/* O_RDONLY/WRONLY/RDWR: 0/1/2 */

	if (flags & O_CREAT)
		lflags |= 00100;
	if (flags & O_EXCL)
		lflags |= 00200;
	if (flags & O_NOCTTY)
		lflags |= 00400;
	if (flags & O_TRUNC)
		lflags |= 01000;
	if (flags & O_APPEND)
		lflags |= 02000;
	if (flags & O_NONBLOCK)
		lflags |= 04000;
	return lflags;
}

/* open(2): a file descriptor, or -1 with errno. */
int _open(const char *path, int flags, int mode)
{
	return (int)__syscall_ret(sys_open(path, linux_open_flags(flags),
					   mode));
}

/* close(2): 0, or -1 with errno. */
int _close(int fd)
{
	return (int)__syscall_ret(sys_close(fd));
}

/* lseek(2) (SEEK_SET/CUR/END are 0/1/2 on both): the offset or -1. */
off_t _lseek(int fd, off_t offset, int whence)
{
	return (off_t)__syscall_ret(sys_lseek(fd, offset, whence));
}

/*
 * fstat(2) through fstat64, keeping what newlib looks at: the file type
 * (a character device is line buffered), size and block size. 0 or -1.
 */
int _fstat(int fd, struct stat *st)
{
	struct linux_stat64 lst;
	long ret = sys_fstat64(fd, &lst);

	if (sys_is_err(ret))
		return (int)__syscall_ret(ret);
	*st = (struct stat){ 0 };
	st->st_mode = lst.st_mode;	/* S_IF* and permissions agree */
	st->st_nlink = lst.st_nlink;
	st->st_size = (off_t)lst.st_size;
	st->st_blksize = lst.st_blksize;
	st->st_blocks = lst.st_blocks;
	return 0;
}

/*
 * 1 when @fd is a character device (the console), else 0 with errno.
 * A kernel without fstat64 gives 0: output is then fully buffered until
 * a flush or exit.
 */
int _isatty(int fd)
{
	struct linux_stat64 lst;
	long ret = sys_fstat64(fd, &lst);

	if (sys_is_err(ret)) {
		__set_errno_linux((int)-ret);
		return 0;
	}
	if ((lst.st_mode & LINUX_S_IFMT) == LINUX_S_IFCHR)
		return 1;
	errno = ENOTTY;
	return 0;
}

/* getpid(2). */
int _getpid(void)
{
	return (int)sys_getpid();
}

/*
 * kill(2), used by newlib's raise() and abort(). Where the kernel has no
 * kill (topdown), a signal to ourselves ends the process with status
 * 128 + sig, as a shell reports a death by signal.
 */
int _kill(int pid, int sig)
{
	long ret = sys_kill(pid, sig);

	if (ret == -38 /* ENOSYS */ && pid == _getpid())
		sys_exit_group(128 + sig);
	return (int)__syscall_ret(ret);
}

/* newlib's clock ids to Linux's; -1 for a clock Linux numbers otherwise. */
static int linux_clock(clockid_t clock)
{
	if (clock == CLOCK_REALTIME)
		return LINUX_CLOCK_REALTIME;
	if (clock == CLOCK_MONOTONIC)
		return LINUX_CLOCK_MONOTONIC;
	return -1;
}

/*
 * clock_gettime(2) for CLOCK_REALTIME and CLOCK_MONOTONIC (newlib's ids):
 * 0, or -1 with errno (EINVAL for another clock).
 */
int clock_gettime(clockid_t clock, struct timespec *tp)
{
	struct linux_timespec lts;
	int lclock = linux_clock(clock);
	long ret;

	if (lclock < 0) {
		errno = EINVAL;
		return -1;
	}
	ret = sys_clock_gettime(lclock, &lts);
	if (sys_is_err(ret))
		return (int)__syscall_ret(ret);
	tp->tv_sec = lts.tv_sec;
	tp->tv_nsec = lts.tv_nsec;
	return 0;
}

/* gettimeofday(2) through clock_gettime(CLOCK_REALTIME). 0 or -1. */
int _gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	if (tv) {
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	return 0;
}
