/*
 * mm/internal.h - the page allocator's zone, for mm/ only: the allocator's
 * own files, its checker, the boot-time setup, and mmap's overcommit test
 * (which needs the managed page count). Linux keeps the same kind of
 * thing in mm/internal.h; nothing outside mm/ includes it.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include "mm/page_alloc.h"

/* The zone every call works on (mm/page_alloc.c). */
extern struct zone *mem_zone;

/* The pfn one past the last frame of RAM. */
static inline unsigned long zone_end_pfn(const struct zone *z)
{
	return z->base_pfn + z->spanned_pages;
}

/* Is @page an element of the current zone's mem_map? */
static inline bool page_in_mem_map(const struct page *page)
{
	return mem_zone->mem_map && page >= mem_zone->mem_map &&
	       page < mem_zone->mem_map + mem_zone->spanned_pages;
}

/*
 * Put the free block of 2^@order frames at @pfn on the free lists, merging
 * it with free buddies. No checks, no poisoning: the caller has done both.
 */
void __free_one_block(unsigned long pfn, unsigned int order);

#endif /* MM_INTERNAL_H */
