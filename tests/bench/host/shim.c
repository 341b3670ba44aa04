/*
 * tests/bench/host/shim.c - what the mm files of the benchmark (vma.c,
 * vma_merge.c, anon_vma.c, unmapped_area.c, rbtree.c, validate.c) need
 * from the rest of the kernel: the console is stdout, panic() aborts
 * (both the host tests' own, below), the slab is malloc().
 *
 * The host tests have a fuller shim (tests/host/shim/, with the real
 * slab, the fake MMU and ASan); the benchmark keeps its own slab so that
 * it links nothing it does not measure. Its VMAs come from arrays of its
 * own, so the slab functions are here only for the linker (vm_area_alloc()
 * and friends in mm/vma.c call them).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/printk.h"
#include "mm/slab.h"

/*
 * The console and panic() are the host tests' (stdout; abort), compiled
 * in here rather than linked, so that the benchmark links nothing else
 * of their shim.
 */
#include "tests/host/shim/shim.c"
#include "tests/host/shim/console.c"
#include "kernel/printk.c"

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align)
{
	struct kmem_cache *cache = calloc(1, sizeof(*cache));

	if (cache) {
		cache->name = name;
		cache->object_size = size;
		cache->size = size;
		cache->align = align;
	}
	return cache;
}

void *kmem_cache_alloc(struct kmem_cache *cache)
{
	void *obj = malloc(cache->size);

	if (obj)
		cache->nr_active++;
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *cache)
{
	void *obj = calloc(1, cache->size);

	if (obj)
		cache->nr_active++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	if (obj) {
		cache->nr_active--;
		free(obj);
	}
}

/*
 * Files: the benchmark's VMAs are all anonymous, so split and merge never
 * reach these; they are here for the linker, and say so if they are hit.
 */
struct file *get_file(struct file *file)
{
	panic("bench: get_file called, but the benchmark maps no file");
	return file;
}

void fput(struct file *file)
{
	panic("bench: fput called, but the benchmark maps no file");
}
