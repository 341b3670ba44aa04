/*
 * mm/vma_merge.c - changing the shape of VMAs: vma_adjust() moves the
 * bounds of a VMA and of its neighbours, vma_merge() grows a neighbour
 * over a range instead of making a new VMA, split_vma() cuts one in two.
 * mmap, brk, munmap and mprotect are built from these three.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/debug.h"
#include "mm/vma_internal.h"
#include "mm/vma.h"

/*
 * Unlink @vma, one that a merge made redundant, drop its reference on its
 * file (the VMA that absorbed it holds its own) and free it.
 */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	__vma_unlink(mm, vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

/* Give @vma the range [@start, @end) and @pgoff; gaps are the caller's. */
static void vma_set_range(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, unsigned long pgoff)
{
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
}

/*
 * The VMA after @vma grows down over @vma's tail: [@end, vm_end of @vma).
 * @vma keeps [@start, @end). (vma_merge()'s case 4.)
 */
static void give_tail_to_next(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, unsigned long pgoff)
{
	struct vm_area_struct *next = vma->vm_next;

	BUG_ON(end >= vma->vm_end || next->vm_start != vma->vm_end);
	next->vm_pgoff -= (next->vm_start - end) >> PAGE_SHIFT;
	next->vm_start = end;
	vma_set_range(vma, start, end, pgoff);
	vma_gap_update(vma);
	vma_gap_update(next);
}

/*
 * @vma disappears into the VMA after it, which grows down to @start with
 * vm_pgoff @pgoff. (vma_merge()'s case 8.)
 */
static void merge_into_next(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long start, unsigned long pgoff)
{
	struct vm_area_struct *next = vma->vm_next;

	BUG_ON(vma->vm_file != next->vm_file);
	remove_vma(mm, vma);
	next->vm_start = start;
	next->vm_pgoff = pgoff;
	vma_gap_update(next);
}

/*
 * @vma takes [@start, @end) and @pgoff: it may grow, shrink, or move its
 * start; space it gives up becomes free. The VMAs after it that the new
 * range covers entirely are removed (vma_merge()'s cases 1, 6 and 7; Linux
 * removes the second one of case 6 in a second pass), and one it covers
 * in part loses that part from below (case 5).
 */
static void vma_take_range(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long start, unsigned long end,
			   unsigned long pgoff)
{
	struct vm_area_struct *next = vma->vm_next;

	while (next && end >= next->vm_end) {
		struct vm_area_struct *covered = next;

		next = next->vm_next;
		remove_vma(mm, covered);
	}
	if (next && end > next->vm_start) {
		next->vm_pgoff += (end - next->vm_start) >> PAGE_SHIFT;
		next->vm_start = end;
	}

	vma_set_range(vma, start, end, pgoff);
	vma_gap_update(vma);
	if (next)
		vma_gap_update(next);
	else
		mm->highest_vm_end = end;
}

/*
 * __vma_adjust - vma_adjust() (see mm/vma.h), plus @expand for
 * vma_merge(): the VMA that grows. When @expand is the VMA after @vma,
 * that VMA grows down: over @vma's tail (case 4, @end below @vma's end)
 * or over all of @vma, which is removed (case 8, @end the end of @expand).
 * Otherwise @vma is the one that changes, as vma_adjust() describes.
 * Returns: 0.
 */
static int __vma_adjust(struct vm_area_struct *vma, unsigned long start,
			unsigned long end, unsigned long pgoff,
			struct vm_area_struct *insert,
			struct vm_area_struct *expand)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *next = vma->vm_next;

	BUG_ON(start >= end || !IS_ALIGNED(start | end, PAGE_SIZE));
	BUG_ON(start < vma_prev_end(vma));

	if (insert) {
		/* split_vma(): @vma keeps one part, @insert gets the other */
		vma_set_range(vma, start, end, pgoff);
		__insert_vm_struct(mm, insert);
	} else if (expand && expand == next) {
		if (end == next->vm_end)
			merge_into_next(mm, vma, start, pgoff);
		else
			give_tail_to_next(vma, start, end, pgoff);
	} else {
		vma_take_range(mm, vma, start, end, pgoff);
	}
	return 0;
}

/* See mm/vma.h. */
int vma_adjust(struct vm_area_struct *vma, unsigned long start,
	       unsigned long end, unsigned long pgoff,
	       struct vm_area_struct *insert)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;

	err = __vma_adjust(vma, start, end, pgoff, insert, NULL);
	VM_CHECK(mm);
	return err;
}

/*
 * is_mergeable_vma - may a range with @vm_flags and @file share a VMA
 * with @vma? Only if every flag is equal and the backing object is the
 * same. (Linux also ignores VM_SOFTDIRTY here, and refuses VMAs with a
 * close() operation or a userfaultfd context: we have neither.)
 */
static bool is_mergeable_vma(const struct vm_area_struct *vma,
			     unsigned long vm_flags, const struct file *file)
{
	return vma->vm_flags == vm_flags && vma->vm_file == file;
}

/*
 * can_vma_merge_before - may a range ending where @vma starts, with
 * @vm_flags, @file and page offset @vm_pgoff for its own end (where
 * @vma's data would continue), become the start of @vma?
 */
static bool can_vma_merge_before(const struct vm_area_struct *vma,
				 unsigned long vm_flags,
				 const struct file *file,
				 unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, vm_flags, file) &&
	       vma->vm_pgoff == vm_pgoff;
}

/* See mm/vma.h. */
bool can_vma_merge_after(const struct vm_area_struct *vma,
			 unsigned long vm_flags, const struct file *file,
			 unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, vm_flags, file) &&
	       vma->vm_pgoff + vma_pages(vma) == vm_pgoff;
}

/*
 * vma_merge - see mm/vma.h. The range AAAA, the VMA before it PPPP, the
 * VMA after it NNNN, the one after that XXXX:
 *
 *	 AAAA             AAAA                   AAAA
 *	PPPPPPNNNNNN    PPPPPPNNNNNN       PPPPPPNNNNNN
 *	cannot merge    might become       might become
 *	                PPNNNNNNNNNN       PPPPPPPPPPNN
 *	                case 4 below       case 5 below
 *
 *	                    AAAA               AAAA
 *	                PPPP    NNNN       PPPPNNNNXXXX
 *	                might become       might become
 *	                PPPPPPPPPPPP 1 or  PPPPPPPPPPPP 6 or
 *	                PPPPPPPPNNNN 2 or  PPPPPPPPXXXX 7 or
 *	                PPPPNNNNNNNN 3     PPPPXXXXXXXX 8
 *
 * A free range (mmap, brk) is cases 1, 2, 3. A range that is already a
 * VMA's (mprotect changing its flags) is cases 4 to 8: in 4 and 5 the
 * range is part of NNNN or PPPP and the boundary between them moves; in
 * 6, 7 and 8 the range is all of NNNN, which disappears. In the
 * picture's names, "prev" is PPPP, "area" the VMA at the range (NNNN in
 * cases 6 to 8) and "next" the VMA after the range (NNNN or XXXX).
 * Linux refuses VM_SPECIAL (I/O) mappings here: we have none yet.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, struct file *file,
				 unsigned long pgoff)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next, *merged = NULL;

	next = prev ? prev->vm_next : mm->mmap;
	area = next;
	if (area && area->vm_end == end)	/* cases 6, 7, 8 */
		next = next->vm_next;

	BUG_ON(addr >= end);
	BUG_ON(prev && addr <= prev->vm_start);
	BUG_ON(area && end > area->vm_end);

	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, file, pgoff)) {
		/* PPPP can grow over the range; can NNNN (XXXX) join in? */
		if (next && end == next->vm_start &&
		    can_vma_merge_before(next, vm_flags, file, pgoff + pglen))
			__vma_adjust(prev, prev->vm_start, next->vm_end,
				     prev->vm_pgoff, NULL, prev); /* 1, 6 */
		else
			__vma_adjust(prev, prev->vm_start, end,
				     prev->vm_pgoff, NULL, prev); /* 2, 5, 7 */
		merged = prev;
	} else if (next && end == next->vm_start &&
		   can_vma_merge_before(next, vm_flags, file, pgoff + pglen)) {
		if (prev && addr < prev->vm_end) {		/* case 4 */
			__vma_adjust(prev, prev->vm_start, addr,
				     prev->vm_pgoff, NULL, next);
		} else {					/* 3, 8 */
			/* in case 3, area is next and grows down itself */
			__vma_adjust(area, addr, next->vm_end,
				     next->vm_pgoff - pglen, NULL, next);
		}
		merged = next;
	}

	VM_CHECK(mm);
	return merged;
}

/* See mm/vma.h. */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below)
{
	struct vm_area_struct *new;
	unsigned long delta = (addr - vma->vm_start) >> PAGE_SHIFT;

	BUG_ON(addr <= vma->vm_start || addr >= vma->vm_end ||
	       !IS_ALIGNED(addr, PAGE_SIZE));

	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	/* Two VMAs map the file now: each holds a reference. */
	if (new->vm_file)
		get_file(new->vm_file);

	if (new_below) {
		new->vm_end = addr;
		vma_adjust(vma, addr, vma->vm_end, vma->vm_pgoff + delta, new);
	} else {
		new->vm_start = addr;
		new->vm_pgoff += delta;
		vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff, new);
	}
	return 0;
}

/* See mm/vma.h. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	if (mm->map_count >= mm->max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}
