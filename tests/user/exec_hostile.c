/*
 * tests/user/exec_hostile.c - execve(2) of hostile ELF files: each gets
 * what Linux 6.1 gives it, and the kernel goes on.
 *
 * The files are /data/elf/NAME, written by tests/user/mk_hostile_elfs.py
 * from one valid program ("good": it checks its data word and its bss and
 * exits 0; 1 if the data is wrong, 2 if the bss is not zero); each
 * variant there says what is wrong with it. Each row below execs one in
 * a forked child and says what must happen, and why, in terms of Linux's
 * fs/exec.c and fs/binfmt_elf.c (load_elf_binary, in Debian's 6.1, whose
 * segments are loaded by elf_load()):
 *
 *   FAILS errno   execve returns the error to the caller. This is what
 *                 happens to everything load_elf_binary refuses before
 *                 begin_new_exec(), the point of no return: the header
 *                 checks (ENOEXEC), reading the program headers (ENOEXEC
 *                 whatever the reason), the interpreter named by PT_INTERP
 *                 (its path: ENOEXEC or EIO; opening it: ENOENT, EACCES;
 *                 its header: EIO, ELIBBAD).
 *   KILLED sig    begin_new_exec() has thrown the old image away, and
 *                 then the new one failed (a segment's mmap or bss, the
 *                 segment check's EINVAL, the entry point): execve cannot
 *                 return, and bprm_execve() kills the process with SIGSEGV.
 *   LOADS         the exec works: the program, given an argument, exits
 *                 42 at once.
 *   EXITS code    the exec works and the program ran its checks to
 *                 exit_group with that code.
 *   DIES sig      the exec works and the program dies of a fault of its
 *                 own (SIGSEGV; SIGBUS for a page past the end of its
 *                 file).
 *
 * The child tells a failed execve apart from a program's exit status
 * through a shared page: it writes the errno there before it exits. For
 * FAILS, KILLED and LOADS it passes the program an argument, on which a
 * wrongly loaded file exits 42 at once, touching nothing, instead of
 * dying in a way that could pass for the expected SIGSEGV. Either way a
 * file that wrongly runs replaces only the child.
 */
#include <stdio.h>
#include <sys/wait.h>
#include "kernel/errno.h"
#include "process.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define DIR "/data/elf/"
#define SIGBUS_NR 7

enum outcome { EXITS, FAILS, KILLED, DIES, LOADS };

struct row {
	const char *file;	/* in DIR, or an absolute path */
	enum outcome outcome;
	int value;		/* the exit status, errno or signal */
	const char *why;
};

static const struct row rows[] = {
	/* ---- the control -------------------------------------------- */
	{ "good", EXITS, 0,
	  "nothing wrong: it runs, reads its data and finds its bss zeroed" },

	/* ---- before anything is read ---------------------------------- */
	{ "not-executable", FAILS, EACCES,
	  "mode 644: open_exec() wants MAY_EXEC, which root has only with an x bit" },
	{ "/data/elf", FAILS, EACCES,
	  "a directory: open_exec() takes only regular files" },

	/* ---- the ELF header: load_elf_binary's first checks ------------ */
	{ "empty", FAILS, ENOEXEC,
	  "0 bytes: the header buffer reads as zeros, no \\177ELF; no binfmt knows it" },
	{ "truncated-ehdr", FAILS, ENOEXEC,
	  "cut at 40 bytes: e_phentsize reads 0 != sizeof(elf32_phdr)" },
	{ "not-elf", FAILS, ENOEXEC, "no \\177ELF and no #!: no binfmt knows it" },
	{ "bad-magic", FAILS, ENOEXEC, "\\177ELG: the magic check" },
	{ "relocatable", FAILS, ENOEXEC, "ET_REL: only ET_EXEC and ET_DYN load" },
	{ "x86", FAILS, ENOEXEC, "EM_386: ARM's elf_check_arch wants EM_ARM" },
	{ "aarch64-elf64", FAILS, ENOEXEC, "EM_AARCH64: elf_check_arch" },
	{ "big-endian", FAILS, ENOEXEC,
	  "fields read little-endian: e_type 0x0200 is neither ET_EXEC nor ET_DYN" },
	{ "fdpic", FAILS, ENOEXEC,
	  "EI_OSABI ARM_FDPIC: elf_check_fdpic, left to binfmt_elf_fdpic" },
	{ "apcs26", FAILS, ENOEXEC,
	  "no EABI version and EF_ARM_APCS_26: elf_check_arch, no HWCAP_26BIT" },
	{ "entry-misaligned", FAILS, ENOEXEC,
	  "ARM entry 0x10102 not a multiple of 4: elf_check_arch" },

	/* ---- the program headers: load_elf_phdrs() ------------------- */
	{ "phentsize-wrong", FAILS, ENOEXEC, "e_phentsize 56 != 32" },
	{ "phnum-zero", FAILS, ENOEXEC, "no program headers: size 0" },
	{ "phnum-huge", FAILS, ENOEXEC,
	  "65535 headers: more than the 4096 bytes (ELF_MIN_ALIGN) it reads" },
	{ "phnum-129", FAILS, ENOEXEC, "129 * 32 = 4128 bytes > 4096" },
	{ "phnum-128", EXITS, 0, "128 * 32 = 4096 bytes: allowed" },
	{ "phdrs-past-first-page", EXITS, 0,
	  "read from the file at e_phoff, wherever that is" },
	{ "truncated-phdrs", FAILS, ENOEXEC,
	  "a short read of the headers (elf_read's EIO) makes load_elf_phdrs fail" },
	{ "phoff-past-end", FAILS, ENOEXEC, "the same: nothing to read at e_phoff" },

	/* ---- PT_INTERP: opened before the point of no return ------------ */
	{ "interp-missing", FAILS, ENOENT, "open_exec(\"/no/such/ld.so\")" },
	{ "interp-not-terminated", FAILS, ENOEXEC,
	  "the path's last byte is not NUL" },
	{ "interp-too-short", FAILS, ENOEXEC, "p_filesz 1 < 2" },
	{ "interp-past-end", FAILS, EIO,
	  "elf_read() of the path comes back short: -EIO, as it is" },
	{ "interp-directory", FAILS, EACCES, "open_exec() of a directory" },
	{ "interp-not-executable", FAILS, EACCES, "open_exec() of a mode 644 file" },
	{ "interp-empty", FAILS, EIO,
	  "elf_read() of the interpreter's header comes back short" },
	{ "interp-not-elf", FAILS, ELIBBAD, "the interpreter has no \\177ELF" },
	{ "interp-x86", FAILS, ELIBBAD,
	  "the interpreter fails elf_check_arch (EM_386)" },

	/* ---- the segments: after begin_new_exec() ---------------------- */
	{ "ponr-sled", KILLED, SIGSEGV_NR,
	  "killed, not returned to: execve returning would run the caller "
	  "into the sled mapped over its code, exit 77" },
	{ "filesz-gt-memsz", KILLED, SIGSEGV_NR,
	  "p_filesz > p_memsz: the check after the segment's elf_map, EINVAL" },
	{ "text-in-kernel", KILLED, SIGSEGV_NR,
	  "first segment at 0xc0000000: MAP_FIXED_NOREPLACE beyond TASK_SIZE, ENOMEM" },
	{ "data-in-kernel", KILLED, SIGSEGV_NR,
	  "second segment at 0xc0000000: MAP_FIXED beyond TASK_SIZE, ENOMEM" },
	{ "segment-at-zero", KILLED, SIGSEGV_NR,
	  "a MAP_FIXED below FIRST_USER_ADDRESS: ARM's arch_mmap_check, EINVAL" },
	{ "segment-wraps", KILLED, SIGSEGV_NR,
	  "at 0xfffff000: the mmap of its file page is beyond TASK_SIZE, ENOMEM" },
	{ "memsz-wraps", KILLED, SIGSEGV_NR,
	  "p_memsz 0xffff0000: the bss ends past 4 GiB, so elf_load's "
	  "vm_brk_flags gets a length beyond TASK_SIZE, ENOMEM" },
	{ "memsz-huge", KILLED, SIGSEGV_NR,
	  "2 GiB of bss: elf_load's vm_brk_flags fails the overcommit check, ENOMEM" },
	{ "segment-on-stack", KILLED, SIGSEGV_NR,
	  "first segment over the stack VMA: MAP_FIXED_NOREPLACE, EEXIST" },
	{ "vaddr-offset-mismatch", KILLED, SIGSEGV_NR,
	  "elf_map's file offset 0xffc is not page aligned: vm_mmap's EINVAL" },
	{ "entry-in-kernel", KILLED, SIGSEGV_NR,
	  "e_entry 0xc0000100: BAD_ADDR(elf_entry), EINVAL" },
	{ "static-pie-in-kernel", KILLED, SIGSEGV_NR,
	  "mapped where mmap puts it, but the segment check looks at p_vaddr "
	  "0xc0000000 itself: BAD_ADDR, EINVAL" },

	/* ---- accepted: Linux loads these -------------------------------- */
	{ "offset-past-end", DIES, SIGBUS_NR,
	  "mmap does not look at the file size, and elf_load ignores the "
	  "failure of padzero there; the program's read of its data, past "
	  "the end of the file, is SIGBUS" },
	{ "offset-past-end-no-bss", DIES, SIGBUS_NR,
	  "the same without a bss: no padzero at all" },
	{ "truncated-in-code", DIES, SIGSEGV_NR,
	  "loads likewise; the code past the cut reads as zeros, and so does "
	  "its literal: the program's load from address 0 faults" },
	{ "truncated-in-data", EXITS, 1,
	  "the last page is partly in the file: the rest reads as zeros" },
	{ "readonly-bss", EXITS, 2,
	  "padzero cannot clear the bss tail of a read-only page, and elf_load "
	  "ignores that: the bss keeps the file's junk" },
	{ "no-load", DIES, SIGSEGV_NR,
	  "nothing to map is no error; the first instruction fetch faults" },
	{ "empty-segment", EXITS, 0, "a PT_LOAD of 0 bytes maps nothing" },
	{ "bss-over-stack", LOADS, 42,
	  "the bss's vm_brk_flags unmaps the stack set up before it, and the "
	  "initial stack is written into the bss: it runs" },
	{ "overlapping-segments", EXITS, 0,
	  "later segments are mapped MAP_FIXED: the second replaces the first" },
	{ "overlapping-bss", EXITS, 0,
	  "the text's bss is mapped, then the data segment replaces it" },
	{ "out-of-order", EXITS, 0, "segments need not be sorted" },
	{ "bss-only-misaligned", EXITS, 11,
	  "p_filesz 0: elf_load maps no file page, only zeroed memory "
	  "from the page start (the probe reads 0 at 0x20000: exit 11)" },
	{ "static-pie", EXITS, 0,
	  "ET_DYN without PT_INTERP loads where mmap puts it: 0xb6ffe000, "
	  "just below mmap_base" },
	{ "static-pie-64k", EXITS, 0,
	  "p_align 64 KiB: the place mmap finds is rounded down to it, "
	  "0xb6ff0000, and mapped MAP_FIXED_NOREPLACE" },
};

/* What the child leaves for the parent: set only if execve returned. */
struct report {
	int returned;
	int err;
};

static volatile struct report *report;

/*
 * The child: exec the row's file, with the argument "quiet" when only
 * the exec is under test (FAILS, KILLED, LOADS: the program then exits 42
 * at once, touching nothing). Reports the errno if execve returns.
 */
static void exec_child(unsigned long arg)
{
	const struct row *r = (const struct row *)arg;
	bool quiet = r->outcome == FAILS || r->outcome == KILLED ||
		     r->outcome == LOADS;
	char path[64];
	char *const argv[] = { path, quiet ? "quiet" : NULL, NULL };
	char *const envp[] = { NULL };
	long ret;

	if (r->file[0] == '/')
		snprintf(path, sizeof(path), "%s", r->file);
	else
		snprintf(path, sizeof(path), DIR "%s", r->file);
	/* the rows name addresses of the layout without ASLR (the stack at
	 * 0xbeffe000, mmap_base 0xb7000000): ask for it, as setarch -R */
	sys_personality((unsigned long)sys_personality(0xffffffff) |
			LINUX_ADDR_NO_RANDOMIZE);
	ret = sys_execve(path, argv, envp);
	report->err = (int)-ret;
	report->returned = 1;
	sys_exit_group(100);
}

/* "execve fails with EINVAL", "exits 0", "killed by signal 11". */
static const char *outcome_str(char *buf, size_t size, enum outcome o,
			       int value)
{
	switch (o) {
	case FAILS:
		snprintf(buf, size, "execve fails with %s",
			 utest_errname(-value));
		break;
	case EXITS:
		snprintf(buf, size, "exits %d", value);
		break;
	default:	/* KILLED */
		snprintf(buf, size, "killed by signal %d%s", value,
			 value == SIGSEGV_NR ? " (SIGSEGV)" :
			 value == SIGBUS_NR ? " (SIGBUS)" : "");
		break;
	}
	return buf;
}

/* Exec row @r's file in a child; check what happened against it. */
static void run_row(const struct row *r)
{
	char got[64], want[64];
	enum outcome o, expected = r->outcome == DIES ? KILLED :
				   r->outcome == LOADS ? EXITS : r->outcome;
	int status, value;

	report->returned = 0;
	report->err = 0;
	status = utest_in_child(exec_child, (unsigned long)r);

	if (report->returned) {
		o = FAILS;
		value = report->err;
	} else if (WIFEXITED(status)) {
		o = EXITS;
		value = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		o = KILLED;
		value = WTERMSIG(status);
	} else {
		check_failed(__FILE__, __LINE__, "%s: wait status %#x", r->file,
			     status);
		return;
	}
	if (o != expected || value != r->value)
		check_failed(__FILE__, __LINE__, "%s: %s, expected %s: %s",
			     r->file, outcome_str(got, sizeof(got), o, value),
			     outcome_str(want, sizeof(want), expected,
					 r->value), r->why);
}

int main(void)
{
	long page;

	utest_begin("exec_hostile");
	page = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(page)) {
		utest_diag("no shared page: %s", utest_errname(page));
		return 1;
	}
	report = (volatile struct report *)page;

	for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		utest_case(rows[i].file[0] == '/' ? "directory" : rows[i].file);
		run_row(&rows[i]);
		utest_done();
	}

	/* after all that, the kernel still runs programs */
	utest_case("good_again");
	run_row(&rows[0]);
	utest_done();
	return utest_end();
}
