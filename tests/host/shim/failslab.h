/*
 * tests/host/shim/failslab.h - leak counting for the slab allocator in
 * host tests. (Making allocations fail is mm/fault_inject.h's failslab,
 * the kernel's own.)
 *
 * The host link wraps kmem_cache_alloc, kmem_cache_zalloc and
 * kmem_cache_free (ld --wrap, see HOSTLDFLAGS in the Makefile): every call
 * from mm/ code goes through tests/host/shim/failslab.c first, which
 * counts the objects handed out and given back.
 */
#ifndef TESTS_HOST_SHIM_FAILSLAB_H
#define TESTS_HOST_SHIM_FAILSLAB_H

/* Objects allocated through the wrappers and not yet freed. */
long slab_live_objects(void);

#endif /* TESTS_HOST_SHIM_FAILSLAB_H */
