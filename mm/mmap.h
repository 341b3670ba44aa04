/*
 * mm/mmap.h - the system calls that change an address space, as the mm
 * code implements them, and the placement policy they use. Portable.
 *
 * The call graph of one mmap (seed 002), with where each step lives:
 *
 *   sys_mmap2                      kernel/sys_mm.c  fd -> file, populate
 *     do_mmap                      mm/mmap.c        checks, vm_flags
 *       get_unmapped_area          mm/mmap.c        len/addr limits
 *         mm->get_unmapped_area    mm/arch_mmap.c   ARM's policy: hint,
 *                                                   MAP_FIXED, colour
 *           vm_unmapped_area       mm/unmapped_area.c  the gap search
 *       mmap_region                mm/mmap.c        unmap old, merge or
 *                                                   new VMA, link
 *     mm_populate                  mm/memory.c      MAP_POPULATE
 *
 * As everywhere in mm/, the mm is an argument where Linux reads
 * current->mm. Addresses come back as unsigned long; an error is a
 * negative errno in the same value (IS_ERR_VALUE()).
 */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include "kernel/kernel.h"
#include "mm/memlayout.h"
#include "mm/mm_types.h"

struct file;

/* ---------------------------------------------------------------------
 * mmap and placement (mm/mmap.c)
 */

/*
 * do_mmap - map [@addr, @addr + @len) (or wherever placement puts it) of
 * @file at page @pgoff, or anonymous memory when @file is NULL, with
 * @prot (PROT_*) and @flags (MAP_*), checked as Linux's do_mmap does.
 * The caller has looked up the file (EBADF) and refused MAP_HUGETLB.
 * *@populate is set to the length the caller should fault in now
 * (MAP_POPULATE, MAP_LOCKED), else 0.
 * Returns: the address, or a negative errno.
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate);

/*
 * get_unmapped_area - where a mapping of @len bytes goes: ARM's check of
 * MAP_FIXED below FIRST_USER_ADDRESS (EINVAL), len > task_size (ENOMEM),
 * then @mm's policy (mm->get_unmapped_area), whose answer must lie below
 * task_size (ENOMEM) and be page aligned (EINVAL).
 * Returns: the address, or a negative errno.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);

/*
 * mmap_region - make [@addr, @addr + @len) one mapping with @vm_flags of
 * @file at @pgoff (anonymous if NULL; VM_SHARED without a file gets a
 * new shmem object): unmap whatever was there, then extend a neighbour
 * (vma_merge) or link a new VMA.
 * Returns: @addr, or a negative errno (-ENOMEM, or the file's mmap
 * error); on error the old mappings in the range may be gone, as Linux.
 */
unsigned long mmap_region(struct mm_struct *mm, struct file *file,
			  unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);

/*
 * do_munmap - unmap [@start, @start + @len): split the VMAs at both ends,
 * free the pages and page tables behind the range, remove the VMAs.
 * Returns: 0 (also when nothing was mapped), -EINVAL (unaligned start,
 * zero length, beyond task_size), -ENOMEM (a split would exceed
 * max_map_count, or no memory for it).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * vm_brk_flags - map [@addr, @addr + @len) as heap-like anonymous memory
 * (the ELF loader's bss), @flags being 0 or VM_EXEC; what was there is
 * unmapped first. Merges with the VMA below when it can.
 * Returns: 0, -EINVAL (other flags), -ENOMEM.
 */
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags);

/*
 * do_brk - brk(2) on @mm, by Linux's rules: below start_brk (and brk(0))
 * changes nothing; within the same page just records @brk; shrinking
 * unmaps the whole pages above; growing needs one free page between the
 * new break and the next mapping (its stack guard gap included).
 * Returns: the break after the call (the old one on failure).
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

/*
 * vm_enough_memory - may @pages more pages of private writable memory be
 * promised? Linux's default overcommit heuristic: yes, unless they are
 * more than all the RAM the page allocator manages.
 * Returns: 0 or -ENOMEM.
 */
int vm_enough_memory(unsigned long pages);

/*
 * vm_start_gap - the lowest address @vma claims: vm_start, less the
 * stack guard gap for a VM_GROWSDOWN stack (never below 0).
 */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN)
		start = start > STACK_GUARD_GAP ? start - STACK_GUARD_GAP : 0;
	return start;
}

/* ---------------------------------------------------------------------
 * mprotect (mm/mprotect.c)
 */

/*
 * do_mprotect - mprotect(2): give [@start, @start + @len) the access
 * @prot (PROT_* and PROT_GROWSDOWN/UP), splitting and merging VMAs,
 * rewriting the present PTEs. @read_implies_exec: the task's personality
 * has READ_IMPLIES_EXEC.
 * Returns: 0, -EINVAL (unaligned start, unknown prot bits, a grows bit
 * the VMA does not allow), -ENOMEM (a hole in the range, or the map
 * count), -EACCES (beyond the VMA's VM_MAY* rights).
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot, bool read_implies_exec);

/* ---------------------------------------------------------------------
 * mremap (mm/mremap.c)
 */

/*
 * do_mremap - mremap(2): make [@addr, @addr + @old_len) @new_len long,
 * shrinking or growing it in place, or moving it with its pages when
 * @flags has MREMAP_MAYMOVE and it cannot grow (MREMAP_FIXED: to
 * @new_addr; MREMAP_DONTUNMAP: the old VMA stays, empty). *@populate is
 * set to the length at the end of the result that the caller should
 * fault in (a VM_LOCKED mapping that grew), else 0.
 * Returns: the address of the mapping now, or -EINVAL (flags, alignment,
 * lengths, overlapping ranges), -EFAULT (@addr not mapped, or the old
 * range not inside one VMA when it must grow or move), -ENOMEM (may not
 * move, no room, or the map count).
 */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr,
			unsigned long *populate);

/* ---------------------------------------------------------------------
 * madvise, mincore, msync (mm/madvise.c)
 */

/*
 * do_madvise - madvise(2): apply @behavior (MADV_*) to every VMA part of
 * [@start, @start + @len_in), splitting and merging for the advice that
 * is a VMA flag, dropping pages for MADV_DONTNEED, faulting them in for
 * MADV_POPULATE_*.
 * Returns: 0; -EINVAL (unknown advice, then unaligned start, then a
 * length that wraps; or the advice does not suit a VMA: DONTNEED of
 * VM_LOCKED, FREE of a file, WIPEONFORK of a shared one ...); -ENOMEM
 * when part of the range is not mapped (the mapped parts are advised
 * all the same); -EAGAIN (a split at the map count); -EACCES,
 * -EOPNOTSUPP (MADV_REMOVE), -EFAULT (MADV_POPULATE_* past a file's end).
 */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len_in,
	       int behavior);

/*
 * do_mincore - one step of mincore(2): for the VMA containing @addr (page
 * aligned), one byte per page from @addr into @vec, at most @pages and
 * not past the VMA's end: 1 when resident (a present PTE, the zero page
 * included; for a file or shmem mapping also a page in the page cache
 * that is not mapped), else 0.
 * Returns: the number of bytes written (> 0), or -ENOMEM when no VMA
 * contains @addr.
 */
long do_mincore(struct mm_struct *mm, unsigned long addr, unsigned long pages,
		unsigned char *vec);

/*
 * do_msync - msync(2) of [@start, @start + @len) with @flags (MS_*):
 * Linux's checks; there is nothing to write back (see mm/madvise.c).
 * Returns: 0; -EINVAL (unknown flags, unaligned start, MS_ASYNC with
 * MS_SYNC); -ENOMEM (the length wraps, or a hole in the range: at once
 * for MS_ASYNC alone, else after the rest); -EBUSY (MS_INVALIDATE of a
 * VM_LOCKED VMA).
 */
int do_msync(struct mm_struct *mm, unsigned long start, unsigned long len,
	     int flags);

/* ---------------------------------------------------------------------
 * ARM's placement policy (mm/arch_mmap.c)
 */

/*
 * arch_pick_mmap_layout - set @mm's placement: top-down below mmap_base
 * = task_size - clamp(stack rlimit, 128 MiB, 5/6 task_size), or with
 * @legacy the bottom-up layout from TASK_UNMAPPED_BASE. When exec chose
 * ASLR for @mm (mm->randomize), the gap also holds the stack's random
 * offset and the base moves by mm->mmap_rnd (down, or up for legacy).
 */
void arch_pick_mmap_layout(struct mm_struct *mm, bool legacy);

/* The two policies (mm->get_unmapped_area); see mm/arch_mmap.c. */
unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm,
					     struct file *file,
					     unsigned long addr,
					     unsigned long len,
					     unsigned long pgoff,
					     unsigned long flags);
unsigned long arch_get_unmapped_area(struct mm_struct *mm, struct file *file,
				     unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags);

#endif /* MM_MMAP_H */
