/*
 * mm/page_alloc.c - the buddy allocator: handing out and taking back
 * naturally aligned blocks of 2^order frames.
 *
 * Free blocks of each order sit on free_area[order]. To allocate order n,
 * take a block from the smallest non-empty list of order >= n and split it
 * in halves, keeping the lower half and listing the upper one, until it has
 * order n. Example, one page wanted, only an order-2 block free:
 *
 *	order 2   [ 0  1  2  3 ]                take it off free_area[2]
 *	order 1   [ 0  1 ][ 2  3 ]              list [2 3] on free_area[1]
 *	order 0   [0][1]                        list [1]   on free_area[0]
 *	          [0]                           hand out page 0
 *
 * Freeing runs the other way: the buddy of the block at pfn p of order n is
 * the block at p ^ 2^n (the other half of their order n+1 parent); while
 * that buddy is free and whole, take it off its list and merge, one order
 * up. So two free buddies never both sit on one list, and which blocks are
 * free depends only on which frames are free.
 *
 * The rest of the allocator: mm/mm_init.c (boot, mem_map) and
 * mm/page_check.c (page_alloc_check(), show_mem()).
 */
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/fault_inject.h"
#include "mm/internal.h"
#include "mm/kasan.h"
#include "mm/mmu.h"
#include "mm/poison.h"

static struct zone boot_zone;
struct zone *mem_zone = &boot_zone;

struct fault_attr fail_page_alloc;

/* -- zone ---------------------------------------------------------------- */

/* page_alloc_zone - Returns: the zone all calls work on. */
struct zone *page_alloc_zone(void)
{
	return mem_zone;
}

/*
 * page_alloc_use_zone - make @z the current zone.
 * Returns: the zone that was current.
 */
struct zone *page_alloc_use_zone(struct zone *z)
{
	struct zone *old = mem_zone;

	mem_zone = z;
	return old;
}

/* -- frames, addresses and struct pages ---------------------------------- */

/* pfn_valid - Returns: true when @pfn is a frame of the zone's RAM. */
bool pfn_valid(unsigned long pfn)
{
	return pfn - mem_zone->base_pfn < mem_zone->spanned_pages;
}

/* virt_addr_valid - Returns: true when @addr lies in the RAM mapping. */
bool virt_addr_valid(const void *addr)
{
	uintptr_t off = (uintptr_t)addr - (uintptr_t)mem_zone->virt_base;

	return mem_zone->mem_map && off / PAGE_SIZE < mem_zone->spanned_pages;
}

/* -- free lists ---------------------------------------------------------- */

/* Mark the block at @page free with @order and list it. */
static void add_to_free_area(struct page *page, unsigned int order)
{
	SetPageBuddy(page);
	page->order = order;
	list_add(&page->lru, &mem_zone->free_area[order].free_list);
	mem_zone->free_area[order].nr_free++;
	mem_zone->nr_free += 1UL << order;
}

/* Take the free block at @page (of @order) off its list. */
static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del_init(&page->lru);
	ClearPageBuddy(page);
	page->order = 0;
	mem_zone->free_area[order].nr_free--;
	mem_zone->nr_free -= 1UL << order;
}

/*
 * Is @pfn the first frame of a free block of exactly @order? False for
 * frames outside RAM, so blocks never merge across its ends.
 */
static bool pfn_is_free_block(unsigned long pfn, unsigned int order)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return false;
	page = pfn_to_page(pfn);
	return PageBuddy(page) && page->order == order;
}

/*
 * __free_one_block - list the free block of @order at @pfn, merging it
 * with its buddy for as long as the buddy is a whole free block too.
 */
void __free_one_block(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (!pfn_is_free_block(buddy_pfn, order))
			break;
		del_from_free_area(pfn_to_page(buddy_pfn), order);
		pfn &= ~(1UL << order);		/* the lower of the two */
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

/*
 * Split the block at @page from order @high down to @low, listing the
 * upper half at each step (see the picture at the top of the file).
 */
static void expand(struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_area(page + (1UL << high), high);
	}
}

/*
 * Take a block of @order from the smallest list that can supply it.
 * Returns: its first page, or NULL when no list of order >= @order has one.
 */
static struct page *rmqueue(unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &mem_zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_area(page, o);
		expand(page, order, o);
		return page;
	}
	return NULL;
}

/* -- poisoning (CONFIG_DEBUG_VM) ----------------------------------------- */

/*
 * Fill each frame of a block being freed with PAGE_POISON, then tell the
 * sanitizer the block is dead (the fill must come first; a slab may have
 * left parts of it poisoned, so unpoison it before).
 */
static void poison_block(struct page *page, unsigned int order)
{
	if (DEBUG_VM_ENABLED) {
		kasan_unpoison(page_address(page), PAGE_SIZE << order);
		for (unsigned long i = 0; i < 1UL << order; i++) {
			memset(page_address(page + i), PAGE_POISON, PAGE_SIZE);
			SetPagePoisoned(page + i);
		}
	}
	kasan_poison(page_address(page), PAGE_SIZE << order);
}

/*
 * A frame being handed out was poisoned when freed: report any byte that
 * changed since, which someone wrote through a stale pointer.
 */
static void check_poison(struct page *page)
{
	const unsigned char *start = page_address(page);
	const unsigned char *bad = memchr_inv(start, PAGE_POISON, PAGE_SIZE);

	ClearPagePoisoned(page);
	if (!bad)
		return;
	mem_zone->nr_poison_bad++;
	mem_zone->poison_pfn = page_to_pfn(page);
	mem_zone->poison_offset = (unsigned long)(bad - start);
	printk("bad_page: pfn %#lx phys %#lx: use after free: byte %#lx of the free page is %#x, not poison %#x\n",
	       mem_zone->poison_pfn, page_to_phys(page), mem_zone->poison_offset,
	       *bad, PAGE_POISON);
}

/* -- allocation ---------------------------------------------------------- */

/* Make a block just taken off the free lists ready for its new owner. */
static void prep_new_block(struct page *page, unsigned int order, gfp_t gfp)
{
	kasan_unpoison(page_address(page), PAGE_SIZE << order);
	for (unsigned long i = 0; i < 1UL << order; i++)
		if (PagePoisoned(page + i))
			check_poison(page + i);
	page->_refcount = 1;
	page->order = order;
	if (gfp & __GFP_ZERO)
		for (unsigned int i = 0; i < (1u << order); i++)
			clear_page(page_address(page + i));
}

/*
 * alloc_pages - see mm/page_alloc.h.
 * Returns: the first page of a block of 2^@order frames, or NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order >= MAX_ORDER || should_fail(&fail_page_alloc))
		return NULL;
	page = rmqueue(order);
	if (page)
		prep_new_block(page, order, gfp);
	return page;
}

/*
 * __get_free_pages - alloc_pages() by address.
 * Returns: the block's kernel virtual address, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/* get_zeroed_page - Returns: the address of a zeroed frame, or 0. */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* -- freeing ------------------------------------------------------------- */

/*
 * bad_page - report, on one line, a free (or reference change) of @page
 * that breaks the rules, and count it. The caller then ignores the call.
 */
static void __printf(3, 4) bad_page(const struct page *page, unsigned int order,
				    const char *fmt, ...)
{
	char why[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	mem_zone->nr_bad_free++;
	printk("bad_page: pfn %#lx phys %#lx order %u: %s\n",
	       page_to_pfn(page), page_to_phys(page), order, why);
}

#ifdef CONFIG_DEBUG_VM
/*
 * The free block that holds @pfn, if any: its head is @pfn rounded down to
 * some order n, marked free with order n.
 * Returns: the head page, or NULL when @pfn is not free.
 */
static struct page *free_block_holding(unsigned long pfn)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);

		if (pfn_is_free_block(head, o))
			return pfn_to_page(head);
	}
	return NULL;
}
#endif

/*
 * free_pages_check - may the block of @order at @page be freed now, its
 * last reference being dropped?
 * Returns: true if so; false after reporting what is wrong.
 */
static bool free_pages_check(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
#ifdef CONFIG_DEBUG_VM
	struct page *free_head = free_block_holding(pfn);
#else
	/*
	 * The release build does not look through the free lists (eleven
	 * orders, on every page freed): a double free still has refcount 0
	 * and is reported below, only without the free block that holds it.
	 */
	struct page *free_head = NULL;
#endif

	if (order >= MAX_ORDER)
		bad_page(page, order, "order too large");
	else if (pfn & ((1UL << order) - 1))
		bad_page(page, order, "not aligned to its order");
	else if (PageReserved(page))
		bad_page(page, order, "reserved page");
	else if (PageZero(page))
		bad_page(page, order, "the shared zero page");
	else if (PageSlab(page))
		bad_page(page, order, "page belongs to a slab cache");
	else if (free_head)
		bad_page(page, order, "double free: already free (in the order-%u free block at pfn %#lx)",
			 free_head->order, page_to_pfn(free_head));
	else if (page_count(page) <= 0)
		bad_page(page, order, "not allocated: refcount 0 (never allocated, or not the first page of its block)");
	else if (page->order != order)
		bad_page(page, order, "wrong order: the block was allocated with order %u",
			 page->order);
	else if (page_count(page) != 1)
		bad_page(page, order, "still in use: refcount %d",
			 page_count(page));
	else if (page_mapcount(page) != 0)
		bad_page(page, order, "still mapped: mapcount %d",
			 page_mapcount(page));
	else if (page->mapping)
		bad_page(page, order, "still has a mapping");
	else
		return true;
	return false;
}

/* Free a block whose checks have passed: poison it and list it. */
static void free_one_checked(struct page *page, unsigned int order)
{
	page->_refcount = 0;
	page->order = 0;
	ClearPageDirty(page);
	poison_block(page, order);
	__free_one_block(page_to_pfn(page), order);
}

/* A pointer outside mem_map can only be reported, without a pfn. */
static bool page_pointer_ok(const struct page *page, const char *caller)
{
	if (page_in_mem_map(page))
		return true;
	mem_zone->nr_bad_free++;
	printk("bad_page: %s(%p): not a page of mem_map\n", caller,
	       (const void *)page);
	return false;
}

/*
 * __free_pages - give back the block of @order that @page heads; see
 * mm/page_alloc.h for the rules. Bad calls are reported and ignored.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (!page_pointer_ok(page, "__free_pages"))
		return;
	if (free_pages_check(page, order))
		free_one_checked(page, order);
}

/*
 * free_pages - __free_pages() by kernel virtual address; 0 is ignored, an
 * address outside RAM is reported.
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || offset_in_page(addr)) {
		mem_zone->nr_bad_free++;
		printk("bad_page: free_pages(%#lx, %u): not the address of a page of RAM\n",
		       addr, order);
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

#ifdef CONFIG_DEBUG_VM
/* get_page - take one more reference on the allocated block @page heads. */
void get_page(struct page *page)
{
	if (!page_pointer_ok(page, "get_page"))
		return;
	if (page_count(page) <= 0) {
		bad_page(page, page->order, "get_page on a page not allocated (free, or not the first page of its block)");
		return;
	}
	page->_refcount++;
}
#endif

/*
 * put_page - drop a reference on the block @page heads; dropping the last
 * one frees the block with the order it was allocated with, and is
 * reported for a reserved page or the zero page, which are never freed.
 */
void put_page(struct page *page)
{
	if (!page_pointer_ok(page, "put_page"))
		return;
	if (page_count(page) > 1) {
		page->_refcount--;
		return;
	}
	if (free_pages_check(page, page->order))
		free_one_checked(page, page->order);
}

/* -- counters ------------------------------------------------------------ */

/* nr_free_pages - Returns: free pages, over all orders. */
unsigned long nr_free_pages(void)
{
	return mem_zone->nr_free;
}

/* nr_free_blocks - Returns: free blocks of @order (0 if out of range). */
unsigned long nr_free_blocks(unsigned int order)
{
	return order < MAX_ORDER ? mem_zone->free_area[order].nr_free : 0;
}
