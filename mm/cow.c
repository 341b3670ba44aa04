/*
 * mm/cow.c - copy on write: how fork shares private pages (copy_page_range)
 * and how the first write to a shared one gets its own (do_wp_page).
 *
 * One page of private writable memory, in a parent P that forks a child C
 * (map = page_mapcount, count = page_count, "r/o"/"r/w" = the PTE):
 *
 *                      P: no PTE
 *                          | P reads
 *                          v
 *                      P: zero page, r/o        (zero page: map +1)
 *                          | P writes: do_wp_page, zero page -> new page
 *                          v
 *                      P: page X, r/w           X: map 1, count 1
 *                          | fork: copy_page_range write-protects P
 *                          v
 *                P: X r/o   C: X r/o            X: map 2, count 2
 *                 /                   \
 *      C writes: copy        P writes first: copy too (X is shared)
 *               v                      v
 *   P: X r/o  C: Y r/w       P: Z r/w  C: X r/o        map 1, count 1 each
 *        | P writes                         | C writes
 *        v                                  v
 *   P: X r/w (reused: X is P's alone now, no copy)
 *
 * A write fault on a present read-only PTE of a writable private VMA
 * therefore copies unless the page is an anonymous page that this PTE
 * alone maps and nobody else holds (map 1, count 1): then the PTE is
 * simply made writable. The zero page and page-cache pages are never
 * written through a private mapping: they are always copied.
 */
#include "kernel/errno.h"
#include "kernel/string.h"
#include "mm/anon_vma.h"
#include "mm/memory_internal.h"
#include "mm/page_alloc.h"
#include "mm/rmap.h"
#include "mm/vmstat.h"

/*
 * wp_page_reuse - make the PTE of @page at @addr writable in place.
 * Returns: 0, or VM_FAULT_OOM (the table exists, so it cannot happen).
 */
static int wp_page_reuse(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, struct page *page)
{
	if (set_pte_at(mm, addr, page, pgprot_mkwrite(vma->vm_page_prot)))
		return VM_FAULT_OOM;
	return 0;
}

/*
 * wp_page_copy - give @vma its own copy of @old at @addr, writable, in
 * place of the read-only PTE; @old loses this PTE's map count and
 * reference. A copy of the zero page is just a new zeroed page.
 * Returns: 0 or VM_FAULT_OOM (then the old PTE stays).
 */
static int wp_page_copy(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, struct page *old)
{
	bool zero = PageZero(old);
	struct page *new;

	if (anon_vma_prepare(vma))	/* the copy is an anonymous page */
		return VM_FAULT_OOM;
	new = alloc_page(zero ? __GFP_ZERO : GFP_KERNEL);
	if (!new)
		return VM_FAULT_OOM;
	if (!zero)
		copy_page(page_address(new), page_address(old));
	if (set_pte_at(mm, addr, new, pgprot_mkwrite(vma->vm_page_prot))) {
		put_page(new);
		return VM_FAULT_OOM;
	}
	page_add_rmap(new);
	if (vma->vm_flags & VM_EXEC)
		flush_icache_page(new);
	page_remove_rmap(old);
	put_page(old);
	count_vm_event(zero ? TD_ANON_PAGE_ALLOCS : TD_COW_COPIES);
	return 0;
}

/* do_wp_page - see memory_internal.h. Returns: 0 or VM_FAULT_OOM. */
int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
	       unsigned long addr, struct page *page, pgprot_t prot)
{
	/*
	 * A shared mapping writes the object's page itself: its PTE was
	 * clean (vma_clean_prot) and is now writable, that is dirty.
	 */
	if (vma->vm_flags & VM_SHARED)
		return wp_page_reuse(mm, vma, addr, page);
	if (PageAnon(page) && page_mapcount(page) == 1 &&
	    page_count(page) == 1) {
		count_vm_event(TD_COW_REUSES);
		return wp_page_reuse(mm, vma, addr, page);
	}
	return wp_page_copy(mm, vma, addr, page);
}

/*
 * copy_page_range - see memory_internal.h. Linux copies only what a
 * fault could not rebuild (it skips shared and untouched file VMAs);
 * topdown copies every PTE, so that right after fork parent and child
 * map exactly the same pages, a state a test (or gdb) can look at.
 * Returns: 0 or -ENOMEM.
 */
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma)
{
	/*
	 * Linux asks is_cow_mapping(): private and VM_MAYWRITE. A private
	 * VMA that may never be written has no writable PTE to protect, so
	 * "not shared" decides the same.
	 */
	bool cow = !(vma->vm_flags & VM_SHARED);

	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr += PAGE_SIZE) {
		pgprot_t prot;
		struct page *page;

		/* spans without a page table hold nothing: skip them whole */
		addr = pte_next_table(src_mm, addr, vma->vm_end);
		if (addr == vma->vm_end)
			break;
		page = pte_lookup(src_mm, addr, &prot);
		if (!page)
			continue;
		if (cow && pgprot_writable(prot)) {
			/* the parent's private entries are read-only: */
			prot = vma->vm_page_prot;
			if (set_pte_at(src_mm, addr, page, prot))
				return -ENOMEM;
		} else if (!cow) {
			/* the child's shared ones clean (Linux: pte_mkclean) */
			prot = vma_clean_prot(vma);
		}
		get_page(page);
		if (set_pte_at(dst_mm, addr, page, prot)) {
			put_page(page);
			return -ENOMEM;
		}
		page_add_rmap(page);
		count_vm_event(TD_FORK_PTES);
	}
	return 0;
}
