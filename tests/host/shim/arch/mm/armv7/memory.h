/*
 * tests/host/shim/arch/mm/armv7/memory.h - the host's stand-in for
 * mm/armv7/memory.h: the host's RAM is an array the page allocator hands
 * out (tests/host/shim/mem.c), at no fixed offset from the physical
 * addresses it gives its pages, so the conversion goes through the page.
 */
#ifndef MM_ARMV7_MEMORY_H
#define MM_ARMV7_MEMORY_H

#include "kernel/kernel.h"
#include "mm/page_alloc.h"

static inline uint32_t virt_to_phys(const void *va)
{
	return (uint32_t)(page_to_phys(virt_to_page(va)) + offset_in_page(va));
}

static inline void *phys_to_virt(uint32_t pa)
{
	return (char *)page_address(phys_to_page(pa & PAGE_MASK)) +
	       offset_in_page(pa);
}

#endif /* MM_ARMV7_MEMORY_H */
