/*
 * tests/host/shim/mem.c - the host's pretend RAM (see mem.h): a
 * constructor boots the page allocator and the slab on a malloc'd arena
 * before main() runs the tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/printk.h"
#include "mm/kasan.h"
#include "mm/slab.h"
#include "tests/host/shim/mem.h"

char *host_ram;

/* Host memory for @nr_pages of RAM, aligned to the largest buddy block. */
static char *arena_alloc(unsigned long nr_pages)
{
	size_t align = PAGE_SIZE * MAX_ORDER_NR_PAGES;
	size_t bytes = ALIGN(nr_pages * PAGE_SIZE, align);
	char *arena = aligned_alloc(align, bytes);

	if (!arena) {
		fprintf(stderr, "mem: cannot allocate %zu bytes of RAM\n",
			bytes);
		abort();
	}
	return arena;
}

/* Boot the shared RAM, before the tests (and their constructors) run. */
__attribute__((constructor(101))) static void host_mem_init(void)
{
	host_ram = arena_alloc(HOST_RAM_SIZE / PAGE_SIZE);
	page_alloc_init(HOST_PHYS_BASE, host_ram, HOST_RAM_SIZE / PAGE_SIZE);
	if (page_alloc_reserve(HOST_PHYS_BASE,
			       HOST_PHYS_BASE + HOST_KERNEL_SIZE) ||
	    page_alloc_free_all())
		panic("host_mem_init: cannot boot the page allocator");
	kmem_cache_init();
}

/* host_ram_begin - see mem.h. */
void host_ram_begin(struct host_ram *ram, unsigned long phys_base,
		    unsigned long nr_pages)
{
	ram->arena = arena_alloc(nr_pages);
	ram->nr_pages = nr_pages;
	ram->saved = page_alloc_use_zone(&ram->zone);
	page_alloc_init(phys_base, ram->arena, nr_pages);
}

/* host_ram_end - see mem.h. */
void host_ram_end(struct host_ram *ram)
{
	page_alloc_use_zone(ram->saved);
	/* free pages are poisoned for ASan; free() wants them clean */
	kasan_unpoison(ram->arena, ram->nr_pages * PAGE_SIZE);
	free(ram->arena);
	ram->arena = NULL;
}
