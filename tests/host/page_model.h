/*
 * tests/host/page_model.h - what the page allocator tests compare against:
 * a plain array saying which frames are free, and from it the free blocks a
 * buddy allocator with complete merging must have. Plus a seeded PRNG.
 *
 * The model of the free lists: a block of order n at pfn p is on
 * free_area[n] exactly when p is a multiple of 2^n, all its frames are
 * free and inside RAM, and n is MAX_ORDER-1 or its parent block (order
 * n+1) is not all free. This follows from the definition of merging, not
 * from the allocator's code.
 */
#ifndef TESTS_HOST_PAGE_MODEL_H
#define TESTS_HOST_PAGE_MODEL_H

#include <stdbool.h>
#include "mm/page_alloc.h"
#include "tests/host/shim/mem.h"

struct page_model {
	unsigned long base_pfn;
	unsigned long nr_pages;
	bool *free;		/* free[pfn - base_pfn] */
	unsigned long *prefix;	/* prefix[i]: free frames below base+i */
};

/* All frames used; free the model with page_model_exit(). */
void page_model_init(struct page_model *m, unsigned long base_pfn,
		     unsigned long nr_pages);
void page_model_exit(struct page_model *m);

/* Mark frames [pfn, pfn + n) free or used. */
void page_model_set(struct page_model *m, unsigned long pfn,
		    unsigned long n, bool free);

/* Are all frames [pfn, pfn + n) inside RAM and free? */
bool page_model_all_free(struct page_model *m, unsigned long pfn,
			 unsigned long n);

/* Free frames in the model. */
unsigned long page_model_nr_free(struct page_model *m);

/* The free blocks per order the model predicts. */
void page_model_blocks(struct page_model *m, unsigned long counts[MAX_ORDER]);

/*
 * Compare the current zone with the model: nr_free and every order's
 * count; report differences as check failures at the caller's line.
 * Returns: true when they agree.
 */
#define CHECK_MODEL(m) page_model_check((m), __FILE__, __LINE__)
bool page_model_check(struct page_model *m, const char *file, int line);

/* The zone's free blocks per order, for before/after comparisons. */
void zone_blocks(unsigned long counts[MAX_ORDER]);

/* Pages mem_map takes for @nr_pages of RAM (from sizeof(struct page)). */
unsigned long mem_map_pages_for(unsigned long nr_pages);

/* A small PRNG (xorshift64*), seeded from TEST_SEED or @dflt, printed. */
void rng_seed(unsigned long dflt);
unsigned long rng_next(void);
unsigned long rng_below(unsigned long n);	/* 0 .. n-1 */

#endif /* TESTS_HOST_PAGE_MODEL_H */
