/*
 * Host tests of mm/page_check.c: page_alloc_check() must notice each kind
 * of damage to the free lists, or the other tests' "check passes" would
 * prove nothing. Each test breaks one thing in a private zone, expects
 * the check to fail, repairs it and expects the check to pass again.
 */
#include "mm/slab.h"
#include "tests/host/page_model.h"
#include "tests/host/test.h"

/*
 * A private RAM of 4096 frames whose free blocks, after the kernel (0x123
 * frames) and mem_map, have orders 0, 2, 5, 7, 9 and 10.
 */
static void boot(struct host_ram *ram)
{
	host_ram_begin(ram, HOST_PHYS_BASE, 4096);
	CHECK_EQ(page_alloc_reserve(HOST_PHYS_BASE, HOST_PHYS_BASE + 0x123000), 0);
	CHECK_EQ(page_alloc_free_all(), 0);
	CHECK(page_alloc_check());
}

/* The first block on free_area[@order]. */
static struct page *first_free(unsigned int order)
{
	struct free_area *area = &page_alloc_zone()->free_area[order];

	CHECK(!list_empty(&area->free_list));
	return list_first_entry(&area->free_list, struct page, lru);
}

TEST(check_notices_wrong_counters)
{
	struct host_ram ram;
	struct zone *z;

	boot(&ram);
	z = page_alloc_zone();
	z->nr_free++;
	CHECK(!page_alloc_check());
	z->nr_free--;
	z->free_area[3].nr_free++;
	CHECK(!page_alloc_check());
	z->free_area[3].nr_free--;
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

TEST(check_notices_a_block_with_the_wrong_order_or_mark)
{
	struct host_ram ram;
	struct page *page;

	boot(&ram);
	page = first_free(5);
	page->order = 4;
	CHECK(!page_alloc_check());
	page->order = 5;
	ClearPageBuddy(page);
	CHECK(!page_alloc_check());
	SetPageBuddy(page);
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

/* A frame inside a free block that is in use, or a free block itself. */
TEST(check_notices_a_used_frame_inside_a_free_block)
{
	struct host_ram ram;
	struct page *page;

	boot(&ram);
	page = first_free(MAX_ORDER - 1);
	page[7]._refcount = 1;
	CHECK(!page_alloc_check());
	page[7]._refcount = 0;
	SetPageReserved(&page[9]);
	CHECK(!page_alloc_check());
	ClearPageReserved(&page[9]);
	SetPageBuddy(&page[16]);	/* an order-0 "free block" inside */
	page[16].order = 0;
	CHECK(!page_alloc_check());
	ClearPageBuddy(&page[16]);
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

/*
 * Two free buddies of one order, not merged: split a free order-5 block
 * into its halves by hand and list both as order 4.
 *
 *	before:  free_area[5]: [ 32 frames ]
 *	broken:  free_area[4]: [ 16 ][ 16 ]    <- must have been merged
 */
TEST(check_notices_free_buddies_left_unmerged)
{
	struct host_ram ram;
	struct zone *z;
	struct page *page;

	boot(&ram);
	z = page_alloc_zone();
	page = first_free(5);
	list_del_init(&page->lru);
	z->free_area[5].nr_free--;
	page->order = 4;
	SetPageBuddy(&page[16]);
	page[16].order = 4;
	list_add(&page->lru, &z->free_area[4].free_list);
	list_add(&page[16].lru, &z->free_area[4].free_list);
	z->free_area[4].nr_free += 2;
	CHECK(!page_alloc_check());

	list_del_init(&page->lru);
	list_del_init(&page[16].lru);
	ClearPageBuddy(&page[16]);
	z->free_area[4].nr_free -= 2;
	page->order = 5;
	list_add(&page->lru, &z->free_area[5].free_list);
	z->free_area[5].nr_free++;
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

/* A block on two lists at once, and a block on none. */
TEST(check_notices_listing_errors)
{
	struct host_ram ram;
	struct zone *z;
	struct page *page;

	boot(&ram);
	z = page_alloc_zone();
	page = first_free(2);
	list_del_init(&page->lru);
	z->free_area[2].nr_free--;
	CHECK(!page_alloc_check());	/* marked free, listed nowhere */
	list_add(&page->lru, &z->free_area[2].free_list);
	z->free_area[2].nr_free++;
	CHECK(page_alloc_check());

	page = first_free(0);		/* misaligned for order 1 */
	page_alloc_zone()->free_area[0].nr_free--;
	list_del_init(&page->lru);
	list_add(&page->lru, &z->free_area[1].free_list);
	z->free_area[1].nr_free++;
	CHECK(!page_alloc_check());
	list_del_init(&page->lru);
	z->free_area[1].nr_free--;
	list_add(&page->lru, &z->free_area[0].free_list);
	z->free_area[0].nr_free++;
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

TEST(si_meminfo_counts_frames_by_kind)
{
	unsigned long M = mem_map_pages_for(4096);
	struct host_ram ram;
	struct meminfo mi;
	struct page *page;

	boot(&ram);
	si_meminfo(&mi);
	CHECK_EQ(mi.totalram, 4096);
	CHECK_EQ(mi.reservedram, 0x123 + M);
	CHECK_EQ(mi.freeram, 4096 - 0x123 - M);
	CHECK_EQ(mi.slabram, 0);
	page = alloc_pages(GFP_KERNEL, 3);
	si_meminfo(&mi);
	CHECK_EQ(mi.freeram, 4096 - 0x123 - M - 8);
	CHECK_EQ(mi.reservedram, 0x123 + M);
	show_mem();		/* prints; here it must only run cleanly */
	__free_pages(page, 3);
	host_ram_end(&ram);
}

/* On the shared RAM the slab pages counted by flag match the caches. */
TEST(si_meminfo_sees_slab_pages)
{
	unsigned long ram_pages = HOST_RAM_SIZE / PAGE_SIZE;
	struct kmem_cache *c = kmem_cache_create("t3000", 3000, 0);
	struct meminfo mi, with;
	void *obj;

	si_meminfo(&mi);
	CHECK_EQ(mi.totalram, ram_pages);
	CHECK_EQ(mi.reservedram, HOST_KERNEL_SIZE / PAGE_SIZE +
		 mem_map_pages_for(ram_pages));
	CHECK_EQ(mi.slabram, slab_nr_pages());
	obj = kmem_cache_alloc(c);	/* one order-2 slab */
	si_meminfo(&with);
	CHECK_EQ(with.slabram, mi.slabram + 4);
	CHECK_EQ(with.freeram, mi.freeram - 4);
	kmem_cache_free(c, obj);
	CHECK_EQ(kmem_cache_destroy(c), 0);
}
