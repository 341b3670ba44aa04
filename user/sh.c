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
 *	mremap ADDR OLDLEN NEWLEN [maymove] [fixed NEWADDR] [dontunmap]
 *	brk [[+|-]N]		read ADDR	write ADDR VALUE
 *	touch ADDR [LEN]	maps [PID]	tree [PID]	dot [PID]
 *	smaps [PID]		pte ADDR [PID]	pagemap ADDR [LEN [PID]]
 *	madvise ADDR LEN ADVICE	mincore ADDR LEN
 *	ps	free	cat FILE
 *	sysctl NAME[=VALUE]	trace on|off	spawn PROG [ARG...]
 *	echo TEXT		help	exit [STATUS]
 *
 * Numbers are decimal or 0x-hex, with an optional unit: k (KiB), m
 * (MiB), g (GiB) or p (4 KiB pages): "3p", "8k", "0x1000". An address
 * may be "$", the address the last mmap returned, or "$+N" / "$-N".
 * PROT is made of r, w, x and -, as maps shows it ("rw-", "r", "rwx"),
 * or "none". PID is a process's number (ps lists them) or "self". A
 * word may be quoted with '...' or "..." to hold blanks
 * (spawn sh -c 'maps 1; ps'). A line starting with '#' is a comment.
 *
 * Results are shown as addresses, or as the errno name the kernel
 * returned ("mmap: ENOMEM"). The shell uses the raw system calls
 * (syscall.h) to see exactly what the kernel says, and never malloc:
 * the heap is the user's, to move with brk.
 *
 * A faulting read, write or touch kills a child of the shell, never the
 * shell (user/sh/memory.c). Input is read and edited by the shell itself,
 * which echoes it (user/sh/input.c). The shell ends with status 0 at the
 * end of its input (Ctrl-D) or on "exit".
 *
 * This file reads lines and runs them; the commands live in user/sh/
 * (see sh/sh.h for which where).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "procfs.h"
#include "sh/sh.h"
#include "syscall.h"

#define SH_LINE_MAX 256
#define MAX_WORDS 16

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

/*
 * One command: its name, how to call it, what it does, and how many
 * arguments it takes (the words after its name), checked before it runs.
 */
struct command {
	const char *name;
	const char *usage;
	const char *what;
	int (*fn)(int argc, char **argv);
	int min_args, max_args;
};

#define ANY (MAX_WORDS - 1)

static const struct command commands[] = {
	{ "mmap", "LEN [PROT] [shared|private] [fixed|noreplace|hint ADDR]\n"
		  "       [file NAME [off N]] [populate]",
	  "map memory (anonymous unless file)", cmd_mmap, 1, ANY },
	{ "munmap", "ADDR LEN", "unmap", cmd_munmap, 2, 2 },
	{ "mprotect", "ADDR LEN PROT", "change protection", cmd_mprotect,
	  3, 3 },
	{ "mremap", "ADDR OLDLEN NEWLEN [maymove] [fixed NEWADDR] [dontunmap]",
	  "resize or move a mapping, pages and all", cmd_mremap, 3, 7 },
	{ "brk", "[+N|-N|ADDR]", "show or move the heap break", cmd_brk,
	  0, 1 },
	{ "read", "ADDR", "read a 32-bit word", cmd_read, 1, 1 },
	{ "write", "ADDR VALUE", "write a 32-bit word", cmd_write, 2, 2 },
	{ "touch", "ADDR [LEN]", "read a byte of each page", cmd_touch,
	  1, 2 },
	{ "maps", "[PID]", "show /proc/PID/maps (PID: self by default)",
	  cmd_maps, 0, 1 },
	{ "tree", "[PID]", "show the VMA tree (/proc/PID/vma_tree)", cmd_tree,
	  0, 1 },
	{ "dot", "[PID]", "the VMA tree as Graphviz DOT", cmd_dot, 0, 1 },
	{ "smaps", "[PID]", "each mapping's pages: Rss, Pss, dirty, clean "
	  "(/proc/PID/smaps)", cmd_smaps, 0, 1 },
	{ "pte", "ADDR [PID]", "the L1 and L2 descriptors of ADDR, decoded",
	  cmd_pte, 1, 2 },
	{ "pagemap", "ADDR [LEN [PID]]", "the frame under each page "
	  "(/proc/PID/pagemap)", cmd_pagemap, 1, 3 },
	{ "mincore", "ADDR LEN", "which pages are resident: # yes, . no",
	  cmd_mincore, 2, 2 },
	{ "madvise", "ADDR LEN ADVICE", "advise: dontneed, willneed, normal, "
	  "free, ...", cmd_madvise, 3, 3 },
	{ "ps", "", "the processes: pid, parent, state, name", cmd_ps, 0, 0 },
	{ "trace", "[placement|syscalls] on|off",
	  "log every placement decision, or every system call", cmd_trace,
	  1, 2 },
	{ "spawn", "PROG [ARG...]", "run a program, show its status",
	  cmd_spawn, 1, ANY },
	{ "free", "", "memory and page-fault counters", cmd_free, 0, 0 },
	{ "cat", "FILE", "print a file (/proc/self/maps, /tests/PROGRAMS ...)",
	  cmd_cat, 1, 1 },
	{ "sysctl", "NAME[=VALUE]", "show or set /proc/sys/NAME, dots as "
	  "slashes\n        (vm.max_map_count, kernel.ns_last_pid)",
	  cmd_sysctl, 1, 1 },
	{ "echo", "TEXT", "print TEXT", cmd_echo, 0, ANY },
	{ "help", "", "this list", cmd_help, 0, 0 },
	{ "exit", "[STATUS]", "leave the shell (STATUS 0..255)", NULL, 0, 1 },
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
 * exit [STATUS]: the status to exit with, 0 by default; -1 (go on) if
 * STATUS is not a number from 0 to 255 (the most a parent can see).
 */
static int exit_status(int argc, char **argv)
{
	unsigned long status = 0;

	if (argc > 1 && (!parse_number(argv[1], &status) || status > 255)) {
		printf("exit: the status is a number from 0 to 255; not "
		       "leaving\n");
		return -1;
	}
	return (int)status;
}

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
	if (argc < 0) {
		printf("a quote is not closed: nothing done\n");
		return -1;
	}
	if (argc > MAX_WORDS) {
		printf("too many words: at most %d on a line; nothing done\n",
		       MAX_WORDS);
		return -1;
	}
	argv[argc] = NULL;
	if (argc == 0 || argv[0][0] == '#')
		return -1;
	for (i = 0; i < NR_COMMANDS; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			break;
	if (i == NR_COMMANDS) {
		printf("%s: unknown command (try help)\n", argv[0]);
		return -1;
	}
	if (argc - 1 < commands[i].min_args ||
	    argc - 1 > commands[i].max_args) {
		printf("%s: %s arguments\nusage: %s%s%s\n", argv[0],
		       argc - 1 < commands[i].min_args ? "missing" :
		       "too many", argv[0], commands[i].usage[0] ? " " : "",
		       commands[i].usage);
		return -1;
	}
	if (!commands[i].fn)
		return exit_status(argc, argv);
	commands[i].fn(argc, argv);
	fflush(stdout);
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
	/* the shell never mallocs: the break is still where the heap starts */
	start_brk = sys_brk(0);
	proc_ensure();			/* Linux: mount /proc for maps */
	if (argc == 3 && strcmp(argv[1], "-c") == 0)
		return run_script(argv[2]);
	if (argc != 1) {
		printf("usage: sh [-c 'COMMAND; COMMAND; ...']\n");
		return 2;
	}
	return interactive();
}
