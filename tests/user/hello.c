/*
 * tests/user/hello.c - the smallest newlib program worth running: printf
 * through write(), malloc through brk, and an exit status of our choice.
 *
 *	hello [STATUS]
 *
 * prints a greeting and its arguments, allocates enough to make newlib
 * grow the heap several times, checks that the memory is usable (and that
 * calloc'd memory and the pages brk hands out are zero), and exits with
 * STATUS (default 0) if every case passed, else 1. It also checks the
 * C library's side of our runtime: errno on failures, clock_gettime.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "auxv.h"
#include "clock.h"
#include "utest.h"

/* Enough blocks that newlib's malloc must ask sbrk for more many times. */
#define NR_BLOCKS 16
#define BLOCK_SIZE (24 * 1024)

static int argc_seen;
static char **argv_seen;

/* printf reaches the console, with its arguments. */
static void test_printf(void)
{
	int i, n;

	n = printf("# hello from pid %d:", getpid());
	CHECK(n > 0);
	for (i = 0; i < argc_seen; i++)
		printf(" [%s]", argv_seen[i]);
	printf("\n");
	/* for the record: Linux 6.1 gives AT_PHDR 0 when no PT_LOAD holds them */
	utest_diag("AT_PHDR %#lx AT_PHNUM %lu AT_ENTRY %#lx",
		   getauxval(AT_PHDR), getauxval(AT_PHNUM),
		   getauxval(AT_ENTRY));
	CHECK(argc_seen >= 1);
	CHECK(argv_seen[argc_seen] == NULL);
}

/*
 * malloc of NR_BLOCKS blocks of 24 KiB: the break rises several times,
 * every block lies below the new break, no two blocks overlap, each can
 * be written and read back, and after free() the space is reused.
 */
static void test_malloc_grows_heap(void)
{
	unsigned char *blk[NR_BLOCKS];
	char *brk_before = sbrk(0), *brk_after, *last = brk_before;
	int i, j, grew = 0;

	for (i = 0; i < NR_BLOCKS; i++) {
		blk[i] = malloc(BLOCK_SIZE);
		CHECK(blk[i] != NULL);
		if (!blk[i])
			return;
		memset(blk[i], 0x40 + i, BLOCK_SIZE);
		if ((char *)sbrk(0) != last) {	/* the heap grew again */
			grew++;
			last = sbrk(0);
		}
	}
	brk_after = sbrk(0);
	utest_diag("break %p -> %p, grew %d times", brk_before, brk_after,
		   grew);
	CHECK(grew >= 3);
	CHECK(brk_after - brk_before >= (NR_BLOCKS - 1) * BLOCK_SIZE);
	for (i = 0; i < NR_BLOCKS; i++) {
		CHECK((char *)blk[i] + BLOCK_SIZE <= brk_after);
		for (j = 0; j < i; j++)
			CHECK(blk[i] + BLOCK_SIZE <= blk[j] ||
			      blk[j] + BLOCK_SIZE <= blk[i]);
		for (j = 0; j < BLOCK_SIZE; j += 509)
			if (blk[i][j] != 0x40 + i)
				break;
		CHECK(j >= BLOCK_SIZE);
	}
	for (i = 0; i < NR_BLOCKS; i++)
		free(blk[i]);
	/* free() may give the top of the heap back, never take more */
	CHECK((char *)sbrk(0) <= brk_after);
	blk[0] = malloc(2 * BLOCK_SIZE);	/* fits in the freed space */
	CHECK(blk[0] != NULL);
	CHECK((char *)blk[0] + 2 * BLOCK_SIZE <= brk_after);
	CHECK((char *)sbrk(0) <= brk_after);
	free(blk[0]);
}

/* calloc'd memory is zero, even where malloc'd memory was dirtied before. */
static void test_calloc_zero(void)
{
	unsigned char *p = malloc(4096), *q;
	size_t i;

	CHECK(p != NULL);
	memset(p, 0xAA, 4096);
	free(p);
	q = calloc(64, 64);
	CHECK(q != NULL);
	for (i = 0; q && i < 64 * 64; i++)
		if (q[i])
			break;
	CHECK_EQ(i, 64 * 64);
	free(q);
}

/*
 * Fresh pages from the break read as zero, to the last byte (the kernel
 * maps new heap pages zero-filled), and shrinking the break works.
 */
static void test_brk_pages_zero(void)
{
	unsigned long page = getauxval(AT_PAGESZ);
	char *old = sbrk(0);
	char *start = (char *)(((uintptr_t)old + page - 1) & ~(page - 1));
	size_t len = 3 * page, i;

	CHECK_EQ(page, 4096);
	/* grow from a page boundary, so that every byte is on a new page */
	CHECK(sbrk(start - old + len) == old);
	for (i = 0; i < len; i++)
		if (start[i])
			break;
	CHECK_EQ(i, len);
	memset(start, 1, len);
	CHECK(sbrk(-(ptrdiff_t)(start - old + len)) == start + len);
	CHECK(sbrk(0) == old);
}

/*
 * The C library's side of the system calls: failures come back as -1 (or
 * MAP_FAILED) with errno set, in newlib's numbering.
 */
static void test_libc_errno(void)
{
	void *p;

	errno = 0;
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100);
	CHECK(p == MAP_FAILED);		/* offset not a page multiple */
	CHECK_EQ(errno, EINVAL);
	errno = 0;
	p = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p == MAP_FAILED);
	CHECK_EQ(errno, EINVAL);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	errno = 0;
	CHECK_EQ(munmap((char *)p + 1, 4096), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(mprotect(p, 8192, PROT_READ), 0);
	CHECK_EQ(munmap((char *)p + 4096, 4096), 0);
	errno = 0;
	CHECK_EQ(mprotect(p, 8192, PROT_READ), -1);
	CHECK_EQ(errno, ENOMEM);	/* the second page is a hole now */
	CHECK_EQ(munmap(p, 4096), 0);
	errno = 0;
	CHECK_EQ(brk((char *)sbrk(0) - (64 << 20)), -1);	/* below start */
	CHECK_EQ(errno, ENOMEM);
	errno = 0;
	CHECK(sbrk(0x7ff00000) == (void *)-1);	/* into the stack */
	CHECK_EQ(errno, ENOMEM);
	errno = 0;
	CHECK_EQ(write(-1, "x", 1), -1);
	CHECK_EQ(errno, EBADF);
}

/* clock_gettime(CLOCK_MONOTONIC) works and does not go back. */
static void test_clock(void)
{
	struct timespec a, b;

	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	CHECK(b.tv_sec > a.tv_sec ||
	      (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
}

int main(int argc, char **argv)
{
	int status = argc > 1 ? atoi(argv[1]) : 0;

	argc_seen = argc;
	argv_seen = argv;
	utest_begin("hello");
	utest_run("printf", test_printf);
	utest_run("malloc_grows_heap", test_malloc_grows_heap);
	utest_run("calloc_zero", test_calloc_zero);
	utest_run("brk_pages_zero", test_brk_pages_zero);
	utest_run("libc_errno", test_libc_errno);
	utest_run("clock_monotonic", test_clock);
	if (utest_end() != 0)
		return 1;
	return status;
}
