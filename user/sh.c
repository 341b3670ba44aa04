/*
 * user/sh.c - topdown's shell (/bin/sh): type commands that change the
 * address space of the shell's own process, and watch it change.
 *
 *	sh			read commands from the console
 *	sh -c 'CMD; CMD; ...'	run these commands (each shown after a
 *				prompt, as if typed), then end
 *
 * The commands ("help" lists them):
 *
 *	mmap LEN [PROT] [shared|private] [fixed ADDR|noreplace ADDR|
 *	     hint ADDR] [file NAME [off OFFSET]] [populate]
 *	munmap ADDR LEN		mprotect ADDR LEN PROT
 *	brk [[+|-]N]		read ADDR	write ADDR VALUE
 *	touch ADDR [LEN]	maps	tree	dot	free
 *	trace on|off		spawn PROG [ARG...]	echo TEXT
 *	help			exit [STATUS]
 *
 * Numbers are decimal or 0x-hex, with an optional unit: k (KiB), m
 * (MiB), g (GiB) or p (4 KiB pages): "3p", "8k", "0x1000". An address
 * may be "$", the address the last mmap returned, or "$+N" / "$-N".
 * PROT is made of r, w, x and -, as maps shows it ("rw-", "r", "rwx"),
 * or "none". A line starting with '#' is a comment.
 *
 * Results are shown as addresses, or as the errno name the kernel
 * returned ("mmap: ENOMEM"). The shell uses the raw system calls
 * (syscall.h) to see exactly what the kernel says, and never malloc:
 * the heap is the user's, to move with brk.
 *
 * read, write and touch must not kill the shell when they fault. The
 * shell does the access itself only where its own /proc/self/maps
 * allows it (a mapping with r for a read, w for a write); anywhere else
 * it forks, lets the child try, and reports the child's fate: killed by
 * SIGSEGV (status 139, as a shell shows it), after the kernel's own
 * report of the fault on the console.
 *
 * Input comes from the console one byte at a time, with no line
 * discipline in between (topdown's console, or QEMU's serial when the
 * input is piped), so the shell echoes what it reads and handles
 * backspace, Ctrl-U (erase the line), Ctrl-C (drop it), Ctrl-D (end, on
 * an empty line) and CR, LF or CR LF as the end of a line. Under Linux
 * it switches the terminal to that same raw mode (ioctl TCSETS) first.
 * The shell ends with status 0 at the end of its input or on "exit".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kernel/errno.h"
#include "process.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"

#define PROMPT "topdown$ "
#define SH_LINE_MAX 256
#define MAX_WORDS 16
#define PAGE 4096UL

static unsigned long last_map;		/* what "$" stands for */
static bool last_map_set;

/* ---- the terminal --------------------------------------------------- */

/* Linux's struct termios (asm-generic/termbits.h) and what we change. */
struct linux_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};

#define TCGETS 0x5401
#define TCSETS 0x5402
#define T_ISIG 0000001		/* c_lflag: Ctrl-C sends a signal */
#define T_ICANON 0000002	/* c_lflag: the terminal edits lines */
#define T_ECHO 0000010		/* c_lflag: the terminal echoes */
#define T_ICRNL 0000400		/* c_iflag: CR becomes LF */
#define T_VTIME 5
#define T_VMIN 6

static struct linux_termios saved_termios;
static bool termios_changed;

/*
 * On a kernel with terminals (Linux), make the console deliver bytes as
 * typed, without echo, as topdown's console always does. Elsewhere the
 * ioctl fails (ENOSYS, ENOTTY) and nothing changes.
 */
static void raw_terminal(void)
{
	struct linux_termios t;

	if (sys_ioctl(0, TCGETS, &saved_termios) != 0)
		return;
	t = saved_termios;
	t.c_lflag &= ~(T_ICANON | T_ECHO | T_ISIG);
	t.c_iflag &= ~T_ICRNL;
	t.c_cc[T_VMIN] = 1;
	t.c_cc[T_VTIME] = 0;
	termios_changed = sys_ioctl(0, TCSETS, &t) == 0;
}

/* Give the terminal back as we found it. */
static void restore_terminal(void)
{
	if (termios_changed)
		sys_ioctl(0, TCSETS, &saved_termios);
}

/* Write @len bytes of @s to the console now (after what stdio holds). */
static void echo(const char *s, size_t len)
{
	fflush(stdout);
	sys_write(1, s, len);
}

/* ---- reading a line ------------------------------------------------- */

/*
 * Read one line from fd 0 into @buf (at most @size - 1 characters, NUL
 * at the end), echoing and editing as described at the top. Returns the
 * length, or -1 at the end of the input.
 */
static int read_line(char *buf, size_t size)
{
	static bool after_cr;		/* swallow the LF of a CR LF */
	size_t len = 0;
	char c;

	for (;;) {
		if (sys_read(0, &c, 1) != 1)		/* end of input */
			return len ? (int)len : -1;
		if (c == '\n' && after_cr) {
			after_cr = false;
			continue;
		}
		after_cr = c == '\r';
		switch (c) {
		case '\r':
		case '\n':
			echo("\n", 1);
			buf[len] = '\0';
			return (int)len;
		case 0x7f:				/* DEL */
		case '\b':
			if (len > 0) {
				len--;
				echo("\b \b", 3);
			}
			break;
		case 0x15:				/* Ctrl-U */
			while (len > 0) {
				len--;
				echo("\b \b", 3);
			}
			break;
		case 0x03:				/* Ctrl-C */
			echo("^C\n", 3);
			buf[0] = '\0';
			return 0;
		case 0x04:				/* Ctrl-D */
			if (len == 0) {
				echo("\n", 1);
				return -1;
			}
			break;
		default:
			if ((c >= ' ' && c < 0x7f) || c == '\t') {
				if (len < size - 1) {
					buf[len++] = c;
					echo(&c, 1);
				}
			}
			break;
		}
	}
}

/*
 * Split @line (modified) into blank-separated words, at most @max, in
 * @words. Returns how many.
 */
static int split_words(char *line, char **words, int max)
{
	int n = 0;

	while (*line && n < max) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		words[n++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return n;
}

/* ---- parsing arguments ---------------------------------------------- */

/*
 * A number with an optional unit ("3p", "8k", "0x1000", "1m"). Returns
 * false (and says why) for anything else, or on overflow.
 */
static bool parse_number(const char *s, unsigned long *out)
{
	unsigned long long v, unit = 1;
	char *end;

	if (!*s || *s == '-' || *s == '+')
		goto bad;
	v = strtoull(s, &end, 0);
	switch (*end) {
	case 'k': case 'K':
		unit = 1024;
		break;
	case 'm': case 'M':
		unit = 1024 * 1024;
		break;
	case 'g': case 'G':
		unit = 1024 * 1024 * 1024;
		break;
	case 'p': case 'P':
		unit = PAGE;
		break;
	case '\0':
		break;
	default:
		goto bad;
	}
	if (unit != 1 && end[1] != '\0')
		goto bad;
	v *= unit;
	if (v > 0xffffffffULL)
		goto bad;
	*out = (unsigned long)v;
	return true;
bad:
	printf("not a number: %s (try 4096, 0x1000, 4k, 1p, 1m)\n", s);
	return false;
}

/* An address: a number, or "$" (the last mmap), "$+N", "$-N". */
static bool parse_addr(const char *s, unsigned long *out)
{
	unsigned long n = 0;

	if (s[0] != '$')
		return parse_number(s, out);
	if (!last_map_set) {
		printf("$: no mmap yet\n");
		return false;
	}
	if (s[1] && (s[1] != '+' && s[1] != '-'))
		goto bad;
	if (s[1] && !parse_number(s + 2, &n))
		return false;
	*out = s[1] == '-' ? last_map - n : last_map + n;
	return true;
bad:
	printf("not an address: %s (try 0xb6ffd000, $, $+4k)\n", s);
	return false;
}

/* PROT as "rw-", "r-x", "rw", "none". False if @s is not one. */
static bool parse_prot(const char *s, int *prot)
{
	int p = 0;

	if (strcmp(s, "none") == 0) {
		*prot = PROT_NONE;
		return true;
	}
	for (; *s; s++) {
		if (*s == 'r')
			p |= PROT_READ;
		else if (*s == 'w')
			p |= PROT_WRITE;
		else if (*s == 'x')
			p |= PROT_EXEC;
		else if (*s != '-')
			return false;
	}
	*prot = p;
	return true;
}

/* "rwx" for @prot into @buf (4 bytes). */
static const char *prot_str(int prot, char *buf)
{
	buf[0] = prot & PROT_READ ? 'r' : '-';
	buf[1] = prot & PROT_WRITE ? 'w' : '-';
	buf[2] = prot & PROT_EXEC ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

/* Say that command @cmd failed with the raw result @ret (-errno). */
static int report_error(const char *cmd, long ret)
{
	const char *name = errno_name((int)ret);

	if (name)
		printf("%s: %s\n", cmd, name);
	else
		printf("%s: error %ld\n", cmd, ret);
	return 1;
}

/* Print the file @path as it is (a /proc file, generated at open). */
static int cat_file(const char *cmd, const char *path)
{
	char buf[512];
	long fd = sys_open(path, LINUX_O_RDONLY, 0), n;

	if (fd < 0) {
		printf("%s: %s: %s\n", cmd, path,
		       errno_name((int)fd) ? errno_name((int)fd) : "error");
		return 1;
	}
	fflush(stdout);
	while ((n = sys_read((int)fd, buf, sizeof(buf))) > 0)
		sys_write(1, buf, (size_t)n);
	sys_close((int)fd);
	return 0;
}

/* ---- memory accesses that may fault --------------------------------- */

enum access { READ, WRITE };

/*
 * Does our own maps allow @access to every page of [addr, addr + len)?
 * Only then may the shell make the access itself.
 */
static bool maps_allow(unsigned long addr, unsigned long len,
		       enum access access)
{
	unsigned long end = addr + len;
	struct map_entry e;

	if (end < addr)			/* wraps around */
		return false;
	/* the mappings that cover [addr, end), one after the other */
	while (addr < end) {
		if (!maps_find(addr, &e))
			return false;
		if (e.perms[access == READ ? 0 : 1] == '-')
			return false;
		addr = e.end;
	}
	return true;
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
	int status;
	pid_t pid;

	if (maps_allow(addr, len, access)) {
		fn(addr, arg);
		return 0;
	}
	printf("%s: %#lx is not %s in our maps: trying in a child process\n",
	       cmd, addr, access == READ ? "readable" : "writable");
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

/* ---- the commands ---------------------------------------------------- */

/* mmap LEN [PROT] [shared|private] [fixed|noreplace|hint ADDR]
 *      [file NAME [off OFFSET]] [populate] */
static int cmd_mmap(int argc, char **argv)
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
		} else if (!parse_prot(w, &prot)) {
			printf("mmap: what is \"%s\"? (see help)\n", w);
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
	if (sys_is_err(ret))
		return report_error("mmap", ret);
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
static int cmd_munmap(int argc, char **argv)
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

/* mprotect ADDR LEN PROT */
static int cmd_mprotect(int argc, char **argv)
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
static int cmd_brk(int argc, char **argv)
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
		printf("brk: refused: the break stays at 0x%08lx\n", got);
		return 1;
	}
	printf("brk: 0x%08lx -> 0x%08lx\n", cur, got);
	return 0;
}

/* read ADDR: one 32-bit word */
static int cmd_read(int argc, char **argv)
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
static int cmd_write(int argc, char **argv)
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
static int cmd_touch(int argc, char **argv)
{
	unsigned long addr, len = 1;

	if (argc < 2 || argc > 3 || !parse_addr(argv[1], &addr) ||
	    (argc == 3 && !parse_number(argv[2], &len)))
		return 1;
	if (len == 0)
		len = 1;
	return guarded("touch", addr, len, READ, do_touch, len);
}

/* maps */
static int cmd_maps(int argc, char **argv)
{
	return cat_file("maps", "/proc/self/maps");
}

/* tree */
static int cmd_tree(int argc, char **argv)
{
	return cat_file("tree", "/proc/self/vma_tree");
}

/* dot */
static int cmd_dot(int argc, char **argv)
{
	return cat_file("dot", "/proc/self/vma_tree.dot");
}

/* trace on|off */
static int cmd_trace(int argc, char **argv)
{
	const char *path = "/proc/sys/vm/trace_placement";
	long ret;

	if (argc != 2 || (strcmp(argv[1], "on") && strcmp(argv[1], "off"))) {
		printf("trace: on or off?\n");
		return 1;
	}
	ret = proc_write(path, strcmp(argv[1], "on") == 0 ? "1" : "0");
	if (ret)
		return report_error("trace", ret);
	printf("trace: placement tracing %s\n", argv[1]);
	return 0;
}

/*
 * The program file for @name: itself if it has a '/', else /bin/NAME or
 * /tests/NAME, whichever exists, in @buf.
 */
static const char *find_program(const char *name, char *buf, size_t size)
{
	static const char *const dirs[] = { "/bin/", "/tests/" };
	unsigned int i;
	long fd;

	if (strchr(name, '/'))
		return name;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(buf, size, "%s%s", dirs[i], name);
		fd = sys_open(buf, LINUX_O_RDONLY, 0);
		if (fd >= 0) {
			sys_close((int)fd);
			return buf;
		}
	}
	return name;
}

/* spawn PROG [ARG...]: fork + execve + wait, then the status */
static int cmd_spawn(int argc, char **argv)
{
	char buf[64];
	const char *path;
	int status;
	pid_t pid;

	if (argc < 2) {
		printf("spawn: which program?\n");
		return 1;
	}
	path = find_program(argv[1], buf, sizeof(buf));
	argv[1] = (char *)path;
	pid = spawn(path, argv + 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("spawn: fork failed\n");
		return 1;
	}
	printf("spawn: %s (pid %d): %s: status %d\n", path, (int)pid,
	       status_str(status), shell_status(status));
	return shell_status(status) ? 1 : 0;
}

/* Print the lines of the text @text whose names are in @names. */
static void print_values(const char *text, const char *const *names)
{
	long v;

	for (; *names; names++)
		if (proc_value(text, *names, &v))
			printf("  %-22s %ld\n", *names, v);
}

/* free: memory and page counts */
static int cmd_free(int argc, char **argv)
{
	static const char *const meminfo[] = { "MemTotal", "MemFree", NULL };
	static const char *const vmstat[] = {
		"nr_free_pages", "pgfault", "td_zero_page_maps",
		"td_anon_page_allocs", "td_cow_copies",
		"nr_page_table_pages", NULL,
	};
	static char text[8192];

	if (proc_read("/proc/meminfo", text, sizeof(text)) >= 0) {
		printf("/proc/meminfo (kB):\n");
		print_values(text, meminfo);
	}
	if (proc_read("/proc/vmstat", text, sizeof(text)) < 0) {
		printf("free: cannot read /proc/vmstat\n");
		return 1;
	}
	printf("/proc/vmstat:\n");
	print_values(text, vmstat);
	return 0;
}

/* echo TEXT */
static int cmd_echo(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("\n");
	return 0;
}

static int cmd_help(int argc, char **argv);

/* One command: its name, how to call it, what it does. */
struct command {
	const char *name;
	const char *usage;
	const char *what;
	int (*fn)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "mmap", "LEN [PROT] [shared|private] [fixed|noreplace|hint ADDR]\n"
		  "       [file NAME [off N]] [populate]",
	  "map memory (anonymous unless file)", cmd_mmap },
	{ "munmap", "ADDR LEN", "unmap", cmd_munmap },
	{ "mprotect", "ADDR LEN PROT", "change protection", cmd_mprotect },
	{ "brk", "[+N|-N|ADDR]", "show or move the heap break", cmd_brk },
	{ "read", "ADDR", "read a 32-bit word", cmd_read },
	{ "write", "ADDR VALUE", "write a 32-bit word", cmd_write },
	{ "touch", "ADDR [LEN]", "read a byte of each page", cmd_touch },
	{ "maps", "", "show /proc/self/maps", cmd_maps },
	{ "tree", "", "show the VMA tree (/proc/self/vma_tree)", cmd_tree },
	{ "dot", "", "the VMA tree as Graphviz DOT", cmd_dot },
	{ "trace", "on|off", "log every placement decision", cmd_trace },
	{ "spawn", "PROG [ARG...]", "run a program, show its status",
	  cmd_spawn },
	{ "free", "", "memory and page-fault counters", cmd_free },
	{ "echo", "TEXT", "print TEXT", cmd_echo },
	{ "help", "", "this list", cmd_help },
	{ "exit", "[STATUS]", "leave the shell", NULL },
};

#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))

/* help */
static int cmd_help(int argc, char **argv)
{
	unsigned int i;

	for (i = 0; i < NR_COMMANDS; i++)
		printf("  %s %s\n        %s\n", commands[i].name,
		       commands[i].usage, commands[i].what);
	printf("Numbers: 4096, 0x1000, 4k, 1p (pages), 1m, 1g. "
	       "ADDR may be $ (last mmap), $+N, $-N.\n"
	       "PROT: r, w, x and - as in maps (rw-, r-x), or none.\n");
	return 0;
}

/* ---- running lines ---------------------------------------------------- */

/*
 * Run one command line. Returns -1 to go on, or the status to exit with
 * (the "exit" command).
 */
static int run_line(char *line)
{
	char *argv[MAX_WORDS + 1];
	unsigned int i;
	int argc;

	argc = split_words(line, argv, MAX_WORDS);
	argv[argc] = NULL;
	if (argc == 0 || argv[0][0] == '#')
		return -1;
	if (strcmp(argv[0], "exit") == 0)
		return argc > 1 ? atoi(argv[1]) : 0;
	for (i = 0; i < NR_COMMANDS; i++) {
		if (commands[i].fn && strcmp(argv[0], commands[i].name) == 0) {
			commands[i].fn(argc, argv);
			fflush(stdout);
			return -1;
		}
	}
	printf("%s: unknown command (try help)\n", argv[0]);
	return -1;
}

/*
 * sh -c: run each ';'-separated command of @script, shown after a prompt
 * as if typed. Returns the exit status.
 */
static int run_script(char *script)
{
	char *cmd, *next;
	int status;

	for (cmd = script; cmd; cmd = next) {
		next = strchr(cmd, ';');
		if (next)
			*next++ = '\0';
		cmd += strspn(cmd, " \t");
		if (!*cmd)
			continue;
		printf(PROMPT "%s\n", cmd);
		status = run_line(cmd);
		if (status >= 0)
			return status;
	}
	return 0;
}

/* Read lines from the console until "exit" or the end of the input. */
static int interactive(void)
{
	char line[SH_LINE_MAX];
	int status;

	raw_terminal();
	for (;;) {
		printf(PROMPT);
		fflush(stdout);
		if (read_line(line, sizeof(line)) < 0)
			break;
		status = run_line(line);
		if (status >= 0) {
			restore_terminal();
			return status;
		}
	}
	restore_terminal();
	return 0;
}

int main(int argc, char **argv)
{
	static char outbuf[512];

	/* line-buffered into a static buffer: the shell never mallocs */
	setvbuf(stdout, outbuf, _IOLBF, sizeof(outbuf));
	proc_ensure();			/* Linux: mount /proc for maps */
	if (argc == 3 && strcmp(argv[1], "-c") == 0)
		return run_script(argv[2]);
	if (argc != 1) {
		printf("usage: sh [-c 'COMMAND; COMMAND; ...']\n");
		return 2;
	}
	return interactive();
}
