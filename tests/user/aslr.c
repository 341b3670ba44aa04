/*
 * tests/user/aslr.c - what ASLR did to this image, for tests/aslr/
 * aslr_test.sh, which boots it many times (it checks nothing itself, so
 * it is not in PROGRAMS):
 *
 *	aslr              one line: the level, mmap_base, the stack's top,
 *	                  the brk start and the end of the image
 *	aslr set N        write N to /proc/sys/kernel/randomize_va_space,
 *	                  then exec "aslr" (the level is read at exec)
 *	aslr norandom     personality(ADDR_NO_RANDOMIZE), then exec "aslr"
 *
 * mmap_base is where the first mapping's end lands: nothing is mapped
 * below it yet in a newlib program, and the top-down search takes the
 * highest gap. The stack's top is the end of [stack] in /proc/self/maps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/unistd.h"
#include "syscall.h"

#define PAGE 4096UL
#define ADDR_NO_RANDOMIZE 0x0040000

extern char _end[];		/* the linker's: the end of .bss */

static unsigned long stack_top(void)
{
	char line[160];
	unsigned long s, e, top = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	while (f && fgets(line, sizeof(line), f))
		if (strstr(line, "[stack]") &&
		    sscanf(line, "%lx-%lx", &s, &e) == 2)
			top = e;
	if (f)
		fclose(f);
	return top;
}

static int level(void)
{
	char buf[16] = "";
	FILE *f = fopen("/proc/sys/kernel/randomize_va_space", "r");

	if (f) {
		fgets(buf, sizeof(buf), f);
		fclose(f);
	}
	return atoi(buf);
}

static int report(void)
{
	unsigned long brk = sys_brk(0);
	long p = sys_mmap2(0, PAGE, 3, 0x22, -1, 0);

	if (sys_is_err(p))
		return 1;
	printf("aslr: level %d mmap_base %#lx stack_top %#lx brk %#lx "
	       "image_end %#lx\n", level(), (unsigned long)p + PAGE,
	       stack_top(), brk, ((unsigned long)_end + PAGE - 1) & ~(PAGE - 1));
	return 0;
}

static int exec_report(void)
{
	char *argv[] = { "/tests/aslr", NULL }, *envp[] = { NULL };

	fflush(stdout);
	sys_execve("/tests/aslr", argv, envp);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return report();
	if (argc == 3 && !strcmp(argv[1], "set")) {
		FILE *f = fopen("/proc/sys/kernel/randomize_va_space", "w");

		if (!f || fputs(argv[2], f) < 0 || fclose(f))
			return 3;
		return exec_report();
	}
	if (argc == 2 && !strcmp(argv[1], "norandom")) {
		sys_personality(ADDR_NO_RANDOMIZE);
		return exec_report();
	}
	printf("usage: aslr [set N | norandom]\n");
	return 2;
}
