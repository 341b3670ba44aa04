/*
 * mm/memory_internal.h - what the files of the fault path (memory.c,
 * cow.c, fault.c, mm.c) share with each other and nobody else.
 */
#ifndef MM_MEMORY_INTERNAL_H
#define MM_MEMORY_INTERNAL_H

#include "mm/memory.h"

/*
 * install_pte - map @page at @addr of @vma with @prot: set_pte_at(),
 * then page_add_rmap(), then flush_icache_page() if the VMA is
 * executable. The caller's reference on @page becomes the PTE's, and
 * @addr must have no PTE yet.
 * Returns: 0, or -ENOMEM when no page table could be allocated (then the
 * caller still holds its reference).
 */
int install_pte(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, struct page *page, pgprot_t prot);

/*
 * do_wp_page - the write fault on a present, read-only PTE (@page, @prot)
 * at @addr of the writable @vma: make it writable in place, or give the
 * task its own copy (mm/cow.c).
 * Returns: 0 or VM_FAULT_OOM.
 */
int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
	       unsigned long addr, struct page *page, pgprot_t prot);

/*
 * copy_page_range - for fork: give @dst_mm every PTE that @vma (of
 * @src_mm) has, sharing the pages; in a private VMA both sides' entries
 * end up read-only, so that the first write of either copies (mm/cow.c).
 * Returns: 0, or -ENOMEM (the PTEs copied so far stay, counted).
 */
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma);

/* The page index in vma->vm_file of @addr. */
static inline unsigned long linear_page_index(const struct vm_area_struct *vma,
					      unsigned long addr)
{
	return ((addr - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

#endif /* MM_MEMORY_INTERNAL_H */
