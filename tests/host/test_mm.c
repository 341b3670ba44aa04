/*
 * Host tests of mm/mm.c: address spaces are made, copied and destroyed,
 * and every page and object comes back, also when memory runs out half
 * way.
 */
#include "mm/fault_inject.h"
#include "mm/shmem.h"
#include "tests/host/mm_util.h"

#define A 0x40000000UL

TEST(mm_alloc_makes_an_empty_mm_and_mmput_frees_it)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mm_alloc();
	CHECK(mm != NULL);
	CHECK(mm->mmap == NULL);
	CHECK_EQ(mm->map_count, 0);
	CHECK_EQ(mm->mm_users, 1);
	CHECK_EQ(mm->task_size, TASK_SIZE);
	CHECK_EQ(mm->mmap_min_addr, 4096);
	CHECK_EQ(mm->stack_rlimit, 8UL << 20);
	CHECK_EQ(mm->max_map_count, 65530);
	CHECK(mm->pgd != NULL);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	CHECK_EQ(nr_mms() - s.mms, 1);
	CHECK(mmget(mm) == mm);
	mmput(mm);
	CHECK_EQ(nr_mms() - s.mms, 1);	/* one user left */
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

TEST(mm_alloc_out_of_memory_returns_null_and_leaks_nothing)
{
	struct mem_snapshot s;

	mem_snap(&s);
	fault_attr_set(&failslab, 0, 1);
	CHECK(mm_alloc() == NULL);
	fault_attr_set(&fail_page_alloc, 0, 1);
	CHECK(mm_alloc() == NULL);
	fault_attr_set(&failslab, 0, 0);
	fault_attr_set(&fail_page_alloc, 0, 0);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A busy address space, every kind of mapping in every state:
 *
 *   A      private anon  8p   pages 0-3 written, 4-5 read (zero page)
 *   A+1M   shared anon   4p   pages 0-2 written
 *   A+2M   private file  3p   page 0 read, page 1 written (copied)
 *   A+3M   shared file   2p   page 1 written
 *   A+4M   stack         grown by 3 pages, one written
 */
static struct mm_struct *busy_mm(struct file *file)
{
	struct mm_struct *mm = mmt_new();
	unsigned char c;

	mmt_map(mm, A, PG(8), RW, NULL, 0);
	mmt_map(mm, A + (1UL << 20), PG(4), RW | SHARED, NULL, 0);
	mmt_map(mm, A + (2UL << 20), PG(3), RW, file, 0);
	mmt_map(mm, A + (3UL << 20), PG(2), RW | SHARED, file, 1);
	mmt_map(mm, A + (5UL << 20) - PG(1), PG(1), RW | VM_GROWSDOWN,
		NULL, 0);
	for (int i = 0; i < 4; i++)
		CHECK_EQ(user_write(mm, A + PG(i), i + 1), 0);
	for (int i = 4; i < 6; i++)
		CHECK_EQ(user_read(mm, A + PG(i), &c), 0);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(user_write(mm, A + (1UL << 20) + PG(i), 0x10 + i), 0);
	CHECK_EQ(user_read(mm, A + (2UL << 20), &c), 0);
	CHECK_EQ(user_write(mm, A + (2UL << 20) + PG(1), 0x21), 0);
	CHECK_EQ(user_write(mm, A + (3UL << 20) + PG(1), 0x31), 0);
	CHECK_EQ(user_write(mm, A + (5UL << 20) - PG(4), 0x41), 0);
	return mm;
}

/*
 * exit_mmap/mmput give back everything: 4 + 1 + 1 anonymous pages, the
 * shmem object with its 3 pages, the tables, the VMAs, the mm. The file's
 * page cache stays with the (named) file.
 */
TEST(mmput_gives_back_every_page_of_every_kind_of_mapping)
{
	struct file *file = mmt_file_new("/data", 3, PG(3));
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = busy_mm(file);
	/* L1 4 + anonymous 4 + private copy 1 + stack 1 + shmem 3 */
	CHECK_EQ(pages_used_since(&s), 4 + 4 + 1 + 1 + 3);
	CHECK_EQ(mm_nr_ptes(mm), 5);
	CHECK_EQ(nr_inodes() - s.inodes, 1);
	CHECK_EQ(file->f_count, 3);
	mmput(mm);
	CHECK_EQ(file->f_count, 1);
	CHECK_MEM_RESTORED(&s);
	CHECK_EQ(file_inode(file)->i_data.nrpages, 3);
	mmt_file_close(file);
}

/* exit_mmap() leaves a valid empty mm that can be used again. */
TEST(exit_mmap_leaves_an_empty_valid_mm)
{
	struct file *file = mmt_file_new("/data", 3, PG(3));
	struct mm_struct *mm = busy_mm(file);
	unsigned char c;

	exit_mmap(mm);
	CHECK(mm->mmap == NULL);
	CHECK_EQ(mm->map_count, 0);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	CHECK_EQ(validate_mm(mm), 0);
	mmt_map(mm, A, PG(1), RW, NULL, 0);
	CHECK_EQ(user_write(mm, A, 1), 0);
	CHECK_EQ(user_read(mm, A, &c), 0);
	CHECK_EQ(c, 1);
	mmput(mm);
	mmt_file_close(file);
}

/* The child gets the layout and every VMA with its values, files shared. */
TEST(dup_mm_copies_layout_vmas_and_contents)
{
	struct file *file = mmt_file_new("/data", 3, PG(3));
	struct mm_struct *parent = busy_mm(file), *child;
	struct vm_area_struct *p, *c;
	unsigned char v;

	parent->start_brk = 0x30000;
	parent->brk = 0x34000;
	parent->mmap_base = 0xb6000000;
	parent->stack_rlimit = PG(64);
	parent->max_map_count = 1000;
	child = dup_mm(parent);
	CHECK(child != NULL);
	CHECK(child->pgd != parent->pgd);
	CHECK_EQ(child->mm_users, 1);
	CHECK_EQ(child->brk, 0x34000);
	CHECK_EQ(child->start_brk, 0x30000);
	CHECK_EQ(child->mmap_base, 0xb6000000);
	CHECK_EQ(child->stack_rlimit, PG(64));
	CHECK_EQ(child->max_map_count, 1000);
	CHECK_EQ(child->map_count, parent->map_count);
	CHECK_EQ(child->highest_vm_end, parent->highest_vm_end);
	CHECK_EQ(validate_mm(child), 0);
	for (p = parent->mmap, c = child->mmap; p && c;
	     p = p->vm_next, c = c->vm_next) {
		CHECK(c != p);
		CHECK(c->vm_mm == child);
		CHECK_EQ(c->vm_start, p->vm_start);
		CHECK_EQ(c->vm_end, p->vm_end);
		CHECK_EQ(c->vm_flags, p->vm_flags);
		CHECK_EQ(c->vm_pgoff, p->vm_pgoff);
		CHECK(c->vm_file == p->vm_file);
		for (unsigned long a = p->vm_start; a < p->vm_end;
		     a += PAGE_SIZE)
			CHECK(mmt_pte(child, a, NULL) == mmt_pte(parent, a, NULL));
	}
	CHECK(!p && !c);
	CHECK_EQ(file->f_count, 5);
	CHECK_EQ(user_read(child, A + PG(3), &v), 0);
	CHECK_EQ(v, 4);
	CHECK_EQ(user_read(child, A + (2UL << 20) + PG(1), &v), 0);
	CHECK_EQ(v, 0x21);
	mmput(parent);
	CHECK_EQ(user_read(child, A + (1UL << 20) + PG(2), &v), 0);
	CHECK_EQ(v, 0x12);
	mmput(child);
	mmt_file_close(file);
}

/*
 * Fail the k-th page allocation of dup_mm() for k = 0, 1, 2 ... until it
 * no longer reaches k allocations, then the same for slab allocations:
 * each failure returns NULL and leaks nothing; the parent reads what it
 * wrote (its private pages may have become read-only, no more).
 */
static int dup_mm_failing_each(struct mm_struct *parent,
			       struct fault_attr *attr)
{
	struct mem_snapshot s;
	struct mm_struct *child;
	int failures = 0;
	unsigned char v;

	for (int k = 0; k < 1000; k++) {
		mem_snap(&s);
		fault_attr_set(attr, k, 1);
		child = dup_mm(parent);
		if (attr->times == 1) {		/* fewer than k+1 allocations */
			fault_attr_set(attr, 0, 0);
			CHECK(child != NULL);
			if (child)
				mmput(child);
			return failures;
		}
		CHECK(child == NULL);
		failures++;
		CHECK_MEM_RESTORED(&s);
		for (int i = 0; i < 4; i++) {
			CHECK_EQ(user_read(parent, A + PG(i), &v), 0);
			CHECK_EQ(v, i + 1);
		}
		CHECK_EQ(validate_mm(parent), 0);
	}
	fault_attr_set(attr, 0, 0);
	return failures;
}

TEST(dup_mm_out_of_memory_anywhere_undoes_cleanly)
{
	struct file *file = mmt_file_new("/data", 3, PG(3));
	struct mm_struct *parent = busy_mm(file);

	/* the child's L1 table, maybe slab pages: at least one */
	CHECK(dup_mm_failing_each(parent, &fail_page_alloc) >= 1);
	/* the mm, 5 VMAs, 5 page tables */
	CHECK(dup_mm_failing_each(parent, &failslab) >= 11);
	mmput(parent);
	mmt_file_close(file);
}
