/*
 * Host tests of mm/task_mmu.c: /proc/PID/smaps, smaps_rollup and
 * pagemap, worked out by hand from what each page went through, with
 * Linux 6.1's rules (fs/proc/task_mmu.c: smaps_account, pte_to_pagemap_
 * entry) and the lines Linux 6.1 printed on this board for the same
 * mappings. The dirty state follows ARM Linux's software dirty bit: a
 * shared page read is clean, written (first touch or after a read) dirty
 * in that PTE; the page itself is dirty after a first-touch write or
 * once a dirty PTE of it went away.
 *
 * Sketches: one character per page from P(0): '.' untouched, 'r' read,
 * 'w' written, 'W' read then written.
 */
#include <string.h>
#include "mm/memory.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/task_mmu.h"
#include "tests/host/mmap_util.h"

#define A0 0x50000000UL
#define P(n) (A0 + PG(n))
#define RWP (PROT_READ | PROT_WRITE)

static char text[64 * 1024];

static void rd(struct mm_struct *mm, unsigned long addr)
{
	unsigned char v;

	CHECK_EQ(user_read(mm, addr, &v), 0);
}

static void wr(struct mm_struct *mm, unsigned long addr)
{
	CHECK_EQ(user_write(mm, addr, 0x5a), 0);
}

/*
 * The number of the line "@name  N kB" in the smaps block of the VMA
 * starting at @start (smaps_rollup's block when @start is 0), or -1.
 */
static long smaps_kb(struct mm_struct *mm, unsigned long start,
		     const char *name)
{
	char head[24];
	const char *p;
	size_t n = strlen(name);

	if (start) {
		show_smaps(mm, text, sizeof(text));
		snprintf(head, sizeof(head), "%08lx-", start);
		p = strstr(text, head);
	} else {
		show_smaps_rollup(mm, text, sizeof(text));
		p = text;
	}
	for (; p && (p = strchr(p, '\n')); ) {
		p++;
		if (!strncmp(p, name, n) && p[n] == ':')
			return strtol(p + n + 1, NULL, 10);
		if (*p >= '0' && *p <= '9' && strchr(p, '-') == p + 8)
			break;	/* the next VMA's line: not in this block */
	}
	return -1;
}

static uint64_t pagemap_of(struct mm_struct *mm, unsigned long addr)
{
	uint64_t e = 0xdead;

	CHECK_EQ(pagemap_fill(mm, addr >> PAGE_SHIFT, &e, 1), 1);
	return e;
}

static unsigned long pfn_at(struct mm_struct *mm, unsigned long addr)
{
	return page_to_pfn(mmt_pte(mm, addr, NULL));
}

/*
 * Private anonymous "wrr.": one page of its own, two reads of the zero
 * page (no one's page: not in Rss), one untouched. The block is Linux's
 * for this mapping, line for line.
 */
TEST(smaps_of_private_anonymous_memory_counts_only_its_own_pages)
{
	struct mm_struct *mm = mmap_mm_new(false);
	const char *vma_text;

	CHECK_EQ(mmap_anon(mm, A0, PG(4), RWP, MAP_PRIVATE | MAP_FIXED), A0);
	wr(mm, P(0));
	rd(mm, P(1));
	rd(mm, P(2));
	show_smaps(mm, text, sizeof(text));
	vma_text = strstr(text, "50000000-50004000 rw-p 00000000 00:00 0 \n");
	CHECK(vma_text != NULL);
	if (vma_text)
		CHECK(!strncmp(vma_text + 41,
			       "Size:                 16 kB\n"
			       "KernelPageSize:        4 kB\n"
			       "MMUPageSize:           4 kB\n"
			       "Rss:                   4 kB\n"
			       "Pss:                   4 kB\n"
			       "Pss_Dirty:             4 kB\n"
			       "Shared_Clean:          0 kB\n"
			       "Shared_Dirty:          0 kB\n"
			       "Private_Clean:         0 kB\n"
			       "Private_Dirty:         4 kB\n"
			       "Referenced:            4 kB\n"
			       "Anonymous:             4 kB\n"
			       "LazyFree:              0 kB\n"
			       "AnonHugePages:         0 kB\n"
			       "ShmemPmdMapped:        0 kB\n"
			       "FilePmdMapped:         0 kB\n"
			       "Shared_Hugetlb:        0 kB\n"
			       "Private_Hugetlb:       0 kB\n"
			       "Swap:                  0 kB\n"
			       "SwapPss:               0 kB\n"
			       "Locked:                0 kB\n"
			       "THPeligible:    0\n"
			       "VmFlags: rd wr mr mw me ac \n", 600));
	mmput(mm);
}

/*
 * Shared anonymous "rwW." then fork, the child reading page 0: every page
 * is mapped twice, so Shared_* and Pss halved. The parent's page 2 is
 * dirty only in its own PTE (read, then written: the PTE was made
 * writable, the page not marked), so the child sees it clean; page 1 was
 * written at first touch, dirty for both. Linux 6.1 printed the same
 * figures (parent Shared_Clean 4 Shared_Dirty 8, child 8 and 4).
 */
TEST(smaps_of_shared_memory_after_fork_splits_pss_and_keeps_dirt_per_pte)
{
	struct mm_struct *parent = mmap_mm_new(false), *child;

	CHECK_EQ(mmap_anon(parent, A0, PG(4), RWP, MAP_SHARED | MAP_FIXED), A0);
	rd(parent, P(0));
	wr(parent, P(1));
	rd(parent, P(2));
	wr(parent, P(2));
	CHECK_EQ(smaps_kb(parent, A0, "Rss"), 12);
	CHECK_EQ(smaps_kb(parent, A0, "Private_Clean"), 4);
	CHECK_EQ(smaps_kb(parent, A0, "Private_Dirty"), 8);
	CHECK_EQ(smaps_kb(parent, A0, "Anonymous"), 0);	/* shmem pages */
	child = dup_mm(parent);
	CHECK(child != NULL);
	if (!child)
		return;
	rd(child, P(0));
	CHECK_EQ(smaps_kb(parent, A0, "Pss"), 6);
	CHECK_EQ(smaps_kb(parent, A0, "Shared_Clean"), 4);
	CHECK_EQ(smaps_kb(parent, A0, "Shared_Dirty"), 8);
	CHECK_EQ(smaps_kb(parent, A0, "Private_Dirty"), 0);
	CHECK_EQ(smaps_kb(child, A0, "Pss"), 6);
	CHECK_EQ(smaps_kb(child, A0, "Pss_Dirty"), 2);
	CHECK_EQ(smaps_kb(child, A0, "Shared_Clean"), 8);
	CHECK_EQ(smaps_kb(child, A0, "Shared_Dirty"), 4);
	CHECK_EQ(smaps_kb(child, 0, "Pss_Shmem"), 6);
	/* the parent's dirty PTE goes away: the page remembers */
	CHECK_EQ(do_munmap(parent, A0, PG(4)), 0);
	CHECK_EQ(smaps_kb(child, A0, "Shared_Clean") +
		 smaps_kb(child, A0, "Private_Clean"), 4);
	CHECK_EQ(smaps_kb(child, A0, "Private_Dirty"), 8);
	mmput(child);
	mmput(parent);
}

/*
 * A write-only shared mapping: a read maps the page readable (the MMU has
 * no write-only page) and returns, the write after it makes it writable;
 * no fault loops (a read that found the page mapped without read access
 * would fault for ever: the fuzzer found that).
 */
TEST(write_only_shared_memory_reads_then_writes)
{
	struct mm_struct *mm = mmap_mm_new(false);

	CHECK_EQ(mmap_anon(mm, A0, PG(1), PROT_WRITE, MAP_SHARED | MAP_FIXED),
		 A0);
	mmt_faults = 0;
	rd(mm, P(0));
	wr(mm, P(0));
	CHECK_EQ(mmt_faults, 2);
	CHECK_EQ(smaps_kb(mm, A0, "Private_Dirty"), 4);
	mmput(mm);
}

/*
 * pagemap, "wr.": the written page is present, exclusive, anonymous, on
 * the frame its PTE holds; the zero page present on its frame, neither
 * exclusive nor file; untouched and unmapped pages 0. Shared memory is
 * "file" (page cache), exclusive until a second task maps it.
 */
TEST(pagemap_entries_as_linux_encodes_them)
{
	struct mm_struct *mm = mmap_mm_new(false), *child;
	uint64_t e;

	CHECK_EQ(mmap_anon(mm, A0, PG(3), RWP, MAP_PRIVATE | MAP_FIXED), A0);
	CHECK_EQ(mmap_anon(mm, P(4), PG(1), RWP, MAP_SHARED | MAP_FIXED), P(4));
	wr(mm, P(0));
	rd(mm, P(1));
	rd(mm, P(4));
	e = pagemap_of(mm, P(0));
	CHECK_EQ(e, PM_PRESENT | PM_MMAP_EXCLUSIVE | pfn_at(mm, P(0)));
	e = pagemap_of(mm, P(1));
	CHECK_EQ(e, PM_PRESENT | (uint64_t)page_to_pfn(empty_zero_page));
	CHECK_EQ(pagemap_of(mm, P(2)), 0);
	CHECK_EQ(pagemap_of(mm, P(3)), 0);	/* a hole */
	e = pagemap_of(mm, P(4));
	CHECK_EQ(e, PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE | pfn_at(mm, P(4)));
	child = dup_mm(mm);
	CHECK(child != NULL);
	if (!child)
		return;
	CHECK_EQ(pagemap_of(child, P(4)), PM_PRESENT | PM_FILE | pfn_at(mm, P(4)));
	CHECK_EQ(pagemap_of(mm, P(0)), PM_PRESENT | pfn_at(mm, P(0)));
	mmput(child);
	CHECK_EQ(pagemap_of(mm, P(0)), PM_PRESENT | PM_MMAP_EXCLUSIVE |
					pfn_at(mm, P(0)));
	mmput(mm);
}

/* The file ends at TASK_SIZE: the last page has an entry, none after. */
TEST(pagemap_ends_at_task_size)
{
	struct mm_struct *mm = mmap_mm_new(false);
	uint64_t e[4];
	unsigned long last = (mm->task_size >> PAGE_SHIFT) - 1;

	CHECK_EQ(pagemap_fill(mm, last, e, 4), 1);
	CHECK_EQ(pagemap_fill(mm, last + 1, e, 4), 0);
	CHECK_EQ(pagemap_fill(mm, 0, e, 4), 4);
	mmput(mm);
}

/*
 * The rollup: one line from the first VMA's start to the last one's end,
 * then the sums; Pss split by kind of page.
 */
TEST(smaps_rollup_sums_every_vma)
{
	struct mm_struct *mm = mmap_mm_new(false);

	CHECK_EQ(mmap_anon(mm, A0, PG(2), RWP, MAP_PRIVATE | MAP_FIXED), A0);
	CHECK_EQ(mmap_anon(mm, P(4), PG(2), RWP, MAP_SHARED | MAP_FIXED), P(4));
	wr(mm, P(0));
	wr(mm, P(1));
	rd(mm, P(4));
	show_smaps_rollup(mm, text, sizeof(text));
	CHECK(!strncmp(text, "50000000-50006000 ---p 00000000 00:00 0          [rollup]\n",
		       58));
	CHECK_EQ(smaps_kb(mm, 0, "Rss"), 12);
	CHECK_EQ(smaps_kb(mm, 0, "Pss_Anon"), 8);
	CHECK_EQ(smaps_kb(mm, 0, "Pss_Shmem"), 4);
	CHECK_EQ(smaps_kb(mm, 0, "Pss_File"), 0);
	CHECK_EQ(smaps_kb(mm, 0, "Private_Clean"), 4);
	CHECK_EQ(smaps_kb(mm, 0, "Private_Dirty"), 8);
	mmput(mm);
}
