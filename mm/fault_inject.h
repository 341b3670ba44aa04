/*
 * mm/fault_inject.h - make allocations fail on purpose, so that tests can
 * drive every out-of-memory path (Linux: fail_page_alloc and failslab,
 * set through debugfs; here plain variables a test writes).
 *
 * Two knobs exist: fail_page_alloc (mm/page_alloc.c, consulted by every
 * alloc_pages() call) and failslab (mm/slab.c, consulted by every
 * kmem_cache_alloc() and kmalloc() call). Each lets @skip calls succeed,
 * then fails the next @times calls, then is off again:
 *
 *	fault_attr_set(&fail_page_alloc, 2, 1);	// 3rd allocation fails
 *	fault_attr_set(&failslab, 0, FAULT_TIMES_ALWAYS);  // all fail
 *	fault_attr_set(&failslab, 0, 0);	// off
 *
 * A test that fails "the k-th allocation" for k = 0, 1, 2 ... until the
 * operation succeeds walks every error path of that operation once.
 * Off by default; costs one test of a variable per allocation.
 */
#ifndef MM_FAULT_INJECT_H
#define MM_FAULT_INJECT_H

#include "kernel/kernel.h"

#define FAULT_TIMES_ALWAYS (~0UL)	/* @times: fail until turned off */

struct fault_attr {
	unsigned long skip;	/* calls still allowed to succeed first */
	unsigned long times;	/* then this many fail; 0: injection off */
	unsigned long injected;	/* failures injected so far (statistics) */
};

extern struct fault_attr fail_page_alloc;
extern struct fault_attr failslab;

/* Arm @attr: let @skip calls succeed, then fail @times calls. */
static inline void fault_attr_set(struct fault_attr *attr, unsigned long skip,
				  unsigned long times)
{
	attr->skip = skip;
	attr->times = times;
}

/*
 * Called by an allocator before it does any work.
 * Returns: true when this call must fail (and counts it), else false.
 */
static inline bool should_fail(struct fault_attr *attr)
{
	if (likely(attr->times == 0))
		return false;
	if (attr->skip > 0) {
		attr->skip--;
		return false;
	}
	if (attr->times != FAULT_TIMES_ALWAYS)
		attr->times--;
	attr->injected++;
	return true;
}

#endif /* MM_FAULT_INJECT_H */
