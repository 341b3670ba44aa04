/*
 * tests/host/shim/fake_mmu.c - the host's side of the ARMv7 page tables:
 * the real mm/armv7/pgtable.c builds for the host (its cache operations
 * and address conversions from tests/host/shim/arch/), and this file
 * gives it what the target's other ARM files would (the kernel's L1
 * table, TLB maintenance, the cache's line size), and gives the tests
 * what the CPU would do with the tables (see fake_mmu.h).
 *
 * The protections are the real ones, from mm/armv7/protection_map.c;
 * the fake decodes their AP2, AP[1:0] and XN bits as the ARMv7 MMU
 * would, from the architecture's table written out below, never from a
 * copy of protection_map[]. A user access through an entry that is not
 * user memory, or has a reserved access encoding, stops the test with a
 * panic.
 */
#include <stdio.h>
#include "kernel/printk.h"
#include "mm/armv7/cacheinfo.h"
#include "mm/armv7/mmu_init.h"
#include "mm/armv7/pgtable.h"
#include "tests/host/shim/fake_mmu.h"

struct fake_mmu_stats fake_mmu_stats;
struct mm_struct *fake_current_mm;
bool fake_cache_aliasing;

/* The target's other ARM files, as far as pgtable.c needs them. */

/* mmu_init.c: the kernel's L1 table. The host's kernel half is empty. */
uint32_t swapper_pg_dir[4096];

/* mmu_init.c reads it from ID_MMFR3; false runs the cleaning path. */
bool table_walk_coherent;

/* cacheinfo.c reads it from CTR: the Cortex-A9's 32 bytes. */
unsigned int dcache_line_size(void)
{
	return 32;
}

/* context.c: TLB maintenance, counted. */
void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	(void)mm;
	(void)addr;
	fake_mmu_stats.tlb_flushes++;
}

void flush_tlb_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end)
{
	(void)mm;
	(void)start;
	(void)end;
	fake_mmu_stats.tlb_flushes++;
}

void flush_tlb_mm(struct mm_struct *mm)
{
	if (mm == fake_current_mm)
		panic("flush_tlb_mm: the current address space is going away");
	fake_mmu_stats.tlb_flushes++;
}

/* What the CPU does with the tables. */

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

/* context.c: switch_mm() only records @next as the current address space. */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	fake_current_mm = next;
}

/* mmu_init.c: the vectors page, where a test puts it (0: none). */
unsigned long fake_gate_area;

unsigned long gate_area_start(void)
{
	return fake_gate_area;
}

const char *gate_area_name(void)
{
	return "[vectors]";
}

/* cacheinfo.c: what the test set. */
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
	check_prot("fake_access_ok", prot);
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
