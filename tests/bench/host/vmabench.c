/*
 * tests/bench/host/vmabench.c - part (a) of `make bench`: the VMA code of
 * mm/ (list + gap tree), built for the host with -O2 and without the debug
 * checks, against a sorted list searched linearly, on the same workload
 * at n = 100 ... 65530 VMAs. Prints ns per operation and the ratio
 * list/tree; never judges them.
 *
 *	vmabench [N...]		(default: 100 1000 10000 65530)
 *
 * BENCH_RUNS=N sets how many runs each figure is the best of (default 5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include "tests/bench/host/ops.h"

#define SEED 0x746f70646f776eULL	/* "topdown" */
#define MAX_SIZES 8

static const unsigned long default_sizes[] = { 100, 1000, 10000,
					       DEFAULT_MAX_MAP_COUNT };

/* ns per operation: [size][operation][structure] */
static double figures[MAX_SIZES][8][NR_STRUCTS];

static void print_header(void)
{
	struct utsname u;

	uname(&u);
	printf("make bench (a): host, the VMA code of mm/ (tree) vs a sorted list searched linearly (list)\n");
	printf("  %s %s, gcc %s -O2, CONFIG_DEBUG_VM off; CLOCK_MONOTONIC, best of %d runs\n",
	       u.sysname, u.machine, __VERSION__, meter_runs());
	printf("  layout: n VMAs of 1-%lu pages, with holes of 1-%lu pages between them, top down from %#lx (seed %#llx)\n",
	       MAX_HOLE_PAGES, MAX_HOLE_PAGES,
	       (unsigned long)(TASK_SIZE - MMAP_GAP_MIN),
	       (unsigned long long)SEED);
	printf("  each figure: a batch of min(n, %lu) operations at random places; the answers of tree and list are compared first\n\n",
	       MAX_QUERIES);
}

/* Build n VMAs, check that both structures agree, time every operation. */
static void measure(unsigned long n, double out[][NR_STRUCTS])
{
	struct workload w;
	struct bench_space s;
	const struct bench_op *op;
	int i, which;

	workload_make(&w, n, SEED);
	space_build(&s, &w);
	if (!space_agree(&s)) {
		fprintf(stderr, "vmabench: tree and list disagree at n = %lu\n",
			n);
		exit(1);
	}
	for (i = 0; i < nr_bench_ops; i++) {
		op = &bench_ops[i];
		for (which = 0; which < NR_STRUCTS; which++)
			out[i][which] = meter_ns_per_op(op->prepare[which],
							op->timed[which],
							op->undo[which], &s,
							w.nq);
	}
	space_free(&s);
	workload_free(&w);
}

static void print_table(const unsigned long *sizes, int nr_sizes)
{
	double tree, list;
	int i, k;

	printf("%-20s %6s %12s %12s %10s\n", "operation", "n", "tree ns/op",
	       "list ns/op", "list/tree");
	for (i = 0; i < nr_bench_ops; i++) {
		for (k = 0; k < nr_sizes; k++) {
			tree = figures[k][i][TREE];
			list = figures[k][i][LIST];
			printf("%-20s %6lu %12.1f %12.1f %9.2fx\n",
			       k ? "" : bench_ops[i].name, sizes[k], tree, list,
			       list / tree);
		}
	}
}

int main(int argc, char **argv)
{
	unsigned long sizes[MAX_SIZES];
	int nr_sizes = 0, k;

	for (k = 1; k < argc && nr_sizes < MAX_SIZES; k++)
		sizes[nr_sizes++] = strtoul(argv[k], NULL, 0);
	for (k = 0; !nr_sizes && k < 4; k++)
		sizes[k] = default_sizes[k];
	if (!nr_sizes)
		nr_sizes = 4;

	setvbuf(stdout, NULL, _IOLBF, 0);
	print_header();
	for (k = 0; k < nr_sizes; k++) {
		if (sizes[k] < 1 || sizes[k] > DEFAULT_MAX_MAP_COUNT) {
			fprintf(stderr, "vmabench: n must be 1..%d\n",
				DEFAULT_MAX_MAP_COUNT);
			return 2;
		}
		fprintf(stderr, "  measuring n = %lu ...\n", sizes[k]);
		measure(sizes[k], figures[k]);
	}
	print_table(sizes, nr_sizes);
	return 0;
}
