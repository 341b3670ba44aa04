/*
 * kernel/sys_misc.c - the small system calls: who am I, give way, what
 * time is it, what system is this, random bytes, resource limits.
 */
#include "kernel/errno.h"
#include "kernel/process.h"
#include "mm/page_alloc.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->pid : 0;
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

/*
 * clock_gettime (263) takes the 32-bit struct timespec of the ARM EABI
 * (two 32-bit words). Both clocks count from boot: there is no RTC.
 */
long sys_clock_gettime(unsigned long clock, unsigned long tp)
{
	uint64_t ns;
	uint32_t ts[2];

	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	ns = clock_monotonic_ns();
	ts[0] = (uint32_t)(ns / 1000000000u);
	ts[1] = (uint32_t)(ns % 1000000000u);
	if (copy_to_user((void *)tp, ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/*
 * clock_gettime64(): the same clocks, into Linux's struct
 * __kernel_timespec (64-bit seconds, then 64-bit nanoseconds), which a
 * 32-bit C library asks for first since Linux 5.1.
 */
long sys_clock_gettime64(unsigned long clock, unsigned long tp)
{
	uint64_t ns, ts[2];

	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	ns = clock_monotonic_ns();
	ts[0] = ns / 1000000000u;
	ts[1] = ns % 1000000000u;
	if (copy_to_user((void *)tp, ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/*
 * set_tid_address(): where 0 goes when the calling thread exits, as
 * clone's CLONE_CHILD_CLEARTID (see kernel/exit.c: only while others
 * share the address space). Returns the caller's thread id, its pid here.
 */
long sys_set_tid_address(unsigned long tidptr)
{
	current->clear_child_tid = (uint32_t *)tidptr;
	return current->pid;
}

/*
 * set_robust_list(): the head of the list of futexes a thread holds, which
 * Linux walks when the thread dies. topdown has no futexes: it keeps the
 * head, as Linux does, and checks the length as Linux does (the size of
 * struct robust_list_head on 32 bits: 12).
 */
long sys_set_robust_list(unsigned long head, unsigned long len)
{
	if (len != 12)
		return -EINVAL;
	current->robust_list = (void *)head;
	return 0;
}

/*
 * personality(): Linux's execution domain flags. The one that matters here
 * is ADDR_COMPAT_LAYOUT (0x0200000): the next execve() gets the legacy
 * bottom-up mmap layout. 0xffffffff only asks. Returns the old value.
 */
long sys_personality(unsigned long persona)
{
	unsigned long old = current->personality;

	if (persona != 0xffffffffUL)
		current->personality = persona;
	return old;
}

/*
 * See kernel/syscall.h: a xorshift32 generator seeded by the clock, the
 * clock mixed in again at every call (AT_RANDOM, ASLR, getrandom). Not
 * for secrets: enough for AT_RANDOM's stack canary and getrandom() in a
 * teaching kernel.
 */
void get_random_bytes(void *buf, size_t len)
{
	static uint32_t state;
	uint8_t *out = buf;

	/* the counter stirred in at every call: the first seeds it */
	state ^= (uint32_t)get_cycles();
	if (!state)
		state = 1;
	for (size_t i = 0; i < len; i++) {
		state ^= state << 13;
		state ^= state >> 17;
		state ^= state << 5;
		out[i] = (uint8_t)state;
	}
}

#define GRND_NONBLOCK 0x1
#define GRND_RANDOM 0x2
#define GRND_INSECURE 0x4

/*
 * getrandom(2): @len random bytes at @ubuf (never blocks: the generator
 * is always ready). Flags GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE,
 * but not the last two together, else EINVAL; EFAULT when not one byte
 * could be written. Returns the bytes written (at most 2 GiB - 4 KiB,
 * Linux's MAX_RW_COUNT).
 */
long sys_getrandom(unsigned long ubuf, unsigned long len, unsigned long flags)
{
	uint8_t chunk[64];
	unsigned long done = 0;

	if (flags & ~(unsigned long)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	len = min(len, 0x7ffff000UL);
	while (done < len) {
		unsigned long n = min(len - done, sizeof(chunk));
		unsigned long left;

		get_random_bytes(chunk, n);
		left = copy_to_user((char *)ubuf + done, chunk, n);
		done += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* struct new_utsname: six NUL-terminated fields of 65 bytes */
#define UTS_LEN 65
static const char utsname[6][UTS_LEN] = {
	"topdown",		/* sysname */
	"topdown",		/* nodename */
	"6.1.0-topdown",	/* release: the Linux whose ABI it follows */
	"#1",			/* version */
	"armv7l",		/* machine, as Linux says for ARMv7 */
	"(none)",		/* domainname */
};

/* uname(2): EFAULT. */
long sys_uname(unsigned long ubuf)
{
	return copy_to_user((void *)ubuf, utsname, sizeof(utsname)) ? -EFAULT
								      : 0;
}

/*
 * Resource limits. topdown's are fixed, so they are the same for every
 * task: what Linux 6.1 starts init with, except RLIMIT_NOFILE, which is
 * topdown's NR_OPEN descriptors. Raising or lowering one is refused
 * (EPERM, what Linux answers a process that may not change it).
 */
#define RLIM_NLIMITS 16
#define RLIMIT_CORE 4
#define RLIMIT_STACK 3
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIM64_INFINITY (~0ULL)

static void get_rlimit(unsigned int resource, uint64_t lim[2])
{
	lim[0] = lim[1] = RLIM64_INFINITY;
	switch (resource) {
	case RLIMIT_STACK:
		lim[0] = 8UL << 20;		/* 8 MiB, soft */
		break;
	case RLIMIT_CORE:
		lim[0] = 0;
		break;
	case RLIMIT_NOFILE:
		lim[0] = lim[1] = NR_OPEN;
		break;
	case RLIMIT_MEMLOCK:
		lim[0] = lim[1] = 8UL << 20;
		break;
	}
}

/*
 * ugetrlimit(2): the limit as two 32-bit words, infinity (and anything
 * above 32 bits) as RLIM_INFINITY 0xffffffff. EINVAL for a resource
 * past RLIM_NLIMITS, EFAULT.
 */
long sys_ugetrlimit(unsigned long resource, unsigned long urlim)
{
	uint64_t lim[2];
	uint32_t r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	get_rlimit(resource, lim);
	for (int i = 0; i < 2; i++)
		r[i] = lim[i] > 0xffffffffULL ? 0xffffffffU : (uint32_t)lim[i];
	return copy_to_user((void *)urlim, r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * prlimit64(2): the limits of process @pid (0: the caller) in 64-bit
 * words; a new limit is read and checked (soft above hard: EINVAL) and
 * then refused with EPERM unless it is what the limit already is. ESRCH
 * for no such process, EINVAL for a resource past RLIM_NLIMITS, EFAULT.
 */
long sys_prlimit64(unsigned long pid, unsigned long resource,
		   unsigned long unew, unsigned long uold)
{
	uint64_t lim[2], want[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && (long)pid != current->pid && !find_task(pid))
		return -ESRCH;
	get_rlimit(resource, lim);
	if (unew) {
		if (copy_from_user(want, (const void *)unew, sizeof(want)))
			return -EFAULT;
		if (want[0] > want[1])
			return -EINVAL;
		if (want[0] != lim[0] || want[1] != lim[1])
			return -EPERM;
	}
	if (uold && copy_to_user((void *)uold, lim, sizeof(lim)))
		return -EFAULT;
	return 0;
}

/*
 * Who the task is: every task runs as root (uid and gid 0, as init on
 * Linux) and is one thread, so its thread id is its pid. getuid and
 * getuid32 & co. are the same here (no 16-bit ids to fold).
 */
long sys_getuid(void)
{
	return 0;
}

long sys_gettid(void)
{
	return current->pid;
}

#define PR_SET_NAME 15
#define PR_GET_NAME 16

/*
 * prctl(2): PR_SET_NAME and PR_GET_NAME, the task's name (comm, 16 bytes
 * with the NUL: what the fault reports print); EFAULT. Any other option
 * EINVAL, as Linux answers one it does not know.
 */
long sys_prctl(unsigned long option, unsigned long arg2)
{
	char name[TASK_COMM_LEN];
	long len;

	switch (option) {
	case PR_SET_NAME:
		len = strncpy_from_user(name, (const char *)arg2, sizeof(name));
		if (len < 0)
			return len;
		name[sizeof(name) - 1] = '\0';
		memcpy(current->comm, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void *)arg2, current->comm,
				    sizeof(current->comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}

/* struct sysinfo of the 32-bit ABI */
struct sysinfo32 {
	int32_t uptime;
	uint32_t loads[3];
	uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh, mem_unit;
	char _f[8];
};

/*
 * sysinfo(2): seconds since boot, RAM in bytes (mem_unit 1, as Linux
 * gives it when it fits in 32 bits), no swap, the number of tasks;
 * EFAULT.
 */
long sys_sysinfo(unsigned long uinfo)
{
	struct sysinfo32 si;
	struct meminfo mi;
	struct task_struct *task;

	memset(&si, 0, sizeof(si));
	si_meminfo(&mi);
	si.uptime = (int32_t)(clock_monotonic_ns() / 1000000000u);
	si.totalram = mi.totalram * PAGE_SIZE;
	si.freeram = mi.freeram * PAGE_SIZE;
	list_for_each_entry(task, &task_list, tasks)
		si.procs++;
	si.mem_unit = 1;
	return copy_to_user((void *)uinfo, &si, sizeof(si)) ? -EFAULT : 0;
}

/*
 * getcwd(2): the working directory, always "/" here: its length with
 * the NUL (2); ERANGE when @size is too small, EFAULT.
 */
long sys_getcwd(unsigned long ubuf, unsigned long size)
{
	if (size < 2)
		return -ERANGE;
	return copy_to_user((void *)ubuf, "/", 2) ? -EFAULT : 2;
}
