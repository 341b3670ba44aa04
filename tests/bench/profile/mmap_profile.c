/*
 * tests/bench/profile/mmap_profile.c - the program `make profile` runs when
 * given none: what one mmap and one fault cost, function by function.
 *
 * Six phases (user/lib/profile.h), each of NR operations (NR_PROC for
 * the last two):
 *   mmap_munmap       mmap a private anonymous page, munmap it
 *   read_fault_zero   read an untouched page: the zero page is mapped
 *   write_fault_zero  write that page: a new page replaces the zero page
 *   write_fault_new   write an untouched page: a new zeroed page
 *   fork_exit         fork; the child exits at once; wait for it
 *   fork_execve_exit  the same, but the child first execve()s this very
 *                     program (argv[1] "exit": it returns at once)
 * The mappings the fault phases touch are made before their phase starts,
 * and every page is touched once, so each operation is exactly one fault.
 *
 *   mmap_profile [N]   first split a PROT_NONE reserve into about N VMAs
 *                      (every other page made read-only), to see what a
 *                      large tree costs: make profile ARGS=30000
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "profile.h"
#include "sys/mman.h"

#define NR 64
#define NR_PROC 8
#define PAGE 4096UL

static void *map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		printf("mmap_profile: mmap failed\n");
		exit(1);
	}
	return p;
}

/* About @n more VMAs: a reserve of PROT_NONE with every other page read-only. */
static void add_vmas(unsigned long n)
{
	char *reserve;
	unsigned long i;

	if (!n)
		return;
	reserve = mmap(NULL, (n + 2) * PAGE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (reserve == MAP_FAILED) {
		printf("mmap_profile: no room for %lu VMAs\n", n);
		exit(1);
	}
	for (i = 1; i + 1 < n; i += 2)
		if (mprotect(reserve + i * PAGE, PAGE, PROT_READ)) {
			printf("mmap_profile: mprotect failed at %lu VMAs\n", i);
			exit(1);
		}
}

/* Fork NR_PROC children, each exiting at once or after an execve. */
static void fork_phase(const char *name, char *self, int exec)
{
	char *argv[] = { self, "exit", NULL };
	int i, status;

	profile_begin(name, NR_PROC);
	for (i = 0; i < NR_PROC; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			if (exec)
				execve(self, argv, environ);
			_exit(exec);	/* 1: the execve failed */
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status) {
			printf("mmap_profile: child %d failed\n", (int)pid);
			exit(1);
		}
	}
	profile_end();
}

int main(int argc, char **argv)
{
	volatile char *a, *b;
	unsigned long i, sum = 0;

	if (argc > 1 && !strcmp(argv[1], "exit"))
		return 0;	/* fork_execve_exit's child */
	add_vmas(argc > 1 ? strtoul(argv[1], NULL, 0) : 0);

	profile_begin("mmap_munmap", NR);
	for (i = 0; i < NR; i++)
		munmap(map(PAGE), PAGE);
	profile_end();

	a = map(NR * PAGE);
	b = map(NR * PAGE);
	profile_begin("read_fault_zero", NR);
	for (i = 0; i < NR; i++)
		sum += a[i * PAGE];
	profile_end();

	profile_begin("write_fault_zero", NR);
	for (i = 0; i < NR; i++)
		a[i * PAGE] = 1;
	profile_end();

	profile_begin("write_fault_new", NR);
	for (i = 0; i < NR; i++)
		b[i * PAGE] = 1;
	profile_end();

	munmap((void *)a, NR * PAGE);
	munmap((void *)b, NR * PAGE);

	fork_phase("fork_exit", argv[0], 0);
	fork_phase("fork_execve_exit", argv[0], 1);
	return sum != 0;	/* the zero page reads as 0 */
}
