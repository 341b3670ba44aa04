/*
 * tests/user/stdin_count.c - read standard input to its end, then say
 * how much came: "stdin_count: N bytes, sum S" (S: the sum of the byte
 * values, mod 2^32). Driven by tests/shell/test_paste.py through the
 * shell's spawn, which pipes a block and then a Ctrl-D at the start of a
 * line: on the console that is the end of input, read() returns 0.
 * Not in tests/PROGRAMS: the runner's console has no input to give.
 */
#include <stdio.h>
#include "syscall.h"

int main(void)
{
	char buf[100];
	unsigned long total = 0;
	unsigned int sum = 0;
	long n;

	/* odd-sized reads: a read may end anywhere in the stream */
	while ((n = sys_read(0, buf, sizeof(buf) - 3)) > 0) {
		for (long i = 0; i < n; i++)
			sum += (unsigned char)buf[i];
		total += (unsigned long)n;
	}
	if (n < 0) {
		printf("stdin_count: read failed: %ld\n", n);
		return 1;
	}
	printf("stdin_count: %lu bytes, sum %u\n", total, sum);
	return 0;
}
