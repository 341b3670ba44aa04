/*
 * mm/armv7/mmu_init.c - the kernel half of every address space.
 *
 * Kernel virtual layout (1 MiB sections in swapper_pg_dir, all global,
 * privileged-only, domain 0):
 *
 *   0xC0000000 .. +RAM   RAM (normal memory, write-back); executable only
 *                        in the sections holding kernel text (below _etext)
 *   0xF8000000           motherboard peripherals (Device, XN)
 *   0xF8100000           Cortex-A9 private peripherals (Device, XN)
 *   0xFFFF0000           the vectors page: one small page, readable and
 *                        executable by user mode too, holding ARM Linux's
 *                        kernel user helpers (kernel/armv7/kuser_helpers.S;
 *                        topdown's own vectors are elsewhere, at VBAR)
 *
 * Nothing is mapped below PAGE_OFFSET in swapper_pg_dir once the boot
 * identity map is gone: a NULL (or any user) pointer dereferenced by the
 * kernel with no task address space faults.
 */
#include "kernel/armv7/board.h"
#include "kernel/printk.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/mmu_init.h"
#include "mm/armv7/pgtable-hwdef.h"
#include "mm/armv7/pgtable.h"
#include "mm/armv7/tlbflush.h"
#include "mm/memlayout.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

extern char _etext[], _end[];

bool table_walk_coherent;

/* The kernel's own address space: no VMAs, swapper_pg_dir, ASID 0. */
struct mm_struct init_mm = {
	.pgd = (pgd_t *)swapper_pg_dir,
	.task_size = TASK_SIZE,
};

/*
 * The vectors page, at 0xffff0000 in every task as on ARM Linux: the only
 * small page of the kernel half, so its second-level table is this one,
 * in the image. User read-only and executable (AP2=1 AP[1:0]=11, XN 0),
 * normal memory, global: one TLB entry serves every task.
 */
#define VECTORS_BASE 0xffff0000UL

static uint32_t vectors_table[PTRS_PER_PTE]
	__attribute__((aligned(PTE_TABLE_SIZE)));
extern const char kuser_page[];		/* kernel/armv7/kuser_helpers.S */

static void map_vectors_page(void)
{
	uint32_t *l1 = &swapper_pg_dir[pgd_index(VECTORS_BASE)];
	uint32_t *pte = &vectors_table[pte_index(VECTORS_BASE)];

	*pte = virt_to_phys(kuser_page) | PTE_TYPE_SMALL | PTE_AP2 |
	       (3 << PTE_AP_SHIFT) | PTE_TEX(1) | PTE_C | PTE_B;
	clean_table_entry(pte);
	*l1 = virt_to_phys(vectors_table) | PMD_TYPE_TABLE | PMD_DOMAIN(0);
	clean_table_entry(l1);
}

unsigned long gate_area_start(void)
{
	return VECTORS_BASE;
}

const char *gate_area_name(void)
{
	return "[vectors]";
}

void paging_init(unsigned long ram_size)
{
	unsigned long text_end = ALIGN((unsigned long)_etext, SECTION_SIZE);
	unsigned long va;

	/* ID_MMFR3[23:20] = 1: the table walk sees the L1 data cache. */
	table_walk_coherent = ((read_id_mmfr3() >> 20) & 0xf) == 1;

	for (va = PAGE_OFFSET; va < PAGE_OFFSET + ram_size; va += SECTION_SIZE) {
		uint32_t desc = (va - PAGE_OFFSET + PHYS_OFFSET) | SECT_KERNEL_MEM;
		uint32_t *entry = &swapper_pg_dir[va >> SECTION_SHIFT];

		if (va >= text_end)
			desc |= PMD_SECT_XN;	/* data is never executed */
		*entry = desc;
		clean_table_entry(entry);
	}

	/* The identity map kernel/armv7/start.S needed to turn the MMU on. */
	for (va = PHYS_OFFSET; va < PHYS_OFFSET + ram_size; va += SECTION_SIZE) {
		uint32_t *entry = &swapper_pg_dir[va >> SECTION_SHIFT];

		*entry = 0;
		clean_table_entry(entry);
	}
	map_vectors_page();
	local_flush_tlb_all();
}

void mem_init(unsigned long ram_size, unsigned long initrd_start,
	      unsigned long initrd_size)
{
	page_alloc_init(PHYS_OFFSET, (void *)PAGE_OFFSET, ram_size >> PAGE_SHIFT);
	/* the first 64 KiB (swapper_pg_dir at +16 KiB) and the image */
	page_alloc_reserve(PHYS_OFFSET, virt_to_phys(_end));
	if (initrd_size)
		page_alloc_reserve(initrd_start, initrd_start + initrd_size);
	if (page_alloc_free_all())
		panic("mem_init: no room for mem_map in %lu MiB", ram_size >> 20);
	kmem_cache_init();
}
