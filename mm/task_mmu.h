/*
 * mm/task_mmu.h - what the page tables of an address space hold, as
 * /proc/PID/smaps, /proc/PID/smaps_rollup and /proc/PID/pagemap show it.
 * Portable.
 */
#ifndef MM_TASK_MMU_H
#define MM_TASK_MMU_H

#include "kernel/kernel.h"
#include "mm/mm_types.h"

/*
 * One 64-bit entry of /proc/PID/pagemap per virtual page, Linux's
 * layout (Documentation/admin-guide/mm/pagemap.rst):
 *
 *   63     present: a page is mapped (the entry is 0 when none is)
 *   62     swapped (never: there is no swap)
 *   61     a page-cache page (file or shmem), not anonymous memory
 *   56     mapped exactly once (page_mapcount 1): "exclusively mapped"
 *   55     soft-dirty (never: ARM has no soft-dirty tracking)
 *   0-54   the page frame number (physical address >> PAGE_SHIFT)
 *
 * The shared zero page is present with its frame number, and neither
 * file nor exclusive: it is no one's page (Linux's vm_normal_page() is
 * NULL for it).
 */
#define PM_ENTRY_BYTES 8
#define PM_PFRAME_MASK ((1ULL << 55) - 1)
#define PM_SOFT_DIRTY (1ULL << 55)
#define PM_MMAP_EXCLUSIVE (1ULL << 56)
#define PM_FILE (1ULL << 61)
#define PM_SWAP (1ULL << 62)
#define PM_PRESENT (1ULL << 63)

/*
 * pagemap_fill - the entries of the virtual pages @vpn, @vpn + 1, ...
 * into @out, at most @n of them and none at or above mm->task_size (the
 * gate page above it has none, as on Linux).
 * Returns: the number of entries written.
 */
size_t pagemap_fill(struct mm_struct *mm, unsigned long vpn, uint64_t *out,
		    size_t n);

/*
 * show_smaps - /proc/PID/smaps: each VMA's maps line (show_map_vma), then
 * how much of it is resident and how, in Linux 6.1's lines and order:
 *
 *   Rss         pages mapped (not the zero page: it is no one's)
 *   Pss         each page divided by the number of PTEs mapping it
 *   Shared_*    pages mapped more than once, Private_* the others
 *   *_Dirty     anonymous pages, page-cache pages written since they
 *               were read in, and shared pages written through this PTE
 *   Anonymous   anonymous pages (private copies), not page cache
 *   Referenced  every mapped page: topdown has no accessed bit to age
 *   Locked      Pss of a VM_LOCKED VMA
 *   AnonHugePages, Swap ... 0: no huge pages, no swap
 *   VmFlags     two letters per VM_* flag ("rd wr mr mw me ac")
 *
 * and last the gate page ([vectors]), as Linux. Into @buf (at most @size
 * bytes, NUL-ended).
 * Returns: the length written.
 */
size_t show_smaps(struct mm_struct *mm, char *buf, size_t size);

/*
 * show_smaps_rollup - /proc/PID/smaps_rollup: one header line spanning
 * the VMAs, "[rollup]", and the sums of every VMA's smaps figures, with
 * Pss split into Pss_Anon, Pss_File and Pss_Shmem.
 * Returns: the length written.
 */
size_t show_smaps_rollup(struct mm_struct *mm, char *buf, size_t size);

#endif /* MM_TASK_MMU_H */
