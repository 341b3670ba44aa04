/*
 * tests/host/shim/failslab.c - the wrappers of the slab allocator's entry
 * points in the host tests, counting live objects: see failslab.h.
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

static long live;

long slab_live_objects(void)
{
	return live;
}

void *__wrap_kmem_cache_alloc(struct kmem_cache *cache)
{
	void *obj = __real_kmem_cache_alloc(cache);

	if (obj)
		live++;
	return obj;
}

void *__wrap_kmem_cache_zalloc(struct kmem_cache *cache)
{
	void *obj = __real_kmem_cache_zalloc(cache);

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
