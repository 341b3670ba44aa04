/*
 * mm/armv7/cp15.h - reading and writing the ARMv7 system control
 * coprocessor (CP15). Every CP15 access of the kernel goes through here,
 * each named after its register in the ARM Architecture Reference Manual.
 */
#ifndef MM_ARMV7_CP15_H
#define MM_ARMV7_CP15_H

#include <stdint.h>

#define CP15_READ(name, op1, crn, crm, op2)                                \
	static inline uint32_t read_##name(void)                           \
	{                                                                  \
		uint32_t v;                                                \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm  \
				 ", " #op2 : "=r"(v));                     \
		return v;                                                  \
	}
#define CP15_WRITE(name, op1, crn, crm, op2)                               \
	static inline void write_##name(uint32_t v)                        \
	{                                                                  \
		__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm  \
				 ", " #op2 : : "r"(v) : "memory");         \
	}
#define CP15_RW(name, op1, crn, crm, op2) \
	CP15_READ(name, op1, crn, crm, op2) CP15_WRITE(name, op1, crn, crm, op2)

/* Identification */
CP15_READ(midr, 0, c0, c0, 0)		/* main ID */
CP15_READ(ctr, 0, c0, c0, 1)		/* cache type */
CP15_READ(mpidr, 0, c0, c0, 5)		/* multiprocessor affinity */
CP15_READ(id_pfr0, 0, c0, c1, 0)	/* processor feature 0: ThumbEE */
CP15_READ(id_mmfr3, 0, c0, c1, 7)	/* memory model feature 3 */
CP15_READ(ccsidr, 1, c0, c0, 0)		/* cache size ID (of CSSELR's pick) */
CP15_READ(clidr, 1, c0, c0, 1)		/* cache level ID */
CP15_RW(csselr, 2, c0, c0, 0)		/* cache size selection */

/* System control */
CP15_RW(sctlr, 0, c1, c0, 0)		/* system control */
CP15_RW(cpacr, 0, c1, c0, 2)		/* coprocessor access control */

/* Translation tables */
CP15_RW(ttbr0, 0, c2, c0, 0)
CP15_RW(ttbr1, 0, c2, c0, 1)
CP15_RW(ttbcr, 0, c2, c0, 2)
CP15_RW(dacr, 0, c3, c0, 0)		/* domain access control */

/* Faults */
CP15_RW(dfsr, 0, c5, c0, 0)		/* data fault status */
CP15_RW(ifsr, 0, c5, c0, 1)		/* instruction fault status */
CP15_RW(dfar, 0, c6, c0, 0)		/* data fault address */
CP15_RW(ifar, 0, c6, c0, 2)		/* instruction fault address */

/* Address translation operations: the result lands in PAR. */
CP15_WRITE(ats1cpr, 0, c7, c8, 0)	/* stage 1, privileged read */
CP15_WRITE(ats1cpw, 0, c7, c8, 1)	/* stage 1, privileged write */
CP15_WRITE(ats1cur, 0, c7, c8, 2)	/* stage 1, user read */
CP15_WRITE(ats1cuw, 0, c7, c8, 3)	/* stage 1, user write */
CP15_READ(par, 0, c7, c4, 0)		/* physical address register */

/* Context and vectors */
CP15_RW(vbar, 0, c12, c0, 0)		/* vector base address */
CP15_RW(contextidr, 0, c13, c0, 1)	/* ASID in bits [7:0] */

/* SCTLR bits */
#define SCTLR_M (1u << 0)	/* MMU enable */
#define SCTLR_A (1u << 1)	/* alignment checking */
#define SCTLR_C (1u << 2)	/* data (unified) caches */
#define SCTLR_Z (1u << 11)	/* branch prediction */
#define SCTLR_I (1u << 12)	/* instruction cache */
#define SCTLR_V (1u << 13)	/* high vectors at 0xFFFF0000 */
#define SCTLR_TRE (1u << 28)	/* TEX remap */
#define SCTLR_AFE (1u << 29)	/* access flag enable */

static inline void isb(void)
{
	__asm__ volatile("isb" : : : "memory");
}

static inline void dsb(void)
{
	__asm__ volatile("dsb" : : : "memory");
}

static inline void dmb(void)
{
	__asm__ volatile("dmb" : : : "memory");
}

#endif /* MM_ARMV7_CP15_H */
