/*
 * mm/mremap.c - mremap(2): make a mapping smaller, larger, or move it,
 * with the pages it already has. Portable.
 *
 * What glibc's realloc() of a large block does: the block is a mapping
 * of its own, and mremap(MREMAP_MAYMOVE) makes it larger without copying
 * a byte. The three ways, in the order Linux 6.1 tries them:
 *
 *   shrink        new_len <= old_len: the tail is unmapped, in place
 *   grow in place the range above the VMA's end is free: the VMA (or its
 *                 neighbour above, vma_merge) grows over it
 *   move          MREMAP_MAYMOVE (or MREMAP_FIXED): a new range from
 *                 get_unmapped_area (colour alignment kept for shared
 *                 and file mappings, as for mmap), a VMA for it
 *                 (copy_vma, which may merge with a neighbour there),
 *                 the page table entries moved across (the same frames
 *                 now appear at the new addresses: no page is copied),
 *                 then the old range unmapped, which finds no pages
 *                 left to free. MREMAP_DONTUNMAP keeps the old VMA,
 *                 emptied: its next touch faults in fresh pages.
 *
 * The errno of each case is Linux's, in Linux's order (its syscall
 * mremap, mremap_to, vma_to_resize, vma_expandable and move_vma):
 * EINVAL for the flags, alignment and lengths, EFAULT when the old range
 * is not one mapping, ENOMEM when it may not move or the map count
 * leaves no room.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/memory.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/mmu.h"
#include "mm/vma.h"
#include "mm/vmstat.h"

/* The VMA that contains @addr (Linux's vma_lookup), or NULL. */
static struct vm_area_struct *vma_lookup(struct mm_struct *mm,
					 unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/*
 * The entries of [@old_addr, @old_addr + @len) are now also at @new_addr
 * (nothing counted twice: see move_page_tables). Called when undoing.
 */
static void forget_pte(struct mm_struct *mm, unsigned long addr,
		       struct page *page)
{
	(void)mm;
	(void)addr;
	(void)page;
}

/*
 * move_page_tables - move the present entries of [@old_addr, @old_addr +
 * @len) to the same offsets from @new_addr, in @new_vma (whose range
 * holds them). Each page keeps its reference and map count: the entry,
 * which owns them, moves. In two passes: every entry is first written
 * at its new address, then the old ones are cleared (their second-level
 * tables freed, the TLB flushed). If a second-level table cannot be had
 * for the new range, the entries written so far are taken out again and
 * nothing has changed, where Linux moves them back.
 * Returns: 0 or -ENOMEM.
 */
static int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
			    struct vm_area_struct *new_vma,
			    unsigned long new_addr, unsigned long len)
{
	unsigned long old_end = old_addr + len, addr, moved = 0;
	struct page *page;
	pgprot_t prot;

	for (addr = pte_next_table(mm, old_addr, old_end); addr < old_end;
	     addr = pte_next_table(mm, addr + PAGE_SIZE, old_end)) {
		page = pte_lookup(mm, addr, &prot);
		if (!page)
			continue;
		if (set_pte_at(mm, new_addr + (addr - old_addr), page, prot)) {
			unmap_page_range(mm, new_addr,
					 new_addr + (addr - old_addr),
					 forget_pte);
			return -ENOMEM;
		}
		/* A new address may index other I-cache lines (VIPT). */
		if (new_vma->vm_flags & VM_EXEC)
			flush_icache_page(page);
		moved++;
	}
	unmap_page_range(mm, old_addr, old_end, forget_pte);
	count_vm_events(TD_PTES_MOVED, moved);
	return 0;
}

/*
 * copy_vma - a VMA for [@addr, @addr + @len), free, with *@vmap's flags,
 * file and anon_vma and page offset @pgoff: a neighbour grown over it
 * (vma_merge) or a new VMA. An anonymous VMA that has no pages of its
 * own yet takes the page offset of its new place instead, so that it
 * can merge there; only such a VMA can merge with itself, and then
 * *@vmap becomes the merged VMA.
 * Returns: the VMA, or NULL when out of memory.
 */
static struct vm_area_struct *copy_vma(struct mm_struct *mm,
				       struct vm_area_struct **vmap,
				       unsigned long addr, unsigned long len,
				       unsigned long pgoff)
{
	struct vm_area_struct *vma = *vmap, *new_vma, *prev;
	unsigned long vma_start = vma->vm_start;
	struct rb_node **rb_link, *rb_parent;

	if (!vma->vm_file && !vma->anon_vma)
		pgoff = addr >> PAGE_SHIFT;
	if (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent))
		return NULL;	/* the caller made the range free */

	new_vma = vma_merge(mm, prev, addr, addr + len, vma->vm_flags,
			    vma->anon_vma, vma->vm_file, pgoff);
	if (new_vma) {
		if (vma_start >= new_vma->vm_start &&
		    vma_start < new_vma->vm_end) {
			VM_BUG_ON(vma->anon_vma);
			*vmap = new_vma;
		}
		return new_vma;
	}

	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return NULL;
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	new_vma->vm_pgoff = pgoff;
	if (anon_vma_clone(new_vma, vma)) {
		vm_area_free(new_vma);
		return NULL;
	}
	if (new_vma->vm_file)
		get_file(new_vma->vm_file);
	/* vma_merge() found nothing and changed nothing: the slot holds. */
	vma_link(mm, new_vma, prev, rb_link, rb_parent);
	return new_vma;
}

/*
 * move_vma - move [@old_addr, @old_addr + @old_len) of @vma to the free
 * range [@new_addr, @new_addr + @new_len) (@new_len >= @old_len; the
 * part past the old length is new, empty memory), then unmap the old
 * range unless @flags has MREMAP_DONTUNMAP.
 * Returns: @new_addr, or a negative errno with @mm as it was.
 */
static unsigned long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr,
			      unsigned long flags)
{
	unsigned long to_account = new_len - old_len;
	unsigned long vm_flags = vma->vm_flags, pgoff;
	struct vm_area_struct *new_vma;

	/* The unmap below may cut one VMA in three: keep room for it. */
	if (mm->map_count >= mm->max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_DONTUNMAP)
		to_account = new_len;
	if ((vm_flags & VM_ACCOUNT) &&
	    vm_enough_memory(to_account >> PAGE_SHIFT))
		return -ENOMEM;

	pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	new_vma = copy_vma(mm, &vma, new_addr, new_len, pgoff);
	if (!new_vma)
		return -ENOMEM;
	if (move_page_tables(mm, old_addr, new_vma, new_addr, old_len)) {
		/* Linux unmaps the new range instead of the old one. */
		do_munmap(mm, new_addr, new_len);
		return -ENOMEM;
	}

	if (flags & MREMAP_DONTUNMAP) {
		/*
		 * The old VMA stays, without its pages; it is never locked.
		 * Left whole and empty, it needs no anon_vma any more (its
		 * next write fault prepares one).
		 */
		vma->vm_flags &= ~VM_LOCKED;
		if (new_vma != vma && vma->vm_start == old_addr &&
		    vma->vm_end == old_addr + old_len)
			unlink_anon_vmas(vma);
		return new_addr;
	}
	/*
	 * Linux ignores a failure here (a split out of memory): the old
	 * range then stays mapped, without its pages. A zero @old_len
	 * (a duplicate of a shared mapping) unmaps nothing.
	 */
	if (old_len)
		do_munmap(mm, old_addr, old_len);
	return new_addr;
}

/*
 * vma_to_resize - in *@vmap the VMA at @addr, if [@addr, @addr +
 * @old_len) may become @new_len long: it lies in one VMA (EFAULT
 * otherwise), a zero @old_len only duplicates a shared mapping (EINVAL
 * for a private one), the page offset does not wrap (EINVAL).
 * Returns: 0 or the errno.
 */
static int vma_to_resize(struct mm_struct *mm, unsigned long addr,
			 unsigned long old_len, unsigned long new_len,
			 struct vm_area_struct **vmap)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	unsigned long pgoff;

	if (!vma)
		return -EFAULT;
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return -EINVAL;
	if (old_len > vma->vm_end - addr)
		return -EFAULT;
	if (new_len != old_len) {
		pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
		if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
			return -EINVAL;
	}
	*vmap = vma;
	return 0;
}

/* MAP_SHARED for get_unmapped_area when @vma may be shared (colour). */
static unsigned long placement_flags(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_MAYSHARE) ? MAP_SHARED : 0;
}

/* The page offset of @addr in @vma's object, for its placement. */
static unsigned long pgoff_at(const struct vm_area_struct *vma,
			      unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * mremap_to - the move to @new_addr that MREMAP_FIXED asks for (what was
 * there is unmapped first), or to a place found near it as a hint
 * (MREMAP_DONTUNMAP alone). The old range is cut to @new_len first.
 */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	unsigned long map_flags = 0, ret;
	int err;

	if (offset_in_page(new_addr))
		return -EINVAL;
	if (new_len > mm->task_size || new_addr > mm->task_size - new_len)
		return -EINVAL;
	/* The two ranges may not overlap. */
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	/*
	 * Both ranges may be cut in three before move_vma would refuse:
	 * refuse now, before anything is unmapped.
	 */
	if (mm->map_count + 2 >= mm->max_map_count - 3)
		return -ENOMEM;

	if (flags & MREMAP_FIXED) {
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}

	err = vma_to_resize(mm, addr, old_len, new_len, &vma);
	if (err)
		return err;

	if (flags & MREMAP_FIXED)
		map_flags |= MAP_FIXED;
	ret = get_unmapped_area(mm, vma->vm_file, new_addr, new_len,
				pgoff_at(vma, addr),
				map_flags | placement_flags(vma));
	if (IS_ERR_VALUE(ret))
		return ret;
	if (!(flags & MREMAP_FIXED))
		new_addr = ret;
	return move_vma(mm, vma, addr, old_len, new_len, new_addr, flags);
}

/*
 * Can @vma grow by @delta bytes where it is: nothing mapped in the way,
 * and the longer range still a valid place (below task_size)?
 */
static bool vma_expandable(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end)
		return false;
	if (find_vma_intersection(mm, vma->vm_end, end))
		return false;
	return !IS_ERR_VALUE(get_unmapped_area(mm, NULL, vma->vm_start,
					       end - vma->vm_start, 0,
					       MAP_FIXED));
}

/* See mm/mmap.h. */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr,
			unsigned long *populate)
{
	struct vm_area_struct *vma;
	unsigned long ret;
	int err;

	*populate = 0;
	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) &&
	    !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* Linux compares the lengths as given, before rounding them. */
	if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
		return -EINVAL;
	if (offset_in_page(addr))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;

	vma = vma_lookup(mm, addr);
	if (!vma)
		return -EFAULT;

	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(mm, addr, old_len, new_addr, new_len, flags);
		goto out;
	}

	/*
	 * Shrinking always works: the tail is unmapped, whatever it spans.
	 * (Equal lengths unmap nothing: do_munmap's EINVAL is ignored.)
	 */
	if (old_len >= new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);

		if (err && old_len != new_len)
			return err;
		return addr;
	}

	err = vma_to_resize(mm, addr, old_len, new_len, &vma);
	if (err)
		return err;

	/* The old range ends where the VMA does: can the VMA just grow? */
	if (old_len == vma->vm_end - addr &&
	    vma_expandable(mm, vma, new_len - old_len)) {
		unsigned long start = addr + old_len, end = addr + new_len;

		if ((vma->vm_flags & VM_ACCOUNT) &&
		    vm_enough_memory((new_len - old_len) >> PAGE_SHIFT))
			return -ENOMEM;
		/* It grows into the neighbour above too if they match. */
		if (!vma_merge(mm, vma, start, end, vma->vm_flags,
			       vma->anon_vma, vma->vm_file,
			       pgoff_at(vma, start)))
			return -ENOMEM;
		ret = addr;
		goto out;
	}

	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	ret = get_unmapped_area(mm, vma->vm_file, 0, new_len,
				pgoff_at(vma, addr), placement_flags(vma));
	if (IS_ERR_VALUE(ret))
		return ret;
	ret = move_vma(mm, vma, addr, old_len, new_len, ret, flags);
out:
	/*
	 * A locked mapping has all its pages: the caller faults in the new
	 * part, [ret + old_len, ret + new_len).
	 */
	if (!IS_ERR_VALUE(ret) && new_len > old_len) {
		vma = find_vma(mm, ret);
		if (vma && (vma->vm_flags & VM_LOCKED))
			*populate = new_len - old_len;
	}
	return ret;
}
