/*
 * tests/user/mmdiff.c - one half of the differential run: a seeded random
 * sequence of mmap, munmap, mprotect, brk and (optionally) touches, with
 * the result of every step and the VMAs it leaves printed in a form that
 * does not depend on where the kernel put the free space: addresses are
 * pages below X, the top of the highest free 64 MiB (found as in
 * stack_guard.c), or pages above the break at the start.
 *
 *   mmdiff SEED OPS [TOUCH]
 *
 * tests/diff/run.sh runs the same arguments on topdown and under Linux
 * 6.1 and compares the "# step" lines: Linux is the oracle, and the
 * first line that differs names the step. By itself (in make test) the
 * program only checks that every step's result is one Linux can give.
 */
#include <stdio.h>
#include <stdlib.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "tests/prng.h"
#include "utest.h"

#define PAGE 4096UL
#define P(n) ((unsigned long)(n) * PAGE)
#define WINDOW 16384UL		/* pages: the 64 MiB the run works in */
#define HEAP 64UL		/* pages the break moves in */
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static struct prng rng;
static unsigned long X, brk0;
static bool touch;

static unsigned long rnd(unsigned long n)
{
	return n ? (unsigned long)prng_below(&rng, n) : 0;
}

static bool failed(unsigned long v)
{
	return v > -4096UL;
}

/* An address as the run prints it: "X-Np", "B+Np" or the errno. */
static void show(char *buf, size_t n, unsigned long a)
{
	if (failed(a))
		snprintf(buf, n, "%s", utest_errname((long)a));
	else if (a <= X && a > X - P(WINDOW) - P(WINDOW))
		snprintf(buf, n, "X-%lup", (X - a) / PAGE);
	else if (a >= brk0 && a < brk0 + P(4 * HEAP))
		snprintf(buf, n, "B+%lup", (a - brk0) / PAGE);
	else
		snprintf(buf, n, "%#lx", a);
}

/* Make [X - WINDOW pages, X) the highest free range (see stack_guard.c). */
static bool find_top(void)
{
	unsigned long r = (unsigned long)sys_mmap2(0, P(WINDOW), PROT_NONE,
						  ANON, -1, 0), p;

	if (failed(r))
		return false;
	while ((p = (unsigned long)sys_mmap2(0, PAGE, PROT_NONE, ANON, -1,
					     0)) > r && !failed(p))
		;
	if (p != r - PAGE)
		return false;
	sys_munmap(p, PAGE);
	sys_munmap(r, P(WINDOW));
	X = r + P(WINDOW);
	return true;
}

/* The VMAs of the window and of the heap, one line. */
static void show_maps(long step)
{
	static char text[32768];
	char line[2048], a[24], b[24];
	const char *next = text;
	struct map_entry e;
	size_t len = 0;
	long n = proc_read("/proc/self/maps", text, sizeof(text) - 1);

	if (n < 0)
		return;
	text[n] = 0;
	line[0] = 0;
	while ((next = maps_parse_line(next, &e))) {
		bool heap = e.end > brk0 && e.start < brk0 + P(4 * HEAP);
		bool win = e.end <= X && e.start >= X - P(2 * WINDOW);

		if (!heap && !win)
			continue;
		show(a, sizeof(a), e.start);
		show(b, sizeof(b), e.end);
		len += snprintf(line + len, sizeof(line) - len, " %s..%s %s%s",
				a, b, e.perms, e.name[0] == '[' ? e.name : "");
		if (len >= sizeof(line))
			break;
	}
	printf("# step %ld maps:%s\n", step, line);
}

static unsigned long win_addr(void)
{
	return X - P(1 + rnd(rnd(4) ? 256 : WINDOW / 8));
}

static void step(long i)
{
	static const int prots[] = { PROT_NONE, PROT_READ,
				     PROT_READ | PROT_WRITE, PROT_READ | PROT_EXEC };
	char r[24], what[96];
	unsigned long addr = win_addr(), len = P(1 + rnd(16)), res;
	int prot = prots[rnd(4)], kind = (int)rnd(touch ? 9 : 8);
	int flags = ANON;

	/* nothing above X is touched: what lies there differs by kernel */
	if (addr + len > X)
		len = X - addr;

	switch (kind) {
	case 0: case 1:		/* mmap placed by the search */
		if (rnd(10) == 0)
			flags |= MAP_SYNC;
		res = (unsigned long)sys_mmap2(0, len, prot, flags, -1, 0);
		snprintf(what, sizeof(what), "mmap 0 %lup %d %#x", len / PAGE,
			 prot, flags);
		break;
	case 2:			/* a hint, a fixed or a fixed stack */
		flags |= rnd(3) == 0 ? 0 : MAP_FIXED;
		if (rnd(6) == 0)
			flags |= MAP_FIXED | MAP_GROWSDOWN;
		if (rnd(10) == 0)
			flags |= MAP_SYNC;
		res = (unsigned long)sys_mmap2(addr, len, prot, flags, -1, 0);
		show(r, sizeof(r), addr);
		snprintf(what, sizeof(what), "mmap %s %lup %d %#x", r,
			 len / PAGE, prot, flags);
		break;
	case 3: case 4:
		res = (unsigned long)sys_munmap(addr, len);
		show(r, sizeof(r), addr);
		snprintf(what, sizeof(what), "munmap %s %lup", r, len / PAGE);
		break;
	case 5: case 6:
		res = (unsigned long)sys_mprotect(addr, len, prot);
		show(r, sizeof(r), addr);
		snprintf(what, sizeof(what), "mprotect %s %lup %d", r,
			 len / PAGE, prot);
		break;
	case 7:			/* the break, up or down */
		addr = brk0 + P(rnd(HEAP)) + (rnd(2) ? rnd(PAGE) : 0);
		res = (unsigned long)sys_brk(addr);
		show(r, sizeof(r), addr);
		snprintf(what, sizeof(what), "brk %s", r);
		break;
	default: {		/* a touch, in a child that may die of it */
		long pid = sys_fork();
		int status = 0;

		if (pid == 0) {
			*(volatile char *)addr = 1;
			sys_exit(0);
		}
		sys_wait4(pid, &status, 0);
		res = (unsigned long)(long)status;
		show(r, sizeof(r), addr);
		snprintf(what, sizeof(what), "touch %s", r);
		/* and in the parent, where the child did not die of it */
		if (status == 0)
			*(volatile char *)addr = 1;
		break;
	}
	}
	show(r, sizeof(r), res);
	printf("# step %ld %s = %s\n", i, what, r);
	show_maps(i);
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? strtoul(argv[1], NULL, 0) : 1;
	long ops = argc > 2 ? strtol(argv[2], NULL, 0) : 200;

	touch = argc > 3 && argv[3][0] == '1';
	utest_begin("mmdiff");
	if (!proc_ensure())
		return 1;
	prng_seed(&rng, seed);
	brk0 = (sys_brk(0) + PAGE - 1) & ~(PAGE - 1);
	CHECK_EQ(sys_brk(brk0), brk0);
	if (!find_top()) {
		printf("# no free %lu pages at the top\n", WINDOW);
		return 1;
	}
	printf("# mmdiff seed %lu, %ld steps, touches %s\n", seed, ops,
	       touch ? "on" : "off");
	for (long i = 0; i < ops; i++)
		step(i);
	return utest_end();
}
