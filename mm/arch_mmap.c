/*
 * mm/arch_mmap.c - ARM's placement policy: where a new mapping goes when
 * the caller did not fix the address (arch/arm/mm/mmap.c in Linux; seed
 * 001). Portable: the only thing it asks the hardware layer is whether
 * the data cache aliases.
 *
 * Two layouts, chosen per task at exec (arch_pick_mmap_layout):
 *
 *   top-down (default)                  legacy (ADDR_COMPAT_LAYOUT)
 *   TASK_SIZE  +-------------+          TASK_SIZE  +-------------+
 *              | stack       |                     | stack       |
 *              | stack gap   |                     |     ^       |
 *   mmap_base  +-------------+                     | mappings    |
 *              | mappings    |  first              | grow up     |
 *              | grow down   |  here    TASK_UNMAPPED_BASE ------+
 *              |     v       |                     | heap, image |
 *              | heap, image |                     |             |
 *
 * Colour: a VIPT data cache whose way is larger than a page (an
 * "aliasing" cache) would hold two copies of one physical line if two
 * virtual addresses of it differ in the index bits above the page. So
 * shared mappings, and file mappings, which may be shared later, are put
 * at addresses congruent modulo SHMLBA to their file offset:
 *
 *   addr % SHMLBA == (pgoff << PAGE_SHIFT) % SHMLBA
 *
 * which is what align_mask/align_offset ask of vm_unmapped_area().
 */
#include "kernel/errno.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/mmu.h"
#include "mm/vma.h"

/* Round @addr up to the next address of the colour of file page @pgoff. */
static unsigned long colour_align(unsigned long addr, unsigned long pgoff)
{
	unsigned long base = (addr + SHMLBA - 1) & ~(SHMLBA - 1);

	return base + ((pgoff << PAGE_SHIFT) & (SHMLBA - 1));
}

/*
 * The parts both policies share. Returns true and sets *@result when the
 * request is decided without a search: MAP_FIXED (its address, or
 * -EINVAL for a shared mapping of the wrong colour) or a usable hint.
 * Otherwise sets *@do_align to whether the search must keep the colour.
 */
static bool fixed_or_hint(struct mm_struct *mm, struct file *file,
			  unsigned long addr, unsigned long len,
			  unsigned long pgoff, unsigned long flags,
			  unsigned long *result, bool *do_align)
{
	bool aliasing = cache_is_vipt_aliasing();
	struct vm_area_struct *vma;

	*do_align = aliasing && (file || (flags & MAP_SHARED));

	if (flags & MAP_FIXED) {
		/* Only shared mappings must keep the colour: a private
		 * one's pages are the task's own once written. */
		if (aliasing && (flags & MAP_SHARED) &&
		    ((addr - (pgoff << PAGE_SHIFT)) & (SHMLBA - 1))) {
			*result = -EINVAL;
			return true;
		}
		*result = addr;
		return true;
	}

	if (addr) {
		addr = *do_align ? colour_align(addr, pgoff) : PAGE_ALIGN(addr);
		vma = find_vma(mm, addr);
		/* The hint is taken if the whole range is free, including
		 * the guard gap of a stack just above it. */
		if (mm->task_size - len >= addr &&
		    (!vma || addr + len <= vm_start_gap(vma))) {
			*result = addr;
			return true;
		}
	}
	return false;
}

/*
 * A search for @len bytes in [@low, @high); with @do_align, at the colour
 * of file page @pgoff (the low bits of the address, within SHMLBA, equal
 * those of the file offset).
 */
static void set_request(struct vm_unmapped_area_info *info,
			unsigned long flags, unsigned long len,
			unsigned long low, unsigned long high, bool do_align,
			unsigned long pgoff)
{
	info->flags = flags;
	info->length = len;
	info->low_limit = low;
	info->high_limit = high;
	info->align_mask = do_align ? (PAGE_MASK & (SHMLBA - 1)) : 0;
	info->align_offset = pgoff << PAGE_SHIFT;
}

/* See mm/mmap.h. Bottom-up: the lowest gap between mmap_base and the top. */
unsigned long arch_get_unmapped_area(struct mm_struct *mm, struct file *file,
				     unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags)
{
	struct vm_unmapped_area_info info = { 0 };
	unsigned long result;
	bool do_align;

	if (len > mm->task_size)
		return -ENOMEM;
	if (fixed_or_hint(mm, file, addr, len, pgoff, flags, &result,
			  &do_align))
		return result;

	set_request(&info, 0, len, mm->mmap_base, mm->task_size, do_align,
		    pgoff);
	return vm_unmapped_area(mm, &info);
}

/*
 * See mm/mmap.h. Top-down: the highest gap below mmap_base; when none is
 * large enough, bottom-up from mmap_base to the top of user space (the
 * part of the address space the stack gap reserves).
 */
unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm,
					     struct file *file,
					     unsigned long addr,
					     unsigned long len,
					     unsigned long pgoff,
					     unsigned long flags)
{
	struct vm_unmapped_area_info info = { 0 };
	unsigned long result;
	bool do_align;

	if (len > mm->task_size)
		return -ENOMEM;
	if (fixed_or_hint(mm, file, addr, len, pgoff, flags, &result,
			  &do_align))
		return result;

	set_request(&info, VM_UNMAPPED_AREA_TOPDOWN, len, FIRST_USER_ADDRESS,
		    mm->mmap_base, do_align, pgoff);
	result = vm_unmapped_area(mm, &info);
	if (!IS_ERR_VALUE(result))
		return result;

	/* Top-down found nothing: try what lies above mmap_base. */
	info.flags = 0;
	info.low_limit = mm->mmap_base;
	info.high_limit = mm->task_size;
	return vm_unmapped_area(mm, &info);
}

/*
 * The top of the top-down area: the stack may grow to its rlimit, and at
 * least 128 MiB, at most 5/6 of user space, are kept free for it. With
 * ASLR the stack's top may lie up to STACK_RND_PAGES lower, so the gap
 * grows by that much, and mmap_base goes down by mm->mmap_rnd besides.
 */
static unsigned long mmap_base(struct mm_struct *mm)
{
	unsigned long gap = mm->stack_rlimit;
	unsigned long pad = mm->randomize ? STACK_RND_PAGES << PAGE_SHIFT : 0;

	if (gap + pad > gap)	/* an unlimited rlimit must not wrap */
		gap += pad;
	if (gap < MMAP_GAP_MIN)
		gap = MMAP_GAP_MIN;
	else if (gap > MMAP_GAP_MAX)
		gap = MMAP_GAP_MAX;
	return PAGE_ALIGN(mm->task_size - gap - mm->mmap_rnd);
}

/* See mm/mmap.h. */
void arch_pick_mmap_layout(struct mm_struct *mm, bool legacy)
{
	if (legacy) {
		mm->mmap_base = TASK_UNMAPPED_BASE + mm->mmap_rnd;
		mm->get_unmapped_area = arch_get_unmapped_area;
	} else {
		mm->mmap_base = mmap_base(mm);
		mm->get_unmapped_area = arch_get_unmapped_area_topdown;
	}
}
