/*
 * kernel/unistd.h - system call numbers, Linux's ARM EABI ones: the one
 * list, read by the kernel's table (kernel/syscall.c) and by the user
 * programs' runtime (user/lib/syscall.h). Nothing but numbers here, so
 * that user code may include it.
 *
 * The calls topdown implements, then the few its user programs make only
 * under Linux (topdown answers them ENOSYS, as for any number it lacks).
 */
#ifndef KERNEL_UNISTD_H
#define KERNEL_UNISTD_H

#define __NR_exit 1
#define __NR_fork 2
#define __NR_read 3
#define __NR_write 4
#define __NR_open 5
#define __NR_close 6
#define __NR_execve 11
#define __NR_lseek 19
#define __NR_getpid 20
#define __NR_dup 41
#define __NR_pipe 42
#define __NR_getuid 24
#define __NR_brk 45
#define __NR_getgid 47
#define __NR_geteuid 49
#define __NR_getegid 50
#define __NR_ioctl 54
#define __NR_fcntl 55
#define __NR_dup2 63
#define __NR_getppid 64
#define __NR_readlink 85
#define __NR_munmap 91
#define __NR_wait4 114
#define __NR_sysinfo 116
#define __NR_clone 120
#define __NR_uname 122
#define __NR_mprotect 125
#define __NR_personality 136
#define __NR__llseek 140
#define __NR_msync 144
#define __NR_readv 145
#define __NR_writev 146
#define __NR_sched_yield 158
#define __NR_nanosleep 162
#define __NR_mremap 163
#define __NR_poll 168
#define __NR_prctl 172
#define __NR_rt_sigaction 174
#define __NR_rt_sigprocmask 175
#define __NR_getcwd 183
#define __NR_ugetrlimit 191
#define __NR_mmap2 192		/* offset in 4096-byte units */
#define __NR_stat64 195
#define __NR_lstat64 196
#define __NR_fstat64 197
#define __NR_getuid32 199
#define __NR_getgid32 200
#define __NR_geteuid32 201
#define __NR_getegid32 202
#define __NR_getdents64 217
#define __NR_mincore 219
#define __NR_madvise 220
#define __NR_fcntl64 221
#define __NR_gettid 224
#define __NR_exit_group 248
#define __NR_set_tid_address 256
#define __NR_clock_gettime 263	/* 32-bit struct timespec */
#define __NR_clock_nanosleep 265
#define __NR_openat 322
#define __NR_fstatat64 327
#define __NR_readlinkat 332
#define __NR_set_robust_list 338
#define __NR_dup3 358
#define __NR_pipe2 359
#define __NR_prlimit64 369
#define __NR_getrandom 384
#define __NR_statx 397
#define __NR_clock_gettime64 403
#define __NR_clock_nanosleep_time64 407

/* Linux only: what the test runtime needs when it runs under Linux */
#define __NR_mount 21		/* to mount /proc (user/lib/procfs.c) */
#define __NR_kill 37		/* for newlib's abort() */
#define __NR_mkdir 39		/* to make /proc (user/lib/procfs.c) */

/*
 * ARM Linux's private calls start at 0xf0000 (__ARM_NR_BASE): set_tls and
 * get_tls keep a thread's pointer to its C library data (in TPIDRURO,
 * kernel/armv7/arm_syscall.c). cacheflush makes instructions written as
 * data visible to instruction fetch; topdown has no other private call
 * (and QEMU models no caches): ENOSYS, as Linux answers for one it lacks.
 */
#define __ARM_NR_BASE 0x0f0000
#define __ARM_NR_cacheflush 0x0f0002
#define __ARM_NR_set_tls 0x0f0005
#define __ARM_NR_get_tls 0x0f0006

#endif /* KERNEL_UNISTD_H */
