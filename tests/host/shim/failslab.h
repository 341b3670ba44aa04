/*
 * tests/host/shim/failslab.h - fault injection and leak counting for the
 * slab allocator in host tests (Linux calls its version "failslab").
 *
 * The host link wraps kmem_cache_alloc, kmem_cache_zalloc and
 * kmem_cache_free (ld --wrap, see HOSTLDFLAGS in the Makefile): every call
 * from mm/ code goes through tests/host/shim/failslab.c first, whichever
 * allocator is behind it.
 */
#ifndef TESTS_HOST_SHIM_FAILSLAB_H
#define TESTS_HOST_SHIM_FAILSLAB_H

/*
 * Let the next @n allocations succeed and make every one after that fail
 * (return NULL) until failslab_off(). failslab_after(0): the next fails.
 */
void failslab_after(long n);
void failslab_off(void);

/* Objects allocated through the wrappers and not yet freed. */
long slab_live_objects(void);

#endif /* TESTS_HOST_SHIM_FAILSLAB_H */
