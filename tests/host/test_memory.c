/*
 * Host tests of mm/memory.c: demand paging as a user program sees it.
 * Each test counts what a run of touches must cost - pages, PTEs to the
 * zero page, copies, faults - from the rules of demand paging, and
 * checks the values read back and that every page comes back.
 */
#include "mm/anon_vma.h"
#include "mm/fault_inject.h"
#include "mm/shmem.h"
#include "mm/vmstat.h"
#include "tests/host/mm_util.h"

#define A 0x40000000UL
#define B 0x70000000UL

static unsigned long ev_base[NR_VM_EVENT_ITEMS];
static unsigned long faults_base;

/* Start counting events and faults from now. */
static void ev_start(void)
{
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		ev_base[i] = vm_event_states[i];
	faults_base = mmt_faults;
}

/* Events of kind @item since ev_start(). */
static unsigned long ev(enum vm_event_item item)
{
	return vm_event_states[item] - ev_base[item];
}

/* Faults the user helpers took since ev_start(). */
static unsigned long faults(void)
{
	return mmt_faults - faults_base;
}

/*
 * Issue 7, acceptance 1. Map 1 GiB: nothing. Read 64 pages, 128 KiB
 * apart (so 8 per MiB, in 8 MiB): 64 PTEs to the zero page, 8 page
 * tables, no data page. Write 10 of them: exactly 10 pages. Everything
 * reads back as written, without another fault.
 */
TEST(one_gib_costs_nothing_reads_map_the_zero_page_writes_one_page_each)
{
	struct mem_snapshot s0, s;
	struct mm_struct *mm;
	struct page *zero = ZERO_PAGE(0);
	unsigned char c;

	mem_snap(&s0);
	mm = mmt_new();
	mem_snap(&s);
	ev_start();
	mmt_map(mm, A, 1UL << 30, RW, NULL, 0);
	CHECK_EQ(pages_used_since(&s), 0);
	CHECK_EQ(mm_nr_ptes(mm), 0);

	for (int i = 0; i < 64; i++) {
		CHECK_EQ(user_read(mm, A + i * 0x20000UL + 17, &c), 0);
		CHECK_EQ(c, 0);
		CHECK(mmt_pte(mm, A + i * 0x20000UL, NULL) == zero);
	}
	CHECK_EQ(faults(), 64);
	CHECK_EQ(ev(PGFAULT), 64);
	CHECK_EQ(ev(TD_ZERO_PAGE_MAPS), 64);
	CHECK_EQ(page_mapcount(zero) - s.zero_map, 64);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 0);
	CHECK_EQ(pages_used_since(&s), 0);
	CHECK_EQ(mm_nr_ptes(mm), 8);

	for (int i = 0; i < 10; i++)
		CHECK_EQ(user_write(mm, A + i * 0x20000UL + 17, i + 1), 0);
	CHECK_EQ(faults(), 74);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 10);
	CHECK_EQ(ev(TD_COW_COPIES), 0);
	CHECK_EQ(pages_used_since(&s), 10);
	CHECK_EQ(page_mapcount(zero) - s.zero_map, 54);

	for (int i = 0; i < 64; i++) {
		CHECK_EQ(user_read(mm, A + i * 0x20000UL + 17, &c), 0);
		CHECK_EQ(c, i < 10 ? i + 1 : 0);
	}
	CHECK_EQ(faults(), 74);	/* all mapped already */

	CHECK_EQ(do_munmap(mm, A, 1UL << 30), 0);
	CHECK_EQ(pages_used_since(&s), 0);
	CHECK_EQ(mm_nr_ptes(mm), 0);
	CHECK_EQ(page_mapcount(zero), s.zero_map);
	mmput(mm);
	CHECK_MEM_RESTORED(&s0);
}

/*
 * Seed 002: a private read/write page is mapped read-only first. The
 * read maps the zero page through a read-only PTE although the VMA is
 * writable; the write faults again and gets a page of its own, writable.
 * A write with no read before costs one fault and no zero page.
 */
TEST(private_writable_memory_is_mapped_read_only_until_written)
{
	struct mm_struct *mm = mmt_new();
	bool writable;
	unsigned char c;

	mmt_map(mm, A, PG(2), RW, NULL, 0);
	ev_start();
	CHECK_EQ(user_read(mm, A, &c), 0);
	CHECK(mmt_pte(mm, A, &writable) == ZERO_PAGE(0));
	CHECK(!writable);
	CHECK_EQ(user_write(mm, A, 1), 0);
	CHECK(mmt_pte(mm, A, &writable) != ZERO_PAGE(0));
	CHECK(writable);
	CHECK_EQ(faults(), 2);

	CHECK_EQ(user_write(mm, A + PG(1), 2), 0);
	CHECK_EQ(faults(), 3);
	CHECK_EQ(ev(TD_ZERO_PAGE_MAPS), 1);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 2);
	CHECK_EQ(page_mapcount(mmt_pte(mm, A + PG(1), NULL)), 1);
	CHECK_EQ(page_count(mmt_pte(mm, A + PG(1), NULL)), 1);
	mmput(mm);
}

/*
 * A private file mapping shows the page-cache page itself, read-only;
 * the first write copies it, and the file's page is unchanged.
 */
TEST(private_file_mapping_copies_on_write_and_leaves_the_file_alone)
{
	struct mem_snapshot s;
	struct file *file = mmt_file_new("/etc/data", 3, PG(3));
	struct mm_struct *mm = mmt_new();
	struct page *cached = find_get_page(file->f_mapping, 1), *second;
	unsigned char c;
	bool writable;

	mem_snap(&s);
	ev_start();
	mmt_map(mm, A, PG(2), RW, file, 1);	/* file pages 1 and 2 */
	CHECK_EQ(user_read(mm, A + 9, &c), 0);
	CHECK_EQ(c, mmt_file_byte(1, 9));
	CHECK(mmt_pte(mm, A, &writable) == cached);
	CHECK(!writable);
	CHECK_EQ(page_mapcount(cached), 1);
	CHECK_EQ(ev(TD_FILE_PAGE_MAPS), 1);
	CHECK_EQ(pages_used_since(&s), 0);

	CHECK_EQ(user_write(mm, A + 9, 0xee), 0);
	CHECK(mmt_pte(mm, A, &writable) != cached);
	CHECK(writable);
	CHECK_EQ(ev(TD_COW_COPIES), 1);
	CHECK_EQ(page_mapcount(cached), 0);
	CHECK_EQ(((unsigned char *)page_address(cached))[9],
		 mmt_file_byte(1, 9));
	CHECK_EQ(user_read(mm, A + 10, &c), 0);	/* the rest was copied */
	CHECK_EQ(c, mmt_file_byte(1, 10));
	CHECK_EQ(pages_used_since(&s), 1);

	/* a write where nothing is mapped yet copies at once: one fault */
	CHECK_EQ(user_write(mm, A + PG(1), 0xdd), 0);
	CHECK_EQ(faults(), 3);
	CHECK_EQ(ev(TD_COW_COPIES), 2);
	CHECK_EQ(user_read(mm, A + PG(1) + 1, &c), 0);
	CHECK_EQ(c, mmt_file_byte(2, 1));
	second = find_get_page(file->f_mapping, 2);
	CHECK_EQ(page_mapcount(second), 0);
	put_page(second);
	put_page(cached);
	CHECK_EQ(do_munmap(mm, A, PG(2)), 0);
	CHECK_MEM_RESTORED(&s);
	mmput(mm);
	mmt_file_close(file);
}

/*
 * Shared file mappings write the page-cache page itself: at once
 * writable (one fault for a write), seen by find_get_page() (so by read())
 * and by another address space mapping the same file.
 */
TEST(shared_file_writes_reach_the_page_cache_and_other_mappings)
{
	struct mem_snapshot s;
	struct file *file = mmt_file_new("/tmp/shared", 2, PG(2));
	struct mm_struct *mm1, *mm2;
	struct page *cached;
	unsigned char c;
	bool writable;

	mem_snap(&s);
	mm1 = mmt_new();
	mm2 = mmt_new();
	mmt_map(mm1, A, PG(2), RW | SHARED, file, 0);
	mmt_map(mm2, B, PG(1), R | SHARED, file, 1);
	ev_start();
	CHECK_EQ(user_write(mm1, A + PG(1) + 3, 0x77), 0);
	CHECK_EQ(faults(), 1);
	cached = find_get_page(file->f_mapping, 1);
	CHECK(mmt_pte(mm1, A + PG(1), &writable) == cached);
	CHECK(writable);
	CHECK_EQ(((unsigned char *)page_address(cached))[3], 0x77);
	CHECK_EQ(user_read(mm2, B + 3, &c), 0);
	CHECK_EQ(c, 0x77);
	CHECK(mmt_pte(mm2, B, &writable) == cached);
	CHECK(!writable);
	CHECK_EQ(page_mapcount(cached), 2);
	CHECK_EQ(page_count(cached), 4);	/* cache, 2 PTEs, ours */
	CHECK_EQ(ev(TD_FILE_PAGE_MAPS), 2);
	CHECK_EQ(ev(TD_COW_COPIES), 0);
	CHECK_EQ(pages_used_since(&s), 2 * 4);	/* the L1 tables: no data */
	/* mm2 mapped it read-only: a write is refused, the page unchanged */
	CHECK_EQ(user_write(mm2, B + 3, 0x11), VM_FAULT_BADACCESS);
	CHECK_EQ(mmt_report.reason, FAULT_WRITE_RO);
	CHECK_STREQ(mmt_report.vm_file, "/tmp/shared");
	CHECK_EQ(((unsigned char *)page_address(cached))[3], 0x77);
	put_page(cached);
	mmput(mm1);
	mmput(mm2);
	CHECK_MEM_RESTORED(&s);
	mmt_file_close(file);
}

/*
 * A file of 1.5 pages mapped over 3: page 1 holds the tail, zero after
 * the end of the file; page 2 lies wholly beyond it: SIGBUS, as Linux.
 */
TEST(a_page_beyond_the_end_of_the_file_is_sigbus)
{
	struct mem_snapshot s;
	struct file *file = mmt_file_new("/bin/half", 2, PG(1) + 2048);
	struct mm_struct *mm;
	unsigned char c;

	mem_snap(&s);
	mm = mmt_new();
	mmt_map(mm, A, PG(3), R, file, 0);
	CHECK_EQ(user_read(mm, A + PG(1) + 2047, &c), 0);
	CHECK_EQ(c, mmt_file_byte(1, 2047));
	CHECK_EQ(user_read(mm, A + PG(1) + 2048, &c), 0);
	CHECK_EQ(c, 0);
	CHECK_EQ(user_read(mm, A + PG(2), &c), VM_FAULT_SIGBUS);
	CHECK_EQ(mmt_report.reason, FAULT_BEYOND_EOF);
	CHECK_STREQ(fault_reason_str(mmt_report.reason), "beyond end of file");
	CHECK(mmt_pte(mm, A + PG(2), NULL) == NULL);
	CHECK_EQ(file_inode(file)->i_data.nrpages, 2);	/* none added */
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
	mmt_file_close(file);
}

/* A page mapped into an executable VMA has the instruction side synced. */
TEST(pages_mapped_executable_flush_the_icache)
{
	struct mm_struct *mm = mmt_new();
	unsigned long before;
	unsigned char c;

	mmt_map(mm, A, PG(2), RWX, NULL, 0);
	mmt_map(mm, B, PG(1), RW, NULL, 0);
	before = fake_mmu_stats.icache_flushes;
	CHECK_EQ(user_write(mm, B, 1), 0);
	CHECK_EQ(fake_mmu_stats.icache_flushes, before);
	CHECK_EQ(user_write(mm, A, 0xe1), 0);		/* new page */
	CHECK_EQ(fake_mmu_stats.icache_flushes, before + 1);
	CHECK_EQ(user_exec(mm, A), 0);
	CHECK_EQ(user_read(mm, A + PG(1), &c), 0);	/* zero page */
	CHECK_EQ(fake_mmu_stats.icache_flushes, before + 2);
	CHECK_EQ(user_write(mm, A + PG(1), 1), 0);	/* zero -> new */
	CHECK_EQ(fake_mmu_stats.icache_flushes, before + 3);
	mmput(mm);
}

/*
 * Issue 7, acceptance 6: read (zero page) -> mprotect RW -> the write
 * works; RW -> mprotect R -> the write is refused, the value stays.
 * PROT_NONE hides the page but keeps it; PROT_READ shows it again.
 */
TEST(mprotect_interplay_with_the_fault_path)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	unsigned char c;
	bool writable;

	mem_snap(&s);
	mmt_map(mm, A, PG(1), R, NULL, 0);
	CHECK_EQ(user_read(mm, A, &c), 0);
	CHECK(mmt_pte(mm, A, NULL) == ZERO_PAGE(0));
	CHECK_EQ(user_write(mm, A, 1), VM_FAULT_BADACCESS);
	CHECK_EQ(mmt_report.reason, FAULT_WRITE_RO);

	CHECK_EQ(do_mprotect(mm, A, PG(1), PROT_READ | PROT_WRITE, false), 0);
	CHECK(mmt_pte(mm, A, &writable) == ZERO_PAGE(0));
	CHECK(!writable);	/* private: still read-only after mprotect */
	CHECK_EQ(user_write(mm, A, 0x42), 0);
	CHECK(mmt_pte(mm, A, &writable) != ZERO_PAGE(0));
	CHECK(writable);

	CHECK_EQ(do_mprotect(mm, A, PG(1), PROT_READ, false), 0);
	CHECK_EQ(user_write(mm, A, 0x43), VM_FAULT_BADACCESS);
	CHECK_EQ(mmt_report.reason, FAULT_WRITE_RO);
	CHECK_EQ(user_read(mm, A, &c), 0);
	CHECK_EQ(c, 0x42);

	CHECK_EQ(do_mprotect(mm, A, PG(1), 0, false), 0);
	CHECK_EQ(user_read(mm, A, &c), VM_FAULT_BADACCESS);
	CHECK_EQ(mmt_report.reason, FAULT_PROT_NONE);
	CHECK(mmt_pte(mm, A, NULL) != NULL);	/* kept */
	CHECK_EQ(do_mprotect(mm, A, PG(1), PROT_READ, false), 0);
	CHECK_EQ(user_read(mm, A, &c), 0);
	CHECK_EQ(c, 0x42);
	CHECK_EQ(pages_used_since(&s), 1);
	mmput(mm);
}

/*
 * Out of memory in each place a fault allocates: the data page, the page
 * table, the copy of a COW page. The fault says VM_FAULT_OOM, the task
 * sees what it saw before, and nothing is left allocated.
 */
TEST(out_of_memory_in_a_fault_fails_it_and_leaks_nothing)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct file *file = mmt_file_new("/x", 1, PG(1));
	unsigned char c;

	mmt_map(mm, A, PG(1), RW, NULL, 0);
	mmt_map(mm, B, PG(1), RW, file, 0);
	mem_snap(&s);
	ev_start();
	fault_attr_set(&failslab, 0, 1);		/* the page table */
	CHECK_EQ(user_read(mm, A, &c), VM_FAULT_OOM);
	CHECK_EQ(mmt_report.reason, FAULT_OOM);
	CHECK_STREQ(fault_reason_str(FAULT_OOM), "out of memory");
	fault_attr_set(&fail_page_alloc, 0, 1);		/* the data page */
	CHECK_EQ(user_write(mm, A, 1), VM_FAULT_OOM);
	fault_attr_set(&fail_page_alloc, 0, 1);		/* the private copy */
	CHECK_EQ(user_write(mm, B, 1), VM_FAULT_OOM);
	CHECK_EQ(ev(TD_FAULT_OOM), 3);
	CHECK(mmt_pte(mm, A, NULL) == NULL);
	CHECK(mmt_pte(mm, B, NULL) == NULL);
	CHECK_MEM_RESTORED(&s);

	/* COW break out of memory: the old page stays mapped, r/o */
	CHECK_EQ(user_read(mm, B, &c), 0);
	CHECK_EQ(user_read(mm, A, &c), 0);
	fault_attr_set(&fail_page_alloc, 0, 2);
	CHECK_EQ(user_write(mm, B, 1), VM_FAULT_OOM);
	CHECK_EQ(user_write(mm, A, 1), VM_FAULT_OOM);
	fault_attr_set(&fail_page_alloc, 0, 0);
	CHECK(mmt_pte(mm, A, NULL) == ZERO_PAGE(0));
	CHECK_EQ(user_read(mm, B, &c), 0);
	CHECK_EQ(c, mmt_file_byte(0, 0));
	/* and once memory is back, the same accesses work */
	CHECK_EQ(user_write(mm, A, 1), 0);
	CHECK_EQ(user_write(mm, B, 2), 0);
	mmput(mm);
	mmt_file_close(file);
}

/*
 * mm_populate: private writable memory gets its own pages now (write
 * faults), read-only memory the zero page, shared memory its object's
 * pages; PROT_NONE VMAs and holes are skipped; a second populate costs
 * nothing.
 *
 *   A: [ RW 8p ][hole 2p][ NONE 2p ][ R 4p ][ shared RW 3p ]
 */
TEST(mm_populate_faults_in_each_vma_as_linux_does)
{
	struct mem_snapshot s0, s;
	struct mm_struct *mm;
	bool writable;

	mem_snap(&s0);
	mm = mmt_new();
	mem_snap(&s);
	mmt_map(mm, A, PG(8), RW, NULL, 0);
	mmt_map(mm, A + PG(10), PG(2), NONE, NULL, 0);
	mmt_map(mm, A + PG(12), PG(4), R, NULL, 0);
	mmt_map(mm, A + PG(16), PG(3), RW | SHARED, NULL, 0);
	ev_start();
	CHECK_EQ(mm_populate(mm, A, PG(19)), 0);
	CHECK_EQ(ev(PGFAULT), 8 + 4 + 3);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 8);
	CHECK_EQ(ev(TD_ZERO_PAGE_MAPS), 4);
	CHECK_EQ(ev(TD_PAGECACHE_ADDS), 3);
	for (int i = 0; i < 8; i++) {
		CHECK(mmt_pte(mm, A + PG(i), &writable) != NULL);
		CHECK(writable);
	}
	CHECK(mmt_pte(mm, A + PG(10), NULL) == NULL);
	/* shared: read faults (nothing to copy), so clean, read-only */
	CHECK(mmt_pte(mm, A + PG(18), &writable) != NULL);
	CHECK(!writable);
	/* 8 anonymous + 3 shmem pages (its index array is a slab object) */
	CHECK_EQ(pages_used_since(&s), 11);
	CHECK_EQ(mm_populate(mm, A, PG(19)), 0);
	CHECK_EQ(ev(PGFAULT), 15);
	/* a part of a VMA only: write-faults the zero-page PTEs there */
	CHECK_EQ(do_mprotect(mm, A + PG(12), PG(4), PROT_READ | PROT_WRITE,
			     false), 0);
	CHECK_EQ(mm_populate(mm, A + PG(13), PG(1) + 1), 0);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 10);
	mmput(mm);
	CHECK_MEM_RESTORED(&s0);
}

/* Out of memory stops populate; past the end of a file is skipped or not. */
TEST(mm_populate_stops_at_out_of_memory)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct file *file = mmt_file_new("/short", 1, PG(1));
	unsigned char c;

	mmt_map(mm, A, PG(8), RW, NULL, 0);
	mmt_map(mm, B, PG(3), R, file, 0);
	mmt_map(mm, B + PG(3), PG(2), R, NULL, 0);
	/* the zero page at A first: the page table exists, is not counted */
	CHECK_EQ(user_read(mm, A, &c), 0);
	/*
	 * The first write gives the VMA its anon_vma, whose slab may take a
	 * page of its own: do it before counting, so that the five pages
	 * let through are the five anonymous ones.
	 */
	CHECK_EQ(anon_vma_prepare(find_vma(mm, A)), 0);
	mem_snap(&s);
	ev_start();
	fault_attr_set(&fail_page_alloc, 5, 1);
	CHECK_EQ(mm_populate(mm, A, PG(8)), -ENOMEM);
	fault_attr_set(&fail_page_alloc, 0, 0);
	CHECK_EQ(ev(TD_ANON_PAGE_ALLOCS), 5);
	CHECK(mmt_pte(mm, A + PG(4), NULL) != NULL);
	CHECK(mmt_pte(mm, A + PG(5), NULL) == NULL);
	CHECK_EQ(pages_used_since(&s), 5);

	CHECK_EQ(__mm_populate(mm, B, PG(5), 0), -EFAULT);
	CHECK(mmt_pte(mm, B + PG(3), NULL) == NULL);	/* stopped */
	CHECK_EQ(mm_populate(mm, B, PG(5)), 0);
	CHECK(mmt_pte(mm, B + PG(1), NULL) == NULL);	/* beyond EOF */
	CHECK(mmt_pte(mm, B + PG(4), NULL) == ZERO_PAGE(0));
	mmput(mm);
	mmt_file_close(file);
}

/*
 * zap_page_range() unmaps part of a VMA: anonymous pages are freed, the
 * zero page loses its maps, a table whose MiB is emptied goes.
 *
 *   MiB 0: pages 254 255 | MiB 1: pages 0 1    zap the last three
 */
TEST(zap_page_range_frees_pages_and_emptied_tables)
{
	struct mem_snapshot s0, s;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	unsigned long start = A + (1UL << 20) - PG(2);
	unsigned char c;

	mem_snap(&s0);
	mm = mmt_new();
	mem_snap(&s);
	vma = mmt_map(mm, start, PG(4), RW, NULL, 0);
	CHECK_EQ(user_write(mm, start, 1), 0);
	CHECK_EQ(user_read(mm, start + PG(1), &c), 0);
	CHECK_EQ(user_write(mm, start + PG(2), 1), 0);
	CHECK_EQ(user_write(mm, start + PG(3), 1), 0);
	CHECK_EQ(mm_nr_ptes(mm), 2);
	CHECK_EQ(pages_used_since(&s), 3);
	zap_page_range(vma, start + PG(1), PG(3));
	CHECK_EQ(pages_used_since(&s), 1);
	CHECK_EQ(mm_nr_ptes(mm), 1);
	CHECK_EQ(page_mapcount(ZERO_PAGE(0)), s.zero_map);
	CHECK(mmt_pte(mm, start, NULL) != NULL);
	/* the VMA is still there: touching again refaults a zero page */
	CHECK_EQ(user_read(mm, start + PG(2), &c), 0);
	CHECK_EQ(c, 0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s0);
}

/* handle_mm_fault() itself refuses what the VMA does not allow. */
TEST(handle_mm_fault_checks_the_access_again)
{
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *ro = mmt_map(mm, A, PG(1), R, NULL, 0);
	struct vm_area_struct *rw = mmt_map(mm, B, PG(1), RW, NULL, 0);

	CHECK_EQ(handle_mm_fault(mm, ro, A, FAULT_FLAG_WRITE),
		 VM_FAULT_SIGSEGV);
	CHECK_EQ(handle_mm_fault(mm, ro, A, FAULT_FLAG_INSTRUCTION),
		 VM_FAULT_SIGSEGV);
	CHECK_EQ(handle_mm_fault(mm, rw, A, 0), VM_FAULT_SIGSEGV); /* outside */
	CHECK(mmt_pte(mm, A, NULL) == NULL);
	CHECK_EQ(handle_mm_fault(mm, rw, B + 5, FAULT_FLAG_WRITE), 0);
	CHECK_EQ(handle_mm_fault(mm, rw, B, FAULT_FLAG_WRITE), 0); /* spurious */
	mmput(mm);
}
