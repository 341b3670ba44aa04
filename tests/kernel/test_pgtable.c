/*
 * Self-tests of the ARMv7 page-table layer (mm/armv7/pgtable.c,
 * protection_map.c, context.c), judged by the MMU itself: ATS1CUR/ATS1CUW/
 * ATS1CPR say what user and kernel accesses would do, and real accesses
 * (reads, a call into a page) show what the TLB holds.
 *
 * Every test builds its own address space at TEST_VA, switches to it,
 * and switches back to the kernel's (init_mm) before it checks anything.
 */
#include "tests/kernel/kcatch.h"
#include "mm/armv7/ats.h"
#include "mm/armv7/fsr.h"
#include "mm/armv7/pgtable.h"
#include "mm/armv7/tlbflush.h"
#include "mm/mmu.h"
#include "mm/page_alloc.h"
#include "tests/kernel/ktest.h"

#define TEST_VA 0x40000000UL

static bool make_mm(struct mm_struct *mm)
{
	memset(mm, 0, sizeof(*mm));
	return pgd_alloc(mm) == 0;
}

static void release_page(struct mm_struct *mm, unsigned long addr,
			 struct page *page)
{
	__free_pages(page, 0);
}

/* Tear down @mm: unmap everything (freeing the pages), free the tables. */
static void destroy_mm(struct mm_struct *mm)
{
	unmap_page_range(mm, 0, TASK_SIZE, release_page);
	pgd_free(mm);
}

/*
 * The Linux semantics protection_map must give (ARM: write-only and
 * exec-only imply read; private writable is read-only until a fault).
 */
static bool expect_user_read(unsigned int i)
{
	return i & (VM_READ | VM_WRITE | VM_EXEC);
}

static bool expect_user_write(unsigned int i)
{
	return (i & VM_SHARED) && (i & VM_WRITE);
}

/* An ARM "bx lr": a page holding it can be called like a function. */
#define INSN_BX_LR 0xe12fff1eu

/* Does calling @va in @mm fault? Returns the IFSR's FS, or 0 if it ran. */
static unsigned int try_execute(struct mm_struct *mm, unsigned long va)
{
	void (*volatile fn)(void) = (void (*)(void))va;
	struct kcatch c;
	volatile unsigned int fs = 0;

	switch_mm(&init_mm, mm);
	if (kcatch_arm(&c) == 0) {
		fn();
		kcatch_disarm();
	} else {
		fs = fsr_fs(c.fsr);
	}
	switch_mm(mm, &init_mm);
	return fs;
}

TEST(each_protection_map_entry_as_the_mmu_sees_it)
{
	for (unsigned int i = 0; i < 16; i++) {
		struct mm_struct mm;
		struct page *page = alloc_page(__GFP_ZERO);
		uint32_t par;

		if (!page || !make_mm(&mm)) {
			CHECK(!"out of memory");
			return;
		}
		*(uint32_t *)page_address(page) = INSN_BX_LR;
		flush_icache_page(page);
		CHECK_EQ(set_pte_at(&mm, TEST_VA, page, protection_map[i]), 0);

		par = mmu_translate_in(&mm, TEST_VA, ATS_USER_READ);
		if (expect_user_read(i)) {
			CHECK(!par_aborted(par));
			CHECK_EQ(par_phys(par), page_to_phys(page));
		} else {
			CHECK(par_aborted(par));
			CHECK_EQ(par_fs(par), FS_PERMISSION_PAGE);
		}
		par = mmu_translate_in(&mm, TEST_VA, ATS_USER_WRITE);
		if (expect_user_write(i)) {
			CHECK(!par_aborted(par));
		} else {
			CHECK(par_aborted(par));
			CHECK_EQ(par_fs(par), FS_PERMISSION_PAGE);
		}
		/* the kernel may always read a mapped user page */
		par = mmu_translate_in(&mm, TEST_VA, ATS_PRIV_READ);
		CHECK(!par_aborted(par));
		CHECK_EQ(par_phys(par), page_to_phys(page));
		/* XN unless VM_EXEC: a call into the page faults or returns */
		CHECK_EQ(try_execute(&mm, TEST_VA),
			 i & VM_EXEC ? 0 : FS_PERMISSION_PAGE);
		if (check_failures())
			printk("#   ... for protection_map[%u]\n", i);
		destroy_mm(&mm);
	}
}

TEST(write_upgrade_makes_a_private_writable_page_writable)
{
	struct mm_struct mm;
	struct page *page = alloc_page(__GFP_ZERO);
	pgprot_t prot = vm_get_page_prot(VM_READ | VM_WRITE);

	if (!page || !make_mm(&mm)) {
		CHECK(!"out of memory");
		return;
	}
	CHECK(!pgprot_writable(prot));
	set_pte_at(&mm, TEST_VA, page, prot);
	CHECK(par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_WRITE)));

	prot = pgprot_mkwrite(prot);
	CHECK(pgprot_writable(prot));
	set_pte_at(&mm, TEST_VA, page, prot);
	CHECK(!par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_WRITE)));
	CHECK(!par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_READ)));
	destroy_mm(&mm);
}

TEST(replacing_a_pte_is_seen_at_once)
{
	/* QEMU models the TLB: without TLBIMVA the old page would be read */
	struct mm_struct mm;
	struct page *a = alloc_page(__GFP_ZERO), *b = alloc_page(__GFP_ZERO);
	pgprot_t prot = vm_get_page_prot(VM_READ);
	volatile uint32_t *va = (volatile uint32_t *)TEST_VA;
	uint32_t first, second;

	if (!a || !b || !make_mm(&mm)) {
		CHECK(!"out of memory");
		return;
	}
	*(uint32_t *)page_address(a) = 0xaaaa0001;
	*(uint32_t *)page_address(b) = 0xbbbb0002;
	set_pte_at(&mm, TEST_VA, a, prot);
	switch_mm(&init_mm, &mm);
	first = *va;			/* now cached in the TLB */
	set_pte_at(&mm, TEST_VA, b, prot);
	second = *va;
	switch_mm(&mm, &init_mm);
	CHECK_EQ(first, 0xaaaa0001);
	CHECK_EQ(second, 0xbbbb0002);
	__free_pages(a, 0);		/* b goes with the address space */
	destroy_mm(&mm);
}

TEST(two_address_spaces_one_address_two_pages)
{
	struct mm_struct a, b;
	struct page *pa = alloc_page(__GFP_ZERO), *pb = alloc_page(__GFP_ZERO);
	pgprot_t prot = vm_get_page_prot(VM_READ);
	volatile uint32_t *va = (volatile uint32_t *)TEST_VA;
	unsigned long flushes;
	uint32_t seen[4];

	if (!pa || !pb || !make_mm(&a) || !make_mm(&b)) {
		CHECK(!"out of memory");
		return;
	}
	*(uint32_t *)page_address(pa) = 0x0000000a;
	*(uint32_t *)page_address(pb) = 0x0000000b;
	set_pte_at(&a, TEST_VA, pa, prot);
	set_pte_at(&b, TEST_VA, pb, prot);

	switch_mm(&init_mm, &a);	/* first switches: ASIDs assigned */
	switch_mm(&a, &b);
	flushes = tlb_full_flushes;
	switch_mm(&b, &a);
	seen[0] = *va;
	switch_mm(&a, &b);
	seen[1] = *va;
	switch_mm(&b, &a);
	seen[2] = *va;
	switch_mm(&a, &b);
	seen[3] = *va;
	switch_mm(&b, &init_mm);

	CHECK_EQ(seen[0], 0xa);
	CHECK_EQ(seen[1], 0xb);
	CHECK_EQ(seen[2], 0xa);
	CHECK_EQ(seen[3], 0xb);
	CHECK_NE(mm_live_asid(&a), 0);
	CHECK_NE(mm_live_asid(&a), mm_live_asid(&b));
	CHECK_EQ(tlb_full_flushes, flushes);	/* switching flushed nothing */
	destroy_mm(&a);
	destroy_mm(&b);
}

TEST(asid_rollover_keeps_address_spaces_apart)
{
	struct mm_struct a, b, other;
	struct page *pa = alloc_page(__GFP_ZERO), *pb = alloc_page(__GFP_ZERO);
	pgprot_t prot = vm_get_page_prot(VM_READ);
	volatile uint32_t *va = (volatile uint32_t *)TEST_VA;
	unsigned long rollovers = asid_rollovers(), gen;
	uint32_t seen_a, seen_b;

	if (!pa || !pb || !make_mm(&a) || !make_mm(&b) || !make_mm(&other)) {
		CHECK(!"out of memory");
		return;
	}
	*(uint32_t *)page_address(pa) = 0x1111;
	*(uint32_t *)page_address(pb) = 0x2222;
	set_pte_at(&a, TEST_VA, pa, prot);
	set_pte_at(&b, TEST_VA, pb, prot);
	switch_mm(&init_mm, &a);
	(void)*va;			/* a's entry in the TLB */
	switch_mm(&a, &b);
	(void)*va;			/* and b's */
	switch_mm(&b, &init_mm);
	gen = asid_generation();

	/* use up every ASID of this generation, and one more */
	for (unsigned int i = 0; i <= NUM_USER_ASIDS; i++) {
		other.context_id = 0;
		switch_mm(&init_mm, &other);
		switch_mm(&other, &init_mm);
	}
	CHECK_EQ(asid_rollovers(), rollovers + 1);
	CHECK_NE(asid_generation(), gen);
	CHECK_EQ(mm_live_asid(&a), 0);	/* stale: a new ASID on next switch */

	switch_mm(&init_mm, &b);
	seen_b = *va;
	switch_mm(&b, &a);
	seen_a = *va;
	switch_mm(&a, &init_mm);
	CHECK_EQ(seen_a, 0x1111);
	CHECK_EQ(seen_b, 0x2222);
	CHECK_NE(mm_live_asid(&a), mm_live_asid(&b));
	destroy_mm(&a);
	destroy_mm(&b);
	pgd_free(&other);
}

TEST(second_level_tables_come_and_go)
{
	struct mm_struct mm;
	unsigned long before = nr_free_pages();
	pgprot_t prot = vm_get_page_prot(VM_READ);
	static const unsigned long vas[] = {
		0x00008000, 0x00009000,		/* one L2 table */
		0x40000000,			/* another */
		0xbeff0000,			/* the last MiB of user space */
	};

	if (!make_mm(&mm)) {
		CHECK(!"out of memory");
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(vas); i++) {
		struct page *page = alloc_page(__GFP_ZERO);

		if (!page || set_pte_at(&mm, vas[i], page, prot)) {
			CHECK(!"out of memory");
			return;
		}
	}
	CHECK_EQ(mm_nr_ptes(&mm), 3);
	CHECK(pte_lookup(&mm, 0x00009000, NULL) != NULL);
	CHECK(pte_lookup(&mm, 0x0000a000, NULL) == NULL);

	unmap_page_range(&mm, 0x00008000, 0x00009000, release_page);
	CHECK_EQ(mm_nr_ptes(&mm), 3);	/* 0x9000 still uses the table */
	CHECK(pte_lookup(&mm, 0x00008000, NULL) == NULL);
	unmap_page_range(&mm, 0x00009000, 0x0000a000, release_page);
	CHECK_EQ(mm_nr_ptes(&mm), 2);	/* its table is free now */

	/* the address space goes with its remaining pages and tables */
	destroy_mm(&mm);
	CHECK_EQ(nr_free_pages(), before);
}

TEST(change_protection_rewrites_present_entries)
{
	struct mm_struct mm;
	struct page *page = alloc_page(__GFP_ZERO);

	if (!page || !make_mm(&mm)) {
		CHECK(!"out of memory");
		return;
	}
	set_pte_at(&mm, TEST_VA, page, vm_get_page_prot(VM_SHARED | VM_READ |
							  VM_WRITE));
	CHECK(!par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_WRITE)));
	change_protection(&mm, TEST_VA, TEST_VA + PAGE_SIZE,
			  vm_get_page_prot(VM_SHARED | VM_READ));
	CHECK(par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_WRITE)));
	CHECK(!par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_READ)));
	change_protection(&mm, TEST_VA, TEST_VA + PAGE_SIZE,
			  vm_get_page_prot(VM_NONE));
	CHECK(par_aborted(mmu_translate_in(&mm, TEST_VA, ATS_USER_READ)));
	CHECK(pte_lookup(&mm, TEST_VA, NULL) == page);	/* contents kept */
	destroy_mm(&mm);
}
