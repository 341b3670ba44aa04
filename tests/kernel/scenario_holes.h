/*
 * tests/kernel/scenario_holes.h - one small address space with holes of
 * very different sizes, shared by the self-tests that the gdb test and the
 * placement-trace test drive (tests/gdb/, tests/trace/) and by the
 * picture program (tests/pictures/). Portable: it builds on the host too.
 *
 * The seven VMAs, bottom to top (gap = free space just below the VMA):
 *
 *   A [0x00010000, 0x00012000) r-xp  text       gap 0x10000
 *   B [0x00020000, 0x00021000) rw-p  data       gap 0xe000
 *   C [0x00100000, 0x00104000) rw-p  [heap]     gap 0xdf000
 *   D [0xb6f00000, 0xb6f03000) rw-p             gap 0xb6dfc000
 *   E [0xb6f05000, 0xb6f06000) r--p             gap 0x2000
 *   F [0xb6f0a000, 0xb6f0e000) rw-p             gap 0x4000
 *   G [0xbefdf000, 0xbf000000) rw-p  [stack]    gap 0x80d1000
 *
 * They are inserted in the order D B F A C E G (breadth first), which
 * needs no rotation: the tree is perfectly balanced, root black, its two
 * children black (recoloured when A arrives), the four leaves red:
 *
 *                 D  subtree_gap 0xb6dfc000
 *               /   \
 *  0xdf000     B     F     0x80d1000
 *             / \   / \
 *            A   C E   G   (leaves: their own gaps)
 */
#ifndef TESTS_KERNEL_SCENARIO_HOLES_H
#define TESTS_KERNEL_SCENARIO_HOLES_H

#include "mm/mm_types.h"

#define HOLES_NR_VMAS 7

struct holes_vma {
	char name;		/* 'A' .. 'G' */
	unsigned long start, end, flags;
};

/* The table above, in insertion order (D B F A C E G). */
extern const struct holes_vma holes_vmas[HOLES_NR_VMAS];

/*
 * holes_build - insert the seven VMAs into the empty @mm, in the order of
 * holes_vmas[], and set its brk and start_stack so that C is the heap
 * and G the stack.
 * Returns: 0, or -ENOMEM (the VMAs inserted so far stay in @mm).
 */
int holes_build(struct mm_struct *mm);

/* The VMA named @name of a built @mm (by its start address), or NULL. */
struct vm_area_struct *holes_vma(struct mm_struct *mm, char name);

#endif /* TESTS_KERNEL_SCENARIO_HOLES_H */
