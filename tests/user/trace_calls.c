/*
 * tests/user/trace_calls.c - the calls whose lines tests/trace/
 * syscalls_test.sh looks for in the system-call trace. Not a test by
 * itself (the trace is on the console, where a program cannot read it),
 * so it is not in PROGRAMS.
 *
 *	trace_calls all      booted with trace=syscalls: a few calls of each
 *	                     kind of argument, an error, two ENOSYS, exit 7
 *	trace_calls switch   booted without: one unknown number twice (one
 *	                     report), ten others (seven more reports, eight
 *	                     for the task), then the trace turned on and off
 *	                     through /proc/sys/kernel/trace_syscalls
 *
 * It prints what the checker cannot know in advance (the address mmap
 * chose) on a line of its own, "trace_calls: mmap 0x...".
 */
#include <string.h>
#include "kernel/unistd.h"
#include "syscall.h"

#define O_RDONLY 0
#define O_WRONLY 1
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20
#define NR_SOCKET 281		/* Linux's socket(2), which topdown lacks */

static void say(const char *s)
{
	sys_write(1, s, strlen(s));
}

static void say_hex(const char *what, unsigned long v)
{
	char line[64], digits[9];

	for (int i = 7; i >= 0; i--, v >>= 4)
		digits[i] = "0123456789abcdef"[v & 15];
	digits[8] = '\0';
	strcpy(line, "trace_calls: ");
	strcat(line, what);
	strcat(line, " 0x");
	strcat(line, digits);
	strcat(line, "\n");
	say(line);
}

static int all(void)
{
	unsigned long p;

	say("hello, trace\n");
	sys_open("/nonexistent", O_RDONLY, 0);
	p = sys_mmap2(0, 8192, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	say_hex("mmap", p);
	sys_mprotect(p, 4096, PROT_READ);
	sys_munmap(p, 8192);
	syscall3(1000, 1, 2, 3);
	syscall3(NR_SOCKET, 2, 1, 0);
	return 7;
}

static void set_trace(const char *value)
{
	long fd = sys_open("/proc/sys/kernel/trace_syscalls", O_WRONLY, 0);

	sys_write(fd, value, 1);
	sys_close(fd);
}

static int trace_switch(void)
{
	syscall1(3000, 0);
	syscall1(3000, 0);
	for (int i = 0; i < 10; i++)
		syscall1(2000 + i, i);
	set_trace("1");
	sys_getppid();
	set_trace("0");
	sys_getpid();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "all"))
		return all();
	if (argc == 2 && !strcmp(argv[1], "switch"))
		return trace_switch();
	say("usage: trace_calls all|switch\n");
	return 2;
}
