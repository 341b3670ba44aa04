/*
 * mm/filemap.c - the page cache (see filemap.h): for each object, an array
 * of its pages by index, grown by doubling.
 *
 *   inode->i_data.pages:  [0] [1] [2] [3] [4] ... [nr_slots - 1]
 *                          |   .   |   .   .
 *                          v       v
 *                        page    page        page->mapping = &i_data
 *                                            page->index   = 0, 2
 *
 * The cache holds one reference on each of its pages; every PTE that maps
 * one holds another (mm/memory.c), and so does every caller of
 * find_get_page() until it calls put_page(). So a page stays alive while
 * anything uses it, and goes back to the allocator when the object is
 * truncated and the last user lets go.
 *
 * Linux keeps these pages in a radix tree (4.x; an xarray today), which
 * is sparse. An array is not: an object whose page i is cached costs at
 * least i + 1 slots. Small arrays come from kmalloc, larger ones from
 * the page allocator.
 */
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/filemap.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"
#include "mm/vmstat.h"

#define MIN_SLOTS 8UL

/*
 * The page allocator order of an array of @nr slots too big for kmalloc.
 * Returns: the order.
 */
static unsigned int slots_order(unsigned long nr)
{
	unsigned long pages = (nr * sizeof(struct page *) + PAGE_SIZE - 1) >>
			      PAGE_SHIFT;
	unsigned int order = 0;

	while ((1UL << order) < pages)
		order++;
	return order;
}

/* A zeroed array of @nr page pointers. Returns: it, or NULL. */
static struct page **slots_alloc(unsigned long nr)
{
	struct page *block;

	if (nr * sizeof(struct page *) <= KMALLOC_MAX_SIZE)
		return kzalloc(nr * sizeof(struct page *));
	block = alloc_pages(__GFP_ZERO, slots_order(nr));
	return block ? page_address(block) : NULL;
}

/* Free an array made by slots_alloc(@nr). */
static void slots_free(struct page **slots, unsigned long nr)
{
	if (!slots)
		return;
	if (nr * sizeof(struct page *) <= KMALLOC_MAX_SIZE)
		kfree(slots);
	else
		__free_pages(virt_to_page(slots), slots_order(nr));
}

/*
 * Make room for @index in @mapping's array: double it until it is large
 * enough. Returns: true, or false when out of memory (array unchanged).
 */
static bool grow_slots(struct address_space *mapping, unsigned long index)
{
	unsigned long nr = mapping->nr_slots ? mapping->nr_slots : MIN_SLOTS;
	struct page **slots;

	while (nr <= index)
		nr *= 2;
	if (slots_order(nr) >= MAX_ORDER)
		return false;
	slots = slots_alloc(nr);
	if (!slots)
		return false;
	if (mapping->pages)
		memcpy(slots, mapping->pages,
		       mapping->nr_slots * sizeof(struct page *));
	slots_free(mapping->pages, mapping->nr_slots);
	mapping->pages = slots;
	mapping->nr_slots = nr;
	return true;
}

/*
 * find_get_page - the cached page of @mapping at @index.
 * Returns: the page with a reference for the caller, or NULL.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	if (index >= mapping->nr_slots || !mapping->pages[index])
		return NULL;
	page = mapping->pages[index];
	get_page(page);
	return page;
}

/*
 * find_or_create_page - the cached page of @mapping at @index, adding a
 * zeroed page first when there is none (the cache takes its reference,
 * sets page->mapping and page->index, and counts td_pagecache_adds).
 * Returns: the page with a reference for the caller, or NULL when out of
 * memory (then nothing has changed).
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index)
{
	struct page *page = find_get_page(mapping, index);

	if (page)
		return page;
	page = alloc_page(__GFP_ZERO);
	if (!page)
		return NULL;
	if (index >= mapping->nr_slots && !grow_slots(mapping, index)) {
		put_page(page);
		return NULL;
	}
	page->mapping = mapping;
	page->index = index;
	mapping->pages[index] = page;
	mapping->nrpages++;
	count_vm_event(TD_PAGECACHE_ADDS);
	get_page(page);		/* the caller's; the cache keeps the first */
	return page;
}

/*
 * truncate_inode_pages - take every page out of @mapping and drop the
 * cache's reference on it (a page nobody else holds is freed), then free
 * the array. No page may still be mapped: mappings hold a reference to
 * the object, so the object cannot go away under them.
 */
void truncate_inode_pages(struct address_space *mapping)
{
	for (unsigned long i = 0; i < mapping->nr_slots; i++) {
		struct page *page = mapping->pages[i];

		if (!page)
			continue;
		BUG_ON(page_mapcount(page) != 0);
		mapping->pages[i] = NULL;
		page->mapping = NULL;
		put_page(page);
	}
	slots_free(mapping->pages, mapping->nr_slots);
	mapping->pages = NULL;
	mapping->nr_slots = 0;
	mapping->nrpages = 0;
}
