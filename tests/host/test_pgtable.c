/*
 * Host tests of the ARMv7 page tables, mm/armv7/pgtable.c and
 * protection_map.c built for the host: tables come and go with their
 * entries, protections mean what Linux means, read back through the
 * fake's own decoding of the descriptor bits (tests/host/shim/fake_mmu.c)
 * against hand-decoded descriptors. The fault-path tests rely on all of
 * it. The target's own tests (tests/kernel/test_pgtable.c) check the
 * same tables through the real MMU.
 */
#include "mm/fault_inject.h"
#include "tests/host/mm_util.h"
#include "tests/host/refmodel.h"

#define ADDR 0x40000000UL

static int released;
static unsigned long released_addr[8];

/* A release callback that checks the entry is gone and frees the page. */
static void release_page(struct mm_struct *mm, unsigned long addr,
			 struct page *page)
{
	CHECK(pte_lookup(mm, addr, NULL) == NULL);
	if (released < 8)
		released_addr[released] = addr;
	released++;
	put_page(page);
}

/*
 * The fake's decoder against small-page descriptors read off the real
 * MMU (the README's ptwalk of the zero page, 0x61164a7f) and written
 * from the ARMv7 ARM by hand: AP2 is bit 9, AP[1:0] bits 5:4, XN bit 0.
 */
TEST(the_decoder_reads_ap_and_xn_as_the_armv7_mmu_does)
{
	static const struct {
		uint32_t pte;
		const char *want;
	} rows[] = {
		{ 0x61164a7f, "user r--, kernel r--" },	/* AP2 1 AP 11 XN */
		{ 0x61164a7e, "user r-x, kernel r-x" },	/* ... XN clear */
		{ 0x6116487f, "user rw-, kernel rw-" },	/* AP2 0 AP 11 */
		{ 0x61164a5f, "user ---, kernel r--" },	/* AP2 1 AP 01 */
		{ 0x6116485e, "user ---, kernel rwx" },	/* AP2 0 AP 01 */
		{ 0x6116486e, "user r-x, kernel rwx" },	/* AP2 0 AP 10 */
		{ 0x6116484f, "user ---, kernel ---" },	/* AP2 0 AP 00 */
	};
	struct fake_perm perm;

	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		pgprot_t prot = rows[i].pte & 0xffd;	/* no base, type */

		CHECK(fake_decode_prot(prot, &perm));
		CHECK_STREQ(fake_prot_str(prot), rows[i].want);
	}
	/* AP2 1 with AP 00 is reserved */
	CHECK(!fake_decode_prot(0xa4f, &perm));
}

/*
 * For each VM_READ|VM_WRITE|VM_EXEC|VM_SHARED, what Linux's semantics
 * demand of the entry vm_get_page_prot() gives (mm/armv7/protection_map.c,
 * the code under test), as the MMU would enforce it (the user's part is
 * the model's ref_pte_access()): PROT_NONE gives the
 * user no access; write-only and exec-only imply read (the MMU cannot
 * hide them from reads); a private writable page is read-only until its
 * write fault, a shared writable one writable at once; execute exactly
 * with VM_EXEC (XN otherwise). The kernel may read whatever the user may,
 * and never writes where the user cannot: the zero page and pages shared
 * after fork must stay untouched until the fault handler copies them.
 * pgprot_mkwrite() then adds write for both and keeps the rest.
 */
TEST(protection_map_gives_linux_semantics_for_all_16_combinations)
{
	struct mm_struct *mm = mmt_new();
	struct page *page = alloc_page(GFP_KERNEL);

	for (unsigned long f = 0; f < 16; f++) {
		struct ref_access want = ref_pte_access(f);
		bool read = want.read, write = want.write, exec = want.exec;
		pgprot_t prot = vm_get_page_prot(f);
		struct fake_perm p;

		CHECK(fake_decode_prot(prot, &p));
		if (p.user_read != read || p.user_write != write ||
		    p.user_exec != exec || (read && !p.priv_read) ||
		    (p.priv_write && !write))
			check_failed(__FILE__, __LINE__,
				     "vm_flags %#lx: got %s", f,
				     fake_prot_str(prot));
		CHECK_EQ(pgprot_writable(prot), write);
		/* and the MMU path the fault tests use says the same */
		CHECK_EQ(set_pte_at(mm, ADDR, page, prot), 0);
		CHECK_EQ(fake_access_ok(mm, ADDR, FAKE_READ), read);
		CHECK_EQ(fake_access_ok(mm, ADDR, FAKE_WRITE), write);
		CHECK_EQ(fake_access_ok(mm, ADDR, FAKE_EXEC), exec);

		if (!read)
			continue;	/* the fault handler never mkwrites these */
		prot = pgprot_mkwrite(prot);
		CHECK(fake_decode_prot(prot, &p));
		CHECK(p.user_read && p.user_write && p.priv_write);
		CHECK_EQ(p.user_exec, exec);
		CHECK(pgprot_writable(prot));
		CHECK_EQ(set_pte_at(mm, ADDR, page, prot), 0);
		CHECK(fake_access_ok(mm, ADDR, FAKE_WRITE));
	}
	unmap_page_range(mm, ADDR, ADDR + PAGE_SIZE, NULL);
	put_page(page);
	mmput(mm);
}

/* Only VM_SHARED tells writable entries apart: the seed's question. */
TEST(private_read_write_maps_read_only_shared_maps_writable)
{
	CHECK(!pgprot_writable(vm_get_page_prot(VM_READ | VM_WRITE)));
	CHECK(pgprot_writable(vm_get_page_prot(VM_READ | VM_WRITE |
					       VM_SHARED)));
	/* VM_MAY* and other flags do not index the table */
	CHECK_EQ(vm_get_page_prot(RW), vm_get_page_prot(VM_READ | VM_WRITE));
}

/*
 * Second-level tables come with the first entry in their MiB and go with
 * the last; the L1 table is 4 pages; every page comes back.
 *
 *   MiB 0x400: entries at +0 and +1 page     MiB 0x401: entry at +0
 */
TEST(tables_come_with_the_first_entry_and_go_with_the_last)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct page *pages[3];
	unsigned long addrs[3] = { ADDR, ADDR + PAGE_SIZE, ADDR + (1UL << 20) };

	mem_snap(&s);
	mm = mmt_new();
	CHECK_EQ(pages_used_since(&s), 4);	/* the 16 KiB L1 table */
	CHECK_EQ(mm_nr_ptes(mm), 0);
	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		CHECK_EQ(set_pte_at(mm, addrs[i], pages[i], protection_map[1]), 0);
		CHECK(pte_lookup(mm, addrs[i], NULL) == pages[i]);
	}
	CHECK_EQ(mm_nr_ptes(mm), 2);
	CHECK_EQ(cache_active("pte_table") - s.tables, 2);
	CHECK(pte_lookup(mm, ADDR + 2 * PAGE_SIZE, NULL) == NULL);

	released = 0;
	unmap_page_range(mm, ADDR, ADDR + PAGE_SIZE, release_page);
	CHECK_EQ(released, 1);
	CHECK_EQ(mm_nr_ptes(mm), 2);	/* one entry left in the first MiB */
	unmap_page_range(mm, ADDR, ADDR + (2UL << 20), release_page);
	CHECK_EQ(released, 3);
	CHECK_EQ(released_addr[1], addrs[1]);
	CHECK_EQ(released_addr[2], addrs[2]);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * pte_next_table() skips the spans without a second-level table, one
 * MiB each on ARMv7, and stops at the end it is given.
 *
 *   MiB 0x400: no table   0x401: entry at +5 pages   0x402: none   0x403: +0
 */
TEST(pte_next_table_skips_spans_without_a_table)
{
	struct mm_struct *mm = mmt_new();
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	unsigned long mib = 1UL << 20;

	CHECK_EQ(pte_next_table(mm, ADDR, ADDR + 4 * mib), ADDR + 4 * mib);
	CHECK_EQ(set_pte_at(mm, ADDR + mib + PG(5), a, protection_map[1]), 0);
	CHECK_EQ(set_pte_at(mm, ADDR + 3 * mib, b, protection_map[1]), 0);
	/* from anywhere in MiB 0x400: the start of 0x401, not its entry */
	CHECK_EQ(pte_next_table(mm, ADDR + PG(3), ADDR + 4 * mib), ADDR + mib);
	/* inside a span with a table: where it was asked */
	CHECK_EQ(pte_next_table(mm, ADDR + mib + PG(9), ADDR + 4 * mib),
		 ADDR + mib + PG(9));
	CHECK_EQ(pte_next_table(mm, ADDR + 2 * mib, ADDR + 4 * mib),
		 ADDR + 3 * mib);
	/* an end inside the gap: the end */
	CHECK_EQ(pte_next_table(mm, ADDR + 2 * mib, ADDR + 2 * mib + PG(7)),
		 ADDR + 2 * mib + PG(7));
	CHECK_EQ(mm_nr_ptes(mm), 2);
	unmap_page_range(mm, ADDR, ADDR + 4 * mib, release_page);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	CHECK_EQ(pte_next_table(mm, ADDR, ADDR + 4 * mib), ADDR + 4 * mib);
	mmput(mm);
}

/* change_protection() changes present entries only, and leaves the page. */
TEST(change_protection_rewrites_present_entries_only)
{
	struct mm_struct *mm = mmt_new();
	struct page *page = alloc_page(GFP_KERNEL);
	pgprot_t prot;

	CHECK_EQ(set_pte_at(mm, ADDR, page, vm_get_page_prot(VM_READ)), 0);
	change_protection(mm, ADDR, ADDR + PG(4),
			  vm_get_page_prot(VM_READ | VM_WRITE | VM_SHARED));
	CHECK(pte_lookup(mm, ADDR, &prot) == page);
	CHECK(pgprot_writable(prot));
	CHECK(pte_lookup(mm, ADDR + PAGE_SIZE, NULL) == NULL);
	change_protection(mm, ADDR, ADDR + PG(4), vm_get_page_prot(VM_NONE));
	CHECK(!fake_access_ok(mm, ADDR, FAKE_READ));
	CHECK(pte_lookup(mm, ADDR, NULL) == page);	/* contents kept */
	unmap_page_range(mm, ADDR, ADDR + PG(4), NULL);
	put_page(page);
	mmput(mm);
}

/* No table to be had: set_pte_at() fails cleanly; kernel addresses never. */
TEST(set_pte_at_without_memory_for_a_table_fails_with_enomem)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct page *page = alloc_page(GFP_KERNEL);

	mem_snap(&s);
	fault_attr_set(&failslab, 0, 1);
	CHECK_EQ(set_pte_at(mm, ADDR, page, protection_map[1]), -ENOMEM);
	fault_attr_set(&failslab, 0, 0);
	CHECK(pte_lookup(mm, ADDR, NULL) == NULL);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	CHECK_MEM_RESTORED(&s);
	CHECK(!fake_access_ok(mm, PAGE_OFFSET, FAKE_READ));
	CHECK(pte_lookup(mm, PAGE_OFFSET, NULL) == NULL);
	put_page(page);
	mmput(mm);
}
