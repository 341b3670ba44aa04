/*
 * Host tests of mm/shmem.c: a MAP_SHARED|MAP_ANONYMOUS VMA is backed by
 * an unnamed object of its size, found by (object, index) from every
 * mapping of it, and gone with the last mapping.
 */
#include "mm/fault_inject.h"
#include "mm/shmem.h"
#include "mm/vmstat.h"
#include "tests/host/mm_util.h"

#define A 0x50000000UL

TEST(shmem_zero_setup_gives_the_vma_an_object_of_its_size)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *vma;
	struct inode *inode;

	mem_snap(&s);
	vma = mmt_map(mm, A, PG(3), RW | SHARED, NULL, 0);
	CHECK(vma->vm_file != NULL);
	CHECK(shmem_file(vma->vm_file));
	CHECK_EQ(vma->vm_pgoff, 0);	/* not A >> PAGE_SHIFT: a file VMA */
	inode = file_inode(vma->vm_file);
	CHECK_EQ(inode->i_size, PG(3));
	CHECK_EQ(inode->i_nlink, 0);
	CHECK_EQ(inode->i_count, 1);
	CHECK_EQ(vma->vm_file->f_count, 1);
	CHECK_STREQ(inode->i_name, "/dev/zero (deleted)");
	CHECK(vma->vm_file->f_mode == (FMODE_READ | FMODE_WRITE));
	CHECK_EQ(inode->i_data.nrpages, 0);	/* nothing until touched */
	CHECK_EQ(do_munmap(mm, A, PG(3)), 0);
	CHECK_MEM_RESTORED(&s);
	mmput(mm);
}

TEST(shmem_zero_setup_out_of_memory_leaves_the_vma_alone)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *vma = vm_area_alloc(mm);

	vma->vm_start = A;
	vma->vm_end = A + PG(1);
	vma->vm_pgoff = 7;
	mem_snap(&s);
	for (int k = 0; k < 2; k++) {	/* the inode, then the file */
		fault_attr_set(&failslab, k, 1);
		CHECK_EQ(shmem_zero_setup(vma), -ENOMEM);
		fault_attr_set(&failslab, 0, 0);
		CHECK(vma->vm_file == NULL);
		CHECK_EQ(vma->vm_pgoff, 7);
		CHECK_MEM_RESTORED(&s);
	}
	vm_area_free(vma);
	mmput(mm);
}

/*
 * Two address spaces that hold the same object (as after fork, or after
 * one passed it to the other) reach the same physical page, at whatever
 * address each maps it: a write by one is read by the other.
 *
 *   mm1:  A [0 1 2 3]            object: [0] [1] [2] [3]
 *   mm2:  B     [2 3]  (pgoff 2)
 */
TEST(two_mappings_of_one_object_share_its_pages)
{
	struct mem_snapshot s;
	struct mm_struct *mm1 = mmt_new(), *mm2 = mmt_new();
	struct vm_area_struct *v1;
	unsigned long b = 0x60000000UL;
	unsigned char c;
	unsigned long adds = global_vm_event(TD_PAGECACHE_ADDS);

	mem_snap(&s);
	v1 = mmt_map(mm1, A, PG(4), RW | SHARED, NULL, 0);
	mmt_map(mm2, b, PG(2), RW | SHARED, v1->vm_file, 2);
	CHECK_EQ(user_write(mm1, A + PG(2) + 5, 0x5a), 0);
	CHECK_EQ(user_read(mm2, b + 5, &c), 0);
	CHECK_EQ(c, 0x5a);
	CHECK(mmt_pte(mm1, A + PG(2), NULL) == mmt_pte(mm2, b, NULL));
	CHECK_EQ(user_write(mm2, b + PG(1), 0xa5), 0);
	CHECK_EQ(user_read(mm1, A + PG(3), &c), 0);
	CHECK_EQ(c, 0xa5);
	CHECK_EQ(global_vm_event(TD_PAGECACHE_ADDS) - adds, 2);
	CHECK_EQ(page_mapcount(mmt_pte(mm1, A + PG(3), NULL)), 2);
	/* the object lives while either maps it */
	CHECK_EQ(do_munmap(mm1, A, PG(4)), 0);
	CHECK_EQ(user_read(mm2, b + 5, &c), 0);
	CHECK_EQ(c, 0x5a);
	CHECK_EQ(nr_inodes() - s.inodes, 1);
	CHECK_EQ(do_munmap(mm2, b, PG(2)), 0);
	CHECK_MEM_RESTORED(&s);
	mmput(mm1);
	mmput(mm2);
}
