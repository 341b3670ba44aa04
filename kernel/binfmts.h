/*
 * kernel/binfmts.h - what execve() (kernel/exec.c) and the ELF loader
 * (kernel/binfmt_elf.c) share: the program being started, Linux's struct
 * linux_binprm, and the steps of exec the loader calls in Linux's order.
 *
 * An exec has a point of no return, as on Linux (fs/exec.c,
 * begin_new_exec): before it, a failure returns its errno to the caller,
 * whose image is untouched; at it, the old address space is thrown away;
 * after it, a failure cannot return and the caller kills the task with
 * SIGSEGV (bprm_execve).
 */
#ifndef KERNEL_BINFMTS_H
#define KERNEL_BINFMTS_H

#include "kernel/fs.h"

#define BINPRM_BUF_SIZE 256		/* the header bytes read up front */
#define EXEC_PATH_MAX PATH_MAX		/* a path in the ramfs */
#define MAX_ARG_STRINGS 128		/* per argv and per envp */

struct linux_binprm {
	char filename[EXEC_PATH_MAX];
	struct file *file;		/* the program, open for reading */
	char buf[BINPRM_BUF_SIZE];	/* its first bytes; zeros past EOF */
	bool point_of_no_return;	/* the old image is gone */
	char *strings;			/* the argument and environment */
	unsigned long used;		/*  strings, packed */
	int argc, envc;
	char *argv[MAX_ARG_STRINGS];
	char *envp[MAX_ARG_STRINGS];
	unsigned long stack_top;	/* STACK_TOP, lowered by ASLR */
	bool randomize_brk;		/* randomize_va_space was 2 */
};

/*
 * kernel_read - read up to @len bytes at @pos of @file into @buf (a
 * kernel buffer). Returns: the bytes read, short at the end of the file.
 */
unsigned long kernel_read(struct file *file, void *buf, unsigned long len,
			  unsigned long pos);

/*
 * open_exec - open the file at @path for executing (the program, or an
 * interpreter) into *@filep. Returns: 0, -ENOENT (no such file),
 * -ENOTDIR (a file where a directory should be), -EACCES
 * (not a regular file, or no execute permission), -ENOMEM.
 */
int open_exec(const char *path, struct file **filep);

/*
 * begin_new_exec - the point of no return: the current task gets a new,
 * empty address space (current, with Linux's layout chosen) and loses
 * its old one. Returns: 0, or -ENOMEM with nothing changed.
 */
int begin_new_exec(struct linux_binprm *bprm);

/*
 * setup_arg_pages - the stack VMA of the new image at STACK_TOP: room
 * for @bprm's strings and tables, plus Linux's 128 KiB, executable if
 * @exec_stack. Returns: 0 or -ENOMEM.
 */
int setup_arg_pages(struct linux_binprm *bprm, bool exec_stack);

/* What the auxiliary vector tells the new program about its image. */
struct elf_info {
	unsigned long phdr;		/* AT_PHDR: its headers, or 0 */
	unsigned long phnum;		/* AT_PHNUM */
	unsigned long entry;		/* AT_ENTRY: the program's entry */
	unsigned long base;		/* AT_BASE: the interpreter's */
};

/*
 * create_elf_tables - lay out the initial stack of the (current) new
 * image in Linux's order: strings, AT_RANDOM's bytes, auxv, envp, argv,
 * argc. Returns: 0 or -EFAULT; the initial sp in *@sp.
 */
int create_elf_tables(struct linux_binprm *bprm, const struct elf_info *info,
		      unsigned long *sp);

/* start_thread(), which sets the new image's registers: kernel/arch.h. */

/* load_elf_binary - see kernel/binfmt_elf.c. */
int load_elf_binary(struct linux_binprm *bprm);

#endif /* KERNEL_BINFMTS_H */
