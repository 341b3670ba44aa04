/*
 * kernel/syscall.h - the system calls, with Linux's ARM EABI numbers.
 *
 * The convention (the ARM EABI as Linux uses it): `svc #0` with the call
 * number in r7 and up to six arguments in r0-r5; the result comes back
 * in r0, a negative errno (-4095..-1) on failure.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

struct file;
struct pt_regs;

#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_execve 11
#define __NR_lseek 19
#define __NR_getpid 20
#define __NR_brk 45
#define __NR_getppid 64
#define __NR_munmap 91
#define __NR_wait4 114
#define __NR_mprotect 125
#define __NR_personality 136
#define __NR_sched_yield 158
#define __NR_mmap2 192
#define __NR_fstat64 197
#define __NR_exit_group 248
#define __NR_clock_gettime 263
#define NR_SYSCALLS 264

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

long sys_brk(unsigned long brk);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);

#endif /* KERNEL_SYSCALL_H */
