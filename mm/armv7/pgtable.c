/*
 * mm/armv7/pgtable.c - a task's page tables (the mm/mmu.h contract).
 *
 * Each task has a 16 KiB L1 table (an order-2 block, naturally 16 KiB
 * aligned). TTBCR.N = 0 as on ARM Linux: TTBR0 translates the whole 4 GiB,
 * so the kernel half of every L1 table (entries 0xC00..0xFFF) is a copy
 * of swapper_pg_dir's. The kernel's sections never change after boot, so
 * the copies never go stale.
 *
 * L2 tables (1 KiB, 256 entries, one per MiB of user space that has any
 * page mapped) come from a slab cache of 1 KiB-aligned objects, on
 * demand, and go back when their last entry is removed or the address
 * space is destroyed.
 *
 *   L1 entry 0x400 (VA 0x40000000) --> L2 table --> entry 0x00 --> page
 *                                                    entry 0x01 --> page
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/armv7/cacheflush.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/mmu_init.h"
#include "mm/armv7/pgtable.h"
#include "mm/debug.h"
#include "mm/mmu.h"
#include "mm/mmu_gather.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

#define PGD_ORDER 2		/* 16 KiB */

static struct kmem_cache *pte_table_cache;

/* The L2 table an L1 entry points to, or NULL if it maps nothing. */
static uint32_t *pte_table(uint32_t l1)
{
	if ((l1 & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return phys_to_virt(l1 & PMD_TABLE_BASE_MASK);
}

/* The L2 tables of @mm, counted in its L1 table (the debug check). */
static __attribute__((unused)) unsigned long
mm_count_pte_tables(struct mm_struct *mm)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < USER_PGD_ENTRIES; i++)
		if (pte_table(mm->pgd->entry[i]))
			n++;
	return n;
}

void clean_dcache_area(const void *start, size_t size)
{
	uintptr_t line = dcache_line_size();
	uintptr_t p = (uintptr_t)start & ~(line - 1);
	uintptr_t end = (uintptr_t)start + size;

	for (; p < end; p += line)
		dcache_clean_line((const void *)p);
	dsb();
}

/* Make freshly written table memory visible to the table walk. */
static void sync_table_area(const void *start, size_t size)
{
	if (table_walk_coherent)
		dsb();
	else
		clean_dcache_area(start, size);
}

void pgtable_cache_init(void)
{
	pte_table_cache = kmem_cache_create("pte_table", PTE_TABLE_SIZE,
					    PTE_TABLE_SIZE);
	if (!pte_table_cache)
		panic("pgtable_cache_init: out of memory");
}

int pgd_alloc(struct mm_struct *mm)
{
	struct page *page;
	struct arch_pgd *pgd;

	page = alloc_pages(GFP_KERNEL, PGD_ORDER);
	if (!page)
		return -ENOMEM;
	pgd = page_address(page);
	/* the user part is pages 0-2 of the four, the kernel's page 3 */
	_Static_assert(USER_PGD_ENTRIES * sizeof(uint32_t) == 3 * PAGE_SIZE,
		       "the user part of the L1 table is three pages");
	for (unsigned int i = 0; i < 3; i++)
		clear_page((char *)pgd + i * PAGE_SIZE);
	copy_page(&pgd->entry[USER_PGD_ENTRIES],
		  &swapper_pg_dir[USER_PGD_ENTRIES]);
	sync_table_area(pgd, sizeof(*pgd));
	mm->pgd = pgd;
	mm->context_id = 0;	/* an ASID comes with the first switch */
	mm->nr_pte_tables = 0;
	return 0;
}

/* Free the L2 table at @l1 (one of @mm's), clearing the entry. */
static void free_pte_table(struct mm_struct *mm, uint32_t *l1,
			   uint32_t *table)
{
	*l1 = 0;
	clean_table_entry(l1);
	kmem_cache_free(pte_table_cache, table);
	mm->nr_pte_tables--;
}

void pgd_free(struct mm_struct *mm)
{
	struct arch_pgd *pgd = mm->pgd;

	/*
	 * After exit_mmap() unmapped everything, no table is left (each
	 * went with its last entry): then the 3072 entries need no look.
	 */
	VM_BUG_ON(mm->nr_pte_tables != mm_count_pte_tables(mm));
	for (unsigned int i = 0; mm->nr_pte_tables && i < USER_PGD_ENTRIES;
	     i++) {
		uint32_t *table = pte_table(pgd->entry[i]);

		if (table)
			free_pte_table(mm, &pgd->entry[i], table);
	}
	flush_tlb_mm(mm);	/* its ASID may be reused by the next one */
	mm->context_id = 0;
	__free_pages(virt_to_page(pgd), PGD_ORDER);
	mm->pgd = NULL;
}

/*
 * A new, empty L2 table for the L1 entry @l1 of @mm (which has none).
 * Returns: the table, or NULL when out of memory. Out of line: it runs
 * once per MiB, and keeping it out of pte_offset() keeps every fault's
 * walk a short leaf function.
 */
static __attribute__((noinline)) uint32_t *pte_alloc_table(
	struct mm_struct *mm, uint32_t *l1)
{
	uint32_t *table = kmem_cache_zalloc(pte_table_cache);

	if (!table)
		return NULL;
	sync_table_area(table, PTE_TABLE_SIZE);
	*l1 = virt_to_phys(table) | PMD_TYPE_TABLE | PMD_DOMAIN(0);
	clean_table_entry(l1);
	mm->nr_pte_tables++;
	return table;
}

/* The PTE for @addr, allocating its L2 table if @alloc; NULL if none. */
static inline uint32_t *pte_offset(struct mm_struct *mm, unsigned long addr,
				   bool alloc)
{
	uint32_t *l1 = &mm->pgd->entry[pgd_index(addr)];
	uint32_t *table = pte_table(*l1);

	if (unlikely(!table)) {
		if (!alloc)
			return NULL;
		table = pte_alloc_table(mm, l1);
		if (!table)
			return NULL;
	}
	return &table[pte_index(addr)];
}

int set_pte_at(struct mm_struct *mm, unsigned long addr, struct page *page,
	       pgprot_t prot)
{
	uint32_t *pte;
	uint32_t old;

	/* the caller's side: a user page, a page it holds, bare attributes */
	VM_BUG_ON(addr >= TASK_SIZE || offset_in_page(addr));
	VM_BUG_ON(page_count(page) <= 0);
	VM_BUG_ON(prot & (PTE_BASE_MASK | PTE_TYPE_SMALL));
	pte = pte_offset(mm, addr, true);
	if (!pte)
		return -ENOMEM;
	old = *pte;
	*pte = page_to_phys(page) | prot | PTE_TYPE_SMALL;
	clean_table_entry(pte);
	/* A faulting (invalid) entry is never cached in the TLB. */
	if (old & PTE_TYPE_SMALL)
		flush_tlb_page(mm, addr);
	return 0;
}

struct page *pte_lookup(struct mm_struct *mm, unsigned long addr,
			pgprot_t *prot)
{
	uint32_t *pte = pte_offset(mm, addr, false);

	if (!pte || !(*pte & PTE_TYPE_SMALL))
		return NULL;
	if (prot)
		*prot = *pte & ~(PTE_BASE_MASK | PTE_TYPE_SMALL);
	return phys_to_page(*pte & PTE_BASE_MASK);
}

/* Pages unmapped from one L2 table, released after the TLB flush. */
static struct mmu_gather gather;
_Static_assert(MMU_GATHER_MAX >= PTRS_PER_PTE, "a batch holds an L2 table");

void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end,
		      void (*release)(struct mm_struct *mm, unsigned long addr,
				      struct page *page))
{
	unsigned long addr, next;

	VM_BUG_ON(offset_in_page(start | end) || start > end ||
		  end > TASK_SIZE);
	for (addr = start; addr < end; addr = next) {
		uint32_t *l1 = &mm->pgd->entry[pgd_index(addr)];
		uint32_t *table = pte_table(*l1);

		next = min(ALIGN(addr + 1, SECTION_SIZE), end);
		if (!table)
			continue;
		for (unsigned long a = addr; a < next; a += PAGE_SIZE) {
			uint32_t *pte = &table[pte_index(a)];

			if (!(*pte & PTE_TYPE_SMALL))
				continue;
			tlb_gather_page(&gather, a,
					phys_to_page(*pte & PTE_BASE_MASK));
			*pte = 0;
		}
		sync_table_area(&table[pte_index(addr)],
				(next - addr) / PAGE_SIZE * sizeof(uint32_t));
		if (table_is_empty(table, PTRS_PER_PTE))
			free_pte_table(mm, l1, table);
		flush_tlb_range(mm, addr, next);
		tlb_release_pages(&gather, mm, release);
	}
}

void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, pgprot_t prot)
{
	unsigned long addr, next;

	for (addr = start; addr < end; addr = next) {
		uint32_t *table = pte_table(mm->pgd->entry[pgd_index(addr)]);

		next = min(ALIGN(addr + 1, SECTION_SIZE), end);
		if (!table)
			continue;
		for (unsigned long a = addr; a < next; a += PAGE_SIZE) {
			uint32_t *pte = &table[pte_index(a)];

			if (*pte & PTE_TYPE_SMALL)
				*pte = (*pte & PTE_BASE_MASK) | prot |
				       PTE_TYPE_SMALL;
		}
		sync_table_area(&table[pte_index(addr)],
				(next - addr) / PAGE_SIZE * sizeof(uint32_t));
	}
	flush_tlb_range(mm, start, end);
}

unsigned long mm_nr_ptes(struct mm_struct *mm)
{
	VM_BUG_ON(mm->nr_pte_tables != mm_count_pte_tables(mm));
	return mm->nr_pte_tables;
}

unsigned long pte_next_table(struct mm_struct *mm, unsigned long addr,
			     unsigned long end)
{
	while (addr < end && !pte_table(mm->pgd->entry[pgd_index(addr)]))
		addr = ALIGN(addr + 1, SECTION_SIZE);
	return min(addr, end);
}

void flush_icache_page(struct page *page)
{
	clean_dcache_area(page_address(page), PAGE_SIZE);
	icache_invalidate_all();
}
