/*
 * Host tests of mm/filemap.c: one page per (object, index), references,
 * growth of the index array, truncation, out of memory.
 */
#include "mm/fault_inject.h"
#include "tests/host/mm_util.h"

/* A bare object with a page cache (an unnamed inode). */
static struct inode *object_new(void)
{
	struct inode *inode = new_inode();

	CHECK(inode != NULL);
	return inode;
}

TEST(find_or_create_page_adds_one_zeroed_page_per_index)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct address_space *mapping;
	struct page *a, *b;
	const unsigned char *bytes;

	mem_snap(&s);
	inode = object_new();
	mapping = &inode->i_data;
	CHECK(find_get_page(mapping, 3) == NULL);
	a = find_or_create_page(mapping, 3);
	CHECK(a != NULL);
	CHECK(a->mapping == mapping);
	CHECK_EQ(a->index, 3);
	CHECK_EQ(page_count(a), 2);	/* the cache's and ours */
	CHECK_EQ(page_mapcount(a), 0);
	CHECK_EQ(mapping->nrpages, 1);
	bytes = page_address(a);
	for (int i = 0; i < (int)PAGE_SIZE; i++)
		if (bytes[i])
			check_failed(__FILE__, __LINE__, "byte %d is %d", i,
				     bytes[i]);
	b = find_or_create_page(mapping, 3);
	CHECK(b == a);
	CHECK_EQ(page_count(a), 3);
	put_page(b);
	b = find_get_page(mapping, 3);
	CHECK(b == a);
	put_page(b);
	put_page(a);
	CHECK_EQ(page_count(a), 1);
	CHECK_EQ(pages_used_since(&s), 1);
	CHECK(find_get_page(mapping, 2) == NULL);
	CHECK(find_get_page(mapping, 1000) == NULL);
	iput(inode);
	CHECK_MEM_RESTORED(&s);
}

/*
 * An index far beyond the array doubles it past kmalloc's largest size
 * (then the array is made of whole pages); the pages cached before stay
 * where they were.
 */
TEST(the_index_array_grows_and_keeps_its_pages)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct address_space *mapping;
	struct page *low, *high, *p;
	unsigned long far = 3 * KMALLOC_MAX_SIZE / sizeof(struct page *);

	mem_snap(&s);
	inode = object_new();
	mapping = &inode->i_data;
	low = find_or_create_page(mapping, 0);
	high = find_or_create_page(mapping, far);
	CHECK(low && high);
	CHECK(mapping->nr_slots > far);
	CHECK_EQ(mapping->nrpages, 2);
	p = find_get_page(mapping, 0);
	CHECK(p == low);
	put_page(p);
	CHECK_EQ(high->index, far);
	put_page(low);
	put_page(high);
	iput(inode);
	CHECK_MEM_RESTORED(&s);
}

/* Truncation drops the cache's reference: a page someone holds survives. */
TEST(truncate_frees_pages_nobody_else_holds)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct page *kept, *p;

	mem_snap(&s);
	inode = object_new();
	for (int i = 0; i < 5; i++) {
		p = find_or_create_page(&inode->i_data, i);
		put_page(p);
	}
	kept = find_get_page(&inode->i_data, 2);
	CHECK_EQ(pages_used_since(&s), 5);
	truncate_inode_pages(&inode->i_data);
	CHECK_EQ(inode->i_data.nrpages, 0);
	CHECK(find_get_page(&inode->i_data, 2) == NULL);
	CHECK_EQ(pages_used_since(&s), 1);
	CHECK(kept->mapping == NULL);
	CHECK_EQ(page_count(kept), 1);
	put_page(kept);
	iput(inode);
	CHECK_MEM_RESTORED(&s);
}

/* Out of memory for the page, or for a bigger array: NULL, no change. */
TEST(find_or_create_page_out_of_memory_changes_nothing)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct page *p;

	inode = object_new();
	p = find_or_create_page(&inode->i_data, 0);
	put_page(p);
	mem_snap(&s);
	fault_attr_set(&fail_page_alloc, 0, 1);
	CHECK(find_or_create_page(&inode->i_data, 1) == NULL);
	fault_attr_set(&failslab, 0, 1);	/* the array, index 100 */
	CHECK(find_or_create_page(&inode->i_data, 100) == NULL);
	fault_attr_set(&failslab, 0, 0);
	CHECK_EQ(inode->i_data.nrpages, 1);
	CHECK_MEM_RESTORED(&s);
	p = find_get_page(&inode->i_data, 0);
	CHECK(p != NULL);
	put_page(p);
	iput(inode);
}
