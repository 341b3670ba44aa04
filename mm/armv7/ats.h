/*
 * mm/armv7/ats.h - asking the MMU itself how it would translate an address
 * (ATS1Cxx operations, result in PAR; ARM ARM B4.2.4, B4.1.112).
 *
 * Self-tests use this to check page tables against the hardware's own
 * reading of them, rather than against our own decoding.
 *
 * PAR after a successful translation:    after an aborted one:
 *   [31:12] physical address                [6:1] FS (DFSR[12,10,3:0])
 *   [9] NS, [7] SH, [6:4] inner, [3:2] outer  [0] F = 1
 *   [0] F = 0
 */
#ifndef MM_ARMV7_ATS_H
#define MM_ARMV7_ATS_H

#include "mm/armv7/cp15.h"
#include "mm/mm.h"
#include "mm/mmu.h"

enum ats_access {
	ATS_PRIV_READ,		/* ATS1CPR: as the kernel reading */
	ATS_PRIV_WRITE,		/* ATS1CPW: as the kernel writing */
	ATS_USER_READ,		/* ATS1CUR: as user mode reading */
	ATS_USER_WRITE,		/* ATS1CUW: as user mode writing */
};

/* Translate @va as @access would, in the current address space; the PAR. */
static inline uint32_t mmu_translate(unsigned long va, enum ats_access access)
{
	switch (access) {
	case ATS_PRIV_READ: write_ats1cpr(va); break;
	case ATS_PRIV_WRITE: write_ats1cpw(va); break;
	case ATS_USER_READ: write_ats1cur(va); break;
	case ATS_USER_WRITE: write_ats1cuw(va); break;
	}
	isb();
	return read_par();
}

/*
 * Translate @va as @access would in @mm's address space: switch to it,
 * ask, and switch back to the kernel's (init_mm). Returns: the PAR.
 */
static inline uint32_t mmu_translate_in(struct mm_struct *mm, unsigned long va,
					enum ats_access access)
{
	uint32_t par;

	switch_mm(&init_mm, mm);
	par = mmu_translate(va, access);
	switch_mm(mm, &init_mm);
	return par;
}

static inline bool par_aborted(uint32_t par)
{
	return par & 1;
}

/* The fault status of an aborted translation, as fsr_fs() gives it. */
static inline unsigned int par_fs(uint32_t par)
{
	return (par >> 1) & 0x1f;
}

static inline uint32_t par_phys(uint32_t par)
{
	return par & 0xfffff000u;
}

#endif /* MM_ARMV7_ATS_H */
