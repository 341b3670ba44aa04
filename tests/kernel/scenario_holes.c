/*
 * tests/kernel/scenario_holes.c - builds the address space drawn in
 * scenario_holes.h, with the VMA core's public functions only.
 */
#include "kernel/errno.h"
#include "mm/vma.h"
#include "tests/kernel/scenario_holes.h"

#define RX (VM_READ | VM_EXEC)
#define RW (VM_READ | VM_WRITE)
#define MAY (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

const struct holes_vma holes_vmas[HOLES_NR_VMAS] = {
	{ 'D', 0xb6f00000, 0xb6f03000, RW },
	{ 'B', 0x00020000, 0x00021000, RW },
	{ 'F', 0xb6f0a000, 0xb6f0e000, RW },
	{ 'A', 0x00010000, 0x00012000, RX },
	{ 'C', 0x00100000, 0x00104000, RW },
	{ 'E', 0xb6f05000, 0xb6f06000, VM_READ },
	{ 'G', 0xbefdf000, 0xbf000000, RW | VM_GROWSDOWN },
};

int holes_build(struct mm_struct *mm)
{
	for (int i = 0; i < HOLES_NR_VMAS; i++) {
		const struct holes_vma *h = &holes_vmas[i];
		struct vm_area_struct *vma = vm_area_alloc(mm);

		if (!vma)
			return -ENOMEM;
		vma->vm_start = h->start;
		vma->vm_end = h->end;
		vma->vm_flags = h->flags | MAY;
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		if (insert_vm_struct(mm, vma)) {
			vm_area_free(vma);
			return -ENOMEM;
		}
	}
	/* C is the heap, G the stack: /proc/PID/maps names them so. */
	mm->start_brk = 0x00100000;
	mm->brk = 0x00104000;
	mm->start_stack = 0xbeffff00;
	return 0;
}

struct vm_area_struct *holes_vma(struct mm_struct *mm, char name)
{
	for (int i = 0; i < HOLES_NR_VMAS; i++)
		if (holes_vmas[i].name == name)
			return find_vma(mm, holes_vmas[i].start);
	return NULL;
}
