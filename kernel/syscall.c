/*
 * kernel/syscall.c - the system-call table and its dispatcher.
 */
#include "kernel/arch.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/syscall.h"
#include "kernel/syscall_trace.h"

/*
 * Handlers take only the arguments they use; the dispatcher always passes
 * six. With the ARM procedure call standard the extra ones are just
 * registers nobody reads (Linux relies on the same). The cast through
 * void (*)(void) says that this is on purpose.
 */
#define CALL(nr, fn) [__NR_##nr] = (syscall_fn)(void (*)(void))(fn)

static const syscall_fn syscall_table[NR_SYSCALLS] = {
	CALL(exit, sys_exit),
	CALL(fork, sys_fork),
	CALL(read, sys_read),
	CALL(write, sys_write),
	CALL(open, sys_open),
	CALL(close, sys_close),
	CALL(execve, sys_execve),
	CALL(lseek, sys_lseek),
	CALL(getpid, sys_getpid),
	CALL(brk, sys_brk),
	CALL(getppid, sys_getppid),
	CALL(munmap, sys_munmap),
	CALL(wait4, sys_wait4),
	CALL(clone, sys_clone),
	CALL(mprotect, sys_mprotect),
	CALL(msync, sys_msync),
	CALL(mremap, sys_mremap),
	CALL(personality, sys_personality),
	CALL(sched_yield, sys_sched_yield),
	CALL(mmap2, sys_mmap2),
	CALL(fstat64, sys_fstat64),
	CALL(exit_group, sys_exit_group),
	CALL(clock_gettime, sys_clock_gettime),
	CALL(set_tid_address, sys_set_tid_address),
	CALL(openat, sys_openat),
	CALL(set_robust_list, sys_set_robust_list),
	CALL(clock_gettime64, sys_clock_gettime64),
	/* descriptors, pipes, directories, file status (issue 15) */
	CALL(dup, sys_dup),
	CALL(pipe, sys_pipe),
	CALL(ioctl, sys_ioctl),
	CALL(fcntl, sys_fcntl64),
	CALL(dup2, sys_dup2),
	CALL(readlink, sys_readlink),
	CALL(uname, sys_uname),
	CALL(_llseek, sys_llseek),
	CALL(readv, sys_readv),
	CALL(writev, sys_writev),
	CALL(ugetrlimit, sys_ugetrlimit),
	CALL(stat64, sys_stat64),
	CALL(lstat64, sys_stat64),	/* no symbolic links */
	CALL(getdents64, sys_getdents64),
	CALL(mincore, sys_mincore),
	CALL(madvise, sys_madvise),
	CALL(fcntl64, sys_fcntl64),
	CALL(fstatat64, sys_fstatat64),
	CALL(readlinkat, sys_readlinkat),
	CALL(dup3, sys_dup3),
	CALL(pipe2, sys_pipe2),
	CALL(prlimit64, sys_prlimit64),
	CALL(getrandom, sys_getrandom),
	CALL(statx, sys_statx),
	/* who am I, signals recorded, the machine (issue 15, busybox) */
	CALL(getuid, sys_getuid),
	CALL(getgid, sys_getuid),
	CALL(geteuid, sys_getuid),
	CALL(getegid, sys_getuid),
	CALL(getuid32, sys_getuid),
	CALL(getgid32, sys_getuid),
	CALL(geteuid32, sys_getuid),
	CALL(getegid32, sys_getuid),
	CALL(gettid, sys_gettid),
	CALL(sysinfo, sys_sysinfo),
	CALL(prctl, sys_prctl),
	CALL(rt_sigaction, sys_rt_sigaction),
	CALL(rt_sigprocmask, sys_rt_sigprocmask),
	CALL(getcwd, sys_getcwd),
	CALL(poll, sys_poll),
	CALL(nanosleep, sys_nanosleep),
	CALL(clock_nanosleep, sys_clock_nanosleep),
	CALL(clock_nanosleep_time64, sys_clock_nanosleep_time64),
};

void invoke_syscall(struct pt_regs *regs)
{
	unsigned long nr = syscall_get_nr(regs);
	syscall_fn fn = nr < NR_SYSCALLS ? syscall_table[nr] : NULL;
	unsigned long a[6];

	if (!fn) {
		syscall_set_return_value(regs, syscall_enosys(nr));
		return;
	}
	syscall_get_arguments(regs, a);
	syscall_set_return_value(regs, fn(a[0], a[1], a[2], a[3], a[4], a[5]));
}
