/*
 * mm/page_check.c - looking at the page allocator from outside: the
 * consistency check the tests run after every step, and show_mem().
 *
 * page_alloc_check() trusts nothing it checks. It walks the free lists
 * first, marking each listed block PG_seen, then walks mem_map in pfn
 * order, where every PG_buddy head must carry that mark and no free block
 * may cover another block, a reserved page or a page in use.
 */
#include "kernel/printk.h"
#include "mm/internal.h"

#define CHECK_REPORT_MAX 10	/* lines printed per page_alloc_check() */

static unsigned long check_errors;

/* Count a problem and print it (the first few of each check). */
static void __printf(1, 2) check_error(const char *fmt, ...)
{
	char why[128];
	va_list ap;

	if (++check_errors > CHECK_REPORT_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	printk("page_alloc_check: %s\n", why);
}

/* Check one block found on free_area[@order]; mark it seen. */
static void check_listed_block(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long buddy = pfn ^ (1UL << order);

	if (pfn & ((1UL << order) - 1))
		check_error("pfn %#lx: order-%u block not aligned to its order",
			    pfn, order);
	if ((1UL << order) > zone_end_pfn(mem_zone) - pfn)
		check_error("pfn %#lx: order-%u block runs past the end of RAM",
			    pfn, order);
	if (!PageBuddy(page))
		check_error("pfn %#lx: on free_area[%u] but not marked free",
			    pfn, order);
	else if (page->order != order)
		check_error("pfn %#lx: on free_area[%u] but marked order %u",
			    pfn, order, page->order);
	if (PageSeen(page))
		check_error("pfn %#lx: listed twice", pfn);
	SetPageSeen(page);
	if (order < MAX_ORDER - 1 && pfn_valid(buddy) &&
	    PageBuddy(pfn_to_page(buddy)) &&
	    pfn_to_page(buddy)->order == order)
		check_error("pfn %#lx: free buddy at pfn %#lx of the same order %u was not merged",
			    pfn, buddy, order);
}

/*
 * Walk every free list, checking and marking each block.
 * Returns: the number of free pages the lists hold.
 */
static unsigned long check_free_lists(void)
{
	unsigned long total = 0;

	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		struct free_area *area = &mem_zone->free_area[o];
		unsigned long n = 0;
		struct list_head *pos;

		list_for_each(pos, &area->free_list) {
			struct page *page = list_entry(pos, struct page, lru);

			if (!page_in_mem_map(page) ||
			    ++n > mem_zone->spanned_pages) {
				check_error("free_area[%u]: corrupt list", o);
				break;
			}
			check_listed_block(page, o);
		}
		if (n != area->nr_free)
			check_error("free_area[%u]: %lu blocks listed, nr_free says %lu",
				    o, n, area->nr_free);
		total += n << o;
	}
	return total;
}

/*
 * The free block headed by @pfn, found in the walk of mem_map: it must
 * have been listed, and every page in it must be free and unremarkable.
 * Returns: the number of pages to step over.
 */
static unsigned long check_free_block(unsigned long pfn)
{
	struct page *head = pfn_to_page(pfn);
	unsigned int order = head->order;

	if (!PageSeen(head))
		check_error("pfn %#lx: marked free (order %u) but on no free list",
			    pfn, order);
	ClearPageSeen(head);
	if (head->_refcount != 0)
		check_error("pfn %#lx: free but refcount %d", pfn,
			    head->_refcount);
	if (order >= MAX_ORDER || (pfn & ((1UL << order) - 1)) ||
	    (1UL << order) > zone_end_pfn(mem_zone) - pfn)
		return 1;	/* reported above; walk on page by page */

	for (unsigned long i = 1; i < 1UL << order; i++) {
		struct page *page = head + i;

		if (PageBuddy(page) || PageSeen(page))
			check_error("pfn %#lx: a free block inside the order-%u free block at pfn %#lx",
				    pfn + i, order, pfn);
		if (PageReserved(page) || PageSlab(page) ||
		    page->_refcount != 0)
			check_error("pfn %#lx: in use inside the order-%u free block at pfn %#lx",
				    pfn + i, order, pfn);
		ClearPageSeen(page);
	}
	return 1UL << order;
}

/* page_alloc_check - see mm/page_alloc.h. Returns: true when consistent. */
bool page_alloc_check(void)
{
	unsigned long end = zone_end_pfn(mem_zone);
	unsigned long listed, pfn;

	check_errors = 0;
	if (!mem_zone->mem_map) {
		printk("page_alloc_check: page_alloc_free_all() has not run\n");
		return false;
	}
	listed = check_free_lists();
	if (listed != mem_zone->nr_free)
		check_error("free lists hold %lu pages, nr_free says %lu",
			    listed, mem_zone->nr_free);

	for (pfn = mem_zone->base_pfn; pfn < end;) {
		struct page *page = pfn_to_page(pfn);

		if (PageBuddy(page)) {
			pfn += check_free_block(pfn);
			continue;
		}
		if (PageSeen(page))	/* listed, but not marked free */
			ClearPageSeen(page);
		pfn++;
	}
	if (check_errors > CHECK_REPORT_MAX)
		printk("page_alloc_check: %lu problems in all\n", check_errors);
	return check_errors == 0;
}

/*
 * si_meminfo - count the frames of RAM: all, free, reserved and held by
 * slabs (a walk of mem_map, for a command, not for a fast path).
 */
void si_meminfo(struct meminfo *mi)
{
	mi->totalram = mem_zone->spanned_pages;
	mi->freeram = mem_zone->nr_free;
	mi->reservedram = 0;
	mi->slabram = 0;
	for (unsigned long i = 0; i < mem_zone->spanned_pages; i++) {
		mi->reservedram += PageReserved(&mem_zone->mem_map[i]);
		mi->slabram += PageSlab(&mem_zone->mem_map[i]);
	}
}

/*
 * show_mem - print where RAM and mem_map are, si_meminfo() in KiB, and
 * the number of free blocks of each order.
 */
void show_mem(void)
{
	const unsigned long kb = PAGE_SIZE / 1024;
	struct meminfo mi;

	si_meminfo(&mi);
	printk("RAM %#lx-%#lx, mem_map at %#lx (%lu pages)\n",
	       mem_zone->base_pfn << PAGE_SHIFT,
	       zone_end_pfn(mem_zone) << PAGE_SHIFT,
	       page_to_phys(virt_to_page(mem_zone->mem_map)),
	       mem_zone->mem_map_pages);
	printk("Mem: %lu kB total, %lu kB free, %lu kB reserved, %lu kB slab\n",
	       mi.totalram * kb, mi.freeram * kb, mi.reservedram * kb,
	       mi.slabram * kb);
	printk("Free blocks by order:");
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		printk(" %u:%lu", o, mem_zone->free_area[o].nr_free);
	printk("\n");
}
