/*
 * tests/bench/host/list_vma.h - the naive yardstick: the VMAs of an
 * address space on a sorted doubly linked list and nothing else, as Linux
 * kept them before it had a tree. Every lookup is a linear walk.
 *
 * Written for the benchmark, apart from mm/: it shares no code with the
 * tree (only the struct, of which it uses vm_start, vm_end, vm_next and
 * vm_prev), so that the two answer the same questions independently and
 * the benchmark can check that their answers agree.
 */
#ifndef TESTS_BENCH_LIST_VMA_H
#define TESTS_BENCH_LIST_VMA_H

#include "mm/vma.h"

/* A list of VMAs sorted by address, without overlap. */
struct vma_list {
	struct vm_area_struct *head;	/* lowest VMA, or NULL */
	struct vm_area_struct *tail;	/* highest VMA, or NULL */
	int count;
};

/* Make @list empty. */
void list_init(struct vma_list *list);

/*
 * list_find_vma - find_vma() by walking up from the lowest VMA.
 * Returns: the lowest VMA that ends above @addr, or NULL.
 */
struct vm_area_struct *list_find_vma(struct vma_list *list,
				     unsigned long addr);

/*
 * list_insert_vma - put @vma (vm_start, vm_end set) at its place: walk up
 * to the first VMA that ends above vm_start, check that it does not
 * overlap, link @vma in before it.
 * Returns: 0, or -ENOMEM if @vma overlaps a VMA of @list (unchanged).
 */
int list_insert_vma(struct vma_list *list, struct vm_area_struct *vma);

/* list_unlink_vma - take @vma off @list: O(1), the neighbours are known. */
void list_unlink_vma(struct vma_list *list, struct vm_area_struct *vma);

/*
 * list_unmapped_area_topdown - top-down first fit: look at the gap above
 * the highest VMA, then at the gap below each VMA from the highest down,
 * and take the first whose part inside [low_limit, high_limit) holds an
 * aligned range of @info->length. Stops when the gaps end below
 * low_limit.
 * Returns: the highest such address in that gap, or -ENOMEM.
 */
unsigned long list_unmapped_area_topdown(struct vma_list *list,
				const struct vm_unmapped_area_info *info);

#endif /* TESTS_BENCH_LIST_VMA_H */
