/*
 * tests/bench/profile/mmap_profile.c - the program `make profile` runs when
 * given none: what one mmap and one fault cost, function by function.
 *
 * Four phases (user/lib/profile.h), each of NR operations:
 *   mmap_munmap       mmap a private anonymous page, munmap it
 *   read_fault_zero   read an untouched page: the zero page is mapped
 *   write_fault_zero  write that page: a new page replaces the zero page
 *   write_fault_new   write an untouched page: a new zeroed page
 * The mappings the fault phases touch are made before their phase starts,
 * and every page is touched once, so each operation is exactly one fault.
 *
 *   mmap_profile [N]   first split a PROT_NONE reserve into about N VMAs
 *                      (every other page made read-only), to see what a
 *                      large tree costs: make profile ARGS=30000
 */
#include <stdio.h>
#include <stdlib.h>
#include "profile.h"
#include "sys/mman.h"

#define NR 64
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

int main(int argc, char **argv)
{
	volatile char *a, *b;
	unsigned long i, sum = 0;

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
	return sum != 0;	/* the zero page reads as 0 */
}
