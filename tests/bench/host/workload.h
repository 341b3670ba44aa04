/*
 * tests/bench/host/workload.h - the address space and the questions of the
 * host benchmark, made from a seed so that every run (and both structures)
 * get exactly the same ones.
 *
 * The layout is a fragmented mmap area, built top-down as mmap would:
 *
 *	top                                     bottom            low_limit
 *	 | VMA 0 | hole | VMA 1 | hole | ... | VMA n-1 |   free ...   |
 *
 * with VMAs and holes of 1 to MAX_HOLE_PAGES pages each. Nothing above
 * top is free (it is the high_limit of every placement), and below the
 * lowest VMA everything is free down to low_limit.
 */
#ifndef TESTS_BENCH_WORKLOAD_H
#define TESTS_BENCH_WORKLOAD_H

#include <stdint.h>

#define MAX_HOLE_PAGES 4UL
/* At most this many questions of each kind per batch (fewer if n is). */
#define MAX_QUERIES 1000UL

struct range {
	unsigned long start, end;
};

struct workload {
	unsigned long n;		/* VMAs in the layout */
	uint64_t seed;
	struct range *vmas;		/* n ranges, highest first */
	unsigned long top;		/* high_limit of placement */
	unsigned long bottom;		/* start of the lowest VMA */
	unsigned long low_limit;	/* low_limit of placement */

	unsigned long nq;		/* questions of each kind */
	unsigned long *find_addrs;	/* nq addresses in [bottom, top) */
	struct range *inserts;		/* nq one-page ranges, in nq holes */
	unsigned long *small_lengths;	/* nq lengths, 1..MAX_HOLE_PAGES pages */
	/* Longer than every hole: fits only below the lowest VMA. */
	unsigned long big_length;
};

/*
 * workload_make - lay out @n VMAs and draw the questions from @seed.
 * Exits the program when out of memory.
 */
void workload_make(struct workload *w, unsigned long n, uint64_t seed);

/* Give back what workload_make() allocated. */
void workload_free(struct workload *w);

#endif /* TESTS_BENCH_WORKLOAD_H */
