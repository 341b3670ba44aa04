/*
 * mm/slab.h - the small-object allocator: caches of equal-sized objects
 * (struct vm_area_struct, struct mm_struct, tasks, page-cache entries)
 * carved out of pages from the page allocator, and kmalloc() on top.
 *
 * Portable. Each cache counts its objects, so a test can see a leak.
 * Call kmem_cache_init() once, after page_alloc_free_all().
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include "kernel/kernel.h"
#include "kernel/list.h"

/*
 * A cache. Each slab is one naturally aligned block of 2^order pages cut
 * into @objects objects of @size bytes; its bookkeeping (free list, count
 * in use, list link) lives in the struct page of its first page, see
 * mm/slab.c. A slab whose last object is freed goes straight back to the
 * page allocator, so there are no empty slabs to count.
 *
 * Fields below the line are counters, for a `free` command and for tests.
 */
struct kmem_cache {
	const char *name;		/* for reports; must outlive the cache */
	size_t object_size;		/* the size asked for */
	size_t size;			/* object stride: aligned, >= 2 words */
	size_t align;			/* every object is aligned to this */
	unsigned int order;		/* a slab is 2^order pages */
	unsigned int objects;		/* objects per slab */
	uint32_t reciprocal_size;	/* reciprocal_value(size) */
	struct list_head slabs_partial;	/* slabs with free objects */
	struct list_head slabs_full;	/* slabs without */
	struct list_head list;		/* on slab_caches */
	/* ------------------------------------------------------------ */
	unsigned long nr_active;	/* objects handed out */
	unsigned long nr_objects;	/* objects in all slabs, used or not */
	unsigned long nr_slabs;		/* slabs; pages = nr_slabs << order */
};

/* Every cache, oldest first: list_for_each_entry(c, &slab_caches, list). */
extern struct list_head slab_caches;

/* Reports the slab made, for tests. */
struct slab_stats {
	unsigned long nr_bad_free;	/* bad frees reported and ignored */
	unsigned long nr_poison_bad;	/* free objects found written to */
};
extern struct slab_stats slab_stats;

/*
 * Set up the cache of caches and the kmalloc caches. Call once, after
 * page_alloc_free_all(); panics when out of memory.
 */
void kmem_cache_init(void);

/*
 * Create a cache of @size-byte objects aligned to @align (0: natural,
 * that is 8 bytes; otherwise a power of two up to PAGE_SIZE).
 * Returns the cache, or NULL when out of memory, @size is 0 or larger
 * than 32 KiB, or @align is not valid.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align);

/*
 * Destroy an unused cache (NULL is ignored).
 * Returns: 0, or -EBUSY (and the cache stays) when objects are still in use.
 */
int kmem_cache_destroy(struct kmem_cache *cache);

/*
 * One object from @cache, or NULL when out of memory. The most recently
 * freed object of a partial slab is handed out first (it is cache-hot).
 */
void *kmem_cache_alloc(struct kmem_cache *cache);

/* Like kmem_cache_alloc(), with the object zeroed. */
void *kmem_cache_zalloc(struct kmem_cache *cache);

/*
 * Give @obj back to @cache; NULL is ignored. A double free, a pointer that
 * is not an object of @cache, is reported ("slab: ..."), counted in
 * slab_stats.nr_bad_free and otherwise ignored.
 */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/*
 * kmalloc: objects of power-of-two sizes KMALLOC_MIN_SIZE .. KMALLOC_MAX_SIZE
 * from the caches "kmalloc-16" ... "kmalloc-4096"; an object of size 2^n
 * is aligned to 2^n. Larger blocks: use alloc_pages().
 */
#define KMALLOC_MIN_SIZE 16
#define KMALLOC_MAX_SIZE 4096

/* What kmalloc(0) returns: not NULL, but faults when used (as Linux). */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((uintptr_t)(x) <= (uintptr_t)ZERO_SIZE_PTR)

/*
 * kmalloc - @size bytes.
 * Returns: the memory, ZERO_SIZE_PTR for 0 bytes, or NULL when out of
 * memory or @size > KMALLOC_MAX_SIZE.
 */
void *kmalloc(size_t size);

/* kmalloc(), zeroed. */
void *kzalloc(size_t size);

/*
 * Give back memory from kmalloc() (or any slab object); NULL and
 * ZERO_SIZE_PTR are ignored, bad pointers reported as by kmem_cache_free().
 */
void kfree(const void *ptr);

/*
 * The cache that kmalloc(@size) takes from.
 * Returns: the cache, or NULL when @size is 0 or too large.
 */
struct kmem_cache *kmalloc_slab(size_t size);

/* Pages held by all slabs of all caches. */
unsigned long slab_nr_pages(void);

/*
 * Verify every cache: each slab on the right list for its count, each
 * free list inside its slab, on object boundaries, without cycles and as
 * long as the count says; the cache's counters equal the sums.
 * Prints one line per problem. Returns: true when everything holds.
 */
bool slab_check(void);

/* Print one line per cache (Linux: /proc/slabinfo). */
void slabinfo_show(void);

#endif /* MM_SLAB_H */
