/*
 * mm/madvise.c - what a task may tell the kernel about its memory, and
 * ask of it: madvise(2), mincore(2), msync(2), with Linux 6.1's checks in
 * Linux's order (mm/madvise.c, mm/mincore.c, mm/msync.c there).
 *
 * madvise walks the VMAs of the range as Linux's madvise_walk_vmas does:
 *
 *	range:        [start ...................................... end)
 *	VMAs:      AAAAAAAAAA        BBBBBBBBB    CCCCCCCCCCCCCCCCCCCCCC
 *	visited:      AAAAAAA        BBBBBBBBB    CCCCCCCCCCCCCCCCCCCC
 *	                     ^ hole: remembered, -ENOMEM at the end
 *
 * Each part is advised on its own; a hole does not stop the walk, it only
 * makes the answer -ENOMEM once the mapped parts are done. Advice that is
 * a VMA flag (RANDOM, SEQUENTIAL, DONTFORK, ...) splits the VMA where the
 * range starts or ends inside it and merges it with a neighbour that has
 * the same flags, as mprotect does (one of vma_merge's eight cases).
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/debug.h"
#include "mm/filemap.h"
#include "mm/memory.h"
#include "mm/memory_internal.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/mmu.h"
#include "mm/page_alloc.h"
#include "mm/rmap.h"
#include "mm/shmem.h"
#include "mm/vma.h"

/*
 * Is @behavior one Linux 6.1 (Debian armmp) accepts? Asked of Linux
 * itself: these, with KSM built in; no transparent huge pages on ARM
 * without LPAE (HUGEPAGE, NOHUGEPAGE, COLLAPSE), no memory-failure
 * injection (HWPOISON, SOFT_OFFLINE): EINVAL for those, as for 5..7.
 */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_REMOVE: case MADV_DONTFORK: case MADV_DOFORK:
	case MADV_MERGEABLE: case MADV_UNMERGEABLE:
	case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
	case MADV_DONTNEED_LOCKED:
		return true;
	default:
		return false;
	}
}

/*
 * Give [@start, @end) of @vma the flags @new_flags: merge it into a
 * neighbour or split it off (Linux's madvise_update_vma). *@prev as in
 * mprotect_fixup: the VMA that ends the part done, on return.
 * Returns: 0 or -ENOMEM (map count, or no memory).
 */
static int madvise_update_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      struct vm_area_struct **prev, unsigned long start,
			      unsigned long end, unsigned long new_flags)
{
	unsigned long pgoff;
	struct vm_area_struct *merged;
	int err;

	if (new_flags == vma->vm_flags) {
		*prev = vma;
		return 0;
	}
	pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	merged = vma_merge(mm, *prev, start, end, new_flags, vma->anon_vma,
			   vma->vm_file, pgoff);
	if (merged) {
		vma = merged;
		goto success;
	}
	*prev = vma;
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
	*prev = vma;
	vma->vm_flags = new_flags;	/* none of them changes the PTE bits */
	return 0;
}

/*
 * MADV_DONTNEED (and _LOCKED, and MADV_FREE): drop the pages. Private
 * anonymous memory then reads as the zero page again, a file mapping
 * finds its page-cache page again. A VM_LOCKED VMA refuses plain
 * DONTNEED and FREE (its pages must stay), VM_PFNMAP every kind.
 *
 * MADV_FREE, only for anonymous memory, is done at once: Linux lets the
 * pages go lazily, under memory pressure, and until then a read may see
 * the old data; freeing them now is one of the outcomes Linux allows.
 */
static int madvise_dontneed_free(struct vm_area_struct *vma,
				 struct vm_area_struct **prev,
				 unsigned long start, unsigned long end,
				 int behavior)
{
	unsigned long forbidden = VM_PFNMAP | VM_HUGETLB;

	*prev = vma;
	if (behavior != MADV_DONTNEED_LOCKED)
		forbidden |= VM_LOCKED;
	if (vma->vm_flags & forbidden)
		return -EINVAL;
	if (behavior == MADV_FREE && vma->vm_file)
		return -EINVAL;	/* shmem too: not vma_is_anonymous() */
	zap_page_range(vma, start, end - start);
	return 0;
}

/*
 * MADV_WILLNEED, as Linux 6.1 (with CONFIG_SWAP) does it: anonymous and
 * shmem memory would be read back from swap; there is no swap, so
 * nothing happens and the answer is 0 (the issue said "populate"; Linux
 * does not, and neither do we: the range stays unmapped). For a file,
 * the pages are read into the page cache (readahead), not mapped: a
 * later fault finds them there, and mincore reports them resident.
 */
static int madvise_willneed(struct vm_area_struct *vma,
			    struct vm_area_struct **prev,
			    unsigned long start, unsigned long end)
{
	struct file *file = vma->vm_file;
	unsigned long index, last, eof;

	*prev = vma;
	if (!file || shmem_file(file))
		return 0;
	index = linear_page_index(vma, start);
	last = linear_page_index(vma, end);
	eof = PAGE_ALIGN(file_inode(file)->i_size) >> PAGE_SHIFT;
	for (; index < last && index < eof; index++) {
		struct page *page = find_or_create_page(file->f_mapping, index);

		if (!page)
			return 0;	/* readahead is only advice */
		put_page(page);
	}
	return 0;
}

/*
 * MADV_REMOVE: free the backing store of a shared writable mapping (a
 * hole punched in the object). Only shmem objects can have holes here;
 * the ramfs, like Linux's, has no hole punching (EOPNOTSUPP). The
 * range's PTEs go first; a page another process still maps stays in
 * the object (topdown has no reverse map to unmap it there).
 */
static int madvise_remove(struct vm_area_struct *vma,
			  struct vm_area_struct **prev,
			  unsigned long start, unsigned long end)
{
	struct file *file = vma->vm_file;
	struct address_space *mapping;
	unsigned long index, last;

	*prev = NULL;	/* as Linux: the walk looks the next VMA up again */
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	if (!file)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EACCES;
	if (!shmem_file(file))
		return -EOPNOTSUPP;
	zap_page_range(vma, start, end - start);
	mapping = file->f_mapping;
	last = linear_page_index(vma, end);
	for (index = linear_page_index(vma, start);
	     index < last && index < mapping->nr_slots; index++) {
		struct page *page = mapping->pages[index];

		if (!page || page_mapcount(page))
			continue;
		mapping->pages[index] = NULL;
		mapping->nrpages--;
		page->mapping = NULL;
		put_page(page);
	}
	return 0;
}

/*
 * MADV_POPULATE_READ/WRITE: fault the range in now, as a read or a write
 * would (a write breaks copy-on-write). A VMA that does not allow the
 * access is EINVAL (Linux reports its GUP's EFAULT so); a fault that
 * fails is EFAULT (SIGBUS past a file's end) or ENOMEM.
 */
static int madvise_populate(struct vm_area_struct *vma,
			    struct vm_area_struct **prev,
			    unsigned long start, unsigned long end,
			    int behavior)
{
	bool write = behavior == MADV_POPULATE_WRITE;
	unsigned int flags = write ? FAULT_FLAG_WRITE : 0;

	*prev = vma;
	if (vma->vm_flags & (VM_IO | VM_PFNMAP))
		return -EINVAL;
	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;
	for (; start < end; start += PAGE_SIZE) {
		pgprot_t prot;
		int ret;

		/* mapped well enough already: GUP would not fault either */
		if (pte_lookup(vma->vm_mm, start, &prot) &&
		    (!write || pgprot_writable(prot)))
			continue;
		ret = handle_mm_fault(vma->vm_mm, vma, start, flags);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret)
			return -EFAULT;
	}
	return 0;
}

/*
 * Apply @behavior to [@start, @end), which lies inside @vma (Linux's
 * madvise_vma_behavior). Returns: 0 or a negative errno; a split or
 * merge that runs out (ENOMEM) is EAGAIN, as Linux says it.
 */
static int madvise_vma_behavior(struct mm_struct *mm,
				struct vm_area_struct *vma,
				struct vm_area_struct **prev,
				unsigned long start, unsigned long end,
				int behavior)
{
	unsigned long new_flags = vma->vm_flags;
	int err;

	switch (behavior) {
	case MADV_REMOVE:
		return madvise_remove(vma, prev, start, end);
	case MADV_WILLNEED:
		return madvise_willneed(vma, prev, start, end);
	case MADV_COLD:
	case MADV_PAGEOUT:
		/* no LRU lists and no swap: nothing to deactivate or write */
		*prev = vma;
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP | VM_HUGETLB))
			return -EINVAL;
		return 0;
	case MADV_FREE:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		return madvise_dontneed_free(vma, prev, start, end, behavior);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, prev, start, end, behavior);
	case MADV_NORMAL:
		new_flags &= ~(VM_RAND_READ | VM_SEQ_READ);
		break;
	case MADV_SEQUENTIAL:
		new_flags = (new_flags & ~VM_RAND_READ) | VM_SEQ_READ;
		break;
	case MADV_RANDOM:
		new_flags = (new_flags & ~VM_SEQ_READ) | VM_RAND_READ;
		break;
	case MADV_DONTFORK:
		new_flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		if (vma->vm_flags & VM_IO)
			return -EINVAL;
		new_flags &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		/* only private anonymous memory can be wiped */
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		new_flags |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		new_flags &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		new_flags |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:
		if (new_flags & VM_SPECIAL)
			return -EINVAL;
		new_flags &= ~VM_DONTDUMP;
		break;
	case MADV_MERGEABLE:
		/* KSM's rule: it never merges shared or special memory */
		if (!(new_flags & (VM_MERGEABLE | VM_SHARED | VM_MAYSHARE |
				   VM_SPECIAL | VM_HUGETLB)))
			new_flags |= VM_MERGEABLE;
		break;
	case MADV_UNMERGEABLE:
		new_flags &= ~VM_MERGEABLE;	/* nothing was ever merged */
		break;
	}
	err = madvise_update_vma(mm, vma, prev, start, end, new_flags);
	return err == -ENOMEM ? -EAGAIN : err;
}

/* See mm/mmap.h. */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len_in,
	       int behavior)
{
	struct vm_area_struct *vma, *prev;
	unsigned long end, len, tmp;
	int unmapped_error = 0;
	int err;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;	/* rounding up wrapped to 0 */
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;
	for (;;) {
		/* Here vma is the first VMA ending above start, or NULL. */
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;	/* a hole: go on */
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma_behavior(mm, vma, &prev, start, tmp, behavior);
		if (err)
			return err;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		if (start >= end)
			break;
		vma = prev ? prev->vm_next : find_vma(mm, start);
	}
	return unmapped_error;
}

/*
 * Is the page of @vma at @addr resident? Any present PTE is (the zero
 * page too); without one, a file's (or shmem object's) page is if it is
 * in the page cache; anonymous memory is not.
 */
static unsigned char mincore_page(struct vm_area_struct *vma,
				  unsigned long addr)
{
	struct page *page;

	if (pte_lookup(vma->vm_mm, addr, NULL))
		return 1;
	if (!vma->vm_file)
		return 0;
	page = find_get_page(vma->vm_file->f_mapping,
			     linear_page_index(vma, addr));
	if (!page)
		return 0;
	put_page(page);
	return 1;
}

/* See mm/mmap.h. */
long do_mincore(struct mm_struct *mm, unsigned long addr, unsigned long pages,
		unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long end, n;

	if (!vma || addr < vma->vm_start)
		return -ENOMEM;
	end = addr + (min(pages, (vma->vm_end - addr) >> PAGE_SHIFT)
		      << PAGE_SHIFT);
	for (n = 0; addr < end; addr += PAGE_SIZE)
		vec[n++] = mincore_page(vma, addr);
	return n;
}

/*
 * See mm/mmap.h. Nothing is ever written back: a shared file page IS the
 * page cache here (one physical page per file page, mm/filemap.h), and
 * the ramfs keeps no other copy, so every write through a MAP_SHARED
 * mapping is already where read() and other mappings see it. What
 * remains are Linux's checks and answers.
 */
int do_msync(struct mm_struct *mm, unsigned long start, unsigned long len,
	     int flags)
{
	struct vm_area_struct *vma;
	unsigned long end;
	int unmapped_error = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;

	for (vma = find_vma(mm, start);; vma = vma->vm_next) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			/* MS_ASYNC alone stops at the first hole */
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		/* MS_SYNC of a shared file mapping: fsync, which has nothing
		 * to do (see above) */
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
	}
}
