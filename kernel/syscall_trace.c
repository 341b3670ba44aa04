/*
 * kernel/syscall_trace.c - the system-call trace and the ENOSYS reports
 * (see kernel/syscall_trace.h for what they print).
 *
 * The trace costs the everyday path one test of a flag (do_svc); all of
 * this runs only when it is on, or when a call gets ENOSYS.
 *
 * Each call's line is made when it returns, so that what the call wrote
 * (read's buffer) and its result go on one line, as strace prints them.
 * execve is the exception: once it succeeds its arguments lie in an
 * address space that is gone, so its line is made at entry. exit and
 * exit_group never return: their line is printed at entry, "= ?".
 *
 * Reading a string or a buffer of the caller goes through copy_from_user
 * like any access by the kernel, so a pointer to a page not yet touched
 * is faulted in by the trace (a bad one is shown as a number): a traced
 * run may count a fault or two more than an untraced one.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/syscall_trace.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"
#include "kernel/unistd.h"
#include "mm/mman.h"

bool trace_syscalls;

/*
 * How to show a call: one letter per argument, then its result.
 *   d  signed decimal           u  unsigned decimal     x  hexadecimal
 *   o  octal (a file mode)      p  pointer: NULL or hexadecimal
 *   s  a string of the caller's ("/bin/sh")
 *   b  a buffer of the caller's, as long as the next argument (write)
 *   r  a buffer the call fills, as long as its result (read)
 *   v  a vector of strings (execve's argv)
 *   D  a directory descriptor (AT_FDCWD)
 *   P  PROT_ flags              M  MAP_ flags           O  O_ flags
 *   R  MREMAP_ flags
 * Result: d (a number, or -1 and the errno), x (an address), ? (none).
 */
struct call_format {
	unsigned int nr;
	const char *args;
	char result;
};

static const struct call_format formats[] = {
	{ __NR_exit, "d", '?' },
	{ __NR_fork, "", 'd' },
	{ __NR_read, "dru", 'd' },
	{ __NR_write, "dbu", 'd' },
	{ __NR_open, "sOo", 'd' },
	{ __NR_close, "d", 'd' },
	{ __NR_execve, "svp", 'd' },
	{ __NR_lseek, "ddd", 'd' },
	{ __NR_getpid, "", 'd' },
	{ __NR_dup, "d", 'd' },
	{ __NR_pipe, "p", 'd' },
	{ __NR_getuid, "", 'd' },
	{ __NR_brk, "p", 'x' },
	{ __NR_getgid, "", 'd' },
	{ __NR_geteuid, "", 'd' },
	{ __NR_getegid, "", 'd' },
	{ __NR_ioctl, "dxx", 'd' },
	{ __NR_fcntl, "ddx", 'd' },
	{ __NR_dup2, "dd", 'd' },
	{ __NR_getppid, "", 'd' },
	{ __NR_readlink, "spu", 'd' },
	{ __NR_munmap, "pu", 'd' },
	{ __NR_wait4, "dpxp", 'd' },
	{ __NR_sysinfo, "p", 'd' },
	{ __NR_clone, "xpppp", 'd' },
	{ __NR_uname, "p", 'd' },
	{ __NR_mprotect, "puP", 'd' },
	{ __NR_personality, "x", 'x' },
	{ __NR__llseek, "duupd", 'd' },
	{ __NR_readv, "dpd", 'd' },
	{ __NR_writev, "dpd", 'd' },
	{ __NR_sched_yield, "", 'd' },
	{ __NR_mremap, "puuRp", 'x' },
	{ __NR_poll, "pud", 'd' },
	{ __NR_msync, "pux", 'd' },
	{ __NR_mincore, "pup", 'd' },
	{ __NR_madvise, "pud", 'd' },
	{ __NR_nanosleep, "pp", 'd' },
	{ __NR_clock_nanosleep, "dxpp", 'd' },
	{ __NR_clock_nanosleep_time64, "dxpp", 'd' },
	{ __NR_prctl, "dx", 'd' },
	{ __NR_rt_sigaction, "dppu", 'd' },
	{ __NR_rt_sigprocmask, "dppu", 'd' },
	{ __NR_getcwd, "pu", 'd' },
	{ __NR_ugetrlimit, "dp", 'd' },
	{ __NR_mmap2, "puPMdx", 'x' },
	{ __NR_stat64, "sp", 'd' },
	{ __NR_lstat64, "sp", 'd' },
	{ __NR_fstat64, "dp", 'd' },
	{ __NR_getuid32, "", 'd' },
	{ __NR_getgid32, "", 'd' },
	{ __NR_geteuid32, "", 'd' },
	{ __NR_getegid32, "", 'd' },
	{ __NR_getdents64, "dpu", 'd' },
	{ __NR_fcntl64, "ddx", 'd' },
	{ __NR_gettid, "", 'd' },
	{ __NR_exit_group, "d", '?' },
	{ __NR_set_tid_address, "p", 'd' },
	{ __NR_clock_gettime, "dp", 'd' },
	{ __NR_openat, "DsOo", 'd' },
	{ __NR_fstatat64, "Dspx", 'd' },
	{ __NR_readlinkat, "Dspu", 'd' },
	{ __NR_set_robust_list, "pu", 'd' },
	{ __NR_dup3, "ddO", 'd' },
	{ __NR_pipe2, "pO", 'd' },
	{ __NR_prlimit64, "ddpp", 'd' },
	{ __NR_getrandom, "pux", 'd' },
	{ __NR_statx, "Dsxxp", 'd' },
	{ __NR_clock_gettime64, "dp", 'd' },
	{ __ARM_NR_set_tls, "x", 'd' },
	{ __ARM_NR_get_tls, "", 'x' },
};

/* A call we have no format for: its first three arguments, in hex. */
static const struct call_format unknown_format = { 0, "xxx", 'd' };

static const struct call_format *format_of(unsigned long nr)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (formats[i].nr == nr)
			return &formats[i];
	return &unknown_format;
}

/* Linux's name for call @nr, or NULL for a number Linux does not assign. */
static const char *linux_name(unsigned long nr)
{
	if (nr < LINUX_NR_SYSCALLS)
		return linux_syscall_names[nr];
	if (nr >= __ARM_NR_BASE && nr - __ARM_NR_BASE < ARM_NR_PRIVATE)
		return arm_private_call_names[nr - __ARM_NR_BASE];
	return NULL;
}

/* The line being made, and how much of it there is. */
struct line {
	char *buf;
	size_t size, len;
};

static __printf(2, 3) void put(struct line *l, const char *fmt, ...)
{
	va_list ap;

	if (l->len + 1 >= l->size)
		return;
	va_start(ap, fmt);
	l->len += vsnprintf(l->buf + l->len, l->size - l->len, fmt, ap);
	va_end(ap);
	if (l->len >= l->size)
		l->len = l->size - 1;
}

struct flag_name {
	unsigned long bit;
	const char *name;
};

static const struct flag_name prot_flags[] = {
	{ PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
	{ PROT_EXEC, "PROT_EXEC" }, { PROT_SEM, "PROT_SEM" },
	{ PROT_GROWSDOWN, "PROT_GROWSDOWN" }, { PROT_GROWSUP, "PROT_GROWSUP" },
};

static const struct flag_name map_flags[] = {
	{ MAP_FIXED, "MAP_FIXED" }, { MAP_ANONYMOUS, "MAP_ANONYMOUS" },
	{ MAP_GROWSDOWN, "MAP_GROWSDOWN" }, { MAP_DENYWRITE, "MAP_DENYWRITE" },
	{ MAP_EXECUTABLE, "MAP_EXECUTABLE" }, { MAP_LOCKED, "MAP_LOCKED" },
	{ MAP_NORESERVE, "MAP_NORESERVE" }, { MAP_POPULATE, "MAP_POPULATE" },
	{ MAP_NONBLOCK, "MAP_NONBLOCK" }, { MAP_STACK, "MAP_STACK" },
	{ MAP_HUGETLB, "MAP_HUGETLB" }, { MAP_SYNC, "MAP_SYNC" },
	{ MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE" },
	{ MAP_UNINITIALIZED, "MAP_UNINITIALIZED" },
};

static const struct flag_name open_flags[] = {
	{ O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" }, { O_NOCTTY, "O_NOCTTY" },
	{ O_TRUNC, "O_TRUNC" }, { O_APPEND, "O_APPEND" },
	{ O_NONBLOCK, "O_NONBLOCK" }, { O_DIRECTORY, "O_DIRECTORY" },
	{ O_NOFOLLOW, "O_NOFOLLOW" }, { O_DIRECT, "O_DIRECT" },
	{ O_LARGEFILE, "O_LARGEFILE" }, { O_NOATIME, "O_NOATIME" },
	{ O_CLOEXEC, "O_CLOEXEC" },
};

static const struct flag_name mremap_flags[] = {
	{ MREMAP_MAYMOVE, "MREMAP_MAYMOVE" }, { MREMAP_FIXED, "MREMAP_FIXED" },
	{ MREMAP_DONTUNMAP, "MREMAP_DONTUNMAP" },
};

/* "A|B|0x40": the names of @v's bits after @first (already put), if any. */
static void put_flags(struct line *l, unsigned long v, bool first,
		      const struct flag_name *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!(v & names[i].bit))
			continue;
		put(l, "%s%s", first ? "" : "|", names[i].name);
		first = false;
		v &= ~names[i].bit;
	}
	if (v)
		put(l, "%s%#lx", first ? "" : "|", v);
	else if (first)
		put(l, "0");
}

static void put_prot(struct line *l, unsigned long v)
{
	if (!v)
		put(l, "PROT_NONE");
	else
		put_flags(l, v, true, prot_flags, ARRAY_SIZE(prot_flags));
}

static void put_map(struct line *l, unsigned long v)
{
	static const char *const types[] = {
		[MAP_SHARED] = "MAP_SHARED", [MAP_PRIVATE] = "MAP_PRIVATE",
		[MAP_SHARED_VALIDATE] = "MAP_SHARED_VALIDATE",
	};
	unsigned long type = v & MAP_TYPE;

	if (type < ARRAY_SIZE(types) && types[type])
		put(l, "%s", types[type]);
	else
		put(l, "%#lx", type);
	put_flags(l, v & ~MAP_TYPE, false, map_flags, ARRAY_SIZE(map_flags));
}

static void put_open(struct line *l, unsigned long v)
{
	static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR",
					     "O_ACCMODE" };

	put(l, "%s", modes[v & O_ACCMODE]);
	put_flags(l, v & ~O_ACCMODE, false, open_flags, ARRAY_SIZE(open_flags));
}

/* @n bytes of the caller's at @uaddr, quoted and escaped as strace does. */
#define SHOWN_BYTES 32

static void put_bytes(struct line *l, unsigned long uaddr, unsigned long n,
		      bool string)
{
	char bytes[SHOWN_BYTES];
	unsigned long want = min(n, (unsigned long)SHOWN_BYTES), got = 0;
	bool more;

	/* byte by byte when that fails: a string may end before a hole */
	if (!copy_from_user(bytes, (const void *)uaddr, want))
		got = want;
	else
		while (got < want &&
		       !copy_from_user(&bytes[got], (const void *)(uaddr + got), 1))
			got++;
	if (string) {
		unsigned long len = 0;

		while (len < got && bytes[len])
			len++;
		if (len == got && got < want) {
			put(l, "%#lx", uaddr);	/* no end before a hole */
			return;
		}
		more = len == SHOWN_BYTES;
		got = len;
	} else {
		if (!got && n) {
			put(l, "%#lx", uaddr);
			return;
		}
		more = n > got;
	}
	put(l, "\"");
	for (unsigned long i = 0; i < got; i++) {
		unsigned char c = bytes[i];

		switch (c) {
		case '\n': put(l, "\\n"); break;
		case '\t': put(l, "\\t"); break;
		case '\r': put(l, "\\r"); break;
		case '"': put(l, "\\\""); break;
		case '\\': put(l, "\\\\"); break;
		default:
			if (c >= ' ' && c < 0x7f)
				put(l, "%c", c);
			else
				put(l, "\\%o", c);
		}
	}
	put(l, "\"%s", more ? "..." : "");
}

/* execve's argv: ["ls", "-l"], the first few. */
static void put_vector(struct line *l, unsigned long uaddr)
{
	uint32_t s;

	if (!uaddr) {
		put(l, "NULL");
		return;
	}
	put(l, "[");
	for (int i = 0;; i++) {
		if (get_user_u32(&s, (const uint32_t *)(uaddr + 4 * i))) {
			put(l, "%s%#lx", i ? ", " : "", uaddr + 4 * i);
			break;
		}
		if (!s)
			break;
		if (i == 4) {
			put(l, ", ...");
			break;
		}
		put(l, "%s", i ? ", " : "");
		put_bytes(l, s, SHOWN_BYTES, true);
	}
	put(l, "]");
}

static void put_arg(struct line *l, char kind, const unsigned long *a,
		    long ret)
{
	unsigned long v = a[0];

	switch (kind) {
	case 'd': put(l, "%ld", (long)v); break;
	case 'u': put(l, "%lu", v); break;
	case 'x': put(l, "%#lx", v); break;
	case 'o': put(l, v ? "0%lo" : "0", v); break;
	case 'p':
		if (v)
			put(l, "%#lx", v);
		else
			put(l, "NULL");
		break;
	case 's': put_bytes(l, v, SHOWN_BYTES, true); break;
	case 'b': put_bytes(l, v, a[1], false); break;
	case 'r':
		if (ret >= 0)
			put_bytes(l, v, ret, false);
		else
			put(l, "%#lx", v);
		break;
	case 'v': put_vector(l, v); break;
	case 'D':
		if ((long)v == AT_FDCWD)
			put(l, "AT_FDCWD");
		else
			put(l, "%ld", (long)v);
		break;
	case 'P': put_prot(l, v); break;
	case 'M': put_map(l, v); break;
	case 'O': put_open(l, v); break;
	case 'R':
		put_flags(l, v, true, mremap_flags, ARRAY_SIZE(mremap_flags));
		break;
	}
}

/* "[pid 3] name(args" of call @t, with @ret for buffers it filled. */
static void put_call(struct line *l, const struct syscall_trace *t, long ret)
{
	const struct call_format *f = format_of(t->nr);
	const char *name = linux_name(t->nr);

	put(l, "[pid %d] ", current->pid);
	if (name)
		put(l, "%s(", name);
	else
		put(l, "syscall_%#lx(", t->nr);
	for (size_t i = 0; f->args[i] && i < 6; i++) {
		put(l, "%s", i ? ", " : "");
		put_arg(l, f->args[i], &t->args[i], ret);
	}
	put(l, ")");
}

void trace_syscall_enter(struct syscall_trace *t, unsigned long nr,
			 const unsigned long args[6])
{
	struct line l = { t->line, sizeof(t->line), 0 };

	t->nr = nr;
	memcpy(t->args, args, sizeof(t->args));
	t->formatted = false;
	if (format_of(nr)->result == '?') {
		put_call(&l, t, 0);
		printk("%s = ?\n", t->line);
	} else if (nr == __NR_execve) {
		put_call(&l, t, 0);
		t->formatted = true;
	}
	t->len = l.len;
}

void trace_syscall_exit(struct syscall_trace *t, long ret)
{
	struct line l = { t->line, sizeof(t->line), t->len };
	const struct call_format *f = format_of(t->nr);

	if (!t->formatted)
		put_call(&l, t, ret);
	if (ret < 0 && ret >= -4095) {
		const char *name = errno_name(ret);
		const char *text = errno_message(ret);

		if (name)
			put(&l, " = -1 %s (%s)", name, text ? text : "?");
		else
			put(&l, " = -1 errno %ld", -ret);
	} else if (f->result == 'x') {
		put(&l, " = %#lx", (unsigned long)ret);
	} else {
		put(&l, " = %ld", ret);
	}
	printk("%s\n", t->line);
}

/*
 * The numbers reported since boot: each missing call is named once (every
 * glibc program asks for rseq, say), not at every program that calls it.
 */
static unsigned long reported[32];
static unsigned int nr_reported;

static bool already_reported(unsigned long nr)
{
	for (unsigned int i = 0; i < nr_reported; i++)
		if (reported[i] == nr)
			return true;
	if (nr_reported < ARRAY_SIZE(reported))
		reported[nr_reported++] = nr;
	return false;
}

long syscall_enosys(unsigned long nr)
{
	const char *name = linux_name(nr);

	if (trace_syscalls || current->enosys_reports > ENOSYS_REPORTS)
		return -ENOSYS;
	if (already_reported(nr))
		return -ENOSYS;
	if (++current->enosys_reports > ENOSYS_REPORTS) {
		printk("task %d (%s): more calls answered ENOSYS, not reported\n",
		       current->pid, current->comm);
		return -ENOSYS;
	}
	if (name)
		printk("task %d (%s): system call %lu (%#lx, Linux's %s) is "
		       "not implemented: ENOSYS\n", current->pid,
		       current->comm, nr, nr, name);
	else
		printk("task %d (%s): system call %lu (%#lx) is not one of "
		       "Linux's: ENOSYS\n", current->pid, current->comm, nr,
		       nr);
	return -ENOSYS;
}
