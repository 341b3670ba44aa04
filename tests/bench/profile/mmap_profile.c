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

int main(void)
{
	volatile char *a, *b;
	unsigned long i, sum = 0;

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
