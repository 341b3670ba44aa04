/*
 * mm/armv7/mmu_init.h - the kernel's own address space, set up at boot.
 */
#ifndef MM_ARMV7_MMU_INIT_H
#define MM_ARMV7_MMU_INIT_H

#include "kernel/arch.h"
#include "kernel/kernel.h"

/* The kernel's L1 table (linker.ld: PAGE_OFFSET + 16 KiB). */
extern uint32_t swapper_pg_dir[4096];

/* paging_init() and mem_init(), which start_kernel() calls: kernel/arch.h. */

#endif /* MM_ARMV7_MMU_INIT_H */
