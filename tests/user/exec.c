/*
 * tests/user/exec.c - execve(2): arguments and environment reach the new
 * program, the old image is gone, and a failed execve returns an errno
 * and leaves the caller as it was.
 *
 * The program plays two parts. Run without arguments it is the test; each
 * case forks a child that calls execve, often of this same program
 * (/tests/exec) with a role as argv[1], which checks what it finds and
 * tells by its exit status (0: as expected):
 *
 *	--args		argv and envp are exactly what the test passed
 *	--argv0		argv[0] is whatever the caller chose
 *	--no-env	an empty environment
 *	--after-exec M BRK PID PPID
 *			the image is new: the page the caller mapped at M is
 *			gone, the break is back at BRK (where this program's
 *			break starts; with ASLR at level 2, anywhere Linux
 *			may put it), globals have their initial values, and
 *			the pid and parent pid did not change
 *	--must-not-run	exits 100: an execve that had to fail did not
 *
 * When execve fails the child exits with the errno as its status, so the
 * test sees ENOENT as exit 2, EFAULT as 14 (Linux: fs/exec.c,
 * do_execveat_common; the EFAULT cases fail while copying the strings in,
 * before the point of no return).
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define SELF "/tests/exec"
#define PAGE 4096UL
#define KERNEL_ADDR 0xC0000000UL

extern char _end[];			/* the linker's: the end of .bss */
static int g_value = 5;			/* changed before an exec */
static unsigned long start_brk;		/* the break when main began */
static unsigned long hole;		/* a page that is not mapped */

/* The arguments and environment the --args case passes. */
static char *const args_argv[] = { SELF, "--args", "alpha", "b c", "",
				   "last", NULL };
static char *const args_envp[] = { "TD_ONE=1", "TD_TWO=two words", NULL };
static char *const no_env[] = { NULL };

/* ---- the roles of the exec'd program ------------------------------- */

/* Are the NULL-terminated vectors @got and @want equal? Says where not. */
static bool same_vector(const char *what, char **got, char *const *want)
{
	int i;

	for (i = 0; want[i]; i++) {
		if (!got[i] || strcmp(got[i], want[i]) != 0) {
			utest_diag("%s[%d]: \"%s\", expected \"%s\"", what, i,
				   got[i] ? got[i] : "(null)", want[i]);
			return false;
		}
	}
	if (got[i]) {
		utest_diag("%s[%d]: \"%s\", expected the end", what, i,
			   got[i]);
		return false;
	}
	return true;
}

/*
 * Did this image's execve put the break at random? At randomize_va_space
 * 2, unless personality ADDR_NO_RANDOMIZE (Linux: load_elf_binary).
 */
static bool brk_is_random(void)
{
	char text[16];

	return proc_read("/proc/sys/kernel/randomize_va_space", text,
			 sizeof(text)) > 0 && atoi(text) == 2 &&
	       !(sys_personality(0xffffffff) & LINUX_ADDR_NO_RANDOMIZE);
}

/*
 * A random break's place: a page of the 32 MiB from the end of the
 * image up (arch_randomize_brk: randomize_page(brk, SZ_32M) on ARM).
 */
static bool brk_in_random_range(unsigned long brk)
{
	unsigned long end = ((unsigned long)_end + PAGE - 1) & ~(PAGE - 1);

	return brk % PAGE == 0 && brk >= end && brk < end + (32UL << 20);
}

/*
 * --after-exec M BRK PID PPID: is this a fresh image of the same process?
 * Returns the exit status (0: yes).
 */
static int role_after_exec(char **argv)
{
	unsigned long m = strtoul(argv[2], NULL, 0);
	unsigned long brk = strtoul(argv[3], NULL, 0);
	long pid = strtol(argv[4], NULL, 0);
	long ppid = strtol(argv[5], NULL, 0);
	struct map_entry e;
	int bad = 0;

	if (brk_is_random() ? !brk_in_random_range(start_brk) :
	    start_brk != brk) {
		utest_diag("break %#lx, expected %#lx%s", start_brk, brk,
			   brk_is_random() ? " or another page of the 32 MiB "
			   "above the image's end (ASLR)" : "");
		bad++;
	}
	if (g_value != 5) {
		utest_diag("g_value %d, expected its initial 5", g_value);
		bad++;
	}
	if (sys_getpid() != pid || sys_getppid() != ppid) {
		utest_diag("pid %ld ppid %ld, expected %ld %ld",
			   sys_getpid(), sys_getppid(), pid, ppid);
		bad++;
	}
	if (!proc_ensure() || maps_find(m, &e)) {
		utest_diag("%#lx still mapped (or no /proc/self/maps)", m);
		bad++;
	}
	/* free, so MAP_FIXED_NOREPLACE takes exactly it */
	if (sys_mmap2(m, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		      MAP_FIXED_NOREPLACE, -1, 0) != (long)m) {
		utest_diag("%#lx not free for MAP_FIXED_NOREPLACE", m);
		bad++;
	}
	return bad ? 1 : 0;
}

/* Act out role argv[1]; returns the exit status. */
static int play_role(int argc, char **argv, char **envp)
{
	const char *role = argv[1];

	if (strcmp(role, "--args") == 0)
		return same_vector("argv", argv, args_argv) &&
		       same_vector("envp", envp, args_envp) ? 0 : 1;
	if (strcmp(role, "--argv0") == 0)
		return argc == 2 && strcmp(argv[0], "renamed-program") == 0 ?
		       0 : 1;
	if (strcmp(role, "--no-env") == 0)
		return envp[0] == NULL ? 0 : 1;
	if (strcmp(role, "--after-exec") == 0 && argc == 6)
		return role_after_exec(argv);
	return 100;			/* --must-not-run, or unknown */
}

/* ---- the test ------------------------------------------------------- */

/*
 * In a child: execve(@path, @argv, @envp). Returns the wait status: the
 * exec'd program's, or exit(errno) when execve failed.
 */
static int exec_in_child(const char *path, char *const argv[],
			 char *const envp[])
{
	long pid = utest_fork(), ret;
	int status = -1;

	if (pid == 0) {
		ret = sys_execve(path, argv, envp);
		sys_exit_group((int)-ret);
	}
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	return status;
}

/* argv and envp arrive exactly, empty strings and blanks included. */
static void test_argv_envp_passed(void)
{
	CHECK_EXITED(exec_in_child(SELF, args_argv, args_envp), 0);
}

/* argv[0] is the caller's choice, not the path. */
static void test_argv0_free(void)
{
	char *const argv[] = { "renamed-program", "--argv0", NULL };

	CHECK_EXITED(exec_in_child(SELF, argv, args_envp), 0);
}

/* An empty environment is one NULL. */
static void test_empty_env(void)
{
	char *const argv[] = { SELF, "--no-env", NULL };

	CHECK_EXITED(exec_in_child(SELF, argv, no_env), 0);
}

/* No such file: ENOENT (man 2 execve). */
static void test_missing_enoent(void)
{
	char *const argv[] = { "x", "--must-not-run", NULL };

	CHECK_EXITED(exec_in_child("/tests/no-such-program", argv, no_env),
		     ENOENT);
	CHECK_EXITED(exec_in_child("/no-such-dir/prog", argv, no_env), ENOENT);
	CHECK_EXITED(exec_in_child("", argv, no_env), ENOENT);
}

/*
 * An executable file that is not ELF (and not a "#!" script): ENOEXEC.
 * /data/not-elf is a line of text, mode 755 (Linux checks execute
 * permission first: EACCES without it).
 */
static void test_not_elf_enoexec(void)
{
	char *const argv[] = { "not-elf", "--must-not-run", NULL };

	CHECK_EXITED(exec_in_child("/data/not-elf", argv, no_env), ENOEXEC);
}

/*
 * Pointers execve cannot read: EFAULT for the path, the argv and envp
 * arrays, and the strings they point to; in a page never mapped, in
 * kernel memory, or NULL (for the path).
 */
static void test_bad_pointers_efault(void)
{
	char *const ok_argv[] = { SELF, "--must-not-run", NULL };
	char *const bad_arg[] = { SELF, (char *)hole, NULL };
	char *const kernel_arg[] = { SELF, (char *)KERNEL_ADDR, NULL };
	char *const bad_env[] = { (char *)hole, NULL };

	CHECK_EXITED(exec_in_child((char *)hole, ok_argv, no_env), EFAULT);
	CHECK_EXITED(exec_in_child((char *)KERNEL_ADDR, ok_argv, no_env),
		     EFAULT);
	CHECK_EXITED(exec_in_child(NULL, ok_argv, no_env), EFAULT);
	CHECK_EXITED(exec_in_child(SELF, (char *const *)hole, no_env),
		     EFAULT);
	CHECK_EXITED(exec_in_child(SELF, (char *const *)KERNEL_ADDR, no_env),
		     EFAULT);
	CHECK_EXITED(exec_in_child(SELF, bad_arg, no_env), EFAULT);
	CHECK_EXITED(exec_in_child(SELF, kernel_arg, no_env), EFAULT);
	CHECK_EXITED(exec_in_child(SELF, ok_argv, (char *const *)hole),
		     EFAULT);
	CHECK_EXITED(exec_in_child(SELF, ok_argv, bad_env), EFAULT);
}

/* Child of the image case: change our image, then exec a fresh one. */
static void child_replace_image(unsigned long parent)
{
	char m_str[16], brk_str[16], pid_str[16], ppid_str[16];
	char *argv[] = { SELF, "--after-exec", m_str, brk_str, pid_str,
			 ppid_str, NULL };
	long m;

	g_value = 6;
	CHECK(sys_brk(start_brk + 16 * PAGE) == start_brk + 16 * PAGE);
	m = sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(!sys_is_err(m));
	*(volatile int *)m = 0x5a;
	snprintf(m_str, sizeof(m_str), "%#lx", (unsigned long)m);
	snprintf(brk_str, sizeof(brk_str), "%#lx", start_brk);
	snprintf(pid_str, sizeof(pid_str), "%ld", sys_getpid());
	snprintf(ppid_str, sizeof(ppid_str), "%lu", parent);
	fflush(stdout);
	sys_exit_group(100 + (int)-sys_execve(SELF, argv, args_envp));
}

/*
 * execve replaces the image: mappings, break and globals of the old one
 * are gone; the process (pid, parent) stays.
 */
static void test_image_replaced(void)
{
	CHECK_EXITED(utest_in_child(child_replace_image, sys_getpid()), 0);
}

/* Child: a failed execve leaves everything as it was. */
static void child_failed_exec(unsigned long unused)
{
	char *const argv[] = { "x", "--must-not-run", NULL };
	long m = sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	g_value = 42;
	*(volatile int *)m = 0x5a;
	CHECK_EQ(sys_execve("/tests/no-such-program", argv, no_env), -ENOENT);
	CHECK_EQ(sys_execve((char *)hole, argv, no_env), -EFAULT);
	CHECK_EQ(g_value, 42);
	CHECK_EQ(*(volatile int *)m, 0x5a);
	CHECK_EQ(sys_munmap((unsigned long)m, PAGE), 0);
}

/* After a failed execve the caller goes on with its image intact. */
static void test_failed_exec_keeps_image(void)
{
	CHECK_EXITED(utest_in_child(child_failed_exec, 0), 0);
}

int main(int argc, char **argv, char **envp)
{
	start_brk = sys_brk(0);		/* before anything can move it */
	if (argc > 1)
		return play_role(argc, argv, envp);

	utest_begin("exec");
	hole = unmapped_page();
	if (!hole) {
		utest_diag("no unmapped page found");
		return 1;
	}
	utest_run("argv_envp_passed", test_argv_envp_passed);
	utest_run("argv0_is_the_callers_choice", test_argv0_free);
	utest_run("empty_environment", test_empty_env);
	utest_run("missing_file_enoent", test_missing_enoent);
	utest_run("not_elf_enoexec", test_not_elf_enoexec);
	utest_run("bad_pointers_efault", test_bad_pointers_efault);
	utest_run("image_replaced", test_image_replaced);
	utest_run("failed_exec_keeps_image", test_failed_exec_keeps_image);
	return utest_end();
}
