/*
 * tests/host/shim/failslab.c - the wrappers of the slab allocator's entry
 * points in the host tests: see failslab.h.
 */
#include <stddef.h>
#include "mm/slab.h"
#include "tests/host/shim/failslab.h"

void *__real_kmem_cache_alloc(struct kmem_cache *cache);
void *__real_kmem_cache_zalloc(struct kmem_cache *cache);
void __real_kmem_cache_free(struct kmem_cache *cache, void *obj);
void *__wrap_kmem_cache_alloc(struct kmem_cache *cache);
void *__wrap_kmem_cache_zalloc(struct kmem_cache *cache);
void __wrap_kmem_cache_free(struct kmem_cache *cache, void *obj);

static long allocs_left = -1;	/* -1: no failures injected */
static long live;

void failslab_after(long n)
{
	allocs_left = n;
}

void failslab_off(void)
{
	allocs_left = -1;
}

long slab_live_objects(void)
{
	return live;
}

/* Should this allocation fail? Counts down the allocations left. */
static int should_fail(void)
{
	if (allocs_left < 0)
		return 0;
	if (allocs_left == 0)
		return 1;
	allocs_left--;
	return 0;
}

void *__wrap_kmem_cache_alloc(struct kmem_cache *cache)
{
	void *obj = should_fail() ? NULL : __real_kmem_cache_alloc(cache);

	if (obj)
		live++;
	return obj;
}

void *__wrap_kmem_cache_zalloc(struct kmem_cache *cache)
{
	void *obj = should_fail() ? NULL : __real_kmem_cache_zalloc(cache);

	if (obj)
		live++;
	return obj;
}

void __wrap_kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	if (obj)
		live--;
	__real_kmem_cache_free(cache, obj);
}
