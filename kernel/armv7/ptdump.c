/*
 * kernel/armv7/ptdump.c - /proc/PID/pagetable: the ARMv7 descriptors the
 * MMU walks for a task, as text, each decoded (the formats are drawn in
 * mm/armv7/pgtable-hwdef.h). The shell's `pte ADDR` reads it.
 *
 * Linux shows no one a task's hardware descriptors. /proc/PID/pagemap
 * gives 64 bits per page in Linux's own encoding (the frame number, and
 * present, swapped, file, exclusive, soft-dirty bits), the same on every
 * architecture; ARM's ptdump (CONFIG_ARM_PTDUMP_DEBUGFS) shows only the
 * kernel's tables. This file is topdown's, for teaching: the raw words,
 * so that a student can check the decoding against the ARM ARM, and what
 * they allow user and kernel mode. It reads the tables as they are; it
 * changes nothing (no TLB maintenance needed).
 *
 *   # pgd 6116c000 (physical), ASID 3
 *   L1 00000000 6116d401 page table 6116d400, domain 0
 *   L2 00008000 6116e4ce small page 6116e000: user r-x, kernel r-x, nG
 *   L2 00017000 6117155f small page 61171000: user rw-, kernel rw-, XN, nG
 *
 * One "L1 VA" line for each first-level entry that is not zero, VA the
 * first address of its MiB, then one "L2 VA" line for each second-level
 * entry of its table that is not zero: the user half of the table (below
 * PAGE_OFFSET) and the gate page's MiB ([vectors]). An address without
 * a line has a zero descriptor: an access there is a translation fault.
 */
#include "kernel/arch.h"
#include "kernel/printk.h"
#include "mm/armv7/pgtable.h"
#include "mm/mmu.h"

/* "rwx" with '-' for what AP[2], AP[1:0] and XN forbid (SCTLR.AFE = 0). */
static void ap_perms(unsigned int ap2, unsigned int ap, bool xn,
		     char user[4], char kernel[4])
{
	/* AP[1:0] 00: none; 01: kernel only; 10: user reads; 11: both */
	bool kr = ap != AP_NONE, kw = kr && !ap2;
	bool ur = ap == AP_USER_RO || ap == AP_USER_RW;
	bool uw = ap == AP_USER_RW && !ap2;

	kernel[0] = kr ? 'r' : '-';
	kernel[1] = kw ? 'w' : '-';
	kernel[2] = kr && !xn ? 'x' : '-';	/* no PXN without LPAE */
	user[0] = ur ? 'r' : '-';
	user[1] = uw ? 'w' : '-';
	user[2] = ur && !xn ? 'x' : '-';
	kernel[3] = user[3] = '\0';
}

/* One L2 line for the small page descriptor @pte at @va. */
static size_t show_pte(char *buf, size_t size, unsigned long va,
		       unsigned long pte)
{
	char user[4], kernel[4];
	bool xn = pte & PTE_XN;

	if (!(pte & PTE_TYPE_SMALL))	/* 01: large page, 00: fault */
		return snprintf(buf, size, "L2 %08lx %08lx %s\n", va, pte,
				pte & 1 ? "large page (not used here)" :
				"fault: not a valid entry");
	ap_perms(!!(pte & PTE_AP2), (pte >> PTE_AP_SHIFT) & 3, xn, user,
		 kernel);
	return snprintf(buf, size,
			"L2 %08lx %08lx small page %08lx: user %s, kernel %s%s%s%s\n",
			va, pte, pte & PTE_BASE_MASK, user, kernel,
			xn ? ", XN" : "", pte & PTE_S ? ", S" : "",
			pte & PTE_NG ? ", nG" : ", global");
}

/* One L1 line for the descriptor @pmd of the MiB at @va. */
static size_t show_pmd(char *buf, size_t size, unsigned long va,
		       unsigned long pmd)
{
	char user[4], kernel[4];

	switch (pmd & PMD_TYPE_MASK) {
	case PMD_TYPE_TABLE:
		return snprintf(buf, size,
				"L1 %08lx %08lx page table %08lx, domain %lu\n",
				va, pmd, pmd & PMD_TABLE_BASE_MASK,
				(pmd >> 5) & 0xf);
	case PMD_TYPE_SECT:
		ap_perms(!!(pmd & PMD_SECT_AP2),
			 (pmd >> PMD_SECT_AP_SHIFT) & 3, pmd & PMD_SECT_XN,
			 user, kernel);
		return snprintf(buf, size,
				"L1 %08lx %08lx section %08lx: user %s, kernel %s%s\n",
				va, pmd, pmd & PMD_SECT_BASE_MASK, user, kernel,
				pmd & PMD_SECT_XN ? ", XN" : "");
	default:
		return snprintf(buf, size, "L1 %08lx %08lx fault: not a valid "
				"entry\n", va, pmd);
	}
}

/* The L1 entry @i and, for a page table, its L2 entries; the new @len. */
static size_t show_mib(const struct mm_struct *mm, unsigned int i, char *buf,
		       size_t size, size_t len)
{
	uint32_t pmd = mm->pgd->entry[i];
	unsigned long va = (unsigned long)i << SECTION_SHIFT;
	const uint32_t *table;

	if (!pmd)
		return len;
	len += show_pmd(buf + len, size - len, va, pmd);
	if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return len;
	table = phys_to_virt(pmd & PMD_TABLE_BASE_MASK);
	for (unsigned int j = 0; j < PTRS_PER_PTE && len < size; j++)
		if (table[j])
			len += show_pte(buf + len, size - len,
					va + ((unsigned long)j << PAGE_SHIFT),
					table[j]);
	return len;
}

/* See kernel/arch.h. */
size_t arch_show_page_tables(struct mm_struct *mm, char *buf, size_t size)
{
	unsigned long gate = gate_area_start();
	size_t len;

	len = snprintf(buf, size, "# pgd %08lx (physical), ASID %u\n",
		       (unsigned long)virt_to_phys(mm->pgd), mm_live_asid(mm));
	for (unsigned int i = 0; i < USER_PGD_ENTRIES && len < size; i++)
		len = show_mib(mm, i, buf, size, len);
	if (gate && len < size)
		len = show_mib(mm, pgd_index(gate), buf, size, len);
	return min(len, size);
}
