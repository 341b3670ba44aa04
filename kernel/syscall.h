/*
 * kernel/syscall.h - the system calls: their handlers, with Linux's ARM
 * EABI numbers (kernel/unistd.h).
 *
 * The convention (the ARM EABI as Linux uses it): `svc #0` with the call
 * number in r7 and up to six arguments in r0-r5; the result comes back
 * in r0, a negative errno (-4095..-1) on failure.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include "kernel/kernel.h"
#include "kernel/unistd.h"

struct file;
struct pt_regs;

/* The table runs from 0 to the highest number implemented. */
#define NR_SYSCALLS 408

/* Every handler takes the six argument registers. */
typedef long (*syscall_fn)(unsigned long a0, unsigned long a1,
			   unsigned long a2, unsigned long a3,
			   unsigned long a4, unsigned long a5);

/* Run the call in regs->r7 and leave its result in regs->r0. */
void invoke_syscall(struct pt_regs *regs);

/* The handlers, grouped by file. */
long sys_read(unsigned long fd, unsigned long buf, unsigned long len);
long sys_write(unsigned long fd, unsigned long buf, unsigned long len);
long sys_open(unsigned long path, unsigned long flags, unsigned long mode);
long sys_clock_gettime64(unsigned long clock, unsigned long tp);
long sys_set_tid_address(unsigned long tidptr);
long sys_set_robust_list(unsigned long head, unsigned long len);
long sys_clone(unsigned long flags, unsigned long newsp, unsigned long ptid,
	       unsigned long tls, unsigned long ctid);
long sys_openat(unsigned long dirfd, unsigned long path, unsigned long flags,
		unsigned long mode);
long sys_close(unsigned long fd);
long sys_lseek(unsigned long fd, unsigned long off, unsigned long whence);
long sys_fstat64(unsigned long fd, unsigned long statbuf);

long sys_exit(unsigned long code);
long sys_exit_group(unsigned long code);
long sys_fork(void);
long sys_execve(unsigned long path, unsigned long argv, unsigned long envp);
long sys_wait4(unsigned long pid, unsigned long status,
	       unsigned long options, unsigned long rusage);
long sys_getpid(void);
long sys_getppid(void);
long sys_sched_yield(void);
long sys_clock_gettime(unsigned long clock, unsigned long tp);
long sys_personality(unsigned long persona);

/* The file behind descriptor @fd of the current task, or NULL. */
struct file *fget(unsigned long fd);

/*
 * The lowest free descriptor from @start on now holds @file (the
 * caller's reference), with FD_CLOEXEC if @cloexec: the descriptor, or
 * -EMFILE (kernel/fcntl.c).
 */
int fd_install_from(struct file *file, unsigned int start, bool cloexec);

/* Set or clear descriptor @fd's FD_CLOEXEC. */
void fd_set_cloexec(unsigned int fd, bool on);

/* execve: close every FD_CLOEXEC descriptor of the current task. */
void do_close_on_exec(void);

/*
 * The absolute path a *at() call names, into @path (PATH_MAX bytes):
 * user @upath, relative to the directory open at @dirfd, or to "/" for
 * AT_FDCWD; an absolute one ignores @dirfd. With @empty_ok, "" names
 * @dirfd's own file. 0, or -EFAULT, -ENAMETOOLONG, -ENOENT (""), -EBADF,
 * -ENOTDIR (kernel/sys_file.c).
 */
long user_path_at(unsigned long dirfd, unsigned long upath, char *path,
		  bool empty_ok);

/* @len bytes from the kernel's random generator (kernel/sys_misc.c). */
void get_random_bytes(void *buf, size_t len);

long sys_dup(unsigned long oldfd);
long sys_dup2(unsigned long oldfd, unsigned long newfd);
long sys_dup3(unsigned long oldfd, unsigned long newfd, unsigned long flags);
long sys_fcntl64(unsigned long fd, unsigned long cmd, unsigned long arg);
long sys_pipe(unsigned long fds);
long sys_pipe2(unsigned long fds, unsigned long flags);
long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg);
long sys_llseek(unsigned long fd, unsigned long off_high,
		unsigned long off_low, unsigned long result, unsigned long whence);
long sys_readv(unsigned long fd, unsigned long vec, unsigned long count);
long sys_writev(unsigned long fd, unsigned long vec, unsigned long count);
long sys_readlink(unsigned long path, unsigned long buf, unsigned long bufsiz);
long sys_readlinkat(unsigned long dirfd, unsigned long path,
		    unsigned long buf, unsigned long bufsiz);
long sys_stat64(unsigned long path, unsigned long statbuf);
long sys_fstatat64(unsigned long dirfd, unsigned long path,
		   unsigned long statbuf, unsigned long flags);
long sys_statx(unsigned long dirfd, unsigned long path, unsigned long flags,
	       unsigned long mask, unsigned long buf);
long sys_getdents64(unsigned long fd, unsigned long dirent,
		    unsigned long count);
long sys_uname(unsigned long buf);
long sys_getuid(void);
long sys_gettid(void);
long sys_prctl(unsigned long option, unsigned long arg2);
long sys_sysinfo(unsigned long info);
long sys_getcwd(unsigned long buf, unsigned long size);
long sys_poll(unsigned long ufds, unsigned long nfds, unsigned long timeout);
long sys_nanosleep(unsigned long req, unsigned long rem);
long sys_clock_nanosleep(unsigned long clock, unsigned long flags,
			 unsigned long req, unsigned long rem);
long sys_clock_nanosleep_time64(unsigned long clock, unsigned long flags,
				unsigned long req, unsigned long rem);
long sys_rt_sigaction(unsigned long sig, unsigned long act,
		      unsigned long oact, unsigned long sigsetsize);
long sys_rt_sigprocmask(unsigned long how, unsigned long set,
			unsigned long oset, unsigned long sigsetsize);
long sys_getrandom(unsigned long buf, unsigned long len, unsigned long flags);
long sys_ugetrlimit(unsigned long resource, unsigned long rlim);
long sys_prlimit64(unsigned long pid, unsigned long resource,
		   unsigned long new_rlim, unsigned long old_rlim);

long sys_brk(unsigned long brk);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
long sys_madvise(unsigned long start, unsigned long len, unsigned long advice);
long sys_mincore(unsigned long start, unsigned long len, unsigned long uvec);
long sys_msync(unsigned long start, unsigned long len, unsigned long flags);

#endif /* KERNEL_SYSCALL_H */
