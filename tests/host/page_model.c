/*
 * tests/host/page_model.c - the reference model of free frames and free
 * blocks used by the page allocator tests (see page_model.h).
 */
#include "tests/host/page_model.h"
#include "tests/host/test.h"

/* page_model_init - all @nr_pages frames from @base_pfn start used. */
void page_model_init(struct page_model *m, unsigned long base_pfn,
		     unsigned long nr_pages)
{
	m->base_pfn = base_pfn;
	m->nr_pages = nr_pages;
	m->free = calloc(nr_pages, sizeof(*m->free));
	m->prefix = calloc(nr_pages + 1, sizeof(*m->prefix));
}

void page_model_exit(struct page_model *m)
{
	free(m->free);
	free(m->prefix);
}

void page_model_set(struct page_model *m, unsigned long pfn,
		    unsigned long n, bool free)
{
	for (unsigned long i = 0; i < n; i++)
		m->free[pfn - m->base_pfn + i] = free;
}

/* Recount the prefix sums after changes. */
static void page_model_sum(struct page_model *m)
{
	m->prefix[0] = 0;
	for (unsigned long i = 0; i < m->nr_pages; i++)
		m->prefix[i + 1] = m->prefix[i] + m->free[i];
}

bool page_model_all_free(struct page_model *m, unsigned long pfn,
			 unsigned long n)
{
	if (pfn < m->base_pfn || pfn - m->base_pfn + n > m->nr_pages)
		return false;
	for (unsigned long i = 0; i < n; i++)
		if (!m->free[pfn - m->base_pfn + i])
			return false;
	return true;
}

unsigned long page_model_nr_free(struct page_model *m)
{
	page_model_sum(m);
	return m->prefix[m->nr_pages];
}

/* With fresh prefix sums: is the aligned block at @pfn of @n all free? */
static bool whole(struct page_model *m, unsigned long pfn, unsigned long n)
{
	unsigned long i = pfn - m->base_pfn;

	if (pfn < m->base_pfn || i + n > m->nr_pages)
		return false;
	return m->prefix[i + n] - m->prefix[i] == n;
}

void page_model_blocks(struct page_model *m, unsigned long counts[MAX_ORDER])
{
	unsigned long end = m->base_pfn + m->nr_pages;

	page_model_sum(m);
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long n = 1UL << o;

		counts[o] = 0;
		for (unsigned long p = ALIGN(m->base_pfn, n); p + n <= end;
		     p += n) {
			if (!whole(m, p, n))
				continue;
			if (o == MAX_ORDER - 1 || !whole(m, p & ~(2 * n - 1), 2 * n))
				counts[o]++;
		}
	}
}

bool page_model_check(struct page_model *m, const char *file, int line)
{
	unsigned long want[MAX_ORDER];
	bool ok = true;

	page_model_blocks(m, want);
	if (nr_free_pages() != page_model_nr_free(m)) {
		check_failed(file, line, "nr_free_pages() %lu, model %lu",
			     nr_free_pages(), page_model_nr_free(m));
		ok = false;
	}
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		if (nr_free_blocks(o) == want[o])
			continue;
		check_failed(file, line, "order %u: %lu free blocks, model %lu",
			     o, nr_free_blocks(o), want[o]);
		ok = false;
	}
	return ok;
}

void zone_blocks(unsigned long counts[MAX_ORDER])
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		counts[o] = nr_free_blocks(o);
}

unsigned long mem_map_pages_for(unsigned long nr_pages)
{
	return (nr_pages * sizeof(struct page) + PAGE_SIZE - 1) / PAGE_SIZE;
}

static unsigned long long rng_state;

void rng_seed(unsigned long dflt)
{
	unsigned long seed = test_seed(dflt);

	printf("# seed %#lx (set TEST_SEED to repeat another)\n", seed);
	rng_state = seed ? seed : 1;
}

unsigned long rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned long)((rng_state * 0x2545f4914f6cdd1dULL) >> 11);
}

unsigned long rng_below(unsigned long n)
{
	return rng_next() % n;
}
