/*
 * mm/armv7/protection_map.c - from vm_flags to ARMv7 small-page PTE bits.
 *
 * Every user page is normal memory, write-back write-allocate (TEX 001,
 * C 1, B 1), non-shareable (one core), not global (nG: the TLB tags it
 * with the task's ASID). What differs is the access:
 *
 *   AP2 AP  user    | private (copy on write)  | shared
 *   --------------- | ------------------------ | -----------------------
 *    1  01  none    | ---  PROT_NONE           | ---
 *    1  11  read    | r--, -w-, rw-  (+x)      | r--  (+x)
 *    0  11  rw      |                          | -w-, rw-  (+x)
 *
 * and XN unless VM_EXEC. As on ARM Linux: the MMU cannot express
 * write-only or execute-only, so they imply read; and *private writable
 * pages start read-only*: the first write faults, and the fault handler
 * gives the task its own page and maps it writable (pgprot_mkwrite). A
 * shared writable mapping needs no copy, so it is writable at once.
 *
 * PROT_NONE pages keep a valid entry the user cannot touch (AP 1 01:
 * privileged read-only): the entry is where the page's frame is kept, so
 * mprotect(PROT_NONE) keeps their contents. (ARM Linux keeps the frame in
 * a second, software page table and can make the hardware entry
 * invalid; we have only the hardware one.) The kernel's own reads of
 * such a page on the task's behalf are refused all the same: its user
 * copies use unprivileged loads and stores (kernel/armv7/uaccess_asm.S).
 */
#include "mm/armv7/pgtable-hwdef.h"
#include "mm/mm_types.h"
#include "mm/mmu.h"

#define PTE_USER_MEM (PTE_TEX(1) | PTE_C | PTE_B | PTE_NG)
#define AP_BITS(ap2, ap) (((ap2) ? PTE_AP2 : 0) | ((ap) << PTE_AP_SHIFT))

#define __NONE (PTE_USER_MEM | AP_BITS(1, AP_PRIV_RW) | PTE_XN)
#define __RO (PTE_USER_MEM | AP_BITS(1, AP_USER_RW) | PTE_XN)
#define __RW (PTE_USER_MEM | AP_BITS(0, AP_USER_RW) | PTE_XN)
#define __RO_X (PTE_USER_MEM | AP_BITS(1, AP_USER_RW))
#define __RW_X (PTE_USER_MEM | AP_BITS(0, AP_USER_RW))

const pgprot_t protection_map[16] = {
	/* private: writable ones read-only until the fault handler says */
	[VM_NONE] = __NONE,
	[VM_READ] = __RO,
	[VM_WRITE] = __RO,
	[VM_WRITE | VM_READ] = __RO,
	[VM_EXEC] = __RO_X,
	[VM_EXEC | VM_READ] = __RO_X,
	[VM_EXEC | VM_WRITE] = __RO_X,
	[VM_EXEC | VM_WRITE | VM_READ] = __RO_X,
	/* shared: written in place, writable from the start */
	[VM_SHARED | VM_NONE] = __NONE,
	[VM_SHARED | VM_READ] = __RO,
	[VM_SHARED | VM_WRITE] = __RW,
	[VM_SHARED | VM_WRITE | VM_READ] = __RW,
	[VM_SHARED | VM_EXEC] = __RO_X,
	[VM_SHARED | VM_EXEC | VM_READ] = __RO_X,
	[VM_SHARED | VM_EXEC | VM_WRITE] = __RW_X,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = __RW_X,
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags &
			      (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}

pgprot_t pgprot_mkwrite(pgprot_t prot)
{
	/* AP2 0, AP 11: read/write for user and kernel */
	return (prot & ~(pgprot_t)(PTE_AP2 | PTE_AP0 | PTE_AP1)) |
	       AP_BITS(0, AP_USER_RW);
}

bool pgprot_writable(pgprot_t prot)
{
	return !(prot & PTE_AP2) &&
	       ((prot >> PTE_AP_SHIFT) & 3) == AP_USER_RW;
}
