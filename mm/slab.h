/*
 * mm/slab.h - the small-object allocator: caches of equal-sized objects
 * (struct vm_area_struct, struct mm_struct, tasks, page-cache entries)
 * carved out of pages from the page allocator.
 *
 * Portable. Each cache counts its objects, so a test can see a leak.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "kernel/kernel.h"

struct kmem_cache;

/*
 * Create a cache of @size-byte objects aligned to @align (0: natural).
 * Returns the cache, or NULL when out of memory.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align);

/* One object from @cache, or NULL when out of memory. */
void *kmem_cache_alloc(struct kmem_cache *cache);

/* Like kmem_cache_alloc(), with the object zeroed. */
void *kmem_cache_zalloc(struct kmem_cache *cache);

/* Give @obj back to @cache; NULL is ignored. */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

#endif /* MM_SLAB_H */
