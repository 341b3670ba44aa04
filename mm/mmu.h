/*
 * mm/mmu.h - the one boundary between portable mm code and the MMU.
 *
 * Everything the portable code (the C files of mm/) may ask of the hardware
 * is declared here; mm/armv7/ implements it with ARMv7 short-descriptor
 * tables, and the host tests implement it with a software table
 * (tests/host/shim/). The portable code never sees a descriptor bit:
 * protections travel as pgprot_t values produced by vm_get_page_prot() and
 * only ever compared or passed on.
 */
#ifndef MM_MMU_H
#define MM_MMU_H

#include "kernel/kernel.h"

/* Hardware protection/attribute bits of one page table entry (opaque). */
typedef uint32_t pgprot_t;

/* A task's first-level page table (opaque; ARMv7: 4096 L1 descriptors). */
typedef struct arch_pgd pgd_t;

#endif /* MM_MMU_H */
