/*
 * mm/vma_merge.c - changing the shape of VMAs: vma_adjust() moves the
 * bounds of a VMA and of its neighbours, vma_merge() grows a neighbour
 * over a range instead of making a new VMA, split_vma() cuts one in two.
 * mmap, brk, munmap and mprotect are built from these three.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/vma_internal.h"
#include "mm/vma.h"

/*
 * Unlink @vma, one that a merge made redundant in favour of @survivor,
 * drop its reference on its file (the survivor holds its own) and its
 * anon_vma links (the survivor has the same anon_vma, or @vma had none:
 * is_mergeable_anon_vma() saw to that), and free it.
 */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *survivor)
{
	BUG_ON(vma->anon_vma && vma->anon_vma != survivor->anon_vma);
	__vma_unlink(mm, vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	unlink_anon_vmas(vma);
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
	remove_vma(mm, vma, next);
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
		remove_vma(mm, covered, vma);
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
 * Before @importer grows over pages of @exporter: if it has no anon_vma
 * and @exporter has, it takes @exporter's, or the anonymous pages it
 * gets would belong to no anon_vma of its own. Linux calls this the
 * easily overlooked case: mprotect() moving a boundary, or a VMA with
 * no pages yet taking in a written one.
 * Returns: 0 or -ENOMEM.
 */
static int import_anon_vma(struct vm_area_struct *importer,
			   struct vm_area_struct *exporter)
{
	if (!exporter || !exporter->anon_vma || importer->anon_vma)
		return 0;
	importer->anon_vma = exporter->anon_vma;
	return anon_vma_clone(importer, exporter);
}

/*
 * The first VMA after @vma that [@start, @end) covers, in whole or in
 * part, with an anon_vma (cases 1, 5, 6, 7: in case 6 Linux looks at
 * NNNN first and at XXXX when NNNN has none, which is the same).
 */
static struct vm_area_struct *covered_anon(struct vm_area_struct *vma,
					   unsigned long end)
{
	struct vm_area_struct *next;

	for (next = vma->vm_next; next && end > next->vm_start;
	     next = next->vm_next)
		if (next->anon_vma)
			return next;
	return NULL;
}

/*
 * __vma_adjust - vma_adjust() (see mm/vma.h), plus @expand for
 * vma_merge(): the VMA that grows. When @expand is the VMA after @vma,
 * that VMA grows down: over @vma's tail (case 4, @end below @vma's end)
 * or over all of @vma, which is removed (case 8, @end the end of @expand).
 * Otherwise @vma is the one that changes, as vma_adjust() describes.
 * Returns: 0, or -ENOMEM with nothing changed.
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

	/* The anon_vma first: the one step that can fail. */
	if (!insert && expand && expand == next) {
		if (import_anon_vma(next, vma))
			return -ENOMEM;
	} else if (!insert) {
		if (import_anon_vma(vma, covered_anon(vma, end)))
			return -ENOMEM;
	}

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
 * is_mergeable_anon_vma - may pages of @anon_vma1 (the range's) and of
 * @anon_vma2 (those of @vma, the neighbour; or, with @vma NULL, of the
 * other neighbour) end up in one VMA? Yes if they are the same. Yes if
 * one is missing, but only when @vma (if given) has no inherited
 * anon_vmas: Linux 6.1 keeps a forked VMA apart so that the parent's
 * chain does not spread. Note what that test does with a neighbour that
 * has no anon_vma at all: its chain is empty, not single, so a range
 * with pages (mprotect) may not join it; only a range without pages
 * (mmap, brk, an untouched VMA) may.
 */
static bool is_mergeable_anon_vma(const struct anon_vma *anon_vma1,
				  const struct anon_vma *anon_vma2,
				  const struct vm_area_struct *vma)
{
	if ((!anon_vma1 || !anon_vma2) &&
	    (!vma || anon_vma_chain_is_single(vma)))
		return true;
	return anon_vma1 == anon_vma2;
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

/* See mm/vma.h. */
bool can_vma_merge_before(const struct vm_area_struct *vma,
			  unsigned long vm_flags, const struct anon_vma *anon_vma,
			  const struct file *file, unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, vm_flags, file) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) &&
	       vma->vm_pgoff == vm_pgoff;
}

/* See mm/vma.h. */
bool can_vma_merge_after(const struct vm_area_struct *vma,
			 unsigned long vm_flags, const struct anon_vma *anon_vma,
			 const struct file *file, unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, vm_flags, file) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) &&
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
 *
 * Each neighbour is asked with the range's @anon_vma. Cases 1 and 6 also
 * need PPPP's and NNNN's (XXXX's) anon_vmas to be one: when they are
 * two, PPPP alone takes the range (2, 7). In case 6 with no anon_vma in
 * PPPP, PPPP takes XXXX's (__vma_adjust).
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 unsigned long pgoff)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next, *merged = NULL;
	int err = 0;

	next = prev ? prev->vm_next : mm->mmap;
	area = next;
	if (area && area->vm_end == end)	/* cases 6, 7, 8 */
		next = next->vm_next;

	BUG_ON(addr >= end);
	BUG_ON(prev && addr <= prev->vm_start);
	BUG_ON(area && end > area->vm_end);

	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff)) {
		/* PPPP can grow over the range; can NNNN (XXXX) join in? */
		if (next && end == next->vm_start &&
		    can_vma_merge_before(next, vm_flags, anon_vma, file,
					 pgoff + pglen) &&
		    is_mergeable_anon_vma(prev->anon_vma, next->anon_vma,
					  NULL))
			err = __vma_adjust(prev, prev->vm_start, next->vm_end,
					   prev->vm_pgoff, NULL, prev); /* 1, 6 */
		else
			err = __vma_adjust(prev, prev->vm_start, end,
					   prev->vm_pgoff, NULL, prev); /* 2, 5, 7 */
		merged = prev;
	} else if (next && end == next->vm_start &&
		   can_vma_merge_before(next, vm_flags, anon_vma, file,
					pgoff + pglen)) {
		if (prev && addr < prev->vm_end) {		/* case 4 */
			err = __vma_adjust(prev, prev->vm_start, addr,
					   prev->vm_pgoff, NULL, next);
		} else {					/* 3, 8 */
			/* in case 3, area is next and grows down itself */
			err = __vma_adjust(area, addr, next->vm_end,
					   next->vm_pgoff - pglen, NULL, next);
		}
		merged = next;
	}

	VM_CHECK(mm);
	return err ? NULL : merged;
}

/* See mm/vma.h. */
struct vm_area_struct *vma_merge_new_range(struct mm_struct *mm,
					   struct vm_area_struct *prev,
					   unsigned long addr, unsigned long end,
					   unsigned long vm_flags,
					   struct file *file, unsigned long pgoff)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	struct vm_area_struct *vma = NULL;
	unsigned long start = addr, stop = end, vm_pgoff = pgoff;

	BUG_ON(prev && prev->vm_end > addr);
	BUG_ON(next && next->vm_start < end);

	/* NNNN first: the range has no pages, so no anon_vma of its own. */
	if (next && next->vm_start == end &&
	    can_vma_merge_before(next, vm_flags, NULL, file, pgoff + pglen)) {
		vma = next;
		stop = next->vm_end;
		vm_pgoff = next->vm_pgoff - pglen;
	}
	/* PPPP with the anon_vma it would get if it absorbed NNNN too. */
	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, vma ? vma->anon_vma : NULL,
				file, pgoff)) {
		vma = prev;
		start = prev->vm_start;
		vm_pgoff = prev->vm_pgoff;
	}
	if (!vma || vma_adjust(vma, start, stop, vm_pgoff, NULL))
		return NULL;
	return vma;
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
	/* Both parts may hold the anonymous pages of @vma's anon_vmas. */
	if (anon_vma_clone(new, vma)) {
		vm_area_free(new);
		return -ENOMEM;
	}
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
