/*
 * mm/armv7/context.c - ASIDs: switching address spaces without flushing
 * the TLB.
 *
 * Every user PTE is non-global (nG), so the TLB tags its entries with the
 * ASID in CONTEXTIDR at the time of the walk. Give each address space its
 * own ASID and entries of different tasks coexist in the TLB; a switch is
 * just TTBR0 + CONTEXTIDR.
 *
 * With 8 bits there are 255 ASIDs for tasks (0 is kept for the kernel and
 * for the switch itself). mm->context_id holds generation << 8 | asid.
 * When the ASIDs of the current generation run out, the generation moves
 * on and the whole TLB is flushed: every older context_id is then stale,
 * and its owner gets a fresh ASID the next time it is switched to. So a
 * full flush happens once per 255 new address spaces, not per switch.
 */
#include "kernel/printk.h"
#include "mm/armv7/cp15.h"
#include "mm/armv7/pgtable.h"
#include "mm/armv7/tlbflush.h"
#include "mm/mmu.h"

#define GENERATION_ONE (1UL << ASID_BITS)

static unsigned long generation = GENERATION_ONE;
static unsigned long next_asid = 1;
static unsigned long rollovers;
unsigned long tlb_full_flushes;

unsigned long asid_generation(void)
{
	return generation;
}

unsigned long asid_rollovers(void)
{
	return rollovers;
}

unsigned int mm_live_asid(const struct mm_struct *mm)
{
	if ((mm->context_id & ~ASID_MASK) != generation)
		return 0;	/* stale or never switched to: no entries */
	return mm->context_id & ASID_MASK;
}

/* Give @mm an ASID of the current generation, rolling over if none left. */
static void new_context(struct mm_struct *mm)
{
	if (next_asid > NUM_USER_ASIDS) {
		generation += GENERATION_ONE;
		next_asid = 1;
		rollovers++;
		local_flush_tlb_all();	/* no old-generation entry survives */
	}
	mm->context_id = generation | next_asid++;
}

/*
 * Point the MMU at @next's table with @next's ASID. The ARM ARM's sequence
 * (B3.10.4, "using a reserved ASID"): with ASID 0 in CONTEXTIDR while
 * TTBR0 changes, no walk can tag an entry of one table with the ASID of
 * the other. The kernel's own mappings are global and do not care.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	uint32_t ttbr0;

	if (next != &init_mm && mm_live_asid(next) == 0)
		new_context(next);
	ttbr0 = virt_to_phys(next->pgd) | TTB_FLAGS;

	write_contextidr(0);
	isb();
	write_ttbr0(ttbr0);
	isb();
	write_contextidr(next == &init_mm ? 0 : mm_live_asid(next));
	isb();
}

void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned int asid = mm_live_asid(mm);

	if (asid)
		local_flush_tlb_page(addr, asid);
}

void flush_tlb_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end)
{
	unsigned int asid = mm_live_asid(mm);

	if (!asid)
		return;
	if (end - start > 64 * PAGE_SIZE) {	/* cheaper all at once */
		local_flush_tlb_asid(asid);
		return;
	}
	for (; start < end; start += PAGE_SIZE)
		local_flush_tlb_page(start, asid);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	unsigned int asid = mm_live_asid(mm);

	if (asid)
		local_flush_tlb_asid(asid);
}
