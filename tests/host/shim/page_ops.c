/*
 * tests/host/shim/page_ops.c - clear_page() and copy_page() (mm/mmu.h)
 * for the host: the C library's memset and memcpy are the host's fast
 * ways.
 */
#include <string.h>
#include "mm/memlayout.h"
#include "mm/mmu.h"

void clear_page(void *addr)
{
	memset(addr, 0, PAGE_SIZE);
}

void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}
