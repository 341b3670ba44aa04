/*
 * tests/foreign/maps.c - fopen and fgets of /proc/self/maps: the lines a
 * static ARM program has, in Linux's format, ending with the [vectors]
 * page of ARM Linux's kernel user helpers.
 */
#include <stdlib.h>
#include "check.h"

int main(void)
{
	char line[256], last[256] = "";
	int lines = 0, text = 0, stack = 0, heap = 0, bad = 0;
	FILE *f;

	check_begin("maps");
	proc_ensure();
	free(malloc(100));		/* glibc: the heap exists */

	check_case("fopen_and_read");
	f = fopen("/proc/self/maps", "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		unsigned long s, e, off, ino;
		char perms[8], dev[8];
		int name = 0;

		printf("# maps: %s", line);
		lines++;
		if (sscanf(line, "%lx-%lx %7s %lx %7s %lu %n", &s, &e, perms,
			   &off, dev, &ino, &name) < 6 || s >= e ||
		    strlen(perms) != 4)
			bad++;
		if (strstr(line, " r-xp ") && ino != 0)
			text++;			/* our own code, from the file */
		if (strstr(line, "[stack]"))
			stack++;
		if (strstr(line, "[heap]"))
			heap++;
		strcpy(last, line);
	}
	CHECK(f && fclose(f) == 0);
	CHECK(lines >= 4);		/* text, data, stack, vectors at least */
	CHECK(bad == 0);
	CHECK(text == 1);
	CHECK(stack == 1);
#ifdef __GLIBC__	/* musl's malloc may not touch brk at all */
	CHECK(heap >= 1);
#else
	(void)heap;
#endif

	check_case("vectors_last");
	CHECK(strncmp(last, "ffff0000-ffff1000 r-xp 00000000 00:00 0", 39) == 0);
	CHECK(strstr(last, "[vectors]") != NULL);
	return check_end();
}
