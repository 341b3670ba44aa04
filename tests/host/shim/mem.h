/*
 * tests/host/shim/mem.h - the host's pretend RAM.
 *
 * Before any test runs, mem.c allocates HOST_RAM_SIZE bytes, calls them
 * physical RAM at HOST_PHYS_BASE (as on the board), reserves the first
 * HOST_KERNEL_SIZE bytes as if a kernel image were loaded there, and
 * brings up the page allocator and the slab on it. Every host test can
 * call alloc_pages(), kmalloc() and kmem_cache_*() and must give back
 * what it took.
 *
 * A test that needs RAM of its own (another size, other reservations, or
 * "allocate every page") boots a private zone with host_ram_begin(),
 * works on it, and returns to the shared one with host_ram_end(). Between
 * the two only the page allocator may be used, not the slab (its caches
 * live in the shared RAM).
 */
#ifndef TESTS_HOST_SHIM_MEM_H
#define TESTS_HOST_SHIM_MEM_H

#include "mm/page_alloc.h"

#define HOST_PHYS_BASE 0x60000000UL
#define HOST_RAM_SIZE (64UL << 20)
#define HOST_KERNEL_SIZE (1UL << 20)

/* The shared RAM, for tests that check addresses. */
extern char *host_ram;

/* A private RAM and zone, and the zone to return to. */
struct host_ram {
	char *arena;
	unsigned long nr_pages;
	struct zone zone;
	struct zone *saved;
};

/*
 * host_ram_begin - allocate @nr_pages of host memory, make a private zone
 * current and page_alloc_init() it as RAM at physical @phys_base. The
 * test then reserves what it likes and calls page_alloc_free_all().
 */
void host_ram_begin(struct host_ram *ram, unsigned long phys_base,
		    unsigned long nr_pages);

/* host_ram_end - make the shared zone current again; free the memory. */
void host_ram_end(struct host_ram *ram);

#endif /* TESTS_HOST_SHIM_MEM_H */
