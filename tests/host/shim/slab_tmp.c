/*
 * tests/host/shim/slab_tmp.c - TEMPORARY: a kmem_cache made of calloc()
 * and free(), so that the host tests of the VMA core link before the real
 * mm/slab.c lands. Delete this file when mm/slab.c is on main: it defines
 * the same four functions.
 */
#include <stdlib.h>
#include "mm/slab.h"

struct kmem_cache {
	const char *name;
	size_t size;
	long objects;		/* allocated and not yet freed */
};

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align)
{
	struct kmem_cache *cache = calloc(1, sizeof(*cache));

	if (cache) {
		cache->name = name;
		cache->size = size;
	}
	return cache;
}

void *kmem_cache_alloc(struct kmem_cache *cache)
{
	void *obj = malloc(cache->size);

	if (obj)
		cache->objects++;
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *cache)
{
	void *obj = calloc(1, cache->size);

	if (obj)
		cache->objects++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	if (!obj)
		return;
	cache->objects--;
	free(obj);
}
