/*
 * mm/vma_internal.h - helpers shared by the files of mm/, not for the rest of
 * the kernel. They leave the checking to their public callers: the state
 * may be half-changed between two of these calls.
 */
#ifndef MM_VMA_INTERNAL_H
#define MM_VMA_INTERNAL_H

#include "mm/vma.h"

/* The end of the VMA before @vma (0 if @vma is the lowest). */
static inline unsigned long vma_prev_end(const struct vm_area_struct *vma)
{
	return vma->vm_prev ? vma->vm_prev->vm_end : 0;
}

/* The gap of @vma: the free space between the VMA before it and @vma. */
static inline unsigned long vma_gap(const struct vm_area_struct *vma)
{
	return vma->vm_start - vma_prev_end(vma);
}

/* vma_link() without VM_CHECK. */
void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		struct vm_area_struct *prev, struct rb_node **rb_link,
		struct rb_node *rb_parent);

/*
 * __insert_vm_struct - link @vma into @mm at its place, without touching
 * vm_pgoff; BUG if the range is not free.
 */
void __insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);

/* vma_unlink() without VM_CHECK. */
void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

#endif /* MM_VMA_INTERNAL_H */
