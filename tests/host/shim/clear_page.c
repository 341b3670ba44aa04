/*
 * tests/host/shim/clear_page.c - clear_page() (mm/mmu.h) for the host:
 * the C library's memset is the host's fast way.
 */
#include <string.h>
#include "mm/memlayout.h"
#include "mm/mmu.h"

void clear_page(void *addr)
{
	memset(addr, 0, PAGE_SIZE);
}
