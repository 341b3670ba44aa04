/*
 * tests/host/shim/fake_mmu.h - the host's MMU: a software implementation
 * of mm/mmu.h (fake_mmu.c), plus what a test needs to act as the CPU does
 * when a user program touches memory.
 *
 * Its page tables have the shape of the ARMv7 short-descriptor ones: a
 * 16 KiB first-level table per mm (an order-2 block) of 4096 words, each
 * 0 or the physical address of a 1 KiB second-level table of 256 PTE
 * words from a slab cache, allocated on first use and freed when empty.
 * So page and table counts in host tests are those of the target.
 *
 * A PTE word is   pfn << 12 | protection bits | FAKE_PTE_VALID
 *
 * and the protection bits are the fake's own encoding of the ARMv7 rules
 * of mm/armv7/protection_map.c:
 *
 *   bit               ARMv7 equivalent          meaning
 *   FAKE_PROT_MEM     TEX/C/B, nG               user memory (every entry)
 *   FAKE_PROT_UREAD   AP[1] (user access)       user may read
 *   FAKE_PROT_UWRITE  AP2 clear with AP 11      user may write (and read)
 *   FAKE_PROT_EXEC    XN clear                  may be executed if readable
 *
 * An entry without FAKE_PROT_MEM did not come from protection_map[]: the
 * fake stops with a panic, as a test of the caller.
 */
#ifndef TESTS_HOST_SHIM_FAKE_MMU_H
#define TESTS_HOST_SHIM_FAKE_MMU_H

#include "mm/memlayout.h"
#include "mm/mmu.h"

#define FAKE_PTE_VALID 0x001u
#define FAKE_PROT_MEM 0x010u
#define FAKE_PROT_UREAD 0x020u
#define FAKE_PROT_UWRITE 0x040u
#define FAKE_PROT_EXEC 0x080u
#define FAKE_PROT_MASK 0x0f0u

/* First-level entries that map user space (TASK_SIZE / 1 MiB). */
#define FAKE_USER_PGD_ENTRIES (TASK_SIZE >> 20)
#define FAKE_PTRS_PER_PTE 256

/* The first-level table of one mm (ARMv7: 4096 L1 descriptors). */
struct arch_pgd {
	uint32_t entry[4096];
};

/* A user access, as the CPU makes it. */
enum fake_access {
	FAKE_READ,	/* a load */
	FAKE_WRITE,	/* a store */
	FAKE_EXEC,	/* an instruction fetch */
};

/*
 * fake_access_ok - would the MMU let user mode make access @kind at
 * @addr in @mm now? Read needs FAKE_PROT_UREAD, write FAKE_PROT_UWRITE,
 * a fetch FAKE_PROT_UREAD and FAKE_PROT_EXEC; addresses at or above
 * TASK_SIZE are the kernel's and always refused.
 * Returns: true if the access would complete, false if it would fault.
 */
bool fake_access_ok(struct mm_struct *mm, unsigned long addr,
		    enum fake_access kind);

/*
 * fake_user_byte - where the byte at user @addr of @mm lives in (host)
 * RAM, whatever the permissions: the mapped page's kernel address plus
 * the offset. Returns: the pointer, or NULL when no page is mapped.
 */
unsigned char *fake_user_byte(struct mm_struct *mm, unsigned long addr);

/* "rwx"-style text for @prot ("r-x", "rw-", "---"), for messages. */
const char *fake_prot_str(pgprot_t prot);

/* What the fake has been asked to do, for tests. */
struct fake_mmu_stats {
	unsigned long set_ptes;		/* set_pte_at() calls */
	unsigned long tables_allocated;	/* second-level tables made */
	unsigned long tables_freed;	/* ... and freed */
	unsigned long icache_flushes;	/* flush_icache_page() calls */
	unsigned long tlb_flushes;	/* pages or ranges flushed */
	unsigned long pages_forgotten;	/* pages still mapped at pgd_free() */
};
extern struct fake_mmu_stats fake_mmu_stats;

/* The mm switch_mm() last made current (NULL: none yet). */
extern struct mm_struct *fake_current_mm;

/* What cache_is_vipt_aliasing() answers; tests set it. */
extern bool fake_cache_aliasing;

#endif /* TESTS_HOST_SHIM_FAKE_MMU_H */
