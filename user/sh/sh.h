/*
 * user/sh/sh.h - the parts of the shell (/bin/sh): user/sh.c reads and
 * runs command lines; the files of user/sh/ hold the rest.
 *
 *	input.c		the console: raw mode, reading and editing a line
 *	args.c		numbers, addresses, protections; error messages
 *	memory.c	the commands that change and touch memory
 *	proc.c		the commands that show /proc (and trace)
 *	ps.c		ps: the processes, from /proc/PID/status
 *	pte.c		pte: the page-table entries of an address
 *	pages.c		madvise, mincore, pagemap: the pages under a mapping
 *	spawn.c		spawn: run a program and show its status
 */
#ifndef USER_SH_SH_H
#define USER_SH_SH_H

#include <stdbool.h>
#include <stddef.h>

#define PROMPT "topdown$ "
#define PAGE 4096UL

/* input.c */
void raw_terminal(void);
void restore_terminal(void);
int read_line(char *buf, size_t size);
int split_words(char *line, char **words, int max);

/* args.c: "$" in an address is the address the last mmap returned */
extern unsigned long last_map;
extern bool last_map_set;
extern unsigned long start_brk;		/* the break when the shell began */
bool parse_number(const char *s, unsigned long *out);
bool parse_addr(const char *s, unsigned long *out);
bool parse_prot(const char *s, int *prot);
const char *prot_str(int prot, char *buf);
bool parse_pid_dir(const char *cmd, const char *s, char *buf, size_t size);
int report_error(const char *cmd, long ret);

/*
 * The commands: each gets its words (argv[0] is its name) and returns 0,
 * or 1 after saying what went wrong.
 */
int cmd_mmap(int argc, char **argv);		/* memory.c */
int cmd_munmap(int argc, char **argv);
int cmd_mprotect(int argc, char **argv);
int cmd_mremap(int argc, char **argv);
int cmd_brk(int argc, char **argv);
int cmd_read(int argc, char **argv);
int cmd_write(int argc, char **argv);
int cmd_touch(int argc, char **argv);
int cmd_maps(int argc, char **argv);		/* proc.c */
int cmd_tree(int argc, char **argv);
int cmd_dot(int argc, char **argv);
int cmd_smaps(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_free(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_sysctl(int argc, char **argv);
int cmd_ps(int argc, char **argv);		/* ps.c */
int cmd_pte(int argc, char **argv);		/* pte.c */
int cmd_madvise(int argc, char **argv);		/* pages.c */
int cmd_mincore(int argc, char **argv);
int cmd_pagemap(int argc, char **argv);
int cmd_spawn(int argc, char **argv);		/* spawn.c */

#endif /* USER_SH_SH_H */
