/*
 * kernel/bootopts.h - boot options, from the command line QEMU passes
 * through semihosting (the Makefile's MEM=, CACHE_ALIAS=, TRACE=, ...).
 *
 *   mem=128M              RAM size (K/M/G suffixes), as QEMU's -m
 *   cache_alias=auto|on|off   treat the L1 D-cache as VIPT-aliasing?
 *   trace=placement       log each placement decision
 *   trace=syscalls        log each system call, as strace does
 *   trace=placement,syscalls   both
 *   norandmaps            no ASLR (Linux's option; topdown's default anyway)
 *   sysctl.kernel.randomize_va_space=N   ASLR level N at boot (Linux's
 *                         way of setting a sysctl from the command line)
 *   selftest[=PATTERN]    run the self-tests (those matching) and exit
 *   init=/bin/PROG        the first user program
 *   argv0=NAME            its argv[0] (default: the path of init=); make
 *                         run gives the ELF's own name, so that a
 *                         multi-call program such as busybox works
 *   -- ARGS...            its arguments ("a b" in double quotes: one)
 */
#ifndef KERNEL_BOOTOPTS_H
#define KERNEL_BOOTOPTS_H

#include "kernel/kernel.h"

enum cache_alias_mode { CACHE_ALIAS_AUTO, CACHE_ALIAS_ON, CACHE_ALIAS_OFF };

#define MAX_INIT_ARGS 16
#define RAM_SIZE_DEFAULT (128UL << 20)	/* mem= unset: QEMU's -m of qemu/qemu.sh */

struct boot_options {
	unsigned long mem_size;		/* bytes of RAM */
	enum cache_alias_mode cache_alias;
	bool trace_placement;
	bool trace_syscalls;
	bool norandmaps;
	int randomize_va_space;		/* -1: not given */
	bool selftest;
	const char *selftest_filter;	/* NULL: all */
	const char *init;		/* NULL: the default init */
	const char *init_argv0;		/* NULL: the path */
	int init_argc;			/* arguments after "--" */
	const char *init_argv[MAX_INIT_ARGS];
};

extern struct boot_options boot_options;

/*
 * Parse @cmdline (modified in place, must outlive boot_options) into
 * @opts, starting from the defaults. The first word is QEMU's kernel path
 * and is skipped. Unknown options are reported and ignored.
 * Returns the number of options that could not be understood.
 */
int parse_boot_options(struct boot_options *opts, char *cmdline);

/* "128M" -> 134217728; returns 0 for a malformed size. */
unsigned long parse_size(const char *s);

#endif /* KERNEL_BOOTOPTS_H */
