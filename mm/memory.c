/*
 * mm/memory.c - the fault handler proper, and what undoes its work.
 *
 * handle_mm_fault() looks at the PTE of the faulting page and at the
 * VMA's backing object, and picks one of three cases:
 *
 *   no PTE, anonymous VMA   do_anonymous_page  read:  the zero page, r/o
 *                                              write: a new zeroed page, r/w
 *   no PTE, file or shmem   do_fault           the page-cache page of
 *                                              (vm_file, vm_pgoff + index);
 *                                              a private write copies it
 *   PTE read-only, write    do_wp_page         (mm/cow.c) reuse or copy
 *
 * The PTE bits always start from vma->vm_page_prot, that is
 * protection_map[VM_READ|VM_WRITE|VM_EXEC|VM_SHARED] (vm_get_page_prot),
 * where every private entry is read-only. Only the fault handler adds
 * write access (pgprot_mkwrite), and only to a page the task owns alone.
 * That is why a private writable page is first mapped read-only (seed
 * 002): a read shares the zero page, and the write that follows faults
 * again and gets the task its own page.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/anon_vma.h"
#include "mm/memory_internal.h"
#include "mm/page_alloc.h"
#include "mm/rmap.h"
#include "mm/vma.h"
#include "mm/vmstat.h"

struct page *empty_zero_page;

/*
 * zero_page_init - allocate the zero page, marked PG_zero so that no
 * put_page() ever frees it.
 * Panics when out of memory (at boot).
 */
void zero_page_init(void)
{
	struct page *page = alloc_page(__GFP_ZERO);

	if (!page)
		panic("zero_page_init: out of memory");
	SetPageZero(page);	/* put_page() will never free it */
	empty_zero_page = page;
}

/* install_pte - see memory_internal.h. Returns: 0 or -ENOMEM. */
int install_pte(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, struct page *page, pgprot_t prot)
{
	if (set_pte_at(mm, addr, page, prot))
		return -ENOMEM;
	page_add_rmap(page);
	if (vma->vm_flags & VM_EXEC)
		flush_icache_page(page);
	return 0;
}

/*
 * do_anonymous_page - first touch of a page of private anonymous memory.
 * A read maps the zero page with the VMA's (read-only) protection; a
 * write gets a new zeroed page mapped writable (and so, at the first
 * one, the VMA gets its anon_vma; the zero page needs none).
 * Returns: 0 or VM_FAULT_OOM.
 */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, unsigned int flags)
{
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		page = ZERO_PAGE(addr);
		get_page(page);
		if (install_pte(mm, vma, addr, page, vma->vm_page_prot)) {
			put_page(page);
			return VM_FAULT_OOM;
		}
		count_vm_event(TD_ZERO_PAGE_MAPS);
		return 0;
	}
	/* the VMA's first page of its own: it needs an anon_vma now */
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	page = alloc_page(__GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	if (install_pte(mm, vma, addr, page,
			pgprot_mkwrite(vma->vm_page_prot))) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	count_vm_event(TD_ANON_PAGE_ALLOCS);
	return 0;
}

/*
 * do_cow_fault - a write to a private file mapping where no PTE is: copy
 * the page-cache page @cached into a new anonymous page at once and map
 * that writable; the file's page stays as it was. Consumes the caller's
 * reference on @cached.
 * Returns: 0 or VM_FAULT_OOM.
 */
static int do_cow_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, struct page *cached)
{
	struct page *page = NULL;

	if (!anon_vma_prepare(vma))
		page = alloc_page(GFP_KERNEL);
	if (!page) {
		put_page(cached);
		return VM_FAULT_OOM;
	}
	copy_page(page_address(page), page_address(cached));
	put_page(cached);
	if (install_pte(mm, vma, addr, page,
			pgprot_mkwrite(vma->vm_page_prot))) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	count_vm_event(TD_COW_COPIES);
	return 0;
}

/*
 * do_fault - first touch of a page of a file or shmem mapping: find (or
 * create) the page-cache page of (vm_file, vm_pgoff + index). A shared
 * mapping, and a read of a private one, map that page itself; a write
 * to a private mapping maps a copy (do_cow_fault). A shared page is
 * mapped writable only by a write, which dirties it; a read maps it
 * read-only even in a writable VMA, so that the first write faults and
 * makes the PTE writable (do_wp_page): a writable PTE of a shared
 * mapping means "written through", ARM Linux's dirty PTE (vma_clean_prot
 * in mm/memory.h).
 * Returns: 0, VM_FAULT_SIGBUS when the page lies wholly beyond the end
 * of the object (i_size), or VM_FAULT_OOM.
 */
static int do_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, unsigned int flags)
{
	struct file *file = vma->vm_file;
	unsigned long index = linear_page_index(vma, addr);
	struct page *page;
	pgprot_t prot;

	if (index >= PAGE_ALIGN(file_inode(file)->i_size) >> PAGE_SHIFT)
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(file->f_mapping, index);
	if (!page)
		return VM_FAULT_OOM;
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED))
		return do_cow_fault(mm, vma, addr, page);
	prot = vma_clean_prot(vma);
	if (flags & FAULT_FLAG_WRITE) {
		SetPageDirty(page);	/* Linux: fault_dirty_shared_page */
		prot = vma->vm_page_prot;
	}
	if (install_pte(mm, vma, addr, page, prot)) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	count_vm_event(TD_FILE_PAGE_MAPS);
	return 0;
}

/* Count the failures of a fault. Returns: @ret. */
static int count_fault_result(int ret)
{
	if (ret & VM_FAULT_OOM)
		count_vm_event(TD_FAULT_OOM);
	if (ret & VM_FAULT_SIGBUS)
		count_vm_event(TD_FAULT_SIGBUS);
	if (ret & VM_FAULT_SIGSEGV)
		count_vm_event(TD_FAULT_SIGSEGV);
	return ret;
}

/* __handle_mm_fault - see mm/memory.h. Returns: 0 or VM_FAULT_* bits. */
int __handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, unsigned int flags)
{
	struct page *page;
	pgprot_t prot;
	int ret;

	count_vm_event(PGFAULT);
	addr &= PAGE_MASK;
	if (!vma->vm_file && (vma->vm_flags & VM_SHARED)) {
		/* mmap_region() must have called shmem_zero_setup() */
		printk("handle_mm_fault: shared anonymous VMA [%08lx, %08lx) has no object\n",
		       vma->vm_start, vma->vm_end);
		ret = VM_FAULT_SIGBUS;
	} else if (!(page = pte_lookup(mm, addr, &prot))) {
		ret = vma->vm_file ? do_fault(mm, vma, addr, flags) :
				     do_anonymous_page(mm, vma, addr, flags);
	} else if ((flags & FAULT_FLAG_WRITE) && !pgprot_writable(prot)) {
		ret = do_wp_page(mm, vma, addr, page, prot);
	} else {
		ret = 0;	/* already fixed: nothing to do */
	}
	return unlikely(ret) ? count_fault_result(ret) : 0;
}

/* handle_mm_fault - see mm/memory.h. Returns: 0 or VM_FAULT_* bits. */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, unsigned int flags)
{
	if ((addr & PAGE_MASK) < vma->vm_start || addr >= vma->vm_end ||
	    !vma_access_permitted(vma, flags)) {
		count_vm_event(PGFAULT);
		return count_fault_result(VM_FAULT_SIGSEGV);
	}
	return __handle_mm_fault(mm, vma, addr, flags);
}

/*
 * The PTE of @page at @addr is gone (unmap_page_range calls this after
 * clearing it): drop its map count and reference.
 * The page is freed if that was its last reference.
 */
static void zap_pte_release(struct mm_struct *mm, unsigned long addr,
			    struct page *page)
{
	page_remove_rmap(page);
	put_page(page);
	count_vm_event(TD_PAGES_ZAPPED);
}

/* fold_pte_dirty - see mm/memory.h. */
void fold_pte_dirty(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	/* only a shared VMA has PTEs that are dirty */
	if (!(vma->vm_flags & VM_SHARED))
		return;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		struct page *page;
		pgprot_t prot;

		addr = pte_next_table(mm, addr, end);
		if (addr == end)
			break;
		page = pte_lookup(mm, addr, &prot);
		if (page && pgprot_writable(prot))
			SetPageDirty(page);
	}
}

/* zap_page_range - see mm/memory.h. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size)
{
	unsigned long end = start + size;

	start = max(start, vma->vm_start);
	end = min(end, vma->vm_end);
	if (start >= end)
		return;
	fold_pte_dirty(vma, start, end);	/* Linux: zap_pte_range */
	unmap_page_range(vma->vm_mm, start, end, zap_pte_release);
}

/* unmap_vmas - see mm/memory.h. */
void unmap_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next) {
		BUG_ON(vma->vm_mm != mm);
		zap_page_range(vma, start, end - start);
	}
}

/*
 * Does the page at @addr need a fault for an access with @flags, or is
 * it already mapped suitably (Linux: follow_page() succeeds)?
 * Returns: true when a fault is needed.
 */
static bool needs_fault(struct mm_struct *mm, unsigned long addr,
			unsigned int flags)
{
	pgprot_t prot;

	if (!pte_lookup(mm, addr, &prot))
		return true;
	return (flags & FAULT_FLAG_WRITE) && !pgprot_writable(prot);
}

/*
 * populate_vma_page_range - fault in [@start, @end) of @vma.
 * Returns: 0, or the VM_FAULT_* bits of the first fault that failed.
 */
static int populate_vma_page_range(struct vm_area_struct *vma,
				   unsigned long start, unsigned long end)
{
	unsigned int flags = 0;

	/* Linux's rule: write-fault private writable mappings (COW now) */
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		flags |= FAULT_FLAG_WRITE;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		int ret;

		if (!needs_fault(vma->vm_mm, addr, flags))
			continue;
		ret = handle_mm_fault(vma->vm_mm, vma, addr, flags);
		if (ret)
			return ret;
	}
	return 0;
}

/* __mm_populate - see mm/memory.h. Returns: 0, -ENOMEM or -EFAULT. */
int __mm_populate(struct mm_struct *mm, unsigned long start,
		  unsigned long len, int ignore_errors)
{
	unsigned long end = PAGE_ALIGN(start + len);
	struct vm_area_struct *vma;

	start &= PAGE_MASK;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma->vm_next) {
		int ret;

		if (!(vma->vm_flags & VM_ACCESS_FLAGS))
			continue;	/* PROT_NONE: nothing may touch it */
		ret = populate_vma_page_range(vma, max(start, vma->vm_start),
					      min(end, vma->vm_end));
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret && !ignore_errors)
			return -EFAULT;
	}
	return 0;
}
