/*
 * tests/host/shim/mm_boot.c - the rest of the mm boot, as start_kernel
 * does it after the slab (tests/host/shim/mem.c): mm_core_init() (the
 * VMA, anon_vma, page-table and mm_struct caches, the zero page), then
 * the file and inode caches. Runs before any test.
 */
#include "kernel/fs.h"
#include "mm/mm.h"

__attribute__((constructor(103))) static void host_mm_boot(void)
{
	mm_core_init();
	vfs_caches_init();
}
