/*
 * mm/mprotect.c - mprotect(2): new access rights for a range, VMA by VMA.
 *
 * Each VMA the range touches gets the new flags on the part inside the
 * range: merged into a neighbour with the same flags if possible (one of
 * vma_merge's eight cases), else split off. Then the present PTEs are
 * rewritten from protection_map. A private writable VMA still gets
 * read-only PTEs: the next write faults and the fault handler decides
 * whether the page can simply be made writable (mm/cow.c).
 */
#include "kernel/errno.h"
#include "mm/debug.h"
#include "mm/memory.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/mmu.h"
#include "mm/vma.h"

/*
 * Give [@start, @end), which lies inside @vma, the flags @newflags.
 * *@pprev is the VMA before @start on entry (or @vma itself when @start
 * is inside it) and the VMA that now ends the done part on return.
 * Returns: 0 or -ENOMEM (a split at the map count limit, or no memory).
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct **pprev, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	unsigned long oldflags = vma->vm_flags;
	unsigned long pgoff;
	struct vm_area_struct *merged;
	int err;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	/*
	 * Making private memory writable charges it as Linux does: it
	 * gets VM_ACCOUNT, and keeps it when made read-only again.
	 */
	if ((newflags & VM_WRITE) &&
	    !(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		if (vm_enough_memory((end - start) >> PAGE_SHIFT))
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}

	pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	/* The range brings its pages: it merges only where they may go. */
	merged = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma,
			   vma->vm_file, pgoff);
	if (merged) {
		vma = merged;
		goto success;
	}
	*pprev = vma;
	if (start != vma->vm_start) {
		err = split_vma(mm, vma, start, 1);
		if (err)
			return err;
	}
	if (end != vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err)
			return err;
	}
success:
	*pprev = vma;
	/* shared pages stay written but their PTEs start clean again */
	fold_pte_dirty(vma, start, end);
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(mm, start, end, vma_clean_prot(vma));
	return 0;
}

/* See mm/mmap.h. */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot, bool read_implies_exec)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, tmp, newflags, reqprot;
	struct vm_area_struct *vma, *prev;
	int err;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (!arch_validate_prot(prot))
		return -EINVAL;
	reqprot = prot;

	vma = find_vma(mm, start);
	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		/* Down to the start of the stack VMA. */
		if (vma->vm_start >= end)
			return -ENOMEM;
		start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else {
		if (vma->vm_start > start)
			return -ENOMEM;
		if (grows & PROT_GROWSUP)
			return -EINVAL;	/* ARM stacks never grow up */
	}
	prev = start > vma->vm_start ? vma : vma->vm_prev;

	for (nstart = start;;) {
		/* Here vma->vm_start <= nstart < vma->vm_end. */
		if (read_implies_exec && (prot & PROT_READ) &&
		    (vma->vm_flags & VM_MAYEXEC))
			prot |= PROT_EXEC;
		newflags = calc_vm_prot_bits(prot) |
			   (vma->vm_flags & ~VM_ACCESS_FLAGS);
		/* Each VM_MAYx is VM_x shifted left by 4. */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) {
			err = -EACCES;
			break;
		}
		tmp = vma->vm_end < end ? vma->vm_end : end;
		err = mprotect_fixup(mm, vma, &prev, nstart, tmp, newflags);
		if (err)
			break;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			break;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			err = -ENOMEM;
			break;
		}
		prot = reqprot;
	}
	return err;
}
