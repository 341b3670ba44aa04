/*
 * tests/bench/target/mmbench.c - part (b) of `make bench`: what the mm
 * system calls and the anonymous faults cost, in guest instructions, at
 * a growing number n of VMAs; the same program on topdown and on Linux
 * 6.1 (tests/bench/target/run.sh runs both and puts them side by side).
 *
 * Run as init under QEMU with -icount shift=0: a guest nanosecond is
 * then a guest instruction, so CLOCK_MONOTONIC counts instructions and
 * the figures repeat exactly. Its resolution differs: topdown reads the
 * Cortex-A9 global timer (100 MHz, 10 instructions), Linux on this
 * board the SP804 (1 MHz, 1000 instructions). So each sample times a
 * batch of BATCH operations between two clock_gettime() calls, takes off
 * the cost of an empty bracket, and divides.
 *
 * The n VMAs come from one PROT_NONE reserve in which every other page is
 * made PROT_READ (each mprotect splits off two VMAs). The operations run
 * beside it, on mappings made for them, so what changes from one n to
 * the next is only the size of the tree.
 *
 * Prints a table, then "# mmbench: done"; the exit status is 0, or 1 if a
 * system call failed (then the figures would mean nothing).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "procfs.h"
#include "syscall.h"
#include "sys/mman.h"

#define PAGE 4096UL
#define SAMPLES 9		/* per operation and n; the median counts */
#define BATCH 64		/* operations per sample, timed together */
#define ROW 4096		/* pairs in a row, for their mean */
#define NR_LEVELS 4
#define MAX_OPS 16

/*
 * Aim for these n; 0: only the program's own VMAs. The last stays under
 * max_map_count (65530) with room for the operations' own few.
 */
static const long level_target[NR_LEVELS] = { 0, 1000, 30000, 65000 };
/* Each split uses two pages of the reserve and adds two VMAs. */
#define RESERVE_PAGES (65000 + 2)

static uint64_t samples[SAMPLES];
static uint64_t clock_cost;

/*
 * Rows of the table: [op][level] medians. The n of each column: the
 * VMAs counted in /proc/self/maps at the start plus those the benchmark
 * made since, or (-1 when the file cannot be read) at least the
 * reserve's VMAs.
 */
static const char *op_names[MAX_OPS];
static uint64_t medians[MAX_OPS][NR_LEVELS];
static long level_n[NR_LEVELS], level_min[NR_LEVELS];
/* Tree nodes a placement search visited, on average (-1: not counted). */
static double level_visits[NR_LEVELS];
static int nr_ops;

/* printf() without stdio's buffers: nothing here may call malloc. */
static void say(const char *fmt, ...)
{
	static char line[256];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len > (int)sizeof(line) - 1)
		len = sizeof(line) - 1;
	sys_write(1, line, len);
}

static void die(const char *what, long ret)
{
	say("mmbench: %s failed: %ld\n", what, ret);
	sys_exit_group(1);
}

/* The guest clock: instructions since boot under -icount shift=0. */
static inline uint64_t now(void)
{
	struct linux_timespec ts;

	sys_clock_gettime(LINUX_CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- samples ---------------------------------------------------------- */

static uint64_t median(void)
{
	uint64_t sorted[SAMPLES], t;
	int i, j;

	for (i = 0; i < SAMPLES; i++)
		sorted[i] = samples[i];
	for (i = 1; i < SAMPLES; i++)
		for (j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			t = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = t;
		}
	return sorted[SAMPLES / 2];
}

/* File the median of samples[] as operation @name at level @level. */
static void record(const char *name, int level)
{
	int op;

	for (op = 0; op < nr_ops; op++)
		if (op_names[op] == name)
			break;
	if (op == nr_ops) {
		if (nr_ops == MAX_OPS)
			die("record (too many operations)", 0);
		op_names[nr_ops++] = name;
	}
	medians[op][level] = median();
}

/* An empty bracket, to take off every figure. */
static void measure_clock(void)
{
	uint64_t t0;
	int i;

	for (i = 0; i < SAMPLES; i++) {
		t0 = now();
		samples[i] = now() - t0;
	}
	clock_cost = median();
}

/* One operation's share of the batch timed from @t0 to @t1. */
static uint64_t per_op(uint64_t t0, uint64_t t1)
{
	uint64_t t = t1 - t0 > clock_cost ? t1 - t0 - clock_cost : 0;

	return (t + BATCH / 2) / BATCH;
}

/* The cost of one operation timed alone from @t0 to @t1. */
static uint64_t cost(uint64_t t0, uint64_t t1)
{
	return t1 - t0 > clock_cost ? t1 - t0 - clock_cost : 0;
}

/* ---- the operations, SAMPLES times BATCH each ------------------------- */

static unsigned long map_anon(unsigned long len, int prot)
{
	long addr = sys_mmap2(0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			      0);

	if (sys_is_err(addr))
		die("mmap2", addr);
	return addr;
}

static void unmap(unsigned long addr, unsigned long len)
{
	long ret = sys_munmap(addr, len);

	if (ret)
		die("munmap", ret);
}

static void protect(unsigned long addr, unsigned long len, int prot)
{
	long ret = sys_mprotect(addr, len, prot);

	if (ret)
		die("mprotect", ret);
}

/*
 * A counter of topdown's placement searches from /proc/vmstat, or 0 where
 * there is none (Linux).
 */
static long placement_count(const char *name)
{
	static char text[4096];
	long value;

	if (proc_read("/proc/vmstat", text, sizeof(text)) <= 0 ||
	    !proc_value(text, name, &value))
		return 0;
	return value;
}

/* mmap one page, then munmap it: the same free gap every time. */
static void bench_mmap_munmap(int level)
{
	uint64_t t0;
	int i, k;

	for (i = 0; i < SAMPLES; i++) {
		t0 = now();
		for (k = 0; k < BATCH; k++)
			unmap(map_anon(PAGE, PROT_READ | PROT_WRITE), PAGE);
		samples[i] = per_op(t0, now());
	}
	record("mmap+munmap 1 page", level);
}

/*
 * The same pair ROW times in a row, timed once: the mean, which counts
 * what a median of batches can miss, a cost that comes once in many
 * calls (the debug kernel's amortised full checks of the VMA tree).
 */
static void bench_mmap_munmap_mean(int level)
{
	long searches = placement_count("td_placement_searches");
	long visits = placement_count("td_placement_visits");
	uint64_t t0;
	int i, k;

	t0 = now();
	for (k = 0; k < ROW; k++)
		unmap(map_anon(PAGE, PROT_READ | PROT_WRITE), PAGE);
	t0 = cost(t0, now());
	searches = placement_count("td_placement_searches") - searches;
	visits = placement_count("td_placement_visits") - visits;
	level_visits[level] = searches > 0 ? (double)visits / searches : -1;
	for (i = 0; i < SAMPLES; i++)
		samples[i] = (t0 + ROW / 2) / ROW;
	record("mmap+munmap, mean", level);
}

/* The middle page of three: split into three VMAs, then merge back. */
static void bench_mprotect(int level)
{
	unsigned long r = map_anon(3 * PAGE, PROT_READ | PROT_WRITE);
	uint64_t t0;
	int i, k;

	for (i = 0; i < SAMPLES; i++) {
		t0 = now();
		for (k = 0; k < BATCH; k++) {
			protect(r + PAGE, PAGE, PROT_READ);
			protect(r + PAGE, PAGE, PROT_READ | PROT_WRITE);
		}
		samples[i] = per_op(t0, now());
	}
	record("mprotect split+merge", level);
	unmap(r, 3 * PAGE);
}

/* Move the break up a page and back (the heap VMA grows and shrinks). */
static void bench_brk(int level)
{
	unsigned long base = sys_brk(0);
	uint64_t t0;
	int i, k;

	/* The heap VMA exists from here on: the first grow is no special. */
	if (sys_brk(base + PAGE) != base + PAGE)
		die("brk (setup)", 0);
	base += PAGE;
	for (i = 0; i < SAMPLES; i++) {
		t0 = now();
		for (k = 0; k < BATCH; k++) {
			if (sys_brk(base + PAGE) != base + PAGE)
				die("brk (grow)", 0);
			if (sys_brk(base) != base)
				die("brk (shrink)", 0);
		}
		samples[i] = per_op(t0, now());
	}
	record("brk grow+shrink 1 page", level);
	sys_brk(base - PAGE);
}

/*
 * Faults on a fresh private anonymous mapping, BATCH pages per sample
 * (within one MiB: one page table comes with the first, an amortised
 * 1/BATCH of the figure): a read maps the zero page, a write after it
 * replaces the zero page by a zeroed page of its own, a first write to
 * an untouched page gets one directly. Then munmap of the written
 * pages, per page: the pages and the table go back.
 */
static void bench_faults(int level)
{
	static uint64_t cows[SAMPLES], fresh[SAMPLES], unmaps[SAMPLES];
	unsigned long len = BATCH * PAGE, r, w;
	uint64_t t0;
	int i, k;

	for (i = 0; i < SAMPLES; i++) {
		r = map_anon(len, PROT_READ | PROT_WRITE);
		w = map_anon(len, PROT_READ | PROT_WRITE);
		t0 = now();
		for (k = 0; k < BATCH; k++)
			(void)*(volatile char *)(r + k * PAGE);
		samples[i] = per_op(t0, now());
		t0 = now();
		for (k = 0; k < BATCH; k++)
			*(volatile char *)(r + k * PAGE) = 1;
		cows[i] = per_op(t0, now());
		t0 = now();
		for (k = 0; k < BATCH; k++)
			*(volatile char *)(w + k * PAGE) = 1;
		fresh[i] = per_op(t0, now());
		t0 = now();
		unmap(w, len);
		unmaps[i] = per_op(t0, now());
		unmap(r, len);
	}
	record("read fault, zero page", level);
	for (i = 0; i < SAMPLES; i++)
		samples[i] = cows[i];
	record("write fault after read", level);
	for (i = 0; i < SAMPLES; i++)
		samples[i] = fresh[i];
	record("write fault, untouched", level);
	for (i = 0; i < SAMPLES; i++)
		samples[i] = unmaps[i];
	record("munmap written, per page", level);
}

/*
 * Placement into holes: 2 * BATCH pages with every other page unmapped
 * leave BATCH one-page holes; BATCH mmaps of a page fill them, the
 * highest first (each joins the pages on both sides).
 */
static void bench_fill_holes(int level)
{
	unsigned long r;
	uint64_t t0;
	int i, k;

	for (i = 0; i < SAMPLES; i++) {
		r = map_anon(2 * BATCH * PAGE, PROT_READ | PROT_WRITE);
		for (k = 0; k < BATCH; k++)
			unmap(r + (2 * k + 1) * PAGE, PAGE);
		t0 = now();
		for (k = 0; k < BATCH; k++)
			map_anon(PAGE, PROT_READ | PROT_WRITE);
		samples[i] = per_op(t0, now());
		unmap(r, 2 * BATCH * PAGE);
	}
	record("mmap into a 1-page hole", level);
}

/* Wait for child @pid, which must exit with 0. */
static void reap(long pid)
{
	int status = -1;

	if (pid < 0)
		die("fork", pid);
	if (sys_wait4(pid, &status, 0) != pid || status != 0)
		die("wait4 (the child failed)", status);
}

/*
 * Copy on write: BATCH written pages, then a fork; the child writes each
 * page once (each write copies it) and leaves its figure in a shared
 * page for the parent.
 */
static void bench_cow(int level)
{
	unsigned long len = BATCH * PAGE, r;
	volatile uint64_t *shared;
	uint64_t t0;
	long pid;
	int i, k;

	shared = (volatile uint64_t *)sys_mmap2(0, PAGE, PROT_READ | PROT_WRITE,
						MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err((long)shared))
		die("mmap2 (shared)", (long)shared);
	for (i = 0; i < SAMPLES; i++) {
		r = map_anon(len, PROT_READ | PROT_WRITE);
		for (k = 0; k < BATCH; k++)
			*(volatile char *)(r + k * PAGE) = 1;
		pid = sys_fork();
		if (pid == 0) {
			t0 = now();
			for (k = 0; k < BATCH; k++)
				*(volatile char *)(r + k * PAGE) = 2;
			*shared = per_op(t0, now());
			sys_exit(0);
		}
		reap(pid);
		samples[i] = *shared;
		unmap(r, len);
	}
	record("write fault, COW", level);
	unmap((unsigned long)shared, PAGE);
}

/*
 * A process's life at this n: fork (dup_mmap copies every VMA) and the
 * child's exit (every VMA goes), timed in the parent up to wait4; then
 * the same with an execve of this very program, which exits at once.
 * One operation per sample: each is long enough for either clock.
 */
static void bench_fork(int level, const char *self)
{
	static uint64_t execs[SAMPLES];
	char *argv[] = { (char *)self, "exit", NULL };
	char *envp[] = { NULL };
	uint64_t t0;
	long pid;
	int i;

	for (i = 0; i < SAMPLES; i++) {
		t0 = now();
		pid = sys_fork();
		if (pid == 0)
			sys_exit(0);
		reap(pid);
		samples[i] = cost(t0, now());
		t0 = now();
		pid = sys_fork();
		if (pid == 0) {
			sys_execve(self, argv, envp);
			sys_exit(1);
		}
		reap(pid);
		execs[i] = cost(t0, now());
	}
	record("fork+exit+wait", level);
	for (i = 0; i < SAMPLES; i++)
		samples[i] = execs[i];
	record("fork+execve+exit+wait", level);
}

/* ---- n ---------------------------------------------------------------- */

/*
 * The number of VMAs: the lines of /proc/self/maps.
 * Returns: that number, or -1 when the file cannot be read.
 */
static long count_vmas(void)
{
	static char buf[16384];
	long fd = sys_open("/proc/self/maps", LINUX_O_RDONLY, 0), got, i;
	long lines = 0;

	if (fd < 0)
		return -1;
	while ((got = sys_read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < got; i++)
			lines += buf[i] == '\n';
	sys_close(fd);
	return got < 0 ? -1 : lines;
}

/*
 * Split the reserve until the address space has about @target VMAs:
 * make page 2k+1 of the reserve PROT_READ, for k = *@next, *@next + 1 ...
 * Each such page splits one PROT_NONE VMA into three.
 * Returns: the VMAs added.
 */
static long grow_to(unsigned long reserve, long *next, long have,
		    long target)
{
	long added = 0;

	while (have + added + 2 <= target &&
	       2 * *next + 2 < RESERVE_PAGES) {
		protect(reserve + (2 * *next + 1) * PAGE, PAGE, PROT_READ);
		(*next)++;
		added += 2;
	}
	return added;
}

static void print_table(void)
{
	char head[16];
	int op, level;

	say("%-24s", "operation");
	for (level = 0; level < NR_LEVELS; level++) {
		if (level_n[level] > 0)
			snprintf(head, sizeof(head), "n=%ld", level_n[level]);
		else
			snprintf(head, sizeof(head), "n>=%ld",
				 level_min[level]);
		say("  %10s", head);
	}
	say("\n");
	for (op = 0; op < nr_ops; op++) {
		say("%-24s", op_names[op]);
		for (level = 0; level < NR_LEVELS; level++)
			say("  %10llu", (unsigned long long)medians[op][level]);
		say("\n");
	}
}

/*
 * How the placement search grows with n (topdown counts the tree nodes
 * each search visits; an O(log n) search stays under 3 log2(n + 1)).
 */
static void print_visits(void)
{
	int level;

	if (level_visits[0] < 0)
		return;
	say("\nplacement search (mmap+munmap, mean): tree nodes visited per search\n");
	for (level = 0; level < NR_LEVELS; level++) {
		double bound = 0;
		long m = level_n[level] + 1;

		while (m > 1) {		/* log2, to the next integer */
			bound += 1;
			m = (m + 1) / 2;
		}
		say("  n=%-8ld %6.1f visits   3*log2(n+1) = %.0f\n",
		    level_n[level], level_visits[level], 3 * bound);
	}
}

int main(int argc, char **argv)
{
	unsigned long reserve;
	long next = 0, base, reserve_vmas = 1;
	int level;

	if (argc > 1 && !strcmp(argv[1], "exit"))
		return 0;	/* bench_fork's execve: only the exec counts */
	proc_ensure();		/* under Linux, as /init: mount /proc */
	measure_clock();
	/* The reserve first, so it sits highest; the work goes below it. */
	reserve = map_anon(RESERVE_PAGES * PAGE, PROT_NONE);
	/*
	 * Counted once, while it is short: the file may be cut off at some
	 * size (topdown's snapshot is), and each split adds exactly two.
	 */
	base = count_vmas() - 1;
	for (level = 0; level < NR_LEVELS; level++) {
		reserve_vmas += grow_to(reserve, &next,
					(base > 0 ? base : 0) + reserve_vmas,
					level_target[level]);
		level_n[level] = base > 0 ? base + reserve_vmas : -1;
		level_min[level] = reserve_vmas;
		bench_mmap_munmap(level);
		bench_mmap_munmap_mean(level);
		bench_mprotect(level);
		bench_brk(level);
		bench_faults(level);
		bench_fill_holes(level);
		bench_cow(level);
		bench_fork(level, argv[0]);
	}
	say("make bench (b): target, QEMU vexpress-a9 with -icount shift=0: guest instructions per operation\n");
	say("  each figure: the median of %d batches of %d, the cost of the clock_gettime() pair (%llu) taken off\n",
	    SAMPLES, BATCH, (unsigned long long)clock_cost);
	say("  n: the VMAs of the process before the operation's own mappings (n>=k: /proc/self/maps unreadable)\n\n");
	print_table();
	print_visits();
	say("# mmbench: done\n");
	return 0;
}
