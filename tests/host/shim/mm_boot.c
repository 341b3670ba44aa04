/*
 * tests/host/shim/mm_boot.c - the rest of the mm boot, as start_kernel
 * does it after the slab (tests/host/shim/mem.c) and the MMU's caches
 * (fake_mmu.c): the VMA and mm_struct caches and the zero page, and the
 * file and inode caches. Runs before any test.
 */
#include "kernel/fs.h"
#include "mm/mm.h"

__attribute__((constructor(103))) static void host_mm_boot(void)
{
	mm_core_init();
	vfs_caches_init();
}
