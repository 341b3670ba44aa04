/*
 * Self-tests of the portable fault path (mm/memory.c, mm/cow.c, mm/mm.c,
 * mm/shmem.c) on the real ARMv7 page tables: after each fault, the MMU
 * itself (ATS1CUR/ATS1CUW, and a call into a page) says what user mode
 * may now do, and at which physical page. The host tests check the same
 * policy on the same page-table code with a software decoder of the
 * descriptors in place of the MMU; these check it with the MMU itself.
 */
#include "tests/kernel/kcatch.h"
#include "kernel/uaccess.h"
#include "mm/armv7/ats.h"
#include "mm/armv7/fsr.h"
#include "mm/armv7/pgtable.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/shmem.h"
#include "mm/vma.h"
#include "tests/kernel/ktest.h"

#define VA 0x40000000UL
#define INSN_BX_LR 0xe12fff1eu

/* The physical page user mode reads at @va, or 0 if it would fault. */
static uint32_t user_reads(struct mm_struct *mm, unsigned long va)
{
	uint32_t par = mmu_translate_in(mm, va, ATS_USER_READ);

	return par_aborted(par) ? 0 : par_phys(par);
}

static bool user_may_write(struct mm_struct *mm, unsigned long va)
{
	return !par_aborted(mmu_translate_in(mm, va, ATS_USER_WRITE));
}

/* A VMA in @mm, as mmap would make it (shmem for shared anonymous). */
static struct vm_area_struct *map(struct mm_struct *mm, unsigned long start,
				  unsigned long pages, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = start + pages * PAGE_SIZE;
	vma->vm_flags = flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	if (((flags & VM_SHARED) && shmem_zero_setup(vma)) ||
	    insert_vm_struct(mm, vma)) {
		vm_area_free(vma);
		return NULL;
	}
	return vma;
}

/* A private read/write page: zero page read-only, then its own page. */
TEST(private_anonymous_read_then_write_as_the_mmu_sees_it)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm || !(vma = map(mm, VA, 2, VM_READ | VM_WRITE))) {
		CHECK(!"out of memory");
		return;
	}
	CHECK_EQ(user_reads(mm, VA), 0);		/* nothing mapped */
	CHECK_EQ(handle_mm_fault(mm, vma, VA, FAULT_FLAG_USER), 0);
	CHECK_EQ(user_reads(mm, VA), page_to_phys(ZERO_PAGE(0)));
	CHECK(!user_may_write(mm, VA));			/* seed 002 */
	CHECK_EQ(handle_mm_fault(mm, vma, VA,
				 FAULT_FLAG_USER | FAULT_FLAG_WRITE), 0);
	CHECK(user_may_write(mm, VA));
	CHECK(user_reads(mm, VA) != page_to_phys(ZERO_PAGE(0)));
	CHECK(user_reads(mm, VA) != 0);
	mmput(mm);
	CHECK_EQ(nr_free_pages(), free);
}

/* fork: one physical page read-only in both; a write copies. */
TEST(copy_on_write_after_fork_as_the_mmu_sees_it)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct vm_area_struct *vma;
	uint32_t phys;

	if (!parent || !(vma = map(parent, VA, 1, VM_READ | VM_WRITE))) {
		CHECK(!"out of memory");
		return;
	}
	CHECK_EQ(handle_mm_fault(parent, vma, VA, FAULT_FLAG_WRITE), 0);
	*(uint32_t *)page_address(pte_lookup(parent, VA, NULL)) = 0x600d;
	phys = user_reads(parent, VA);
	child = dup_mm(parent);
	if (!child) {
		CHECK(!"out of memory");
		mmput(parent);
		return;
	}
	CHECK_EQ(user_reads(child, VA), phys);
	CHECK(!user_may_write(parent, VA));
	CHECK(!user_may_write(child, VA));
	CHECK_EQ(handle_mm_fault(child, find_vma(child, VA), VA,
				 FAULT_FLAG_WRITE), 0);
	CHECK(user_may_write(child, VA));
	CHECK(user_reads(child, VA) != phys);
	CHECK_EQ(*(uint32_t *)page_address(pte_lookup(child, VA, NULL)),
		 0x600d);
	CHECK_EQ(user_reads(parent, VA), phys);
	mmput(child);
	mmput(parent);
	CHECK_EQ(nr_free_pages(), free);
}

/*
 * Shared anonymous: a read maps the page read-only (clean), the first
 * write makes the same PTE writable (dirty: ARM Linux's L_PTE_DIRTY, as
 * the MMU sees it); after fork the child has the same page, clean, until
 * it writes too.
 */
TEST(shared_anonymous_page_is_one_page_in_both_after_fork)
{
	unsigned long free = nr_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct vm_area_struct *vma;

	if (!parent ||
	    !(vma = map(parent, VA, 1, VM_READ | VM_WRITE | VM_SHARED))) {
		CHECK(!"out of memory");
		return;
	}
	CHECK_EQ(handle_mm_fault(parent, vma, VA, 0), 0);
	CHECK(!user_may_write(parent, VA));
	CHECK_EQ(handle_mm_fault(parent, vma, VA, FAULT_FLAG_WRITE), 0);
	CHECK(user_may_write(parent, VA));
	child = dup_mm(parent);
	if (!child) {
		CHECK(!"out of memory");
		mmput(parent);
		return;
	}
	CHECK(!user_may_write(child, VA));
	CHECK_EQ(user_reads(child, VA), user_reads(parent, VA));
	vma = find_vma(child, VA);
	CHECK_EQ(handle_mm_fault(child, vma, VA, FAULT_FLAG_WRITE), 0);
	CHECK(user_may_write(child, VA));
	CHECK_EQ(user_reads(child, VA), user_reads(parent, VA));
	mmput(parent);
	mmput(child);
	CHECK_EQ(nr_free_pages(), free);
}

/*
 * A page written by the kernel and mapped by an instruction fault runs
 * (its PTE is executable; the fault path flushed the caches for it,
 * which QEMU, not modelling caches, cannot show).
 */
TEST(an_executable_page_runs_what_was_written_into_it)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	struct page *page;
	void (*volatile fn)(void) = (void (*)(void))VA;
	struct kcatch c;
	volatile bool ran = false;

	if (!mm || !(vma = map(mm, VA, 1,
			       VM_READ | VM_WRITE | VM_EXEC | VM_SHARED))) {
		CHECK(!"out of memory");
		return;
	}
	page = find_or_create_page(vma->vm_file->f_mapping, 0);
	if (!page) {
		CHECK(!"out of memory");
		mmput(mm);
		return;
	}
	*(uint32_t *)page_address(page) = INSN_BX_LR;
	put_page(page);
	CHECK_EQ(handle_mm_fault(mm, vma, VA, FAULT_FLAG_INSTRUCTION), 0);
	switch_mm(&init_mm, mm);
	if (kcatch_arm(&c) == 0) {
		fn();
		kcatch_disarm();
		ran = true;
	}
	switch_mm(mm, &init_mm);
	CHECK(ran);
	mmput(mm);
}

/*
 * clear_user() up to a page that is not there: it stops at the first
 * byte of the missing page and returns what it did not clear, whatever
 * store of its four-word rounds, single words or bytes meets the hole
 * (kernel/armv7/uaccess_asm.S). A mapped page at VA, nothing at VA + 4K;
 * each case starts @before bytes below VA + 4K and asks for 40 more.
 */
TEST(clear_user_stops_exactly_at_a_missing_page)
{
	static const unsigned long befores[] = {
		0, 1, 3, 4, 8, 12, 16, 20, 28, 32, 36, 39,
	};
	static const unsigned char ones[44] = {	/* 4 below, up to 40 */
		[0 ... 43] = 0xff,
	};
	unsigned char back[44];
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned long end = VA + PAGE_SIZE;

	if (!mm || !(vma = map(mm, VA, 1, VM_READ | VM_WRITE))) {
		CHECK(!"out of memory");
		return;
	}
	CHECK_EQ(handle_mm_fault(mm, vma, VA,
				 FAULT_FLAG_USER | FAULT_FLAG_WRITE), 0);
	switch_mm(&init_mm, mm);
	for (unsigned int i = 0; i < ARRAY_SIZE(befores); i++) {
		unsigned long before = befores[i];
		unsigned char *start = (unsigned char *)(end - before);

		/* the bytes below the hole, set, then cleared */
		CHECK_EQ(copy_to_user(start - 4, ones, before + 4), 0);
		CHECK_EQ(clear_user(start, 40), 40 - before);
		CHECK_EQ(copy_from_user(back, start - 4, before + 4), 0);
		for (unsigned long b = 0; b < 4; b++)
			CHECK_EQ(back[b], 0xff);	/* not asked */
		for (unsigned long b = 4; b < before + 4; b++)
			CHECK_EQ(back[b], 0);
	}
	switch_mm(mm, &init_mm);
	mmput(mm);
}
