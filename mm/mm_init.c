/*
 * mm/mm_init.c - bringing the page allocator up: where RAM is, what the
 * boot code must keep, where mem_map goes, and the first frees.
 *
 * At boot the kernel has no allocator at all, so mem_map (one struct page
 * per frame: 32 bytes each on ARM, 1 MiB for 128 MiB of RAM) is carved out
 * of RAM itself, from the lowest hole that no reservation touches:
 *
 *   0x60000000                                                 end of RAM
 *   | kernel image | mem_map |   free   | initramfs |        free        |
 *   '-- reserved --'-reserved-'          '-reserved-'
 *
 * Every other frame goes to the buddy lists, in the largest naturally
 * aligned blocks that fit (mm/page_alloc.c merges neighbours anyway).
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/internal.h"
#include "mm/kasan.h"

/*
 * page_alloc_init - see mm/page_alloc.h. Starts the current zone afresh.
 * Panics when the addresses are not page aligned, @nr_pages is 0, or the
 * RAM would not fit in the virtual address space at @virt_base.
 */
void page_alloc_init(phys_addr_t phys_base, void *virt_base,
		     unsigned long nr_pages)
{
	struct zone *z = mem_zone;
	uintptr_t room = (UINTPTR_MAX - (uintptr_t)virt_base) >> PAGE_SHIFT;

	BUG_ON(offset_in_page(phys_base) || offset_in_page(virt_base));
	BUG_ON(nr_pages == 0 || nr_pages - 1 > room);
	BUG_ON(nr_pages - 1 > (~0UL - phys_base) >> PAGE_SHIFT);

	memset(z, 0, sizeof(*z));
	z->base_pfn = phys_base >> PAGE_SHIFT;
	z->spanned_pages = nr_pages;
	z->virt_base = virt_base;
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&z->free_area[o].free_list);
}

/*
 * page_alloc_reserve - record physical [@start, @end) as not to be freed.
 * Returns: 0, -EINVAL, -ENOSPC or -EBUSY (see mm/page_alloc.h).
 */
int page_alloc_reserve(phys_addr_t start, phys_addr_t end)
{
	struct zone *z = mem_zone;
	unsigned long spfn = start >> PAGE_SHIFT;
	unsigned long epfn = (end >> PAGE_SHIFT) + (offset_in_page(end) != 0);

	if (z->started)
		return -EBUSY;
	if (start >= end || spfn < z->base_pfn || epfn > zone_end_pfn(z))
		return -EINVAL;
	if (z->nr_reserved == NR_BOOT_RESERVED)
		return -ENOSPC;
	z->reserved[z->nr_reserved].start = spfn;
	z->reserved[z->nr_reserved].end = epfn;
	z->nr_reserved++;
	return 0;
}

/*
 * The first reservation that overlaps frames [@pfn, @pfn + @n).
 * Returns: the pfn just after it, or 0 when none overlaps.
 */
static unsigned long reservation_overlapping(unsigned long pfn,
					     unsigned long n)
{
	const struct zone *z = mem_zone;

	for (int i = 0; i < z->nr_reserved; i++)
		if (z->reserved[i].start < pfn + n && pfn < z->reserved[i].end)
			return z->reserved[i].end;
	return 0;
}

/*
 * The lowest run of @n frames that no reservation touches, for mem_map.
 * Returns: true and its first pfn in *@pfn, or false when there is none.
 */
static bool find_hole(unsigned long n, unsigned long *pfn)
{
	unsigned long p = mem_zone->base_pfn;
	unsigned long end = zone_end_pfn(mem_zone);

	while (n <= end - p) {
		unsigned long next = reservation_overlapping(p, n);

		if (!next) {
			*pfn = p;
			return true;
		}
		p = next;	/* > p: jump past the reservation in the way */
	}
	return false;
}

/* Is @pfn part of mem_map itself? */
static bool pfn_in_mem_map(unsigned long pfn)
{
	unsigned long first = page_to_pfn(virt_to_page(mem_zone->mem_map));

	return pfn - first < mem_zone->mem_map_pages;
}

/* Must @pfn stay out of the allocator (reserved, or mem_map)? */
static bool pfn_kept_at_boot(unsigned long pfn)
{
	return reservation_overlapping(pfn, 1) || pfn_in_mem_map(pfn);
}

/* Every struct page starts reserved and owned by the kernel. */
static void memmap_init(void)
{
	for (unsigned long i = 0; i < mem_zone->spanned_pages; i++) {
		struct page *page = &mem_zone->mem_map[i];

		memset(page, 0, sizeof(*page));
		SetPageReserved(page);
		page->_refcount = 1;
		INIT_LIST_HEAD(&page->lru);
	}
}

/*
 * Give frames [@start, @end) to the buddy lists as the largest naturally
 * aligned blocks that fit. They are not poisoned: nothing used them yet.
 */
static void free_run(unsigned long start, unsigned long end)
{
	for (unsigned long pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_page(pfn);

		ClearPageReserved(page);
		page->_refcount = 0;
	}
	kasan_poison(page_address(pfn_to_page(start)),
		     (end - start) * PAGE_SIZE);
	mem_zone->managed_pages += end - start;

	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		while ((start & ((1UL << order) - 1)) ||
		       (1UL << order) > end - start)
			order--;
		__free_one_block(start, order);
		start += 1UL << order;
	}
}

/*
 * page_alloc_free_all - place mem_map, then free every frame not kept.
 * Returns: 0, or -ENOMEM when no hole in RAM can hold mem_map.
 */
int page_alloc_free_all(void)
{
	struct zone *z = mem_zone;
	unsigned long n, first, pfn;

	n = (z->spanned_pages * sizeof(struct page) + PAGE_SIZE - 1) /
	    PAGE_SIZE;
	if (!find_hole(n, &first)) {
		printk("page_alloc: no hole of %lu pages for mem_map\n", n);
		return -ENOMEM;
	}
	z->mem_map = (struct page *)(z->virt_base +
				     (first - z->base_pfn) * PAGE_SIZE);
	z->mem_map_pages = n;
	memmap_init();

	pfn = z->base_pfn;
	while (pfn < zone_end_pfn(z)) {
		unsigned long start = pfn;

		if (pfn_kept_at_boot(pfn)) {
			pfn++;
			continue;
		}
		while (pfn < zone_end_pfn(z) && !pfn_kept_at_boot(pfn))
			pfn++;
		free_run(start, pfn);
	}
	z->started = true;
	return 0;
}

/*
 * free_reserved_range - free the reserved frames of [@start, @end),
 * rounded in to whole pages; mem_map and frames not reserved are skipped.
 * Returns: the number of pages freed.
 */
unsigned long free_reserved_range(phys_addr_t start, phys_addr_t end)
{
	unsigned long spfn = (start >> PAGE_SHIFT) + (offset_in_page(start) != 0);
	unsigned long epfn = end >> PAGE_SHIFT;
	unsigned long freed = 0;

	if (!mem_zone->started)
		return 0;
	for (unsigned long pfn = spfn; pfn < epfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn) || pfn_in_mem_map(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (!PageReserved(page))
			continue;
		/* now an ordinary allocated page with one reference: free it */
		ClearPageReserved(page);
		page->_refcount = 1;
		page->order = 0;
		__free_pages(page, 0);
		mem_zone->managed_pages++;
		freed++;
	}
	return freed;
}
