/*
 * Host tests of mm/page_alloc.c: allocation and freeing, merging, bad
 * frees, references, poisoning, fault injection, and a long randomized
 * run against the model of tests/host/page_model.h.
 *
 * Tests on the shared RAM (tests/host/shim/mem.h) give back all they take
 * and check that the free lists are as they found them.
 */
#include "mm/fault_inject.h"
#include "mm/kasan.h"
#include "mm/poison.h"
#include "tests/host/page_model.h"
#include "tests/host/test.h"

#define BASE_PFN (HOST_PHYS_BASE >> PAGE_SHIFT)
#define RAM_PAGES (HOST_RAM_SIZE / PAGE_SIZE)

/* The free lists, and the counters, as a test found them. */
struct snapshot {
	unsigned long nr_free;
	unsigned long blocks[MAX_ORDER];
	unsigned long bad_free;
	unsigned long poison_bad;
};

static void snap(struct snapshot *s)
{
	s->nr_free = nr_free_pages();
	zone_blocks(s->blocks);
	s->bad_free = page_alloc_zone()->nr_bad_free;
	s->poison_bad = page_alloc_zone()->nr_poison_bad;
}

/* The free lists are exactly as in @s again, and consistent. */
#define CHECK_RESTORED(s)						\
	do {								\
		struct snapshot __now;					\
		snap(&__now);						\
		CHECK_EQ(__now.nr_free, (s)->nr_free);			\
		for (unsigned int __o = 0; __o < MAX_ORDER; __o++)	\
			CHECK_EQ(__now.blocks[__o], (s)->blocks[__o]);	\
		CHECK(page_alloc_check());				\
	} while (0)

/*
 * A store the sanitizer does not see: the stale-pointer write of a buggy
 * caller, which only the poison check can then find.
 */
static __no_sanitize_address __attribute__((noinline)) void
scribble(void *addr, unsigned char value)
{
	*(volatile unsigned char *)addr = value;
}

/*
 * Acceptance test of issue 3: take every free page one by one, then give
 * them back in a random order. The free count and every order's block
 * count return to what they were: merging restored the large blocks.
 */
TEST(every_free_page_taken_and_given_back_in_random_order)
{
	struct snapshot before;
	struct page **pages;
	bool *seen = calloc(RAM_PAGES, sizeof(*seen));
	unsigned long n = 0;

	snap(&before);
	pages = calloc(before.nr_free + 1, sizeof(*pages));
	rng_seed(0xa11f4ee);
	while ((pages[n] = alloc_page(GFP_KERNEL)) != NULL) {
		unsigned long pfn = page_to_pfn(pages[n]);

		CHECK(pfn >= BASE_PFN + HOST_KERNEL_SIZE / PAGE_SIZE);
		CHECK(pfn < BASE_PFN + RAM_PAGES);
		CHECK(!seen[pfn - BASE_PFN]);
		seen[pfn - BASE_PFN] = true;
		if (++n > before.nr_free)
			break;
	}
	CHECK_EQ(n, before.nr_free);
	CHECK_EQ(nr_free_pages(), 0);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK_EQ(nr_free_blocks(o), 0);
	CHECK(page_alloc_check());

	for (unsigned long i = n; i > 1; i--) {	/* Fisher-Yates */
		unsigned long j = rng_below(i);
		struct page *t = pages[i - 1];

		pages[i - 1] = pages[j];
		pages[j] = t;
	}
	for (unsigned long i = 0; i < n; i++)
		__free_page(pages[i]);
	CHECK_RESTORED(&before);
	CHECK_EQ(page_alloc_zone()->nr_bad_free, before.bad_free);
	CHECK_EQ(page_alloc_zone()->nr_poison_bad, before.poison_bad);
	free(pages);
	free(seen);
}

TEST(order_2_blocks_are_16k_aligned)
{
	struct snapshot before;
	struct page *blocks[300];
	bool *used = calloc(RAM_PAGES, sizeof(*used));

	snap(&before);
	for (int i = 0; i < 300; i++) {
		unsigned long pfn;

		blocks[i] = alloc_pages(GFP_KERNEL, 2);
		CHECK(blocks[i] != NULL);
		if (!blocks[i])
			continue;
		CHECK_EQ(page_to_phys(blocks[i]) % (16 << 10), 0);
		CHECK_EQ((uintptr_t)page_address(blocks[i]) % (16 << 10), 0);
		pfn = page_to_pfn(blocks[i]) - BASE_PFN;
		for (int k = 0; k < 4; k++) {
			CHECK(!used[pfn + k]);
			used[pfn + k] = true;
		}
	}
	for (int i = 0; i < 300; i++)
		if (blocks[i])
			__free_pages(blocks[i], 2);
	CHECK_RESTORED(&before);
	free(used);
}

TEST(too_large_an_order_is_refused)
{
	struct snapshot before;

	snap(&before);
	CHECK(alloc_pages(GFP_KERNEL, MAX_ORDER) == NULL);
	CHECK(alloc_pages(GFP_KERNEL, ~0u) == NULL);
	CHECK_EQ(__get_free_pages(GFP_KERNEL, MAX_ORDER), 0);
	CHECK_RESTORED(&before);
}

TEST(frames_addresses_and_pages_convert_both_ways)
{
	struct page *page = pfn_to_page(BASE_PFN + 300);

	CHECK_EQ(page_to_pfn(page), BASE_PFN + 300);
	CHECK_EQ(page_to_phys(page), HOST_PHYS_BASE + 300 * PAGE_SIZE);
	CHECK(page_address(page) == host_ram + 300 * PAGE_SIZE);
	CHECK(virt_to_page(host_ram + 300 * PAGE_SIZE + 123) == page);
	CHECK(phys_to_page(HOST_PHYS_BASE + 300 * PAGE_SIZE + 5) == page);
	CHECK(pfn_valid(BASE_PFN));
	CHECK(pfn_valid(BASE_PFN + RAM_PAGES - 1));
	CHECK(!pfn_valid(BASE_PFN - 1));
	CHECK(!pfn_valid(BASE_PFN + RAM_PAGES));
	CHECK(virt_addr_valid(host_ram));
	CHECK(virt_addr_valid(host_ram + HOST_RAM_SIZE - 1));
	CHECK(!virt_addr_valid(host_ram - 1));
	CHECK(!virt_addr_valid(host_ram + HOST_RAM_SIZE));
}

TEST(zeroed_allocations_are_zero)
{
	struct snapshot before;
	struct page *page;
	unsigned char *p;
	unsigned long addr;

	snap(&before);
	page = alloc_pages(GFP_KERNEL, 1);
	CHECK(page != NULL);
	memset(page_address(page), 0x55, 2 * PAGE_SIZE);
	__free_pages(page, 1);

	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	CHECK(page != NULL);
	p = page_address(page);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE; i++)
		if (p[i] != 0) {
			CHECK_EQ(p[i], 0);
			break;
		}
	__free_pages(page, 1);

	addr = get_zeroed_page(GFP_KERNEL);
	CHECK(addr != 0 && offset_in_page(addr) == 0);
	CHECK_EQ(((unsigned long *)addr)[PAGE_SIZE / sizeof(long) - 1], 0);
	free_page(addr);
	CHECK_RESTORED(&before);
}

/* get_page/put_page: the last reference frees the block, whatever order. */
TEST(the_last_put_page_frees_the_block)
{
	struct snapshot before;
	struct page *page;

	snap(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	CHECK(page != NULL);
	CHECK_EQ(page_count(page), 1);
	get_page(page);
	get_page(page);
	CHECK_EQ(page_count(page), 3);
	put_page(page);
	put_page(page);
	CHECK_EQ(page_count(page), 1);
	CHECK_EQ(nr_free_pages(), before.nr_free - 4);
	put_page(page);
	CHECK_RESTORED(&before);
	CHECK_EQ(page_alloc_zone()->nr_bad_free, before.bad_free);
}

/*
 * Each wrong free is reported, counted once and ignored: the free lists
 * stay as they were and the allocator stays consistent.
 */
#define CHECK_BAD_FREE(call, s, pages_free)				\
	do {								\
		unsigned long __bad = page_alloc_zone()->nr_bad_free;	\
		call;							\
		CHECK_EQ(page_alloc_zone()->nr_bad_free, __bad + 1);	\
		CHECK_EQ(nr_free_pages(), (s)->nr_free - (pages_free));	\
		CHECK(page_alloc_check());				\
	} while (0)

TEST(double_free_is_reported_and_ignored)
{
	struct snapshot before;
	struct page *page;

	snap(&before);
	page = alloc_page(GFP_KERNEL);
	__free_page(page);
	CHECK_BAD_FREE(__free_page(page), &before, 0);
	CHECK_BAD_FREE(put_page(page), &before, 0);
	CHECK_BAD_FREE(get_page(page), &before, 0);
	CHECK_RESTORED(&before);
}

TEST(freeing_pages_never_allocated_is_reported_and_ignored)
{
	struct snapshot before;
	struct page *block, *kernel = pfn_to_page(BASE_PFN + 5);
	struct page *free_tail;
	char local;

	snap(&before);
	/* a frame of the kernel image */
	CHECK_BAD_FREE(__free_page(kernel), &before, 0);
	CHECK_BAD_FREE(put_page(pfn_to_page(BASE_PFN + 5)), &before, 0);
	CHECK(PageReserved(kernel));
	/* a frame inside a free block */
	free_tail = list_first_entry(&page_alloc_zone()->free_area[MAX_ORDER - 1].free_list,
				     struct page, lru) + 5;
	CHECK_BAD_FREE(__free_page(free_tail), &before, 0);
	/* the second frame of an allocated order-2 block */
	block = alloc_pages(GFP_KERNEL, 2);
	CHECK_BAD_FREE(__free_page(block + 1), &before, 4);
	/* addresses that are no frame of RAM, a pointer that is no page */
	CHECK_BAD_FREE(free_page((unsigned long)&local), &before, 4);
	CHECK_BAD_FREE(free_page((unsigned long)page_address(block) + 8),
		       &before, 4);
	CHECK_BAD_FREE(__free_page((struct page *)&local), &before, 4);
	__free_pages(block, 2);
	CHECK_RESTORED(&before);
}

TEST(freeing_with_the_wrong_order_is_reported_and_ignored)
{
	struct snapshot before;
	struct page *block;

	snap(&before);
	block = alloc_pages(GFP_KERNEL, 2);
	CHECK_BAD_FREE(__free_pages(block, 1), &before, 4);
	CHECK_BAD_FREE(__free_pages(block, 3), &before, 4);
	CHECK_BAD_FREE(__free_pages(block, MAX_ORDER), &before, 4);
	CHECK_BAD_FREE(__free_pages(block + 2, 1), &before, 4);
	__free_pages(block, 2);
	CHECK_RESTORED(&before);
}

TEST(freeing_a_page_still_in_use_is_reported_and_ignored)
{
	struct snapshot before;
	struct page *page;

	snap(&before);
	page = alloc_page(GFP_KERNEL);
	get_page(page);			/* a second user */
	CHECK_BAD_FREE(__free_page(page), &before, 1);
	put_page(page);
	page->_mapcount = 1;		/* as if a PTE still mapped it */
	CHECK_BAD_FREE(__free_page(page), &before, 1);
	CHECK_BAD_FREE(put_page(page), &before, 1);
	page->_mapcount = 0;
	page->mapping = &before;	/* as if still in a page cache */
	CHECK_BAD_FREE(__free_page(page), &before, 1);
	page->mapping = NULL;
	SetPageZero(page);		/* the zero page is never freed */
	CHECK_BAD_FREE(put_page(page), &before, 1);
	ClearPageZero(page);
	__free_page(page);
	CHECK_RESTORED(&before);
}

/*
 * fail_page_alloc: the third allocation fails, the ones around it do not,
 * and a failed allocation takes nothing.
 */
TEST(fail_page_alloc_fails_the_chosen_allocations)
{
	struct snapshot before;
	struct page *a, *b, *c, *d;
	unsigned long injected = fail_page_alloc.injected;

	snap(&before);
	fault_attr_set(&fail_page_alloc, 2, 1);
	a = alloc_page(GFP_KERNEL);
	b = alloc_pages(GFP_KERNEL, 3);
	c = alloc_page(GFP_KERNEL);
	d = alloc_page(GFP_KERNEL);
	CHECK(a && b && !c && d);
	CHECK_EQ(fail_page_alloc.injected, injected + 1);
	CHECK_EQ(nr_free_pages(), before.nr_free - 1 - 8 - 1);
	__free_page(a);
	__free_pages(b, 3);
	__free_page(d);

	fault_attr_set(&fail_page_alloc, 0, FAULT_TIMES_ALWAYS);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK(alloc_pages(GFP_KERNEL, o) == NULL);
	CHECK_EQ(get_zeroed_page(GFP_KERNEL), 0);
	fault_attr_set(&fail_page_alloc, 0, 0);
	a = alloc_page(GFP_KERNEL);
	CHECK(a != NULL);
	__free_page(a);
	CHECK_RESTORED(&before);
}

/*
 * An operation that needs several blocks (a page table: one 16 KiB L1 and
 * three zeroed L2 pages) and undoes its work when one allocation fails.
 * Failing the k-th allocation for every k walks every error path: none
 * may leave a page behind.
 */
static int build_table(struct page *parts[4])
{
	parts[0] = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	if (!parts[0])
		return -1;
	for (int i = 1; i < 4; i++) {
		parts[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!parts[i]) {
			while (--i > 0)
				__free_page(parts[i]);
			__free_pages(parts[0], 2);
			return -1;
		}
	}
	return 0;
}

TEST(every_failure_point_of_a_multi_page_operation_leaks_nothing)
{
	struct snapshot before;
	struct page *parts[4];
	int k;

	snap(&before);
	for (k = 0;; k++) {
		fault_attr_set(&fail_page_alloc, k, 1);
		if (build_table(parts) == 0)
			break;
		CHECK_RESTORED(&before);
	}
	fault_attr_set(&fail_page_alloc, 0, 0);
	CHECK_EQ(k, 4);			/* four allocations, four failure points */
	CHECK_EQ(nr_free_pages(), before.nr_free - 7);
	for (int i = 1; i < 4; i++)
		__free_page(parts[i]);
	__free_pages(parts[0], 2);
	CHECK_RESTORED(&before);
}

/*
 * Poisoning: a byte written into a free page is reported when the page is
 * handed out again, with the page and the offset. Works on a private RAM,
 * where the page freed is certainly the next one handed out.
 */
TEST(poison_check_reports_a_write_after_free)
{
	struct host_ram ram;
	struct zone *z;
	struct page *page, *again;

	if (!DEBUG_VM_ENABLED) {	/* poisoning is part of CONFIG_DEBUG_VM */
		printf("# CONFIG_DEBUG_VM is off: nothing to test\n");
		return;
	}
	host_ram_begin(&ram, HOST_PHYS_BASE, 1024);
	CHECK_EQ(page_alloc_free_all(), 0);
	z = page_alloc_zone();

	page = alloc_page(GFP_KERNEL);
	__free_page(page);
	again = alloc_page(GFP_KERNEL);	/* clean: nothing to report */
	CHECK(again == page);
	CHECK_EQ(z->nr_poison_bad, 0);

	__free_page(again);
	scribble((char *)page_address(page) + 123, 0x42);
	again = alloc_page(GFP_KERNEL);
	CHECK(again == page);
	CHECK_EQ(z->nr_poison_bad, 1);
	CHECK_EQ(z->poison_pfn, page_to_pfn(page));
	CHECK_EQ(z->poison_offset, 123);
	__free_page(again);

	/* in the last frame of an order-2 block */
	page = alloc_pages(GFP_KERNEL, 2);
	__free_pages(page, 2);
	scribble((char *)page_address(page + 3) + 0xff0, 0);
	again = alloc_pages(GFP_KERNEL, 2);
	CHECK(again == page);
	CHECK_EQ(z->nr_poison_bad, 2);
	CHECK_EQ(z->poison_pfn, page_to_pfn(page) + 3);
	CHECK_EQ(z->poison_offset, 0xff0);
	__free_pages(again, 2);
	CHECK(page_alloc_check());
	host_ram_end(&ram);
}

/* Under ASan, free pages are poisoned and allocated ones are not. */
TEST(free_pages_are_poisoned_for_the_sanitizer)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	char *p = page_address(page);

	if (!KASAN_ENABLED) {
		__free_pages(page, 1);
		return;
	}
	CHECK(!kasan_poisoned(p));
	CHECK(!kasan_poisoned(p + 2 * PAGE_SIZE - 1));
	__free_pages(page, 1);
	CHECK(kasan_poisoned(p));
	CHECK(kasan_poisoned(p + 2 * PAGE_SIZE - 1));
}

/*
 * Random allocations of mixed orders and random frees on a private 8 MiB
 * RAM, checked after every step against the model: a block handed out
 * lies in free frames, aligned to its order; an allocation fails only
 * when the model has no free block of that order or above; the free
 * count and every order's block count match the model; and
 * page_alloc_check() passes. The first word of every frame of a live
 * block holds its pfn, checked when it is freed (overlaps would show).
 */
#define RANDOM_STEPS 4000

struct live_block {
	struct page *page;
	unsigned int order;
};

/* Orders weighted towards the small ones, as a kernel asks for them. */
static unsigned int random_order(void)
{
	unsigned long r = rng_below(100);

	if (r < 45)
		return 0;
	if (r < 65)
		return 1;
	if (r < 80)
		return 2;
	return 3 + rng_below(MAX_ORDER - 3);
}

/* Can the model supply a block of @order (a free block of >= @order)? */
static bool model_has_block(struct page_model *m, unsigned int order)
{
	unsigned long counts[MAX_ORDER];

	page_model_blocks(m, counts);
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (counts[o])
			return true;
	return false;
}

static void random_alloc(struct page_model *m, struct live_block *live,
			 unsigned long *n)
{
	unsigned int order = random_order();
	struct page *page = alloc_pages(GFP_KERNEL, order);
	unsigned long pfn;

	if (!page) {
		CHECK(!model_has_block(m, order));
		return;
	}
	pfn = page_to_pfn(page);
	CHECK_EQ(pfn & ((1UL << order) - 1), 0);
	CHECK(page_model_all_free(m, pfn, 1UL << order));
	page_model_set(m, pfn, 1UL << order, false);
	for (unsigned long i = 0; i < 1UL << order; i++)
		*(unsigned long *)page_address(page + i) = pfn + i;
	live[*n].page = page;
	live[*n].order = order;
	(*n)++;
}

static void random_free(struct page_model *m, struct live_block *live,
			unsigned long *n)
{
	unsigned long k = rng_below(*n);
	struct live_block b = live[k];
	unsigned long pfn = page_to_pfn(b.page);

	for (unsigned long i = 0; i < 1UL << b.order; i++)
		CHECK_EQ(*(unsigned long *)page_address(b.page + i), pfn + i);
	__free_pages(b.page, b.order);
	page_model_set(m, pfn, 1UL << b.order, true);
	live[k] = live[--(*n)];
}

TEST(random_mixed_orders_agree_with_the_model)
{
	unsigned long pages = 2048, M = mem_map_pages_for(pages), n = 0;
	struct live_block *live = calloc(pages, sizeof(*live));
	struct host_ram ram;
	struct page_model m;
	int step;

	rng_seed(0xb0dd1e5);
	host_ram_begin(&ram, HOST_PHYS_BASE, pages);
	CHECK_EQ(page_alloc_reserve(HOST_PHYS_BASE, HOST_PHYS_BASE + 0x81000), 0);
	CHECK_EQ(page_alloc_free_all(), 0);
	page_model_init(&m, BASE_PFN, pages);
	page_model_set(&m, BASE_PFN + 0x81 + M, pages - 0x81 - M, true);
	CHECK_MODEL(&m);

	for (step = 0; step < RANDOM_STEPS && !check_failures(); step++) {
		/* mostly allocate in the first half, mostly free after */
		unsigned long p_alloc = step < RANDOM_STEPS / 2 ? 65 : 35;

		if (n == 0 || rng_below(100) < p_alloc)
			random_alloc(&m, live, &n);
		else
			random_free(&m, live, &n);
		CHECK_MODEL(&m);
		CHECK(page_alloc_check());
	}
	if (check_failures())
		printf("#   failed at step %d\n", step - 1);
	while (n)
		random_free(&m, live, &n);
	CHECK_MODEL(&m);
	CHECK_EQ(page_alloc_zone()->nr_bad_free, 0);
	CHECK_EQ(page_alloc_zone()->nr_poison_bad, 0);
	page_model_exit(&m);
	host_ram_end(&ram);
	free(live);
}
