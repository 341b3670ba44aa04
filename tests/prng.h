/*
 * tests/prng.h - a small, fast, seedable random number generator for the
 * randomized tests, on the host and in the system-call fuzzer on the
 * target (SplitMix64, Steele et al. 2014), so that a printed seed
 * reproduces a run exactly anywhere.
 */
#ifndef TESTS_PRNG_H
#define TESTS_PRNG_H

#include <stdint.h>

struct prng {
	uint64_t state;
};

static inline void prng_seed(struct prng *r, uint64_t seed)
{
	r->state = seed;
}

static inline uint64_t prng_next(struct prng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n), n > 0 (the tiny modulo bias does not matter here). */
static inline uint64_t prng_below(struct prng *r, uint64_t n)
{
	return prng_next(r) % n;
}

/* A number in [lo, hi]. */
static inline uint64_t prng_range(struct prng *r, uint64_t lo, uint64_t hi)
{
	return lo + prng_below(r, hi - lo + 1);
}

/* True with probability pct / 100. */
static inline int prng_chance(struct prng *r, unsigned pct)
{
	return prng_below(r, 100) < pct;
}

#endif /* TESTS_PRNG_H */
