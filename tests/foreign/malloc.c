/*
 * tests/foreign/malloc.c - glibc's malloc on top of brk and mmap, as a
 * student meets it: small blocks come from the heap, which brk grows
 * ([heap] in /proc/self/maps); a block of 1 MiB (above glibc's mmap
 * threshold, 128 KiB) is a mapping of its own, just below the others,
 * gone again when freed; 100 MiB touched page by page all come back.
 *
 * That is glibc's malloc. musl's (mallocng) takes its blocks from mmap
 * too, small ones grouped in mappings of their own, and uses brk only
 * now and then: built with musl, the blocks must be in some anonymous
 * mapping, [heap] or not, and the 1 MiB one in one of its own.
 */
#include <stdint.h>
#include <stdlib.h>
#include "check.h"

/*
 * The line of /proc/self/maps whose range holds @addr: its start, end
 * and name (after the inode). 1 if found.
 */
static int maps_line(uintptr_t addr, uintptr_t *start, uintptr_t *end,
		     char *name, size_t size)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[256];
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f)) {
		unsigned long s, e;
		int off = 0;

		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &s, &e, &off) < 2)
			continue;
		if (addr >= s && addr < e) {
			*start = s;
			*end = e;
			snprintf(name, size, "%s", line + off);
			name[strcspn(name, "\n")] = '\0';
			found = 1;
		}
	}
	fclose(f);
	return found;
}

int main(void)
{
	uintptr_t s, e;
	char name[128];
	void *before, *small[2000], *big;
	volatile char *huge;
	size_t huge_len = 100u << 20;
	int i, in_heap = 0;

	check_begin("malloc");
	proc_ensure();

	check_case("small_blocks_in_the_heap");
	before = sbrk(0);
	/* 400 KiB in all: more than the heap glibc starts with */
#ifdef __GLIBC__
	const char *small_home = "[heap]";
#else
	const char *small_home = NULL;		/* musl: any anonymous mapping */
#endif
	for (i = 0; i < 2000; i++) {
		small[i] = malloc(200);
		memset(small[i], i, 200);
	}
#ifdef __GLIBC__
	CHECK((char *)sbrk(0) > (char *)before);	/* brk moved up */
#else
	(void)before;
#endif
	for (i = 0; i < 2000; i++)
		in_heap += maps_line((uintptr_t)small[i], &s, &e, name,
				     sizeof(name)) &&
			   (small_home ? !strcmp(name, small_home) :
					 !strcmp(name, "") || !strcmp(name, "[heap]"));
	CHECK(in_heap == 2000);
	for (i = 0; i < 2000; i++)
		CHECK(((unsigned char *)small[i])[199] == (unsigned char)i);

	check_case("large_block_is_a_mapping");
	big = malloc(1 << 20);
	CHECK(big != NULL);
	memset(big, 0x5a, 1 << 20);
	CHECK(maps_line((uintptr_t)big, &s, &e, name, sizeof(name)));
	check_diag("1 MiB at %p: mapping %lx-%lx \"%s\"", big,
		   (unsigned long)s, (unsigned long)e, name);
	CHECK(name[0] == '\0');			/* anonymous, not the heap */
	/* the block inside it; glibc's mapping is its own (the block and
	 * a page of header), musl's may have merged with its neighbours */
	CHECK((uintptr_t)big + (1u << 20) <= e);
#ifdef __GLIBC__
	CHECK(e - s <= (1u << 20) + 8192);
#endif
	CHECK((uintptr_t)big > 0x40000000);	/* far above the heap */
	free(big);
	CHECK(!maps_line((uintptr_t)big, &s, &e, name, sizeof(name)));

	check_case("touch_100_mib");
	huge = malloc(huge_len);
	CHECK(huge != NULL);
	if (huge) {
		unsigned long sum = 0;

		for (size_t off = 0; off < huge_len; off += 4096)
			huge[off] = (char)(off >> 12);
		for (size_t off = 0; off < huge_len; off += 4096)
			sum += (unsigned char)huge[off];
		/* pages 0..25599, each holding its number mod 256 */
		CHECK(sum == 100UL * 255 * 256 / 2);
		free((void *)huge);
	}

	check_case("free_small_blocks");
	for (i = 0; i < 2000; i++)
		free(small[i]);
	small[0] = malloc(32);
	CHECK(maps_line((uintptr_t)small[0], &s, &e, name, sizeof(name)) &&
	      (small_home ? !strcmp(name, small_home) : name[0] != '/'));
	free(small[0]);
	return check_end();
}
