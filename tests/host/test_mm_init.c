/*
 * Host tests of mm/mm_init.c: where mem_map goes, which frames the boot
 * frees, reservations, RAM sizes from 16 to 512 MiB.
 *
 * Each test boots a private zone (host_ram_begin) at physical 0x60000000.
 * Frames are written relative to the start of RAM: "page 20" is pfn
 * 0x60000 + 20, physical 0x60014000.
 */
#include "kernel/errno.h"
#include "tests/host/page_model.h"
#include "tests/host/test.h"

#define BASE_PFN (HOST_PHYS_BASE >> PAGE_SHIFT)
#define PHYS(page) (HOST_PHYS_BASE + (page) * PAGE_SIZE)

/* The frame mem_map starts at, relative to the start of RAM. */
static unsigned long mem_map_page(void)
{
	return page_to_pfn(virt_to_page(page_alloc_zone()->mem_map)) -
	       BASE_PFN;
}

/*
 * Reservations with a one-page hole between them: mem_map does not fit in
 * the hole and goes right after the second reservation.
 *
 *	page 0        10 11         20          20+M                  4096
 *	| reserved    |h| reserved  | mem_map   |  free ...              |
 */
TEST(mem_map_goes_in_the_lowest_hole_that_fits)
{
	struct host_ram ram;
	struct page_model m;
	unsigned long M = mem_map_pages_for(4096);

	CHECK(M > 1);
	host_ram_begin(&ram, HOST_PHYS_BASE, 4096);
	CHECK_EQ(page_alloc_reserve(PHYS(0), PHYS(10)), 0);
	CHECK_EQ(page_alloc_reserve(PHYS(11), PHYS(20)), 0);
	CHECK_EQ(page_alloc_free_all(), 0);

	CHECK_EQ(mem_map_page(), 20);
	CHECK(page_alloc_zone()->mem_map == (void *)(ram.arena + 20 * PAGE_SIZE));
	CHECK_EQ(page_alloc_zone()->mem_map_pages, M);
	CHECK_EQ(nr_free_pages(), 4096 - 19 - M);

	/* the hole is one free page of order 0 */
	CHECK(PageBuddy(pfn_to_page(BASE_PFN + 10)));
	CHECK_EQ(pfn_to_page(BASE_PFN + 10)->order, 0);

	page_model_init(&m, BASE_PFN, 4096);
	page_model_set(&m, BASE_PFN + 10, 1, true);
	page_model_set(&m, BASE_PFN + 20 + M, 4096 - 20 - M, true);
	CHECK_MODEL(&m);
	CHECK(page_alloc_check());
	page_model_exit(&m);
	host_ram_end(&ram);
}

/*
 * Free RAM that is exactly the top two 4 MiB blocks, worked by hand:
 *
 *	page 0          1024     1024+M       2048          3072        4096
 *	| kernel image  | mem_map | initramfs  | order 10    | order 10    |
 *
 * One page taken splits one order-10 block into one block of each order
 * 9 .. 0 (1024 = 1 + 1 + 2 + 4 + ... + 512); giving it back merges them
 * all again.
 */
TEST(free_ram_splits_and_merges_as_worked_by_hand)
{
	struct host_ram ram;
	unsigned long M = mem_map_pages_for(4096);
	struct page *page;

	host_ram_begin(&ram, HOST_PHYS_BASE, 4096);
	CHECK_EQ(page_alloc_reserve(PHYS(0), PHYS(1024)), 0);
	CHECK_EQ(page_alloc_reserve(PHYS(1024 + M), PHYS(2048)), 0);
	CHECK_EQ(page_alloc_free_all(), 0);
	CHECK_EQ(mem_map_page(), 1024);
	CHECK_EQ(nr_free_pages(), 2048);
	CHECK_EQ(nr_free_blocks(10), 2);
	for (unsigned int o = 0; o < 10; o++)
		CHECK_EQ(nr_free_blocks(o), 0);

	page = alloc_page(GFP_KERNEL);
	CHECK(page != NULL);
	CHECK_EQ(page_to_phys(page) % (4UL << 20), 0);	/* a block's head */
	CHECK_EQ(nr_free_pages(), 2047);
	CHECK_EQ(nr_free_blocks(10), 1);
	for (unsigned int o = 0; o < 10; o++)
		CHECK_EQ(nr_free_blocks(o), 1);
	CHECK(page_alloc_check());

	__free_page(page);
	CHECK_EQ(nr_free_pages(), 2048);
	CHECK_EQ(nr_free_blocks(10), 2);
	for (unsigned int o = 0; o < 10; o++)
		CHECK_EQ(nr_free_blocks(o), 0);
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

/*
 * Reservations that are not page aligned are rounded out to whole pages:
 * the kernel image [0, 0x123456) covers pages 0 .. 0x123, an initramfs
 * [0x700800, 0x9ff001) pages 0x700 .. 0x9ff.
 */
static void boot_with_odd_reservations(struct host_ram *ram,
				       struct page_model *m)
{
	unsigned long M = mem_map_pages_for(4096);

	host_ram_begin(ram, HOST_PHYS_BASE, 4096);
	CHECK_EQ(page_alloc_reserve(HOST_PHYS_BASE, HOST_PHYS_BASE + 0x123456), 0);
	CHECK_EQ(page_alloc_reserve(HOST_PHYS_BASE + 0x700800,
				    HOST_PHYS_BASE + 0x9ff001), 0);
	CHECK_EQ(page_alloc_free_all(), 0);
	CHECK_EQ(mem_map_page(), 0x124);

	page_model_init(m, BASE_PFN, 4096);
	page_model_set(m, BASE_PFN + 0x124 + M, 0x700 - 0x124 - M, true);
	page_model_set(m, BASE_PFN + 0xa00, 4096 - 0xa00, true);
}

TEST(unaligned_reservations_round_out_and_blocks_match_model)
{
	struct host_ram ram;
	struct page_model m;

	boot_with_odd_reservations(&ram, &m);
	CHECK_MODEL(&m);
	CHECK(page_alloc_check());
	CHECK(PageReserved(pfn_to_page(BASE_PFN + 0x123)));
	CHECK(PageReserved(pfn_to_page(BASE_PFN + 0x700)));
	CHECK(PageReserved(pfn_to_page(BASE_PFN + 0x9ff)));
	CHECK(!PageReserved(pfn_to_page(BASE_PFN + 0xa00)));
	page_model_exit(&m);
	host_ram_end(&ram);
}

/*
 * Take every frame, in blocks of random orders, until nothing is left:
 * no block may touch a reserved frame or mem_map, and the frames handed
 * out are exactly the free ones. Then free the initramfs range: exactly
 * its whole pages (0x701 .. 0x9fe) come free, and nothing else.
 */
TEST(reserved_frames_are_never_handed_out)
{
	struct host_ram ram;
	struct page_model m;
	struct { struct page *page; unsigned int order; } *blocks;
	unsigned long n = 0, taken = 0, expected;

	blocks = calloc(4096, sizeof(*blocks));
	rng_seed(0x5eed1);
	boot_with_odd_reservations(&ram, &m);
	expected = page_model_nr_free(&m);
	for (;;) {
		unsigned int order = rng_below(5);
		struct page *page = alloc_pages(GFP_KERNEL, order);

		if (!page) {
			order = 0;
			page = alloc_page(GFP_KERNEL);
		}
		if (!page)
			break;
		CHECK(page_model_all_free(&m, page_to_pfn(page), 1UL << order));
		page_model_set(&m, page_to_pfn(page), 1UL << order, false);
		blocks[n].page = page;
		blocks[n++].order = order;
		taken += 1UL << order;
	}
	CHECK_EQ(taken, expected);
	CHECK_EQ(nr_free_pages(), 0);

	CHECK_EQ(free_reserved_range(HOST_PHYS_BASE + 0x700800,
				     HOST_PHYS_BASE + 0x9ff001), 0x9ff - 0x701);
	page_model_set(&m, BASE_PFN + 0x701, 0x9ff - 0x701, true);
	CHECK_MODEL(&m);
	CHECK(page_alloc_check());
	CHECK(PageReserved(pfn_to_page(BASE_PFN + 0x700)));
	CHECK(PageReserved(pfn_to_page(BASE_PFN + 0x9ff)));
	/* mem_map is never freed, even when asked to */
	CHECK_EQ(free_reserved_range(PHYS(0x124), PHYS(0x124 + 1)), 0);

	for (unsigned long i = 0; i < n; i++)
		__free_pages(blocks[i].page, blocks[i].order);
	CHECK_EQ(nr_free_pages(), expected + 0x9ff - 0x701);
	CHECK(page_alloc_check());
	free(blocks);
	page_model_exit(&m);
	host_ram_end(&ram);
}

TEST(reserve_rejects_bad_ranges)
{
	struct host_ram ram;

	host_ram_begin(&ram, HOST_PHYS_BASE, 4096);
	CHECK_EQ(page_alloc_reserve(PHYS(5), PHYS(5)), -EINVAL);
	CHECK_EQ(page_alloc_reserve(PHYS(6), PHYS(5)), -EINVAL);
	CHECK_EQ(page_alloc_reserve(HOST_PHYS_BASE - PAGE_SIZE, PHYS(1)),
		 -EINVAL);
	CHECK_EQ(page_alloc_reserve(PHYS(4095), PHYS(4097)), -EINVAL);
	for (int i = 0; i < NR_BOOT_RESERVED; i++)
		CHECK_EQ(page_alloc_reserve(PHYS(i), PHYS(i) + 1), 0);
	CHECK_EQ(page_alloc_reserve(PHYS(100), PHYS(101)), -ENOSPC);
	CHECK_EQ(page_alloc_free_all(), 0);
	CHECK_EQ(page_alloc_reserve(PHYS(200), PHYS(201)), -EBUSY);
	CHECK_EQ(mem_map_page(), NR_BOOT_RESERVED);
	host_ram_end(&ram);
}

/* Reservations leave no hole big enough for mem_map: boot says so. */
TEST(no_room_for_mem_map_is_enomem)
{
	struct host_ram ram;

	host_ram_begin(&ram, HOST_PHYS_BASE, 1024);
	CHECK_EQ(page_alloc_reserve(PHYS(0), PHYS(500)), 0);
	CHECK_EQ(page_alloc_reserve(PHYS(502), PHYS(1024)), 0);
	CHECK_EQ(page_alloc_free_all(), -ENOMEM);
	host_ram_end(&ram);
}

/*
 * RAM of 16, 32 ... 512 MiB behind a 1 MiB kernel image: all of it but
 * the kernel and mem_map is free, in 4 MiB blocks from the first 4 MiB
 * boundary above mem_map on, and blocks come out naturally aligned.
 */
TEST(ram_sizes_from_16_to_512_mib)
{
	for (unsigned long mib = 16; mib <= 512; mib *= 2) {
		unsigned long pages = mib << (20 - PAGE_SHIFT);
		unsigned long M = mem_map_pages_for(pages);
		unsigned long first_big = ALIGN(256 + M, MAX_ORDER_NR_PAGES);
		struct host_ram ram;
		struct page *big, *l1;

		host_ram_begin(&ram, HOST_PHYS_BASE, pages);
		CHECK_EQ(page_alloc_reserve(PHYS(0), PHYS(256)), 0);
		CHECK_EQ(page_alloc_free_all(), 0);
		CHECK_EQ(nr_free_pages(), pages - 256 - M);
		CHECK_EQ(nr_free_blocks(MAX_ORDER - 1),
			 (pages - first_big) / MAX_ORDER_NR_PAGES);
		CHECK(page_alloc_check());

		big = alloc_pages(GFP_KERNEL, MAX_ORDER - 1);
		l1 = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
		CHECK(big && l1);
		if (big && l1) {
			CHECK_EQ(page_to_phys(big) % (4UL << 20), 0);
			CHECK_EQ(page_to_phys(l1) % (16UL << 10), 0);
			CHECK_EQ(page_to_phys(big) + (4UL << 20) <=
				 HOST_PHYS_BASE + (mib << 20), 1);
			__free_pages(big, MAX_ORDER - 1);
			__free_pages(l1, 2);
		}
		CHECK_EQ(nr_free_pages(), pages - 256 - M);
		CHECK(page_alloc_check());
		host_ram_end(&ram);
	}
}

/*
 * RAM that does not start on a 4 MiB boundary (pfn 0x60001): blocks stay
 * aligned to their size in physical terms, never merge below the start
 * of RAM, and the free blocks are the ones the model predicts.
 */
TEST(ram_base_not_aligned_to_max_order)
{
	unsigned long base = HOST_PHYS_BASE + PAGE_SIZE;
	unsigned long M = mem_map_pages_for(3000);
	struct host_ram ram;
	struct page_model m;
	struct page *page;

	host_ram_begin(&ram, base, 3000);
	CHECK_EQ(page_alloc_free_all(), 0);
	CHECK_EQ(page_to_pfn(virt_to_page(page_alloc_zone()->mem_map)),
		 BASE_PFN + 1);
	page_model_init(&m, BASE_PFN + 1, 3000);
	page_model_set(&m, BASE_PFN + 1 + M, 3000 - M, true);
	CHECK_MODEL(&m);
	CHECK(page_alloc_check());
	page = alloc_pages(GFP_KERNEL, 2);
	CHECK(page && page_to_phys(page) % (16UL << 10) == 0);
	if (page)
		__free_pages(page, 2);
	CHECK_MODEL(&m);
	page_model_exit(&m);
	host_ram_end(&ram);
}
