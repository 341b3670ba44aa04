/*
 * tests/host/shim/fake_mmu.c - mm/mmu.h in software, for the host tests
 * (see fake_mmu.h for the table format).
 *
 *   pgd->entry[addr >> 20] --> 1 KiB table --> entry[(addr >> 12) & 255]
 *      phys of the table | 1                    pfn << 12 | prot | 1 << 1
 *
 * The protections are the real ones, from mm/armv7/protection_map.c
 * (built for the host as the code under test); the fake decodes their
 * AP2, AP[1:0] and XN bits as the ARMv7 MMU would, from the
 * architecture's table written out below, never from a copy of
 * protection_map[].
 *
 * Besides doing what each mm/mmu.h contract says, it checks that the
 * caller keeps its side of the contracts, and panics (with a backtrace
 * from the sanitizer) when not: a misaligned or kernel address, an entry
 * that is not user memory or has a reserved access encoding, a free page
 * mapped, the current address space freed.
 */
#include <stdio.h>
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/mm_types.h"
#include "mm/mmu_gather.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"
#include "mm/armv7/pgtable-hwdef.h"
#include "tests/host/shim/fake_mmu.h"

#define FAKE_L1_TABLE 0x1u	/* an L1 entry pointing to a table */
#define PGD_ORDER 2		/* 16 KiB, as on ARMv7 */

struct fake_mmu_stats fake_mmu_stats;
struct mm_struct *fake_current_mm;
bool fake_cache_aliasing;

static struct kmem_cache *pte_table_cache;

/* A valid small-page entry (ARMv7: descriptor bits [1:0] = 1x). */
#define FAKE_PTE_VALID PTE_TYPE_SMALL
/* The attribute bits of a small-page entry: all but the base and type. */
#define PTE_ATTR_MASK (~(uint32_t)PTE_BASE_MASK & ~(uint32_t)PTE_TYPE_SMALL)
/* The memory type every user page has: normal, write-back (TEX 001, C, B). */
#define PTE_MEMTYPE_MASK (PTE_TEX(7) | PTE_C | PTE_B)
#define PTE_NORMAL_WB (PTE_TEX(1) | PTE_C | PTE_B)

/*
 * The ARMv7 short-descriptor access permissions (the simplified model is
 * off: SCTLR.AFE = 0), in our words. AP2 takes writing away from every
 * level; AP[1:0] says how far user mode (PL0) may go, privileged mode
 * (PL1) always getting at least what user mode gets:
 *
 *   AP2 AP[1:0]   privileged    user
 *    0    00      -             -
 *    0    01      read, write   -
 *    0    10      read, write   read
 *    0    11      read, write   read, write
 *    1    00      (reserved)
 *    1    01      read          -
 *    1    10      read          read      (deprecated)
 *    1    11      read          read
 *
 * An instruction fetch needs read permission at its level, and XN clear.
 */
static const struct {
	bool reserved, priv_read, priv_write, user_read, user_write;
} ap_decode[8] = {
	/* index: AP2 << 2 | AP[1:0] */
	[0] = { false, false, false, false, false },
	[1] = { false, true, true, false, false },
	[2] = { false, true, true, true, false },
	[3] = { false, true, true, true, true },
	[4] = { true, false, false, false, false },
	[5] = { false, true, false, false, false },
	[6] = { false, true, false, true, false },
	[7] = { false, true, false, true, false },
};

/* fake_decode_prot - see fake_mmu.h. Returns: false if AP is reserved. */
bool fake_decode_prot(pgprot_t prot, struct fake_perm *perm)
{
	unsigned int ap = ((prot & PTE_AP2) ? 4 : 0) |
			  ((prot >> PTE_AP_SHIFT) & 3);
	bool xn = prot & PTE_XN;

	perm->priv_read = ap_decode[ap].priv_read;
	perm->priv_write = ap_decode[ap].priv_write;
	perm->priv_exec = perm->priv_read && !xn;
	perm->user_read = ap_decode[ap].user_read;
	perm->user_write = ap_decode[ap].user_write;
	perm->user_exec = perm->user_read && !xn;
	return !ap_decode[ap].reserved;
}

/* The table cache, made before any test runs (after the slab). */
__attribute__((constructor(102))) static void fake_mmu_init(void)
{
	pte_table_cache = kmem_cache_create("fake_pte_table", PTE_TABLE_SIZE,
					    PTE_TABLE_SIZE);
	if (!pte_table_cache)
		panic("fake_mmu_init: no memory for the table cache");
}

/* Returns: the physical address of kernel (host RAM) pointer @p. */
static uint32_t fake_virt_to_phys(const void *p)
{
	return page_to_phys(virt_to_page(p)) + offset_in_page(p);
}

/* Returns: the host pointer to physical address @phys (RAM). */
static void *fake_phys_to_virt(uint32_t phys)
{
	return (char *)page_address(phys_to_page(phys & PAGE_MASK)) +
	       offset_in_page(phys);
}

/* Returns: the second-level table behind L1 entry @l1, or NULL. */
static uint32_t *pte_table(uint32_t l1)
{
	if (!(l1 & FAKE_L1_TABLE))
		return NULL;
	return fake_phys_to_virt(l1 & ~FAKE_L1_TABLE);
}

/* Stop when @addr cannot be a user page address. Returns: if it can. */
static void check_user_addr(const char *fn, unsigned long addr)
{
	if (offset_in_page(addr) || addr >= TASK_SIZE)
		panic("%s: %#lx is not a page of user space", fn, addr);
}

/*
 * Stop when @prot cannot be a user page's: bits outside the attributes,
 * not normal write-back memory tagged with the ASID (nG), or a reserved
 * access encoding. Returns: if it can.
 */
static void check_prot(const char *fn, pgprot_t prot)
{
	struct fake_perm perm;

	if ((prot & ~PTE_ATTR_MASK) ||
	    (prot & PTE_MEMTYPE_MASK) != PTE_NORMAL_WB || !(prot & PTE_NG))
		panic("%s: protection %#x is not that of user memory", fn,
		      prot);
	if (!fake_decode_prot(prot, &perm))
		panic("%s: protection %#x has the reserved AP encoding", fn,
		      prot);
}

/* pgd_alloc - Returns: 0 with an empty table in @mm->pgd, or -ENOMEM. */
int pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_pages(__GFP_ZERO, PGD_ORDER);

	if (!page)
		return -ENOMEM;
	mm->pgd = page_address(page);
	mm->context_id = 0;
	return 0;
}

/*
 * pgd_free - free @mm's tables; pages still mapped are forgotten (and
 * counted in fake_mmu_stats.pages_forgotten, which tests expect to be 0).
 * Returns: nothing.
 */
void pgd_free(struct mm_struct *mm)
{
	struct arch_pgd *pgd = mm->pgd;

	if (mm == fake_current_mm)
		panic("pgd_free: freeing the current address space");
	for (unsigned int i = 0; i < FAKE_USER_PGD_ENTRIES; i++) {
		uint32_t *table = pte_table(pgd->entry[i]);

		if (!table)
			continue;
		for (int j = 0; j < FAKE_PTRS_PER_PTE; j++)
			if (table[j] & FAKE_PTE_VALID)
				fake_mmu_stats.pages_forgotten++;
		kmem_cache_free(pte_table_cache, table);
		fake_mmu_stats.tables_freed++;
	}
	__free_pages(virt_to_page(pgd), PGD_ORDER);
	mm->pgd = NULL;
}

/*
 * switch_mm - record @next as the current address space.
 * Returns: nothing.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	fake_current_mm = next;
}

/*
 * The PTE word for @addr in @mm, allocating its table when @alloc.
 * Returns: a pointer to it, or NULL (no table, or out of memory).
 */
static uint32_t *pte_offset(struct mm_struct *mm, unsigned long addr,
			    bool alloc)
{
	uint32_t *l1 = &mm->pgd->entry[addr >> 20];
	uint32_t *table = pte_table(*l1);

	if (!table) {
		if (!alloc)
			return NULL;
		table = kmem_cache_zalloc(pte_table_cache);
		if (!table)
			return NULL;
		fake_mmu_stats.tables_allocated++;
		*l1 = fake_virt_to_phys(table) | FAKE_L1_TABLE;
	}
	return &table[(addr >> PAGE_SHIFT) & (FAKE_PTRS_PER_PTE - 1)];
}

/* set_pte_at - map @addr to @page with @prot. Returns: 0 or -ENOMEM. */
int set_pte_at(struct mm_struct *mm, unsigned long addr, struct page *page,
	       pgprot_t prot)
{
	uint32_t *pte;

	check_user_addr("set_pte_at", addr);
	check_prot("set_pte_at", prot);
	if (!pfn_valid(page_to_pfn(page)) || page_count(page) <= 0)
		panic("set_pte_at: %#lx: mapping a page nobody holds (pfn %#lx)",
		      addr, page_to_pfn(page));
	pte = pte_offset(mm, addr, true);
	if (!pte)
		return -ENOMEM;
	if (*pte & FAKE_PTE_VALID)
		fake_mmu_stats.tlb_flushes++;
	*pte = (page_to_pfn(page) << PAGE_SHIFT) | prot | FAKE_PTE_VALID;
	fake_mmu_stats.set_ptes++;
	return 0;
}

/* pte_lookup - Returns: the page mapped at @addr (and its prot), or NULL. */
struct page *pte_lookup(struct mm_struct *mm, unsigned long addr,
			pgprot_t *prot)
{
	uint32_t *pte;

	if (addr >= TASK_SIZE)
		return NULL;
	pte = pte_offset(mm, addr & PAGE_MASK, false);
	if (!pte || !(*pte & FAKE_PTE_VALID))
		return NULL;
	if (prot)
		*prot = *pte & PTE_ATTR_MASK;
	return pfn_to_page(*pte >> PAGE_SHIFT);
}

/* Pages taken out of one table, released after their entries are gone. */
static struct mmu_gather gather;
_Static_assert(MMU_GATHER_MAX >= FAKE_PTRS_PER_PTE, "a batch holds a table");
static bool unmapping;

/*
 * unmap_page_range - clear [@start, @end) of @mm, then call @release for
 * each page that was mapped; free tables left empty.
 * Returns: nothing.
 */
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end,
		      void (*release)(struct mm_struct *mm, unsigned long addr,
				      struct page *page))
{
	unsigned long addr, next;

	if (start == end)
		return;
	check_user_addr("unmap_page_range", start);
	if (offset_in_page(end) || end < start || end > TASK_SIZE)
		panic("unmap_page_range: bad end %#lx", end);
	if (unmapping)
		panic("unmap_page_range: called again from a release callback");
	unmapping = true;
	for (addr = start; addr < end; addr = next) {
		uint32_t *l1 = &mm->pgd->entry[addr >> 20];
		uint32_t *table = pte_table(*l1);

		next = min(ALIGN(addr + 1, 1UL << 20), end);
		if (!table)
			continue;
		for (unsigned long a = addr; a < next; a += PAGE_SIZE) {
			uint32_t *pte = &table[(a >> PAGE_SHIFT) &
					       (FAKE_PTRS_PER_PTE - 1)];

			if (!(*pte & FAKE_PTE_VALID))
				continue;
			tlb_gather_page(&gather, a,
					pfn_to_page(*pte >> PAGE_SHIFT));
			*pte = 0;
		}
		if (table_is_empty(table, FAKE_PTRS_PER_PTE)) {
			*l1 = 0;
			kmem_cache_free(pte_table_cache, table);
			fake_mmu_stats.tables_freed++;
		}
		fake_mmu_stats.tlb_flushes++;
		/* every entry is gone before its page is released */
		for (unsigned int i = 0; i < gather.nr; i++)
			if (pte_lookup(mm, gather.addrs[i], NULL))
				panic("unmap_page_range: entry still present");
		tlb_release_pages(&gather, mm, release);
	}
	unmapping = false;
}

/*
 * change_protection - give present entries in the range @prot.
 * Returns: nothing.
 */
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, pgprot_t prot)
{
	check_user_addr("change_protection", start);
	check_prot("change_protection", prot);
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		uint32_t *pte = pte_offset(mm, a, false);

		if (pte && (*pte & FAKE_PTE_VALID))
			*pte = (*pte & PAGE_MASK) | prot | FAKE_PTE_VALID;
	}
	fake_mmu_stats.tlb_flushes++;
}

/* mm_nr_ptes - Returns: the number of second-level tables of @mm. */
unsigned long mm_nr_ptes(struct mm_struct *mm)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < FAKE_USER_PGD_ENTRIES; i++)
		if (pte_table(mm->pgd->entry[i]))
			n++;
	return n;
}

/*
 * flush_icache_page - count the call (the host has no caches).
 * Returns: nothing.
 */
void flush_icache_page(struct page *page)
{
	fake_mmu_stats.icache_flushes++;
}

/* cache_is_vipt_aliasing - Returns: what the test set. */
bool cache_is_vipt_aliasing(void)
{
	return fake_cache_aliasing;
}

/* fake_access_ok - see fake_mmu.h. Returns: true if allowed. */
bool fake_access_ok(struct mm_struct *mm, unsigned long addr,
		    enum fake_access kind)
{
	struct fake_perm perm;
	pgprot_t prot;

	if (addr >= TASK_SIZE || !pte_lookup(mm, addr & PAGE_MASK, &prot))
		return false;
	fake_decode_prot(prot, &perm);
	switch (kind) {
	case FAKE_READ:
		return perm.user_read;
	case FAKE_WRITE:
		return perm.user_write;
	case FAKE_EXEC:
		return perm.user_exec;
	}
	return false;
}

/* fake_user_byte - see fake_mmu.h. Returns: the byte's address or NULL. */
unsigned char *fake_user_byte(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = pte_lookup(mm, addr & PAGE_MASK, NULL);

	if (!page)
		return NULL;
	return (unsigned char *)page_address(page) + offset_in_page(addr);
}

/* fake_prot_str - Returns: "user rwx, kernel rwx" for @prot (static). */
const char *fake_prot_str(pgprot_t prot)
{
	static char buf[32];
	struct fake_perm p;

	if (!fake_decode_prot(prot, &p))
		return "reserved AP";
	snprintf(buf, sizeof(buf), "user %c%c%c, kernel %c%c%c",
		 p.user_read ? 'r' : '-', p.user_write ? 'w' : '-',
		 p.user_exec ? 'x' : '-', p.priv_read ? 'r' : '-',
		 p.priv_write ? 'w' : '-', p.priv_exec ? 'x' : '-');
	return buf;
}
