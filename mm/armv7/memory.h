/*
 * mm/armv7/memory.h - kernel virtual and physical addresses of RAM: the
 * kernel maps all of RAM linearly at PAGE_OFFSET, so the two differ by a
 * constant. (Table entries hold physical addresses; the code that walks
 * them needs the virtual ones.) The host tests build mm/armv7/pgtable.c
 * against a header of the same name in tests/host/shim/arch/, for the
 * host's RAM.
 */
#ifndef MM_ARMV7_MEMORY_H
#define MM_ARMV7_MEMORY_H

#include "kernel/armv7/board.h"
#include "kernel/kernel.h"
#include "mm/memlayout.h"

static inline uint32_t virt_to_phys(const void *va)
{
	return (uint32_t)va - PAGE_OFFSET + PHYS_OFFSET;
}

static inline void *phys_to_virt(uint32_t pa)
{
	return (void *)(pa - PHYS_OFFSET + PAGE_OFFSET);
}

#endif /* MM_ARMV7_MEMORY_H */
