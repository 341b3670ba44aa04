/*
 * Host tests of kernel/file.c: file and inode reference counts, and who
 * frees what when the last reference goes.
 */
#include "mm/fault_inject.h"
#include "tests/host/mm_util.h"

static int releases;

static void count_release(struct file *file)
{
	releases++;
}

static const struct file_operations counting_fops = {
	.release = count_release,
};

TEST(alloc_file_takes_an_inode_reference_fput_gives_it_back)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct file *file;

	mem_snap(&s);
	inode = new_inode();
	inode->i_fop = &counting_fops;
	file = alloc_file(inode, FMODE_READ);
	CHECK(file != NULL);
	CHECK_EQ(inode->i_count, 2);
	CHECK_EQ(file->f_count, 1);
	CHECK(file->f_inode == inode);
	CHECK(file->f_mapping == &inode->i_data);
	CHECK(file->f_op == &counting_fops);
	CHECK_EQ(file->f_mode, FMODE_READ);
	CHECK_EQ(file->f_pos, 0);
	CHECK(get_file(file) == file);
	CHECK_EQ(file->f_count, 2);
	releases = 0;
	fput(file);
	CHECK_EQ(releases, 0);
	CHECK_EQ(inode->i_count, 2);
	fput(file);
	CHECK_EQ(releases, 1);
	CHECK_EQ(inode->i_count, 1);
	CHECK_EQ(nr_files(), s.files);
	iput(inode);
	CHECK_MEM_RESTORED(&s);
}

/* An unnamed object goes, with its cached pages, at its last reference. */
TEST(the_last_iput_of_an_unnamed_inode_frees_it_and_its_pages)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct file *file;
	struct page *page;

	mem_snap(&s);
	inode = new_inode();
	CHECK_EQ(inode->i_nlink, 0);
	CHECK_EQ(inode->i_count, 1);
	CHECK(inode->i_data.host == inode);
	for (int i = 0; i < 3; i++) {
		page = find_or_create_page(&inode->i_data, i);
		put_page(page);
	}
	file = alloc_file(inode, FMODE_READ | FMODE_WRITE);
	iput(inode);			/* the file holds the only reference */
	CHECK_EQ(nr_inodes() - s.inodes, 1);
	CHECK_EQ(pages_used_since(&s), 3);
	fput(file);
	CHECK_MEM_RESTORED(&s);
}

/* A named inode stays with its filesystem when nothing has it open. */
TEST(a_named_inode_outlives_its_last_reference)
{
	struct mem_snapshot s;
	struct inode *inode;
	struct file *file;
	struct page *page;

	mem_snap(&s);
	inode = new_inode();
	inode->i_nlink = 1;
	page = find_or_create_page(&inode->i_data, 0);
	put_page(page);
	file = alloc_file(inode, FMODE_READ);
	iput(inode);
	fput(file);
	CHECK_EQ(inode->i_count, 0);
	CHECK_EQ(nr_inodes() - s.inodes, 1);	/* still there */
	page = find_get_page(&inode->i_data, 0);
	CHECK(page != NULL);
	put_page(page);
	/* unlinked and closed: now it goes */
	iget(inode);
	inode->i_nlink = 0;
	iput(inode);
	CHECK_MEM_RESTORED(&s);
}

TEST(alloc_file_and_new_inode_out_of_memory_return_null)
{
	struct mem_snapshot s;
	struct inode *inode = new_inode();

	mem_snap(&s);
	fault_attr_set(&failslab, 0, 1);
	CHECK(alloc_file(inode, FMODE_READ) == NULL);
	fault_attr_set(&failslab, 0, 1);
	CHECK(new_inode() == NULL);
	fault_attr_set(&failslab, 0, 0);
	CHECK_EQ(inode->i_count, 1);
	CHECK_MEM_RESTORED(&s);
	iput(inode);
}
