/*
 * user/lib/syscall.h - raw system calls, as the kernel sees them.
 *
 * The numbers are Linux's ARM EABI numbers (arch/arm/tools/syscall.tbl),
 * so one static binary runs on topdown and on Linux alike. Each sys_*()
 * wrapper returns exactly what the kernel put in r0: a value (an address
 * for sys_mmap2/sys_brk) or -errno in [-4095, -1], with Linux's errno
 * numbers (kernel/errno.h). Nothing here touches the C library's errno;
 * that is the job of the libc-style wrappers (sys/mman.h, syscalls.c).
 *
 * Tests use these to see the raw errno; programs normally use the libc API.
 */
#ifndef USER_LIB_SYSCALL_H
#define USER_LIB_SYSCALL_H

#include <stdbool.h>
#include <stddef.h>

/* The call numbers, Linux's ARM EABI ones, shared with the kernel. */
#include "kernel/unistd.h"

/*
 * topdown has no system calls of its own: processes are Linux's (fork,
 * execve, wait4) and what the kernel shows about memory is in /proc
 * (procfs.h). A number Linux does not use would answer ENOSYS there.
 */

/* wait4() options (include/uapi/linux/wait.h). */
#define LINUX_WNOHANG 1
#define LINUX_WUNTRACED 2		/* also stopped children */
#define LINUX_WEXITED 4			/* waitid only: EINVAL for wait4 */
#define LINUX_WCONTINUED 8		/* also continued children */
#define LINUX_WNOWAIT 0x01000000	/* waitid only: EINVAL for wait4 */
#define LINUX___WNOTHREAD 0x20000000	/* only this thread's children */
#define LINUX___WALL 0x40000000		/* clone children and others */
#define LINUX___WCLONE ((int)0x80000000)	/* only clone children */

/* open() flags for the raw call: Linux's (newlib's O_CREAT etc. differ). */
#define LINUX_O_RDONLY 0
#define LINUX_O_WRONLY 1
#define LINUX_O_RDWR 2
#define LINUX_O_CREAT 0100

/* Linux's clock ids (newlib's CLOCK_* constants have other values). */
#define LINUX_CLOCK_REALTIME 0
#define LINUX_CLOCK_MONOTONIC 1

/* struct timespec of clock_gettime (263): two 32-bit words on ARM. */
struct linux_timespec {
	long tv_sec;
	long tv_nsec;
};

/* struct stat64 of fstat64 (197), ARM EABI layout (asm/stat.h). */
struct linux_stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime_, st_atime_nsec;
	unsigned long st_mtime_, st_mtime_nsec;
	unsigned long st_ctime_, st_ctime_nsec;
	unsigned long long st_ino;
};

#define LINUX_S_IFMT 0170000
#define LINUX_S_IFCHR 0020000

/*
 * Enter the kernel with system call @nr and six arguments (syscall.S).
 * Returns r0 as the kernel left it.
 */
long __syscall(long nr, long a0, long a1, long a2, long a3, long a4,
	       long a5);

#define __sc(x) ((long)(x))
#define syscall0(nr) __syscall(nr, 0, 0, 0, 0, 0, 0)
#define syscall1(nr, a) __syscall(nr, __sc(a), 0, 0, 0, 0, 0)
#define syscall2(nr, a, b) __syscall(nr, __sc(a), __sc(b), 0, 0, 0, 0)
#define syscall3(nr, a, b, c) \
	__syscall(nr, __sc(a), __sc(b), __sc(c), 0, 0, 0)
#define syscall4(nr, a, b, c, d) \
	__syscall(nr, __sc(a), __sc(b), __sc(c), __sc(d), 0, 0)
#define syscall5(nr, a, b, c, d, e) \
	__syscall(nr, __sc(a), __sc(b), __sc(c), __sc(d), __sc(e), 0)
#define syscall6(nr, a, b, c, d, e, f) \
	__syscall(nr, __sc(a), __sc(b), __sc(c), __sc(d), __sc(e), __sc(f))

/* True when a raw result is an error (-4095..-1), as Linux's IS_ERR_VALUE. */
static inline bool sys_is_err(long ret)
{
	return (unsigned long)ret >= (unsigned long)-4095;
}

/* End the whole process (all threads) with @status; does not return. */
static inline __attribute__((noreturn)) void sys_exit_group(int status)
{
	for (;;)
		syscall1(__NR_exit_group, status);
}

/* End the calling thread with @status (the process, when it is the last). */
static inline __attribute__((noreturn)) void sys_exit(int status)
{
	for (;;)
		syscall1(__NR_exit, status);
}

/* read(2): bytes read, 0 at end of file, or -errno. */
static inline long sys_read(int fd, void *buf, size_t count)
{
	return syscall3(__NR_read, fd, buf, count);
}

/* write(2): bytes written or -errno. */
static inline long sys_write(int fd, const void *buf, size_t count)
{
	return syscall3(__NR_write, fd, buf, count);
}

/* open(2) with Linux's O_* flags: a file descriptor or -errno. */
static inline long sys_open(const char *path, int flags, int mode)
{
	return syscall3(__NR_open, path, flags, mode);
}

/* openat(2): @path relative to the directory at @dirfd (AT_FDCWD: cwd). */
#define LINUX_AT_FDCWD (-100)
static inline long sys_openat(int dirfd, const char *path, int flags, int mode)
{
	return syscall4(__NR_openat, dirfd, path, flags, mode);
}

/* close(2): 0 or -errno. */
static inline long sys_close(int fd)
{
	return syscall1(__NR_close, fd);
}

/* lseek(2), 32-bit offsets: the new offset or -errno. */
static inline long sys_lseek(int fd, long offset, int whence)
{
	return syscall3(__NR_lseek, fd, offset, whence);
}

/*
 * personality(2): set the execution domain flags to @persona and return
 * the old ones; 0xffffffff only reads them. Of the flags, the mm code
 * looks at LINUX_ADDR_COMPAT_LAYOUT: the next execve() picks the legacy
 * bottom-up layout; and LINUX_ADDR_NO_RANDOMIZE: the next execve() lays
 * the image out without ASLR (setarch -R). (Linux's own flags on ARM
 * start as 0x800000, ADDR_LIMIT_32BIT; keep them: or in what you add.)
 */
#define LINUX_ADDR_NO_RANDOMIZE 0x0040000
#define LINUX_ADDR_COMPAT_LAYOUT 0x0200000
static inline long sys_personality(unsigned long persona)
{
	return syscall1(__NR_personality, persona);
}

/* getpid(2): the caller's process id (never fails). */
static inline long sys_getpid(void)
{
	return syscall0(__NR_getpid);
}

/* getppid(2): the parent's process id (never fails). */
static inline long sys_getppid(void)
{
	return syscall0(__NR_getppid);
}

/*
 * fork(2): a copy of the calling process. Returns the child's pid in the
 * parent, 0 in the child, or -errno (no child was made).
 */
static inline long sys_fork(void)
{
	return syscall0(__NR_fork);
}

/*
 * execve(2): replace the process image by the program @path, with the
 * NULL-terminated vectors @argv and @envp. Returns only on failure, with
 * -errno (ENOENT, ENOEXEC, EFAULT, ...); the old image is then intact.
 */
static inline long sys_execve(const char *path, char *const argv[],
			      char *const envp[])
{
	return syscall3(__NR_execve, path, argv, envp);
}

/*
 * wait4(2) without resource usage: wait for child @pid (-1: any child)
 * to end, store its status in *@status (when not NULL) as Linux encodes
 * it (exit code << 8, or the number of the signal that killed it), and
 * reap it. @options: LINUX_WNOHANG and the other LINUX_W* bits wait4
 * takes. Returns the child's pid, 0 with WNOHANG when no child has ended
 * yet, or -errno (ECHILD: no such child; EINVAL: an option wait4 does not
 * take).
 */
static inline long sys_wait4(long pid, int *status, int options)
{
	return syscall4(__NR_wait4, pid, status, options, 0);
}

/* mkdir(2): 0 or -errno. Linux only here: topdown answers ENOSYS. */
static inline long sys_mkdir(const char *path, int mode)
{
	return syscall2(__NR_mkdir, path, mode);
}

/* mount(2): 0 or -errno. Linux only here: topdown answers ENOSYS. */
static inline long sys_mount(const char *source, const char *target,
			     const char *fstype, unsigned long flags,
			     const void *data)
{
	return syscall5(__NR_mount, source, target, fstype, flags, data);
}

/* ioctl(2): the result or -errno. topdown answers ENOSYS. */
static inline long sys_ioctl(int fd, unsigned long request, void *arg)
{
	return syscall3(__NR_ioctl, fd, request, arg);
}

/* kill(2): 0 or -errno. Linux's; topdown may answer -ENOSYS. */
static inline long sys_kill(int pid, int sig)
{
	return syscall2(__NR_kill, pid, sig);
}

/*
 * brk(2) as the kernel implements it (not as libc's brk()): asks for the
 * break to move to @addr and returns the break afterwards. brk(0), or any
 * request that fails, returns the current break unchanged; there is no
 * errno.
 */
static inline unsigned long sys_brk(unsigned long addr)
{
	return (unsigned long)syscall1(__NR_brk, addr);
}

/*
 * mmap2(2): map @len bytes at file offset @pgoff * 4096. Returns the
 * address of the mapping, or -errno (test it with sys_is_err()).
 */
static inline long sys_mmap2(unsigned long addr, unsigned long len, int prot,
			     int flags, int fd, unsigned long pgoff)
{
	return syscall6(__NR_mmap2, addr, len, prot, flags, fd, pgoff);
}

/*
 * mmap with a byte offset, the way a C library builds it on mmap2: an
 * offset that is not a multiple of 4096 cannot be expressed and gives
 * -EINVAL (22) without entering the kernel.
 */
static inline long sys_mmap(unsigned long addr, unsigned long len, int prot,
			    int flags, int fd, unsigned long offset)
{
	if (offset & 4095)
		return -22;
	return sys_mmap2(addr, len, prot, flags, fd, offset >> 12);
}

/* munmap(2): 0 or -errno. */
static inline long sys_munmap(unsigned long addr, unsigned long len)
{
	return syscall2(__NR_munmap, addr, len);
}

/* mprotect(2): 0 or -errno. */
static inline long sys_mprotect(unsigned long addr, unsigned long len,
				int prot)
{
	return syscall3(__NR_mprotect, addr, len, prot);
}

/*
 * mremap(2): the mapping's address now, or -errno. @new_addr counts with
 * MREMAP_FIXED (or as a hint with MREMAP_DONTUNMAP).
 */
static inline long sys_mremap(unsigned long addr, unsigned long old_len,
			      unsigned long new_len, int flags,
			      unsigned long new_addr)
{
	return syscall5(__NR_mremap, addr, old_len, new_len, flags, new_addr);
}

/* msync(2): 0 or -errno (EINVAL, ENOMEM for a hole, EBUSY). */
static inline long sys_msync(unsigned long addr, unsigned long len, int flags)
{
	return syscall3(__NR_msync, addr, len, flags);
}

/* mincore(2): 0, one byte a page into @vec (bit 0: resident), or -errno. */
static inline long sys_mincore(unsigned long addr, unsigned long len,
			       unsigned char *vec)
{
	return syscall3(__NR_mincore, addr, len, vec);
}

/* madvise(2): 0 or -errno (EINVAL, ENOMEM for a hole, EAGAIN, ...). */
static inline long sys_madvise(unsigned long addr, unsigned long len,
			       int advice)
{
	return syscall3(__NR_madvise, addr, len, advice);
}

/* sched_yield(2): 0. */
static inline long sys_sched_yield(void)
{
	return syscall0(__NR_sched_yield);
}

/* clock_gettime(2) with a Linux clock id: 0 or -errno. */
static inline long sys_clock_gettime(int clock, struct linux_timespec *ts)
{
	return syscall2(__NR_clock_gettime, clock, ts);
}

/* fstat64(2): 0 or -errno. */
static inline long sys_fstat64(int fd, struct linux_stat64 *st)
{
	return syscall2(__NR_fstat64, fd, st);
}

/*
 * Turn a raw result into the C library's convention: the value itself,
 * or -1 with errno set (translated to newlib's numbering). syscalls.c.
 */
long __syscall_ret(long ret);

/* Set newlib's errno from a positive Linux errno value. syscalls.c. */
void __set_errno_linux(int linux_errno);

#endif /* USER_LIB_SYSCALL_H */
