/*
 * mm/task_mmu.c - demand paging made visible: /proc/PID/smaps (per VMA,
 * how much is resident, how shared, how dirty), smaps_rollup (the sums)
 * and /proc/PID/pagemap (per virtual page, the frame behind it), in the
 * formats of Linux 6.1's fs/proc/task_mmu.c, so that the same program
 * reads both kernels. Everything is read from the page tables as the MMU
 * would walk them (pte_lookup), at the moment the file is read.
 *
 * What "dirty" means here. ARM Linux keeps a dirty bit in each PTE in
 * software and leaves a clean PTE read-only in the hardware table, so
 * that the first write faults and sets it. topdown does the same without
 * the bit: a shared page is mapped read-only until written through
 * (vma_clean_prot), so its PTE is writable exactly when it is dirty; a
 * page also remembers writes that reached it otherwise (PG_dirty: write()
 * into the page cache, a PTE that went away dirty). Anonymous pages are
 * always dirty: each one was made by a write.
 */
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/mmu.h"
#include "mm/page_alloc.h"
#include "mm/proc_maps.h"
#include "mm/rmap.h"
#include "mm/shmem.h"
#include "mm/task_mmu.h"
#include "mm/vma.h"

/*
 * Pss is kept in bytes << PSS_SHIFT, as Linux, so that a page mapped
 * three times adds a third of a page without rounding each time.
 */
#define PSS_SHIFT 12

/* The figures of one VMA (or of all of them: the rollup), in bytes. */
struct mem_size_stats {
	unsigned long resident;
	unsigned long shared_clean, shared_dirty;
	unsigned long private_clean, private_dirty;
	unsigned long referenced, anonymous;
	uint64_t pss, pss_dirty, pss_locked;
	uint64_t pss_anon, pss_file, pss_shmem;
};

/* Was the page @page, mapped by @vma with @prot, written? See the top. */
static bool page_dirty(const struct vm_area_struct *vma, struct page *page,
		       pgprot_t prot)
{
	if (PageAnon(page) || PageDirty(page))
		return true;
	return (vma->vm_flags & VM_SHARED) && pgprot_writable(prot);
}

/* Add the page @page that @vma maps with @prot to @mss. */
static void smaps_account(struct mem_size_stats *mss,
			  const struct vm_area_struct *vma, struct page *page,
			  pgprot_t prot)
{
	int mapcount = page_mapcount(page);
	bool private = mapcount < 2;
	/* 2^24 / mapcount: fits a word, no 64-bit division */
	unsigned long pss = (PAGE_SIZE << PSS_SHIFT) / (private ? 1 : mapcount);

	mss->resident += PAGE_SIZE;
	mss->referenced += PAGE_SIZE;	/* no accessed bit: all are young */
	mss->pss += pss;
	if (PageAnon(page)) {
		mss->anonymous += PAGE_SIZE;
		mss->pss_anon += pss;
	} else if (vma->vm_file && shmem_file(vma->vm_file)) {
		mss->pss_shmem += pss;
	} else {
		mss->pss_file += pss;
	}
	if (vma->vm_flags & VM_LOCKED)
		mss->pss_locked += pss;
	if (page_dirty(vma, page, prot)) {
		mss->pss_dirty += pss;
		*(private ? &mss->private_dirty : &mss->shared_dirty) += PAGE_SIZE;
	} else {
		*(private ? &mss->private_clean : &mss->shared_clean) += PAGE_SIZE;
	}
}

/* Add every page @vma maps to @mss, skipping spans with no page table. */
static void smap_gather_stats(struct mm_struct *mm, struct vm_area_struct *vma,
			      struct mem_size_stats *mss)
{
	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr += PAGE_SIZE) {
		struct page *page;
		pgprot_t prot;

		addr = pte_next_table(mm, addr, vma->vm_end);
		if (addr == vma->vm_end)
			break;
		page = pte_lookup(mm, addr, &prot);
		if (page && !PageZero(page))
			smaps_account(mss, vma, page, prot);
	}
}

/* One "Name:   N kB" line: the name in 16 columns, the number in 8. */
static size_t put_kb(char *buf, size_t size, size_t len, const char *name,
		     uint64_t bytes)
{
	if (len >= size)
		return len;
	return len + snprintf(buf + len, size - len, "%-16s%8lu kB\n", name,
			      (unsigned long)(bytes >> 10));
}

/* The figures of @mss; the rollup splits Pss by kind of page. */
static size_t show_smap_stats(char *buf, size_t size, size_t len,
			      const struct mem_size_stats *mss, bool rollup)
{
	len = put_kb(buf, size, len, "Rss:", mss->resident);
	len = put_kb(buf, size, len, "Pss:", mss->pss >> PSS_SHIFT);
	len = put_kb(buf, size, len, "Pss_Dirty:", mss->pss_dirty >> PSS_SHIFT);
	if (rollup) {
		len = put_kb(buf, size, len, "Pss_Anon:", mss->pss_anon >> PSS_SHIFT);
		len = put_kb(buf, size, len, "Pss_File:", mss->pss_file >> PSS_SHIFT);
		len = put_kb(buf, size, len, "Pss_Shmem:",
			     mss->pss_shmem >> PSS_SHIFT);
	}
	len = put_kb(buf, size, len, "Shared_Clean:", mss->shared_clean);
	len = put_kb(buf, size, len, "Shared_Dirty:", mss->shared_dirty);
	len = put_kb(buf, size, len, "Private_Clean:", mss->private_clean);
	len = put_kb(buf, size, len, "Private_Dirty:", mss->private_dirty);
	len = put_kb(buf, size, len, "Referenced:", mss->referenced);
	len = put_kb(buf, size, len, "Anonymous:", mss->anonymous);
	/* what this kernel does not have: lazy frees, huge pages, swap */
	len = put_kb(buf, size, len, "LazyFree:", 0);
	len = put_kb(buf, size, len, "AnonHugePages:", 0);
	len = put_kb(buf, size, len, "ShmemPmdMapped:", 0);
	len = put_kb(buf, size, len, "FilePmdMapped:", 0);
	len = put_kb(buf, size, len, "Shared_Hugetlb:", 0);
	len = put_kb(buf, size, len, "Private_Hugetlb:", 0);
	len = put_kb(buf, size, len, "Swap:", 0);
	len = put_kb(buf, size, len, "SwapPss:", 0);
	return put_kb(buf, size, len, "Locked:", mss->pss_locked >> PSS_SHIFT);
}

/* Linux's two letters for each VM_* bit it shows, by bit number. */
static const char vm_flag_names[32][3] = {
	[0] = "rd", [1] = "wr", [2] = "ex", [3] = "sh",
	[4] = "mr", [5] = "mw", [6] = "me", [7] = "ms",
	[8] = "gd", [10] = "pf", [13] = "lo", [14] = "io",
	[15] = "sr", [16] = "rr", [17] = "dc", [18] = "de",
	[20] = "ac", [21] = "nr", [22] = "ht", [23] = "sf",
	[25] = "wf", [26] = "dd", [28] = "mm", [31] = "mg",
};

/* "VmFlags: rd wr mr mw me ac \n": each name followed by a blank. */
static size_t show_vm_flags(char *buf, size_t size, size_t len,
			    unsigned long flags)
{
	if (len < size)
		len += snprintf(buf + len, size - len, "VmFlags: ");
	for (unsigned int bit = 0; bit < 32 && len < size; bit++)
		if ((flags & (1UL << bit)) && vm_flag_names[bit][0])
			len += snprintf(buf + len, size - len, "%s ",
					vm_flag_names[bit]);
	if (len < size)
		len += snprintf(buf + len, size - len, "\n");
	return len;
}

/* The lines after the maps line of a VMA of @size bytes. */
static size_t show_smap_body(char *buf, size_t size, size_t len,
			     unsigned long vma_size,
			     const struct mem_size_stats *mss,
			     unsigned long flags)
{
	len = put_kb(buf, size, len, "Size:", vma_size);
	len = put_kb(buf, size, len, "KernelPageSize:", PAGE_SIZE);
	len = put_kb(buf, size, len, "MMUPageSize:", PAGE_SIZE);
	len = show_smap_stats(buf, size, len, mss, false);
	/* no transparent huge pages on ARM without LPAE: never eligible */
	if (len < size)
		len += snprintf(buf + len, size - len, "THPeligible:    0\n");
	return show_vm_flags(buf, size, len, flags);
}

/* See mm/task_mmu.h. */
size_t show_smaps(struct mm_struct *mm, char *buf, size_t size)
{
	struct vm_area_struct *vma;
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (vma = mm->mmap; vma && len + 1 < size; vma = vma->vm_next) {
		struct mem_size_stats mss = { 0 };

		smap_gather_stats(mm, vma, &mss);
		len = show_map_vma(mm, vma, buf, size, len);
		len = show_smap_body(buf, size, len, vma->vm_end - vma->vm_start,
				     &mss, vma->vm_flags);
	}
	/*
	 * The gate page is in every task's table but no VMA's: Linux shows
	 * it with nothing resident, and so does topdown.
	 */
	if (gate_area_start() && len + 1 < size) {
		struct mem_size_stats none = { 0 };

		len = show_map_gate(buf, size, len);
		len = show_smap_body(buf, size, len, PAGE_SIZE, &none,
				     VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC);
	}
	return len < size ? len : (size ? size - 1 : 0);
}

/* See mm/task_mmu.h. */
size_t show_smaps_rollup(struct mm_struct *mm, char *buf, size_t size)
{
	struct mem_size_stats mss = { 0 };
	struct vm_area_struct *vma;
	unsigned long start = mm->mmap ? mm->mmap->vm_start : 0;
	size_t len;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		smap_gather_stats(mm, vma, &mss);
	len = show_maps_line(buf, size, 0, start, mm->highest_vm_end, "---p",
			     0, 0, 0, "[rollup]");
	len = show_smap_stats(buf, size, len, &mss, true);
	return len < size ? len : (size ? size - 1 : 0);
}

/* The pagemap entry of @addr, which is inside a VMA of @mm. */
static uint64_t pagemap_entry(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = pte_lookup(mm, addr, NULL);
	uint64_t entry;

	if (!page)
		return 0;
	entry = PM_PRESENT | ((uint64_t)page_to_pfn(page) & PM_PFRAME_MASK);
	if (PageZero(page))
		return entry;
	if (!PageAnon(page))
		entry |= PM_FILE;
	if (page_mapcount(page) == 1)
		entry |= PM_MMAP_EXCLUSIVE;
	return entry;
}

/* See mm/task_mmu.h. */
size_t pagemap_fill(struct mm_struct *mm, unsigned long vpn, uint64_t *out,
		    size_t n)
{
	unsigned long last = mm->task_size >> PAGE_SHIFT;
	struct vm_area_struct *vma = NULL;
	size_t i;

	for (i = 0; i < n && vpn + i < last; i++) {
		unsigned long addr = (vpn + i) << PAGE_SHIFT;

		if (!vma || addr >= vma->vm_end)
			vma = find_vma(mm, addr);
		/* a hole, or above the last VMA: nothing there */
		out[i] = vma && addr >= vma->vm_start ?
			 pagemap_entry(mm, addr) : 0;
	}
	return i;
}
