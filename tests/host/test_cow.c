/*
 * Host tests of mm/cow.c: fork shares private pages read-only, the first
 * write on either side copies, a page left to one side alone is reused;
 * shared mappings stay shared. The states are those drawn in mm/cow.c.
 */
#include "mm/fault_inject.h"
#include "mm/vmstat.h"
#include "tests/host/mm_util.h"

#define A 0x40000000UL

static unsigned long copies(void)
{
	return global_vm_event(TD_COW_COPIES);
}

static unsigned long reuses(void)
{
	return global_vm_event(TD_COW_REUSES);
}

/* dup_mm() that must succeed. */
static struct mm_struct *fork_mm(struct mm_struct *parent)
{
	struct mm_struct *child = dup_mm(parent);

	CHECK(child != NULL);
	if (!child)
		abort();
	return child;
}

/*
 * Private anonymous after fork, both ways:
 *
 *   P writes 1         P: X r/w                    X map 1
 *   fork               P: X r/o   C: X r/o         X map 2, count 2
 *   C writes 2         P: X r/o   C: Y r/w (copy)  X map 1
 *   P writes 3         P: X r/w (reuse, no copy)
 */
TEST(private_pages_after_fork_are_copied_on_write_both_ways)
{
	struct mem_snapshot s;
	struct mm_struct *parent, *child;
	struct page *x;
	unsigned char c;
	bool w;
	unsigned long c0, r0;

	mem_snap(&s);
	parent = mmt_new();
	mmt_map(parent, A, PG(2), RW, NULL, 0);
	CHECK_EQ(user_write(parent, A, 1), 0);
	x = mmt_pte(parent, A, &w);
	CHECK(w);
	child = fork_mm(parent);
	CHECK(mmt_pte(parent, A, &w) == x);
	CHECK(!w);
	CHECK(mmt_pte(child, A, &w) == x);
	CHECK(!w);
	CHECK_EQ(page_mapcount(x), 2);
	CHECK_EQ(page_count(x), 2);

	c0 = copies();
	r0 = reuses();
	CHECK_EQ(user_write(child, A, 2), 0);
	CHECK_EQ(copies() - c0, 1);
	CHECK(mmt_pte(child, A, &w) != x);
	CHECK(w);
	CHECK_EQ(page_mapcount(x), 1);
	CHECK_EQ(user_read(parent, A, &c), 0);
	CHECK_EQ(c, 1);

	CHECK_EQ(user_write(parent, A, 3), 0);
	CHECK_EQ(copies() - c0, 1);		/* no second copy */
	CHECK_EQ(reuses() - r0, 1);
	CHECK(mmt_pte(parent, A, &w) == x);
	CHECK(w);
	CHECK_EQ(user_read(child, A, &c), 0);
	CHECK_EQ(c, 2);
	mmput(child);
	mmput(parent);
	CHECK_MEM_RESTORED(&s);
}

/* The parent writes first: it copies too (the page is shared), then the
 * child, alone with the old page, reuses it. */
TEST(the_parent_writing_first_copies_then_the_child_reuses)
{
	struct mm_struct *parent = mmt_new(), *child;
	struct page *x;
	unsigned char c;
	unsigned long c0, r0;

	mmt_map(parent, A, PG(1), RW, NULL, 0);
	CHECK_EQ(user_write(parent, A, 7), 0);
	x = mmt_pte(parent, A, NULL);
	child = fork_mm(parent);
	c0 = copies();
	r0 = reuses();
	CHECK_EQ(user_write(parent, A, 8), 0);
	CHECK(mmt_pte(parent, A, NULL) != x);
	CHECK_EQ(user_write(child, A + 1, 9), 0);
	CHECK(mmt_pte(child, A, NULL) == x);
	CHECK_EQ(copies() - c0, 1);
	CHECK_EQ(reuses() - r0, 1);
	CHECK_EQ(user_read(child, A, &c), 0);
	CHECK_EQ(c, 7);
	CHECK_EQ(user_read(parent, A + 1, &c), 0);
	CHECK_EQ(c, 0);
	mmput(parent);
	mmput(child);
}

/* When the child exits before writing, the parent's write reuses. */
TEST(after_the_child_exits_the_parent_reuses_its_page)
{
	struct mm_struct *parent = mmt_new(), *child;
	struct page *x;
	unsigned long c0, r0;

	mmt_map(parent, A, PG(1), RW, NULL, 0);
	CHECK_EQ(user_write(parent, A, 1), 0);
	x = mmt_pte(parent, A, NULL);
	child = fork_mm(parent);
	mmput(child);
	CHECK_EQ(page_mapcount(x), 1);
	CHECK_EQ(page_count(x), 1);
	c0 = copies();
	r0 = reuses();
	CHECK_EQ(user_write(parent, A, 2), 0);
	CHECK_EQ(copies(), c0);
	CHECK_EQ(reuses() - r0, 1);
	CHECK(mmt_pte(parent, A, NULL) == x);
	mmput(parent);
}

/* Someone else holding the page (count 2, map 1) forbids reuse. */
TEST(an_extra_reference_forces_a_copy)
{
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *vma;
	struct page *x;
	unsigned long c0;

	vma = mmt_map(mm, A, PG(1), RW, NULL, 0);
	CHECK_EQ(user_write(mm, A, 1), 0);
	x = mmt_pte(mm, A, NULL);
	/* make the PTE read-only again, as fork leaves it */
	change_protection(mm, A, A + PG(1), vma->vm_page_prot);
	get_page(x);
	c0 = copies();
	CHECK_EQ(user_write(mm, A, 2), 0);
	CHECK_EQ(copies() - c0, 1);
	CHECK(mmt_pte(mm, A, NULL) != x);
	CHECK_EQ(page_mapcount(x), 0);
	CHECK_EQ(((unsigned char *)page_address(x))[0], 1);
	put_page(x);
	mmput(mm);
}

/*
 * Zero-page PTEs are copied by fork as they are; a write on either side
 * allocates a fresh page (no copy: zeroes need none).
 */
TEST(zero_page_entries_are_shared_by_fork_and_written_to_new_pages)
{
	struct mm_struct *parent = mmt_new(), *child;
	int zero_map = page_mapcount(ZERO_PAGE(0));
	unsigned long allocs, c0;
	unsigned char c;

	mmt_map(parent, A, PG(3), RW, NULL, 0);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(user_read(parent, A + PG(i), &c), 0);
	child = fork_mm(parent);
	CHECK_EQ(page_mapcount(ZERO_PAGE(0)) - zero_map, 6);
	allocs = global_vm_event(TD_ANON_PAGE_ALLOCS);
	c0 = copies();
	CHECK_EQ(user_write(child, A, 1), 0);
	CHECK_EQ(user_write(parent, A, 2), 0);
	CHECK_EQ(global_vm_event(TD_ANON_PAGE_ALLOCS) - allocs, 2);
	CHECK_EQ(copies(), c0);
	CHECK_EQ(page_mapcount(ZERO_PAGE(0)) - zero_map, 4);
	mmput(child);
	CHECK_EQ(page_mapcount(ZERO_PAGE(0)) - zero_map, 2);
	mmput(parent);
	CHECK_EQ(page_mapcount(ZERO_PAGE(0)), zero_map);
}

/*
 * Shared anonymous memory after fork is one object: writes go both ways,
 * no copy. The child's entries start clean (read-only: Linux's
 * pte_mkclean), so its first write faults, and reuses the page.
 */
TEST(shared_anonymous_memory_stays_shared_after_fork)
{
	struct mem_snapshot s;
	struct mm_struct *parent, *child;
	unsigned long c0 = copies();
	unsigned char c;
	bool w;

	mem_snap(&s);
	parent = mmt_new();
	mmt_map(parent, A, PG(2), RW | SHARED, NULL, 0);
	CHECK_EQ(user_write(parent, A, 1), 0);
	child = fork_mm(parent);
	CHECK(mmt_pte(child, A, &w) == mmt_pte(parent, A, NULL));
	CHECK(!w);
	CHECK_EQ(user_write(child, A, 2), 0);
	CHECK(mmt_pte(child, A, &w) == mmt_pte(parent, A, NULL));
	CHECK(w);
	CHECK_EQ(user_read(parent, A, &c), 0);
	CHECK_EQ(c, 2);
	/* a page neither had touched before the fork */
	CHECK_EQ(user_write(parent, A + PG(1), 3), 0);
	CHECK_EQ(user_read(child, A + PG(1), &c), 0);
	CHECK_EQ(c, 3);
	CHECK(mmt_pte(child, A + PG(1), NULL) ==
	      mmt_pte(parent, A + PG(1), NULL));
	CHECK_EQ(copies(), c0);
	CHECK_EQ(find_vma(child, A)->vm_file, find_vma(parent, A)->vm_file);
	CHECK_EQ(find_vma(child, A)->vm_file->f_count, 2);
	mmput(parent);
	CHECK_EQ(user_read(child, A, &c), 0);
	CHECK_EQ(c, 2);
	mmput(child);
	CHECK_MEM_RESTORED(&s);
}

/* A private file page shared by fork is copied by whoever writes it. */
TEST(private_file_pages_after_fork_copy_and_leave_the_file)
{
	struct file *file = mmt_file_new("/lib/x", 1, PG(1));
	struct mm_struct *parent = mmt_new(), *child;
	struct page *cached = find_get_page(file->f_mapping, 0);
	unsigned char c;

	mmt_map(parent, A, PG(1), RW, file, 0);
	CHECK_EQ(user_read(parent, A, &c), 0);
	child = fork_mm(parent);
	CHECK_EQ(page_mapcount(cached), 2);
	CHECK_EQ(user_write(child, A, 0x55), 0);
	CHECK_EQ(page_mapcount(cached), 1);
	CHECK_EQ(user_read(parent, A, &c), 0);
	CHECK_EQ(c, mmt_file_byte(0, 0));
	CHECK_EQ(((unsigned char *)page_address(cached))[0],
		 mmt_file_byte(0, 0));
	CHECK_EQ(user_write(parent, A, 0x66), 0);	/* not anonymous: copy */
	CHECK_EQ(page_mapcount(cached), 0);
	CHECK_EQ(user_read(child, A, &c), 0);
	CHECK_EQ(c, 0x55);
	put_page(cached);
	mmput(parent);
	mmput(child);
	mmt_file_close(file);
}
