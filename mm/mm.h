/*
 * mm/mm.h - the life of an address space, and everything the rest of the
 * kernel calls in the mm code for it (the fault path comes with
 * mm/memory.h, which this includes):
 *
 *   boot:  mm_core_init()                 caches, zero page
 *   exec:  mm = mm_alloc()                empty, with a page table
 *   fork:  child = dup_mm(parent)         VMAs copied, pages shared (COW)
 *   exit:  switch away, then mmput(mm)    every page comes back
 */
#ifndef MM_MM_H
#define MM_MM_H

#include "mm/memory.h"
#include "mm/mm_types.h"

/*
 * The kernel's own address space: no user mappings, only the kernel's
 * page table (on ARMv7 swapper_pg_dir, defined in mm/armv7/mmu_init.c).
 * The idle task runs in it, and every task switches to it on its way
 * out of exec and exit.
 */
extern struct mm_struct init_mm;

/*
 * mm_core_init - set up the mm's own caches (vm_area_struct, mm_struct)
 * and the zero page. Call once at boot, after kmem_cache_init(); panics
 * when out of memory.
 */
void mm_core_init(void);

/*
 * mm_alloc - a new empty address space: no VMAs, an empty page table,
 * one user (mm_users 1), task_size TASK_SIZE, mmap_min_addr 4096, stack
 * rlimit 8 MiB. The layout (mmap_base, get_unmapped_area) is exec's job.
 * Returns: the mm, or NULL when out of memory.
 */
struct mm_struct *mm_alloc(void);

/* mmget - one more user of @mm (mmput() drops it). Returns: @mm. */
struct mm_struct *mmget(struct mm_struct *mm);

/*
 * mmget_not_zero - one more user of @mm if it still has one (its pages
 * and VMAs are there). Returns: false when the address space is gone.
 */
bool mmget_not_zero(struct mm_struct *mm);

/*
 * mmput - drop a user of @mm; the last one tears it down: exit_mmap(),
 * then its page table (pgd_free), then drops the users' hold on the
 * struct (mmdrop). @mm must not be the current address space then
 * (switch_mm away first).
 */
void mmput(struct mm_struct *mm);

/*
 * mmgrab - keep the struct of @mm (not its address space) until mmdrop:
 * what a file that outlives the task needs to ask later "is this still
 * that address space?" with mmget_not_zero. Returns: @mm.
 */
struct mm_struct *mmgrab(struct mm_struct *mm);

/* mmdrop - let go of mmgrab's hold; the last one frees the struct. */
void mmdrop(struct mm_struct *mm);

/*
 * exit_mmap - unmap every VMA of @mm (pages and page tables freed as
 * their last user goes), put each VMA's file and free the VMAs. @mm is
 * left empty, its page table allocated.
 */
void exit_mmap(struct mm_struct *mm);

/*
 * dup_mmap - for fork: give the empty @mm a copy of every VMA of @oldmm
 * (files referenced once more) and of every PTE. Shared mappings share
 * their pages; private pages are shared read-only by both, so the first
 * write on either side copies (mm/cow.c). @oldmm's writable private
 * entries become read-only.
 * Returns: 0, or -ENOMEM with @mm consistent and holding what was copied
 * so far: the caller frees it with mmput().
 */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);

/*
 * dup_mm - fork's address space: a new mm with @oldmm's layout (brk,
 * stack, mmap_base, limits ...) and dup_mmap().
 * Returns: the new mm, or NULL when out of memory (nothing is leaked;
 * @oldmm may have had some private entries made read-only).
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm);

/* Live mm_structs (for tests and `free`). */
unsigned long nr_mms(void);

#endif /* MM_MM_H */
