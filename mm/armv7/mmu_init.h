/*
 * mm/armv7/mmu_init.h - the kernel's own address space, set up at boot.
 */
#ifndef MM_ARMV7_MMU_INIT_H
#define MM_ARMV7_MMU_INIT_H

#include "kernel/kernel.h"

/* The kernel's L1 table (linker.ld: PAGE_OFFSET + 16 KiB). */
extern uint32_t swapper_pg_dir[4096];

/*
 * Finish the kernel address space kernel/armv7/start.S began: all @ram_size bytes
 * of RAM at PAGE_OFFSET in 1 MiB sections (executable only where the
 * kernel's text is), the device windows, and no identity map any more.
 */
void paging_init(unsigned long ram_size);

/*
 * Hand RAM to the page allocator, keeping back the kernel image and the
 * initramfs QEMU loaded at @initrd_start (@initrd_size bytes, 0: none),
 * then start the slab allocator.
 */
void mem_init(unsigned long ram_size, unsigned long initrd_start,
	      unsigned long initrd_size);

#endif /* MM_ARMV7_MMU_INIT_H */
