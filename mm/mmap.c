/*
 * mm/mmap.c - mmap, munmap and brk: the checks Linux makes, in Linux's
 * order (so that a call with several things wrong fails with the same
 * errno), then the change to the VMAs and page tables.
 *
 * The order matters to user space and is easy to get wrong; do_mmap's:
 *
 *   len == 0                                  EINVAL
 *   MAP_FIXED_NOREPLACE implies MAP_FIXED; a hint is page-rounded and
 *   below mmap_min_addr dropped (round_hint_to_min)
 *   PAGE_ALIGN(len) == 0                      ENOMEM
 *   pgoff + pages wraps                       EOVERFLOW
 *   map_count > max_map_count                 ENOMEM
 *   get_unmapped_area()                       EINVAL / ENOMEM
 *   MAP_FIXED_NOREPLACE over a mapping        EEXIST
 *   mapping type and file access              EINVAL / EOPNOTSUPP /
 *                                             EACCES / ENODEV
 *   mmap_region()                             ENOMEM / the file's error
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/memory.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/mmu.h"
#include "mm/internal.h"
#include "mm/page_alloc.h"
#include "mm/shmem.h"
#include "mm/vma.h"

/*
 * A hint below mmap_min_addr is no hint at all (Linux's
 * round_hint_to_min): the search decides instead.
 */
static unsigned long round_hint_to_min(struct mm_struct *mm,
				       unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < mm->mmap_min_addr)
		return PAGE_ALIGN(mm->mmap_min_addr);
	return hint;
}

/* See mm/mmap.h. */
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	/* ARM's arch_mmap_check: the first two pages never map. */
	if ((flags & MAP_FIXED) && addr < FIRST_USER_ADDRESS)
		return -EINVAL;
	if (len > mm->task_size)
		return -ENOMEM;
	/* Shared anonymous memory is page 0 on of its own new object. */
	if (!file && (flags & MAP_SHARED))
		pgoff = 0;

	addr = mm->get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > mm->task_size - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	return addr;
}

/*
 * The vm_flags of a file mapping, after the checks of its type against
 * the file's open mode; @flags is updated (MAP_SHARED drops what it does
 * not know). Returns: 0 or a negative errno.
 */
static int file_mmap_flags(struct file *file, unsigned long *flags,
			   unsigned long prot, unsigned long *vm_flags)
{
	switch (*flags & MAP_TYPE) {
	case MAP_SHARED:
		/* Old callers pass junk: plain MAP_SHARED ignores it ... */
		*flags &= LEGACY_MAP_MASK;
		/* fall through */
	case MAP_SHARED_VALIDATE:
		/* ... MAP_SHARED_VALIDATE refuses what it does not support. */
		if (*flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		/* A read-only file can never be written through the map. */
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		/* fall through */
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

/* See mm/mmap.h. */
unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate)
{
	unsigned long vm_flags;
	int err;

	*populate = 0;
	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(mm, addr);

	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	/* '>' as Linux: mmap may take the count one past the limit. */
	if (mm->map_count > mm->max_map_count)
		return -ENOMEM;

	addr = get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   mm->def_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (file) {
		err = file_mmap_flags(file, &flags, prot, &vm_flags);
		if (err)
			return err;
	} else {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			/* Anonymous pgoff follows the address, so that
			 * neighbours can merge (mm/vma.h). */
			pgoff = addr >> PAGE_SHIFT;
			break;
		default:
			return -EINVAL;
		}
	}

	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;

	addr = mmap_region(mm, file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) &&
	    ((vm_flags & VM_LOCKED) ||
	     (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

/*
 * Would Linux charge this mapping to committed memory? Private writable
 * memory that is not MAP_NORESERVE: it gets VM_ACCOUNT, which takes part
 * in merging like any flag.
 */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/*
 * See mm/mmap.h. Linux's default overcommit policy (heuristic, mode 0):
 * no commitment is tracked, only a single request larger than all the
 * memory the page allocator manages is refused.
 */
int vm_enough_memory(unsigned long pages)
{
	/* Linux's totalram_pages(): what the buddy allocator manages. */
	return pages > mem_zone->managed_pages ? -ENOMEM : 0;
}

/* See mm/mmap.h. */
unsigned long mmap_region(struct mm_struct *mm, struct file *file,
			  unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	struct rb_node **rb_link, *rb_parent;
	int err;

	/* MAP_FIXED over old mappings: they go first. */
	while (find_vma_links(mm, addr, addr + len, &prev, &rb_link,
			      &rb_parent)) {
		if (do_munmap(mm, addr, len))
			return -ENOMEM;
	}

	if (accountable_mapping(vm_flags)) {
		if (vm_enough_memory(len >> PAGE_SHIFT))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}

	/*
	 * Can a neighbour simply grow over the range? (Linux 6.1's choice,
	 * which differs from vma_merge() when only the VMA above has
	 * anonymous pages: see vma_merge_new_range().)
	 */
	vma = vma_merge_new_range(mm, prev, addr, addr + len, vm_flags, file,
				  pgoff);
	if (vma)
		return addr;

	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;

	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
		if (err)
			goto free_vma;
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err)
			goto free_vma;
	}

	/* The file's mmap may not move the VMA: the links still hold. */
	vma_link(mm, vma, prev, rb_link, rb_parent);
	mm->mmap_cache = vma;	/* its first fault (or munmap) looks it up */
	return addr;

free_vma:
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
	return err;
}

/*
 * Take the VMAs from @vma up to (not including) the first one at or
 * above @end out of @mm, after zapping their pages; put their files and
 * free them. The caller has split so that they lie inside the range.
 */
static void remove_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long start, unsigned long end)
{
	struct vm_area_struct *next;

	unmap_vmas(mm, vma, start, end);
	while (vma && vma->vm_start < end) {
		next = vma->vm_next;
		vma_unlink(mm, vma);
		if (vma->vm_file)
			fput(vma->vm_file);
		unlink_anon_vmas(vma);
		vm_area_free(vma);
		vma = next;
	}
}

/* See mm/mmap.h. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *prev, *last;
	unsigned long end;
	int err;

	if (offset_in_page(start) || start > mm->task_size ||
	    len > mm->task_size - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;	/* nothing there: success */
	prev = vma->vm_prev;

	/*
	 * Cutting a piece out of the middle of one VMA leaves two: refuse
	 * that at the limit before changing anything.
	 */
	if (start > vma->vm_start) {
		if (end < vma->vm_end && mm->map_count >= mm->max_map_count)
			return -ENOMEM;
		err = __split_vma(mm, vma, start, 0);
		if (err)
			return err;
		prev = vma;
	}
	/*
	 * The VMA holding end, if any: walked to from the first one (Linux
	 * calls find_vma(end) again); the VMAs passed are the ones the
	 * removal below walks anyway.
	 */
	vma = prev ? prev->vm_next : mm->mmap;
	for (last = vma; last && last->vm_end <= end; last = last->vm_next)
		;
	if (last && end > last->vm_start) {
		err = __split_vma(mm, last, end, 1);
		if (err)
			return err;
	}

	vma = prev ? prev->vm_next : mm->mmap;
	remove_vmas(mm, vma, start, end);
	return 0;
}

/*
 * Give [@addr, @addr + @len) to anonymous heap memory with @flags: grow
 * @vma over it when @vma ends at @addr and is compatible, else a new VMA.
 * As Linux 6.1's do_brk_flags(), only @vma may grow, and the range never
 * joins the VMA above it (4.x called vma_merge(), which could do both).
 * Returns: 0 or -ENOMEM.
 */
static int do_brk_flags(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, unsigned long len,
			unsigned long flags)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	flags |= VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;
	if (mm->map_count > mm->max_map_count)
		return -ENOMEM;
	if (vm_enough_memory(len >> PAGE_SHIFT))
		return -ENOMEM;
	if (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent))
		return -ENOMEM;	/* the caller unmapped it: cannot happen */

	if (vma && vma->vm_end == addr &&
	    can_vma_merge_after(vma, flags, NULL, NULL, addr >> PAGE_SHIFT)) {
		if (vma_adjust(vma, vma->vm_start, addr + len, vma->vm_pgoff,
			       NULL))
			return -ENOMEM;
		return 0;
	}

	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_pgoff = addr >> PAGE_SHIFT;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/* See mm/mmap.h. */
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags)
{
	unsigned long request = len;
	struct vm_area_struct *prev;
	unsigned long where;
	int err;

	if (flags & ~VM_EXEC)
		return -EINVAL;
	len = PAGE_ALIGN(request);
	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	where = get_unmapped_area(mm, NULL, addr, len, 0, MAP_FIXED);
	if (IS_ERR_VALUE(where))
		return (int)where;
	err = do_munmap(mm, addr, len);
	if (err)
		return err;
	/* the VMA below, whatever it is: the ELF loader's bss may grow data */
	find_vma_prev(mm, addr, &prev);
	return do_brk_flags(mm, prev, addr, len, flags);
}

/* See mm/mmap.h. */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long newbrk, oldbrk, origbrk = mm->brk;
	struct vm_area_struct *next, *brkvma;

	if (brk < mm->start_brk)
		return origbrk;		/* brk(0) asks for the break */

	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}

	/*
	 * Shrinking: the whole pages above the new break go. As Linux 6.1
	 * (brk() looks for a VMA in [newbrk, oldbrk) first): when nothing
	 * is mapped there any more (the heap was unmapped under the break),
	 * the break stays where it was. Linux 4.x moved it all the same.
	 */
	if (brk <= mm->brk) {
		if (!find_vma_intersection(mm, newbrk, oldbrk))
			return origbrk;
		mm->brk = brk;
		if (do_munmap(mm, newbrk, oldbrk - newbrk)) {
			mm->brk = origbrk;
			return origbrk;
		}
		return brk;
	}

	/*
	 * Growing: the next mapping (with its guard gap, if a stack) must
	 * leave one free page above the new break.
	 */
	if (newbrk > mm->task_size)
		return origbrk;
	next = find_vma_prev(mm, oldbrk, &brkvma);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return origbrk;
	/*
	 * The heap is its own VMA: as in Linux 6.1 (brkvma = the VMA before
	 * oldbrk, looked for no lower than start_brk), only a VMA that
	 * reaches above start_brk is grown; the bss below it, which ends at
	 * start_brk, never is. Linux 4.x merged the two.
	 */
	if (brkvma && brkvma->vm_end <= mm->start_brk)
		brkvma = NULL;
	if (do_brk_flags(mm, brkvma, oldbrk, newbrk - oldbrk, 0))
		return origbrk;
	mm->brk = brk;
	return brk;
}
