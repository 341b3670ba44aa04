/*
 * Self-tests of the page allocator on the target, over the real RAM and
 * mem_map (the host tests cover the same code on a pretend RAM).
 */
#include "mm/page_alloc.h"
#include "tests/kernel/ktest.h"

/* Room for every page of 512 MiB. */
static struct page *pages[512 * 256];

TEST(allocate_every_free_page_and_give_them_back_in_random_order)
{
	unsigned long before = nr_free_pages(), n = 0, blocks[MAX_ORDER];
	uint32_t seed = 12345;

	for (int o = 0; o < MAX_ORDER; o++)
		blocks[o] = nr_free_blocks(o);
	while (n < ARRAY_SIZE(pages) && (pages[n] = alloc_page(GFP_KERNEL)))
		n++;
	CHECK_EQ(n, before);		/* every free page, one by one */
	CHECK_EQ(nr_free_pages(), 0);
	CHECK(alloc_pages(GFP_KERNEL, 0) == NULL);

	/* Fisher-Yates shuffle with a fixed LCG, then free in that order */
	for (unsigned long i = n - 1; i > 0; i--) {
		unsigned long j;
		struct page *t;

		seed = seed * 1103515245u + 12345u;
		j = (seed >> 8) % (i + 1);
		t = pages[i];
		pages[i] = pages[j];
		pages[j] = t;
	}
	for (unsigned long i = 0; i < n; i++)
		__free_pages(pages[i], 0);

	CHECK_EQ(nr_free_pages(), before);
	for (int o = 0; o < MAX_ORDER; o++)	/* buddies merged back */
		CHECK_EQ(nr_free_blocks(o), blocks[o]);
	CHECK(page_alloc_check());
}

TEST(an_order_2_block_is_16k_aligned_in_physical_memory)
{
	struct page *p[8];

	for (int i = 0; i < 8; i++) {
		p[i] = alloc_pages(GFP_KERNEL, 2);
		CHECK(p[i] != NULL);
		if (p[i])
			CHECK_EQ(page_to_phys(p[i]) & 0x3fff, 0);
	}
	for (int i = 0; i < 8; i++)
		if (p[i])
			__free_pages(p[i], 2);
}
