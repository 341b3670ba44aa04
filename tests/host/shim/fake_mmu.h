/*
 * tests/host/shim/fake_mmu.h - the host's MMU: the real ARMv7 page tables
 * (mm/armv7/pgtable.c, built for the host), and what a test needs to act
 * as the CPU does when a user program touches memory through them.
 *
 * A PTE word is an ARMv7 small-page descriptor:
 *
 *   pfn << 12 | protection bits | 1 << 1 (small page)
 *
 * whose protection bits are the real ones, made by the ARMv7
 * protection_map[] and pgprot_mkwrite() (mm/armv7/protection_map.c,
 * compiled for the host). The fake decodes their AP2, AP[1:0] and XN bits
 * from the architecture's rules (fake_decode_prot()), so that a test of
 * what a user access does tests the real table. An entry that is not
 * user memory (normal write-back, nG) or has a reserved access encoding
 * stops the access with a panic, as a test of the code that made it.
 */
#ifndef TESTS_HOST_SHIM_FAKE_MMU_H
#define TESTS_HOST_SHIM_FAKE_MMU_H

#include "mm/memlayout.h"
#include "mm/mmu.h"

/* A user access, as the CPU makes it. */
enum fake_access {
	FAKE_READ,	/* a load */
	FAKE_WRITE,	/* a store */
	FAKE_EXEC,	/* an instruction fetch */
};

/* What the ARMv7 MMU lets each level do through one entry. */
struct fake_perm {
	bool user_read, user_write, user_exec;
	bool priv_read, priv_write, priv_exec;
};

/*
 * fake_decode_prot - what an entry with protection bits @prot allows, by
 * the ARMv7 rules for AP2, AP[1:0] and XN (see fake_mmu.c), into @perm.
 * Returns: true, or false for the reserved encoding (AP2 1, AP[1:0] 00).
 */
bool fake_decode_prot(pgprot_t prot, struct fake_perm *perm);

/*
 * fake_access_ok - would the MMU let user mode make access @kind at
 * @addr in @mm now (fake_decode_prot() of the entry)? Addresses at or
 * above TASK_SIZE are the kernel's and always refused.
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

/* "user r-x, kernel r-x"-style text for @prot, for messages. */
const char *fake_prot_str(pgprot_t prot);

/* The maintenance operations the page-table code asked for, for tests. */
struct fake_mmu_stats {
	unsigned long dcache_lines_cleaned;	/* DCCMVAU */
	unsigned long icache_flushes;		/* ICIALLU + BPIALL */
	unsigned long tlb_flushes;		/* pages, ranges or ASIDs */
};
extern struct fake_mmu_stats fake_mmu_stats;

/* The mm switch_mm() last made current (NULL: none yet). */
extern struct mm_struct *fake_current_mm;

/* What gate_area_start() answers (0: no gate area); tests set it. */
extern unsigned long fake_gate_area;

/* What cache_is_vipt_aliasing() answers; tests set it. */
extern bool fake_cache_aliasing;

#endif /* TESTS_HOST_SHIM_FAKE_MMU_H */
