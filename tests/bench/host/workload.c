/*
 * tests/bench/host/workload.c - the benchmark's layout and questions. See
 * workload.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include "mm/memlayout.h"
#include "tests/bench/host/workload.h"
#include "tests/prng.h"

/* Where the layout starts: a 32-bit mmap_base below a 128 MiB stack gap. */
#define LAYOUT_TOP (TASK_SIZE - MMAP_GAP_MIN)

static void *xcalloc(unsigned long count, unsigned long size)
{
	void *p = calloc(count, size);

	if (!p) {
		fprintf(stderr, "vmabench: out of memory\n");
		exit(2);
	}
	return p;
}

/* 1 to MAX_HOLE_PAGES pages, in bytes. */
static unsigned long some_pages(struct prng *r)
{
	return prng_range(r, 1, MAX_HOLE_PAGES) << PAGE_SHIFT;
}

/*
 * The VMAs, from the top down, each above a hole. The highest ends at
 * top, so that no placement is answered by the free space above it
 * without a search.
 */
static void lay_out(struct workload *w, struct prng *r)
{
	unsigned long addr = w->top, i;

	for (i = 0; i < w->n; i++) {
		w->vmas[i].end = addr;
		w->vmas[i].start = addr - some_pages(r);
		addr = w->vmas[i].start - some_pages(r);
	}
	w->bottom = w->vmas[w->n - 1].start;
}

/*
 * One page at the top of nq different holes, picked by a partial
 * Fisher-Yates shuffle of the hole numbers (hole i is the one below
 * VMA i), so that no two inserts of a batch collide.
 */
static void pick_inserts(struct workload *w, struct prng *r)
{
	unsigned long *holes = xcalloc(w->n, sizeof(*holes));
	unsigned long i, j, t;

	for (i = 0; i < w->n; i++)
		holes[i] = i;
	for (i = 0; i < w->nq; i++) {
		j = i + prng_below(r, w->n - i);
		t = holes[i];
		holes[i] = holes[j];
		holes[j] = t;
		w->inserts[i].end = w->vmas[holes[i]].start;
		w->inserts[i].start = w->inserts[i].end - PAGE_SIZE;
	}
	free(holes);
}

/* See workload.h. */
void workload_make(struct workload *w, unsigned long n, uint64_t seed)
{
	struct prng r;
	unsigned long i;

	prng_seed(&r, seed ^ n);
	w->n = n;
	w->seed = seed;
	w->top = LAYOUT_TOP;
	w->low_limit = FIRST_USER_ADDRESS;
	w->vmas = xcalloc(n, sizeof(*w->vmas));
	lay_out(w, &r);

	w->nq = n < MAX_QUERIES ? n : MAX_QUERIES;
	w->find_addrs = xcalloc(w->nq, sizeof(*w->find_addrs));
	w->inserts = xcalloc(w->nq, sizeof(*w->inserts));
	w->small_lengths = xcalloc(w->nq, sizeof(*w->small_lengths));
	for (i = 0; i < w->nq; i++) {
		w->find_addrs[i] = w->bottom +
				   prng_below(&r, w->top - w->bottom);
		w->small_lengths[i] = some_pages(&r);
	}
	pick_inserts(w, &r);
	w->big_length = 2 * MAX_HOLE_PAGES << PAGE_SHIFT;
}

/* See workload.h. */
void workload_free(struct workload *w)
{
	free(w->vmas);
	free(w->find_addrs);
	free(w->inserts);
	free(w->small_lengths);
}
