/*
 * user/sh/memory.c - the commands that change the shell's address space
 * (mmap, munmap, mremap, mprotect, brk) and touch it (read, write, touch).
 *
 * They use the raw system calls (syscall.h) to show exactly what the
 * kernel answers: an address, or an errno name.
 *
 * read, write and touch must not kill the shell when they fault. The
 * shell makes the access itself only where its own /proc/self/maps
 * allows it (an anonymous mapping with r for a read, w for a write);
 * anywhere else it forks, lets the child try, and reports the child's
 * fate: killed by SIGSEGV (status 139 as a shell shows it) or SIGBUS
 * (135), after the kernel's own report of the fault on the console. A
 * file mapping is always left to a child: its pages may lie beyond the
 * end of the file, where any access is SIGBUS, and maps cannot say.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kernel/errno.h"
#include "process.h"
#include "procfs.h"
#include "sh.h"
#include "sys/mman.h"
#include "syscall.h"

enum access { READ, WRITE };

/*
 * Could @access to some page of [addr, addr + len) fault, by our own
 * maps? Only if not may the shell make the access itself.
 * Returns: why it could (for the message), or NULL.
 */
static const char *access_may_fault(unsigned long addr, unsigned long len,
				    enum access access)
{
	unsigned long end = addr + len;
	struct map_entry e;

	if (end < addr)
		return "the start of a range that wraps around";
	/* the mappings that cover [addr, end), one after the other */
	while (addr < end) {
		if (!maps_find(addr, &e) || e.perms[access == READ ? 0 : 1] == '-')
			return access == READ ? "not readable in our maps" :
				"not writable in our maps";
		if (e.name[0] == '/')
			return "in a file mapping (past the end of the file "
			       "it would be SIGBUS)";
		addr = e.end;
	}
	return NULL;
}

/*
 * Make the access with @fn(@addr, @arg): here if maps allows it, else in
 * a child, whose fate is reported. Returns 0 if the access was made (by
 * us or, surviving, by the child), 1 if it killed the child.
 */
static int guarded(const char *cmd, unsigned long addr, unsigned long len,
		   enum access access,
		   void (*fn)(unsigned long addr, unsigned long arg),
		   unsigned long arg)
{
	const char *why = access_may_fault(addr, len, access);
	int status;
	pid_t pid;

	if (!why) {
		fn(addr, arg);
		return 0;
	}
	printf("%s: %#lx is %s: trying in a child process\n", cmd, addr, why);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(addr, arg);
		fflush(stdout);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("%s: fork failed\n", cmd);
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("%s: the child survived: done in the child only\n", cmd);
		return 0;
	}
	printf("%s: child %d %s: status %d\n", cmd, (int)pid,
	       status_str(status), shell_status(status));
	return 1;
}

/* The read of one word (read ADDR). */
static void do_read(unsigned long addr, unsigned long unused)
{
	unsigned int v = *(volatile unsigned int *)addr;

	printf("read: 0x%08lx: 0x%08x (%u)\n", addr, v, v);
}

/* The write of one word (write ADDR VALUE). */
static void do_write(unsigned long addr, unsigned long value)
{
	*(volatile unsigned int *)addr = (unsigned int)value;
	printf("write: 0x%08lx: 0x%08lx\n", addr, value);
}

/* Read one byte of every page of [addr, addr + len) (touch). */
static void do_touch(unsigned long addr, unsigned long len)
{
	unsigned long a, n = 0;

	for (a = addr & ~(PAGE - 1); a < addr + len; a += PAGE, n++)
		(void)*(volatile unsigned char *)(a < addr ? addr : a);
	printf("touch: read %lu page%s from %#lx\n", n, n == 1 ? "" : "s",
	       addr);
}

/*
 * After an ENOMEM for a private writable mapping of @len bytes: if @len
 * is more than the machine's memory (MemTotal in /proc/meminfo), say that
 * the overcommit check refused it (Linux's heuristic mode refuses one
 * request larger than all RAM and swap; there is no swap here).
 */
static void explain_overcommit(unsigned long len)
{
	static char text[2048];
	long total_kb;

	if (proc_read("/proc/meminfo", text, sizeof(text)) < 0 ||
	    !proc_value(text, "MemTotal", &total_kb) ||
	    len / 1024 <= (unsigned long)total_kb)
		return;
	printf("mmap: %lu KiB of private writable memory is more than the "
	       "%ld KiB of RAM: the overcommit check refuses it (a read-only "
	       "mapping would not be counted)\n", len / 1024, total_kb);
}

/* mmap LEN [PROT] [shared|private] [fixed|noreplace|hint ADDR]
 *      [file NAME [off OFFSET]] [populate] */
int cmd_mmap(int argc, char **argv)
{
	int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE, i;
	unsigned long len, addr = 0, off = 0;
	const char *file = NULL;
	char pbuf[4];
	long fd = -1, ret;

	if (argc < 2 || !parse_number(argv[1], &len))
		return 1;
	for (i = 2; i < argc; i++) {
		const char *w = argv[i];
		bool has_arg = i + 1 < argc;

		if (strcmp(w, "shared") == 0) {
			flags = (flags & ~MAP_PRIVATE) | MAP_SHARED;
		} else if (strcmp(w, "private") == 0) {
			flags = (flags & ~MAP_SHARED) | MAP_PRIVATE;
		} else if (strcmp(w, "populate") == 0) {
			flags |= MAP_POPULATE;
		} else if (strcmp(w, "fixed") == 0 && has_arg) {
			flags |= MAP_FIXED;
			if (!parse_addr(argv[++i], &addr))
				return 1;
		} else if (strcmp(w, "noreplace") == 0 && has_arg) {
			flags |= MAP_FIXED_NOREPLACE;
			if (!parse_addr(argv[++i], &addr))
				return 1;
		} else if (strcmp(w, "hint") == 0 && has_arg) {
			if (!parse_addr(argv[++i], &addr))
				return 1;
		} else if (strcmp(w, "file") == 0 && has_arg) {
			file = argv[++i];
		} else if (strcmp(w, "off") == 0 && has_arg) {
			if (!parse_number(argv[++i], &off))
				return 1;
		} else if (!has_arg && (!strcmp(w, "fixed") ||
					 !strcmp(w, "noreplace") ||
					 !strcmp(w, "hint") || !strcmp(w, "off"))) {
			printf("mmap: %s needs %s after it\n", w,
			       strcmp(w, "off") ? "an ADDR" : "an offset N");
			return 1;
		} else if (!has_arg && !strcmp(w, "file")) {
			printf("mmap: file needs a NAME after it\n");
			return 1;
		} else if (!parse_prot(w, &prot)) {
			printf("mmap: what is \"%s\"? (a PROT such as rw- or "
			       "none, or a word of: shared private fixed "
			       "noreplace hint file off populate)\n", w);
			return 1;
		}
	}
	if (off % PAGE) {
		printf("mmap: the offset must be a multiple of 4k\n");
		return 1;
	}
	if (file) {
		fd = sys_open(file, (flags & MAP_SHARED) && (prot & PROT_WRITE) ?
			     LINUX_O_RDWR : LINUX_O_RDONLY, 0);
		if (fd < 0)
			return report_error("mmap: open", fd);
	} else {
		flags |= MAP_ANONYMOUS;
	}
	ret = sys_mmap2(addr, len, prot, flags, (int)fd, off / PAGE);
	if (fd >= 0)
		sys_close((int)fd);
	if (sys_is_err(ret)) {
		report_error("mmap", ret);
		if (ret == -ENOMEM && (prot & PROT_WRITE) &&
		    !(flags & MAP_SHARED))
			explain_overcommit(len);
		return 1;
	}
	last_map = (unsigned long)ret;
	last_map_set = true;
	len = (len + PAGE - 1) & ~(PAGE - 1);
	printf("mmap: 0x%08lx-0x%08lx %s %s %s (%lu page%s)\n",
	       (unsigned long)ret, (unsigned long)ret + len,
	       prot_str(prot, pbuf), flags & MAP_SHARED ? "shared" : "private",
	       file ? file : "anonymous", len / PAGE, len == PAGE ? "" : "s");
	return 0;
}

/* munmap ADDR LEN */
int cmd_munmap(int argc, char **argv)
{
	unsigned long addr, len;
	long ret;

	if (argc != 3 || !parse_addr(argv[1], &addr) ||
	    !parse_number(argv[2], &len))
		return 1;
	ret = sys_munmap(addr, len);
	if (ret)
		return report_error("munmap", ret);
	printf("munmap: ok\n");
	return 0;
}

/*
 * mremap ADDR OLDLEN NEWLEN [maymove] [fixed NEWADDR] [dontunmap]:
 * fixed and dontunmap imply maymove, as the kernel needs them to.
 */
int cmd_mremap(int argc, char **argv)
{
	unsigned long addr, old_len, new_len, new_addr = 0;
	int flags = 0, i;
	long ret;

	if (!parse_addr(argv[1], &addr) || !parse_number(argv[2], &old_len) ||
	    !parse_number(argv[3], &new_len))
		return 1;
	for (i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "maymove")) {
			flags |= MREMAP_MAYMOVE;
		} else if (!strcmp(argv[i], "dontunmap")) {
			flags |= MREMAP_MAYMOVE | MREMAP_DONTUNMAP;
		} else if (!strcmp(argv[i], "fixed")) {
			if (i + 1 >= argc) {
				printf("mremap: fixed needs the new address\n");
				return 1;
			}
			if (!parse_addr(argv[++i], &new_addr))
				return 1;
			flags |= MREMAP_MAYMOVE | MREMAP_FIXED;
		} else {
			printf("mremap: what is \"%s\"? (maymove, fixed "
			       "ADDR or dontunmap)\n", argv[i]);
			return 1;
		}
	}
	ret = sys_mremap(addr, old_len, new_len, flags, new_addr);
	if (sys_is_err(ret)) {
		report_error("mremap", ret);
		if (ret == -ENOMEM && !(flags & MREMAP_MAYMOVE) &&
		    new_len > old_len)
			printf("  it cannot grow where it is (something is "
			       "mapped above it), and may not move: add "
			       "maymove\n");
		return 1;
	}
	new_len = (new_len + PAGE - 1) & ~(PAGE - 1);
	printf("mremap: 0x%08lx-0x%08lx (%lu page%s), %s\n",
	       (unsigned long)ret, (unsigned long)ret + new_len, new_len / PAGE,
	       new_len == PAGE ? "" : "s",
	       (unsigned long)ret == addr ? "in place" :
	       flags & MREMAP_DONTUNMAP ? "moved; the old range stays, empty" :
	       "moved with its pages");
	last_map = (unsigned long)ret;
	last_map_set = true;
	return 0;
}

/* mprotect ADDR LEN PROT */
int cmd_mprotect(int argc, char **argv)
{
	unsigned long addr, len;
	int prot;
	long ret;

	if (argc != 4 || !parse_addr(argv[1], &addr) ||
	    !parse_number(argv[2], &len))
		return 1;
	if (!parse_prot(argv[3], &prot)) {
		printf("mprotect: not a protection: %s\n", argv[3]);
		return 1;
	}
	ret = sys_mprotect(addr, len, prot);
	if (ret)
		return report_error("mprotect", ret);
	printf("mprotect: ok\n");
	return 0;
}

/* brk, brk +N, brk -N, brk ADDR */
int cmd_brk(int argc, char **argv)
{
	unsigned long cur = sys_brk(0), want, n, got;
	const char *arg = argc > 1 ? argv[1] : NULL;

	if (!arg) {
		printf("brk: 0x%08lx\n", cur);
		return 0;
	}
	if (!parse_number(arg[0] == '+' || arg[0] == '-' ? arg + 1 : arg, &n))
		return 1;
	want = arg[0] == '+' ? cur + n : arg[0] == '-' ? cur - n : n;
	got = sys_brk(want);
	if (got != want) {
		printf("brk: refused: the break stays at 0x%08lx: ", got);
		if (want < start_brk)
			printf("0x%08lx is below start_brk 0x%08lx, where the "
			       "heap starts\n", want, start_brk);
		else
			printf("no room for it (a mapping in the way, or not "
			       "enough memory)\n");
		return 1;
	}
	printf("brk: 0x%08lx -> 0x%08lx\n", cur, got);
	return 0;
}

/* read ADDR: one 32-bit word */
int cmd_read(int argc, char **argv)
{
	unsigned long addr;

	if (argc != 2 || !parse_addr(argv[1], &addr))
		return 1;
	if (addr & 3) {
		printf("read: %#lx is not a multiple of 4\n", addr);
		return 1;
	}
	return guarded("read", addr, 4, READ, do_read, 0);
}

/* write ADDR VALUE: one 32-bit word */
int cmd_write(int argc, char **argv)
{
	unsigned long addr, value;

	if (argc != 3 || !parse_addr(argv[1], &addr) ||
	    !parse_number(argv[2], &value))
		return 1;
	if (addr & 3) {
		printf("write: %#lx is not a multiple of 4\n", addr);
		return 1;
	}
	return guarded("write", addr, 4, WRITE, do_write, value);
}

/* touch ADDR [LEN]: read a byte of each page */
int cmd_touch(int argc, char **argv)
{
	unsigned long addr, len = 1;

	if (argc < 2 || argc > 3 || !parse_addr(argv[1], &addr) ||
	    (argc == 3 && !parse_number(argv[2], &len)))
		return 1;
	if (len == 0)
		len = 1;
	return guarded("touch", addr, len, READ, do_touch, len);
}
