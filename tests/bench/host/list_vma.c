/*
 * tests/bench/host/list_vma.c - the naive yardstick of the benchmark: a
 * sorted doubly linked list of VMAs, searched linearly. See list_vma.h.
 *
 *	head --> [A] <--> [B] <--> [C] <-- tail
 *
 * Each function is the simplest correct loop; none keeps a cache or a
 * hint (Linux 2.4 had mmap_cache and free_area_cache to hide the cost of
 * these walks in the common case; the tree removed the worst case).
 */
#include "kernel/errno.h"
#include "tests/bench/host/list_vma.h"

/* See list_vma.h. */
void list_init(struct vma_list *list)
{
	list->head = NULL;
	list->tail = NULL;
	list->count = 0;
}

/* See list_vma.h. */
struct vm_area_struct *list_find_vma(struct vma_list *list,
				     unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = list->head; vma; vma = vma->vm_next)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/* See list_vma.h. */
int list_insert_vma(struct vma_list *list, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = list_find_vma(list, vma->vm_start);
	struct vm_area_struct *prev;

	if (next && next->vm_start < vma->vm_end)
		return -ENOMEM;		/* overlaps next */

	prev = next ? next->vm_prev : list->tail;
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		list->head = vma;
	if (next)
		next->vm_prev = vma;
	else
		list->tail = vma;
	list->count++;
	return 0;
}

/* See list_vma.h. */
void list_unlink_vma(struct vma_list *list, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		list->head = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	else
		list->tail = vma->vm_prev;
	vma->vm_next = NULL;
	vma->vm_prev = NULL;
	list->count--;
}

/*
 * The highest aligned start of a range of @info->length inside the free
 * range [@start, @end) clipped to the limits of @info.
 * Returns: that address, or -ENOMEM when the range cannot hold it.
 */
static unsigned long fit_in_gap(unsigned long start, unsigned long end,
				const struct vm_unmapped_area_info *info)
{
	unsigned long addr, shift;

	if (start < info->low_limit)
		start = info->low_limit;
	if (end > info->high_limit)
		end = info->high_limit;
	if (end < start || end - start < info->length)
		return -ENOMEM;
	addr = end - info->length;
	shift = (addr - info->align_offset) & info->align_mask;
	if (shift > addr - start)
		return -ENOMEM;
	return addr - shift;
}

/*
 * See list_vma.h. An exact first fit: with align_mask 0 (all the
 * benchmark asks) it picks what unmapped_area_topdown() picks; with an
 * alignment, the tree asks for length + align_mask to be sure without
 * looking, and so may pass over a gap this loop would take.
 */
unsigned long list_unmapped_area_topdown(struct vma_list *list,
				const struct vm_unmapped_area_info *info)
{
	struct vm_area_struct *vma;
	unsigned long gap_start, addr;

	/* The gap above the highest VMA, unbounded above. */
	gap_start = list->tail ? list->tail->vm_end : 0;
	addr = fit_in_gap(gap_start, ~0UL, info);
	if (!IS_ERR_VALUE(addr))
		return addr;

	/* Then the gap below each VMA, from the top down. */
	for (vma = list->tail; vma; vma = vma->vm_prev) {
		if (vma->vm_start <= info->low_limit)
			break;		/* this gap and all below are too low */
		gap_start = vma->vm_prev ? vma->vm_prev->vm_end : 0;
		addr = fit_in_gap(gap_start, vma->vm_start, info);
		if (!IS_ERR_VALUE(addr))
			return addr;
	}
	return -ENOMEM;
}
