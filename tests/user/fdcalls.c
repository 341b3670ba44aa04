/*
 * tests/user/fdcalls.c - the system calls a Linux C library makes for
 * descriptors, pipes, directories, file status and the machine (issue
 * 15): a table of (call, arguments) -> result or errno, each row with
 * the rule of Linux 6.1 it follows. Bad pointers (kernel memory, a hole,
 * NULL, a read-only page for what is written) give EFAULT, and nothing
 * is left behind: the runner checks that every page and slab object
 * (open files, pipes) came back.
 *
 * Argument kinds: VAL (the number), GOOD (a writable buffer), KERNEL
 * (PAGE_OFFSET), HOLE (nothing mapped), NULLP, RDONLY (a PROT_READ page),
 * FILE_FD (/data/pages.txt open to read), DIR_FD (/data open), PIPE_FD
 * (a pipe's read side), and the paths FILE_PATH, EXE_PATH
 * ("/proc/self/exe"), EMPTY (""), REL ("pages.txt"), MISSING
 * ("/nonexistent"), THROUGH ("/data/pages.txt/x"); IOV_BAD is an iovec
 * whose buffer is in kernel memory, IOV_GOOD one of 4 bytes at GOOD;
 * POLL_PIPE is a struct pollfd asking POLLIN of PIPE_FD, POLL_BADFD one
 * of descriptor 15 (never open here); TS32_* and TS64_* are a 32-bit
 * timespec and a __kernel_timespec of 0, and of 1000000000 ns.
 * The signal calls are only recorded on topdown (no handler ever runs):
 * their rows check arguments and copies.
 */
#include <string.h>
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

enum arg_kind {
	VAL, GOOD, KERNEL, HOLE, NULLP, RDONLY, FILE_FD, DIR_FD, PIPE_FD,
	FILE_PATH, EXE_PATH, EMPTY, REL, MISSING, THROUGH, IOV_BAD, IOV_GOOD,
	POLL_PIPE, POLL_BADFD, TS32_ZERO, TS32_BAD, TS64_ZERO, TS64_BAD,
};

struct arg {
	enum arg_kind kind;
	long val;
};

struct row {
	const char *name;
	long nr;
	struct arg a[5];
	long want;
	const char *why;
};

#define V(x) { VAL, (x) }
#define A(k) { k, 0 }
#define E(e) (-(long)(e))
#define AT_FDCWD (-100)
#define AT_EMPTY_PATH 0x1000
#define TCGETS 0x5401
#define F_GETFD 1
#define F_DUPFD 0

static const struct row rows[] = {
	/* ---- pipe, pipe2 -------------------------------------------- */
	{ "pipe_into_kernel", __NR_pipe, { A(KERNEL) }, E(EFAULT),
	  "do_pipe2: copy_to_user of the two descriptors; both are closed" },
	{ "pipe_into_hole", __NR_pipe, { A(HOLE) }, E(EFAULT), "the same" },
	{ "pipe_into_read_only", __NR_pipe, { A(RDONLY) }, E(EFAULT),
	  "a PROT_READ page cannot be written" },
	{ "pipe2_unknown_flag", __NR_pipe2, { A(GOOD), V(0x1) }, E(EINVAL),
	  "__do_pipe_flags: flags outside O_CLOEXEC|O_NONBLOCK|O_DIRECT|"
	  "O_NOTIFICATION_PIPE" },
	{ "pipe2_flags_before_pointer", __NR_pipe2, { A(KERNEL), V(0x1) },
	  E(EINVAL), "the flags are checked before anything is made" },
	/* ---- dup, dup2, dup3, fcntl64 ------------------------------- */
	{ "dup_closed", __NR_dup, { V(99) }, E(EBADF), "fget fails" },
	{ "dup2_closed", __NR_dup2, { V(99), V(5) }, E(EBADF), "fget fails" },
	{ "dup2_past_the_limit", __NR_dup2, { A(FILE_FD), V(100000) },
	  E(EBADF), "ksys_dup3: newfd >= RLIMIT_NOFILE" },
	{ "dup3_same", __NR_dup3, { A(FILE_FD), A(FILE_FD), V(0) },
	  E(EINVAL), "ksys_dup3: oldfd == newfd" },
	{ "dup3_unknown_flag", __NR_dup3, { A(FILE_FD), V(9), V(0x1) },
	  E(EINVAL), "ksys_dup3: only O_CLOEXEC" },
	{ "fcntl_closed", __NR_fcntl64, { V(99), V(F_GETFD) }, E(EBADF),
	  "fdget_raw fails" },
	{ "fcntl_unknown_command", __NR_fcntl64, { A(FILE_FD), V(9999) },
	  E(EINVAL), "do_fcntl: default" },
	{ "fcntl_dupfd_past_the_limit", __NR_fcntl64,
	  { A(FILE_FD), V(F_DUPFD), V(100000) }, E(EINVAL),
	  "f_dupfd: from >= RLIMIT_NOFILE" },
	/* ---- ioctl ---------------------------------------------------- */
	{ "ioctl_closed", __NR_ioctl, { V(99), V(TCGETS), A(GOOD) }, E(EBADF),
	  "fdget fails" },
	{ "ioctl_tcgets_on_a_file", __NR_ioctl,
	  { A(FILE_FD), V(TCGETS), A(GOOD) }, E(ENOTTY),
	  "a regular file has no terminal requests" },
	{ "ioctl_tcgets_on_a_pipe", __NR_ioctl,
	  { A(PIPE_FD), V(TCGETS), A(GOOD) }, E(ENOTTY), "nor a pipe" },
	{ "ioctl_tcgets_into_kernel", __NR_ioctl,
	  { V(0), V(TCGETS), A(KERNEL) }, E(EFAULT),
	  "the console is a terminal: the copy of its termios faults" },
	{ "ioctl_tcgets_console", __NR_ioctl, { V(0), V(TCGETS), A(GOOD) }, 0,
	  "the console (stdin) is a terminal" },
	/* ---- readlink, readlinkat ------------------------------------- */
	{ "readlink_path_in_kernel", __NR_readlink,
	  { A(KERNEL), A(GOOD), V(64) }, E(EFAULT), "getname faults" },
	{ "readlink_buffer_in_kernel", __NR_readlink,
	  { A(EXE_PATH), A(KERNEL), V(64) }, E(EFAULT),
	  "the link's text cannot be copied out" },
	{ "readlink_buffer_read_only", __NR_readlink,
	  { A(EXE_PATH), A(RDONLY), V(64) }, E(EFAULT), "nor into PROT_READ" },
	{ "readlink_size_0", __NR_readlink, { A(EXE_PATH), A(GOOD), V(0) },
	  E(EINVAL), "do_readlinkat: bufsiz <= 0" },
	{ "readlink_not_a_link", __NR_readlink,
	  { A(FILE_PATH), A(GOOD), V(64) }, E(EINVAL),
	  "a regular file is not a symbolic link" },
	{ "readlink_missing", __NR_readlink, { A(MISSING), A(GOOD), V(64) },
	  E(ENOENT), "nothing there" },
	{ "readlink_through_a_file", __NR_readlink,
	  { A(THROUGH), A(GOOD), V(64) }, E(ENOTDIR), "the path walk" },
	{ "readlinkat_bad_dirfd", __NR_readlinkat,
	  { V(99), A(REL), A(GOOD), V(64) }, E(EBADF),
	  "a relative path needs an open directory" },
	/* ---- uname ---------------------------------------------------- */
	{ "uname_into_kernel", __NR_uname, { A(KERNEL) }, E(EFAULT),
	  "copy_to_user of struct new_utsname" },
	{ "uname_into_read_only", __NR_uname, { A(RDONLY) }, E(EFAULT),
	  "nor into PROT_READ" },
	{ "uname_good", __NR_uname, { A(GOOD) }, 0, "it fits in 390 bytes" },
	/* ---- readv, writev, _llseek ----------------------------------- */
	{ "writev_closed", __NR_writev, { V(99), A(IOV_GOOD), V(1) },
	  E(EBADF), "do_writev: the descriptor first" },
	{ "writev_vector_in_kernel", __NR_writev, { V(1), A(KERNEL), V(1) },
	  E(EFAULT), "import_iovec: the vector cannot be read" },
	{ "writev_buffer_in_kernel", __NR_writev, { V(1), A(IOV_BAD), V(1) },
	  E(EFAULT), "import_iovec: access_ok of every buffer" },
	{ "writev_too_many", __NR_writev, { V(1), A(IOV_GOOD), V(1025) },
	  E(EINVAL), "import_iovec: more than UIO_MAXIOV" },
	{ "writev_none", __NR_writev, { V(1), A(IOV_GOOD), V(0) }, 0,
	  "nothing to write" },
	{ "readv_write_only", __NR_readv, { V(99), A(IOV_GOOD), V(1) },
	  E(EBADF), "do_readv: the descriptor first" },
	{ "readv_buffer_in_kernel", __NR_readv,
	  { A(FILE_FD), A(IOV_BAD), V(1) }, E(EFAULT),
	  "import_iovec: access_ok of every buffer" },
	{ "readv_good", __NR_readv, { A(FILE_FD), A(IOV_GOOD), V(1) }, 4,
	  "four bytes of the file" },
	{ "llseek_result_in_kernel", __NR__llseek,
	  { A(FILE_FD), V(0), V(0), A(KERNEL), V(0) }, E(EFAULT),
	  "the 64-bit result cannot be written" },
	{ "llseek_pipe", __NR__llseek,
	  { A(PIPE_FD), V(0), V(0), A(GOOD), V(0) }, E(ESPIPE),
	  "a pipe has no position" },
	{ "llseek_bad_whence", __NR__llseek,
	  { A(FILE_FD), V(0), V(0), A(GOOD), V(5) }, E(EINVAL),
	  "whence past SEEK_END (SEEK_DATA/HOLE: 3, 4)" },
	{ "llseek_before_0", __NR__llseek,
	  { A(FILE_FD), V(-1), V(-16), A(GOOD), V(0) }, E(EINVAL),
	  "a negative position" },
	/* ---- ugetrlimit, prlimit64 ------------------------------------ */
	{ "ugetrlimit_into_kernel", __NR_ugetrlimit, { V(3), A(KERNEL) },
	  E(EFAULT), "copy_to_user of struct rlimit" },
	{ "ugetrlimit_bad_resource", __NR_ugetrlimit, { V(16), A(GOOD) },
	  E(EINVAL), "resource >= RLIM_NLIMITS" },
	{ "prlimit64_bad_resource", __NR_prlimit64,
	  { V(0), V(99), V(0), A(GOOD) }, E(EINVAL),
	  "resource >= RLIM_NLIMITS" },
	{ "prlimit64_old_into_kernel", __NR_prlimit64,
	  { V(0), V(3), V(0), A(KERNEL) }, E(EFAULT),
	  "copy_to_user of the old limit" },
	{ "prlimit64_new_in_kernel", __NR_prlimit64,
	  { V(0), V(3), A(KERNEL), V(0) }, E(EFAULT),
	  "copy_from_user of the new limit" },
	{ "prlimit64_no_such_process", __NR_prlimit64,
	  { V(99999), V(3), V(0), A(GOOD) }, E(ESRCH), "find_task_by_vpid" },
	/* ---- stat64, fstatat64, statx ------------------------------------ */
	{ "stat64_path_in_kernel", __NR_stat64, { A(KERNEL), A(GOOD) },
	  E(EFAULT), "getname faults" },
	{ "stat64_into_kernel", __NR_stat64, { A(FILE_PATH), A(KERNEL) },
	  E(EFAULT), "cp_new_stat64: copy_to_user" },
	{ "stat64_into_read_only", __NR_stat64, { A(FILE_PATH), A(RDONLY) },
	  E(EFAULT), "nor into PROT_READ" },
	{ "stat64_empty", __NR_stat64, { A(EMPTY), A(GOOD) }, E(ENOENT),
	  "getname: \"\" without AT_EMPTY_PATH" },
	{ "stat64_missing", __NR_stat64, { A(MISSING), A(GOOD) }, E(ENOENT),
	  "nothing there" },
	{ "stat64_through_a_file", __NR_stat64, { A(THROUGH), A(GOOD) },
	  E(ENOTDIR), "the path walk" },
	{ "lstat64_into_hole", __NR_lstat64, { A(FILE_PATH), A(HOLE) },
	  E(EFAULT), "copy_to_user" },
	{ "fstatat64_unknown_flag", __NR_fstatat64,
	  { V(AT_FDCWD), A(FILE_PATH), A(GOOD), V(0x8000) }, E(EINVAL),
	  "vfs_fstatat: flags outside AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT|"
	  "AT_EMPTY_PATH" },
	{ "fstatat64_bad_dirfd", __NR_fstatat64,
	  { V(99), A(REL), A(GOOD), V(0) }, E(EBADF), "relative to nothing" },
	{ "fstatat64_dirfd_not_a_dir", __NR_fstatat64,
	  { A(FILE_FD), A(REL), A(GOOD), V(0) }, E(ENOTDIR),
	  "relative to a file" },
	{ "fstatat64_relative", __NR_fstatat64,
	  { A(DIR_FD), A(REL), A(GOOD), V(0) }, 0, "/data/pages.txt" },
	{ "fstatat64_empty_path", __NR_fstatat64,
	  { A(PIPE_FD), A(EMPTY), A(GOOD), V(AT_EMPTY_PATH) }, 0,
	  "AT_EMPTY_PATH: the descriptor itself, a pipe too" },
	{ "statx_into_kernel", __NR_statx,
	  { V(AT_FDCWD), A(FILE_PATH), V(0), V(0x7ff), A(KERNEL) },
	  E(EFAULT), "cp_statx: copy_to_user" },
	{ "statx_reserved_mask", __NR_statx,
	  { V(AT_FDCWD), A(FILE_PATH), V(0), V(0x80000000), A(GOOD) },
	  E(EINVAL), "STATX__RESERVED" },
	{ "statx_both_sync_types", __NR_statx,
	  { V(AT_FDCWD), A(FILE_PATH), V(0x6000), V(0x7ff), A(GOOD) },
	  E(EINVAL), "AT_STATX_FORCE_SYNC and DONT_SYNC together" },
	{ "statx_empty_path", __NR_statx,
	  { A(FILE_FD), A(EMPTY), V(AT_EMPTY_PATH), V(0x7ff), A(GOOD) }, 0,
	  "glibc's fstat" },
	/* ---- getdents64 ----------------------------------------------- */
	{ "getdents64_closed", __NR_getdents64, { V(99), A(GOOD), V(256) },
	  E(EBADF), "fdget_pos fails" },
	{ "getdents64_file", __NR_getdents64, { A(FILE_FD), A(GOOD), V(256) },
	  E(ENOTDIR), "iterate_dir: no readdir for a file" },
	{ "getdents64_into_kernel", __NR_getdents64,
	  { A(DIR_FD), A(KERNEL), V(256) }, E(EFAULT), "access_ok" },
	{ "getdents64_too_small", __NR_getdents64, { A(DIR_FD), A(GOOD), V(8) },
	  E(EINVAL), "not even one record fits" },
	/* ---- getrandom ------------------------------------------------ */
	{ "getrandom_into_kernel", __NR_getrandom, { A(KERNEL), V(16), V(0) },
	  E(EFAULT), "nothing could be written" },
	{ "getrandom_into_read_only", __NR_getrandom,
	  { A(RDONLY), V(16), V(0) }, E(EFAULT), "nor into PROT_READ" },
	{ "getrandom_unknown_flag", __NR_getrandom, { A(GOOD), V(16), V(8) },
	  E(EINVAL), "flags outside GRND_NONBLOCK|RANDOM|INSECURE" },
	{ "getrandom_insecure_and_random", __NR_getrandom,
	  { A(GOOD), V(16), V(6) }, E(EINVAL), "GRND_INSECURE with GRND_RANDOM" },
	{ "getrandom_good", __NR_getrandom, { A(GOOD), V(16), V(1) }, 16,
	  "16 bytes, not blocking" },
	/* ---- rt_sigaction, rt_sigprocmask (recorded) ------------------ */
	{ "sigaction_set_sigkill", __NR_rt_sigaction,
	  { V(9), A(GOOD), V(0), V(8) }, E(EINVAL),
	  "do_sigaction: SIGKILL and SIGSTOP keep their action" },
	{ "sigaction_signal_65", __NR_rt_sigaction,
	  { V(65), V(0), A(GOOD), V(8) }, E(EINVAL), "valid_signal" },
	{ "sigaction_sigsetsize_4", __NR_rt_sigaction,
	  { V(2), V(0), A(GOOD), V(4) }, E(EINVAL), "sigsetsize != 8" },
	{ "sigaction_act_in_kernel", __NR_rt_sigaction,
	  { V(2), A(KERNEL), V(0), V(8) }, E(EFAULT), "copy_from_user" },
	{ "sigaction_oact_into_kernel", __NR_rt_sigaction,
	  { V(2), V(0), A(KERNEL), V(8) }, E(EFAULT), "copy_to_user" },
	{ "sigaction_read_old", __NR_rt_sigaction,
	  { V(2), V(0), A(GOOD), V(8) }, 0, "SIGINT's action, SIG_DFL" },
	{ "sigprocmask_bad_how", __NR_rt_sigprocmask,
	  { V(5), A(GOOD), V(0), V(8) }, E(EINVAL), "how past SIG_SETMASK" },
	{ "sigprocmask_set_in_kernel", __NR_rt_sigprocmask,
	  { V(0), A(KERNEL), V(0), V(8) }, E(EFAULT), "copy_from_user" },
	{ "sigprocmask_old_into_kernel", __NR_rt_sigprocmask,
	  { V(0), V(0), A(KERNEL), V(8) }, E(EFAULT), "copy_to_user" },
	{ "sigprocmask_sigsetsize_4", __NR_rt_sigprocmask,
	  { V(0), V(0), A(GOOD), V(4) }, E(EINVAL), "sigsetsize != 8" },
	{ "sigprocmask_read", __NR_rt_sigprocmask,
	  { V(0), V(0), A(GOOD), V(8) }, 0, "the blocked set, read" },
	/* ---- prctl, sysinfo, getcwd, ids ------------------------------ */
	{ "prctl_set_name_from_kernel", __NR_prctl, { V(15), A(KERNEL) },
	  E(EFAULT), "PR_SET_NAME: strncpy_from_user" },
	{ "prctl_get_name_into_kernel", __NR_prctl, { V(16), A(KERNEL) },
	  E(EFAULT), "PR_GET_NAME: copy_to_user" },
	{ "prctl_unknown_option", __NR_prctl, { V(9999), V(0) }, E(EINVAL),
	  "prctl: default" },
	{ "sysinfo_into_kernel", __NR_sysinfo, { A(KERNEL) }, E(EFAULT),
	  "copy_to_user" },
	{ "sysinfo_good", __NR_sysinfo, { A(GOOD) }, 0, "64 bytes" },
	{ "getcwd_too_small", __NR_getcwd, { A(GOOD), V(1) }, E(ERANGE),
	  "\"/\" and its NUL need 2 bytes" },
	{ "getcwd_into_kernel", __NR_getcwd, { A(KERNEL), V(64) }, E(EFAULT),
	  "copy_to_user" },
	{ "getcwd_good", __NR_getcwd, { A(GOOD), V(64) }, 2,
	  "the length with the NUL" },
	{ "getuid32_root", __NR_getuid32, { V(0) }, 0, "init runs as root" },
	/* ---- poll, the sleeps (busybox's shell) ----------------------- */
	{ "poll_from_kernel", __NR_poll, { A(KERNEL), V(1), V(0) }, E(EFAULT),
	  "do_sys_poll: copy_from_user of the array" },
	{ "poll_from_hole", __NR_poll, { A(HOLE), V(1), V(0) }, E(EFAULT),
	  "the same" },
	{ "poll_revents_into_read_only", __NR_poll, { A(RDONLY), V(1), V(0) },
	  E(EFAULT), "the revents are written back, even when 0" },
	{ "poll_too_many", __NR_poll, { A(NULLP), V(2000), V(0) }, E(EINVAL),
	  "nfds above RLIMIT_NOFILE" },
	{ "poll_none_now", __NR_poll, { A(NULLP), V(0), V(0) }, 0,
	  "no descriptor, no wait: nothing ready" },
	{ "poll_pipe_empty_now", __NR_poll, { A(POLL_PIPE), V(1), V(0) }, 0,
	  "an empty pipe is not readable; timeout 0 returns at once" },
	{ "poll_bad_fd", __NR_poll, { A(POLL_BADFD), V(1), V(-1) }, 1,
	  "POLLNVAL counts as ready: no wait" },
	{ "nanosleep_from_kernel", __NR_nanosleep, { A(KERNEL), A(NULLP) },
	  E(EFAULT), "get_old_timespec32" },
	{ "nanosleep_nsec_too_big", __NR_nanosleep, { A(TS32_BAD), A(NULLP) },
	  E(EINVAL), "timespec64_valid: tv_nsec below a second" },
	{ "nanosleep_zero", __NR_nanosleep, { A(TS32_ZERO), A(NULLP) }, 0,
	  "a sleep of 0 returns" },
	{ "clock_nanosleep_unknown_clock", __NR_clock_nanosleep,
	  { V(99), V(0), A(TS32_ZERO), A(NULLP) }, E(EINVAL),
	  "clockid_to_kclock: no such clock, before the time is read" },
	{ "clock_nanosleep_thread_cputime", __NR_clock_nanosleep,
	  { V(3), V(0), A(TS32_ZERO), A(NULLP) }, E(EOPNOTSUPP),
	  "CLOCK_THREAD_CPUTIME_ID has no nsleep" },
	{ "clock_nanosleep_from_hole", __NR_clock_nanosleep,
	  { V(1), V(0), A(HOLE), A(NULLP) }, E(EFAULT), "get_old_timespec32" },
	{ "clock_nanosleep64_from_kernel", __NR_clock_nanosleep_time64,
	  { V(1), V(0), A(KERNEL), A(NULLP) }, E(EFAULT), "get_timespec64" },
	{ "clock_nanosleep64_nsec_too_big", __NR_clock_nanosleep_time64,
	  { V(0), V(0), A(TS64_BAD), A(NULLP) }, E(EINVAL),
	  "the low word of tv_nsec, 1000000000" },
	{ "clock_nanosleep64_absolute_past", __NR_clock_nanosleep_time64,
	  { V(1), V(1), A(TS64_ZERO), A(NULLP) }, 0,
	  "TIMER_ABSTIME at time 0: long past, returns at once" },
};

static unsigned long good, hole, rdonly;
static int file_fd, dir_fd, pipe_fds[2];
static uint32_t iov_bad[2], iov_good[2];
static struct { int fd; short events, revents; } poll_pipe, poll_badfd;
static const int32_t ts32_zero[2] = { 0, 0 }, ts32_bad[2] = { 0, 1000000000 };
static const int64_t ts64_zero[2] = { 0, 0 }, ts64_bad[2] = { 0, 1000000000 };

static long resolve(const struct arg *a)
{
	switch (a->kind) {
	case VAL: return a->val;
	case GOOD: return (long)good;
	case KERNEL: return (long)PAGE_OFFSET;
	case HOLE: return (long)hole;
	case NULLP: return 0;
	case RDONLY: return (long)rdonly;
	case FILE_FD: return file_fd;
	case DIR_FD: return dir_fd;
	case PIPE_FD: return pipe_fds[0];
	case FILE_PATH: return (long)"/data/pages.txt";
	case EXE_PATH: return (long)"/proc/self/exe";
	case EMPTY: return (long)"";
	case REL: return (long)"pages.txt";
	case MISSING: return (long)"/nonexistent";
	case THROUGH: return (long)"/data/pages.txt/x";
	case IOV_BAD: return (long)iov_bad;
	case IOV_GOOD: return (long)iov_good;
	case POLL_PIPE: return (long)&poll_pipe;
	case POLL_BADFD: return (long)&poll_badfd;
	case TS32_ZERO: return (long)ts32_zero;
	case TS32_BAD: return (long)ts32_bad;
	case TS64_ZERO: return (long)ts64_zero;
	case TS64_BAD: return (long)ts64_bad;
	}
	return 0;
}

static void run_row(const struct row *r)
{
	long a[5], got;

	for (int i = 0; i < 5; i++)
		a[i] = resolve(&r->a[i]);
	sys_lseek(file_fd, 0, 0);
	got = __syscall(r->nr, a[0], a[1], a[2], a[3], a[4], 0);
	if (got != r->want)
		check_failed(__FILE__, __LINE__, "%s = %s, expected %s (%s)",
			     r->name, utest_errname(got),
			     utest_errname(r->want), r->why);
}

/* What the good rows leave: the machine's name, a limit, the link. */
static void test_values(void)
{
	char buf[400];
	uint32_t lim[2];
	long n;

	CHECK_EQ(__syscall(__NR_uname, (long)buf, 0, 0, 0, 0, 0), 0);
	CHECK(strcmp(buf + 4 * 65, "armv7l") == 0);	/* machine */
	CHECK_EQ(__syscall(__NR_ugetrlimit, 3, (long)lim, 0, 0, 0, 0), 0);
	CHECK_EQ(lim[0], 8u << 20);		/* RLIMIT_STACK: 8 MiB */
	CHECK_EQ(lim[1], 0xffffffffu);		/* unlimited */
	n = __syscall(__NR_readlink, (long)"/proc/self/exe", (long)buf,
		      sizeof(buf), 0, 0, 0);
	CHECK(n > 0);
	if (n > 0) {
		buf[n] = '\0';
		CHECK(strcmp(buf, "/tests/fdcalls") == 0 ||
		      strcmp(buf, "/init") == 0);	/* Linux: run as /init */
	}
}

int main(void)
{
	long ret;

	utest_begin("fdcalls");
	proc_ensure();
	good = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rdonly = sys_mmap2(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			   -1, 0);
	hole = sys_mmap2(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			 0);
	ret = sys_munmap(hole, 4096);
	file_fd = sys_open("/data/pages.txt", 0, 0);
	dir_fd = sys_open("/data", 0, 0);
	if (sys_is_err(good) || sys_is_err(rdonly) || ret || file_fd < 0 ||
	    dir_fd < 0 || __syscall(__NR_pipe, (long)pipe_fds, 0, 0, 0, 0, 0)) {
		utest_diag("setting up failed");
		return 1;
	}
	iov_bad[0] = PAGE_OFFSET;
	iov_bad[1] = 4;
	iov_good[0] = good;
	iov_good[1] = 4;
	poll_pipe.fd = pipe_fds[0];
	poll_pipe.events = 1;		/* POLLIN */
	poll_badfd.fd = 15;
	poll_badfd.events = 1;
	for (unsigned int i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		utest_case(rows[i].name);
		run_row(&rows[i]);
		utest_done();
	}
	utest_run("values", test_values);
	sys_close(pipe_fds[0]);
	sys_close(pipe_fds[1]);
	sys_close(file_fd);
	sys_close(dir_fd);
	return utest_end();
}
