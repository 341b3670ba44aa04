/*
 * tests/host/mmap_util.c - see mmap_util.h.
 */
#include "tests/host/mmap_util.h"

/* mmap_mm_new - Returns: a new empty mm with the layout asked for. */
struct mm_struct *mmap_mm_new(bool legacy)
{
	struct mm_struct *mm = mmt_new();

	arch_pick_mmap_layout(mm, legacy);
	return mm;
}

/* mmap_anon - Returns: the address, or a negative errno. */
unsigned long mmap_anon(struct mm_struct *mm, unsigned long addr,
			unsigned long len, unsigned long prot,
			unsigned long flags)
{
	unsigned long populate;

	return do_mmap(mm, NULL, addr, len, prot, flags | MAP_ANONYMOUS, 0,
		       &populate);
}

/* mmap_file - Returns: the address, or a negative errno. */
unsigned long mmap_file(struct mm_struct *mm, struct file *file,
			unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long pgoff)
{
	unsigned long populate;

	return do_mmap(mm, file, addr, len, prot, flags, pgoff, &populate);
}

/* vmas_check - see mmap_util.h. */
void vmas_check(struct mm_struct *mm, const struct vexp *exp, int n,
		const char *file, int line)
{
	struct vm_area_struct *vma = mm->mmap;
	bool same = mm->map_count == n;
	int i;

	for (i = 0; i < n && same; i++, vma = vma->vm_next)
		same = vma && vma->vm_start == exp[i].start &&
		       vma->vm_end == exp[i].end &&
		       vma->vm_flags == exp[i].flags;
	same = same && !vma;
	if (!same) {
		check_failed(file, line, "VMAs differ (%d, expected %d):",
			     mm->map_count, n);
		for (vma = mm->mmap; vma; vma = vma->vm_next)
			printf("#     have [%#lx, %#lx) flags %#lx\n",
			       vma->vm_start, vma->vm_end, vma->vm_flags);
		for (i = 0; i < n; i++)
			printf("#     want [%#lx, %#lx) flags %#lx\n",
			       exp[i].start, exp[i].end, exp[i].flags);
	}
	if (validate_mm(mm))
		check_failed(file, line, "validate_mm() found a problem");
}
