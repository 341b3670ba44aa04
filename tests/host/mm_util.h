/*
 * tests/host/mm_util.h - what the demand-paging host tests share: making
 * address spaces and mappings the way mmap/munmap/mprotect would, acting
 * as a user program does (touch memory; on a fault, call the fault
 * handler as the abort handler would, and retry once), and counting
 * memory so that a test can say exactly what a run must have cost and
 * that everything came back.
 *
 * mmt_map() is deliberately simple (no merging, no placement): it links
 * one VMA as insert_vm_struct() does. Unmapping and changing protection
 * go through the real do_munmap() and do_mprotect() (mm/mmap.h).
 */
#ifndef TESTS_HOST_MM_UTIL_H
#define TESTS_HOST_MM_UTIL_H

#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/mm.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"
#include "mm/vma.h"
#include "tests/host/shim/fake_mmu.h"
#include "tests/host/test.h"

#define PG(n) ((unsigned long)(n) * PAGE_SIZE)

/* vm_flags as mmap would make them for a PROT_* combination. */
#define R (VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define RW (R | VM_WRITE)
#define RX (R | VM_EXEC)
#define RWX (RW | VM_EXEC)
#define NONE (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define SHARED (VM_SHARED | VM_MAYSHARE)

/* A new address space (mm_alloc(), checked). */
struct mm_struct *mmt_new(void);

/*
 * mmt_map - the VMA [@start, @start + @len) with @flags: anonymous when
 * @file is NULL (shared anonymous through shmem_zero_setup() when
 * VM_SHARED), else on @file (a reference is taken) from page @pgoff.
 * vm_page_prot = vm_get_page_prot(@flags). Nothing is mapped.
 * Returns: the VMA (the test fails and aborts if it cannot be made).
 */
struct vm_area_struct *mmt_map(struct mm_struct *mm, unsigned long start,
			       unsigned long len, unsigned long flags,
			       struct file *file, unsigned long pgoff);

/* The report of the last fault the helpers below took. */
extern struct fault_report mmt_report;
/* Faults the helpers below took (each access faults at most once). */
extern unsigned long mmt_faults;

/*
 * A user access at @addr of @mm: if the fake MMU refuses it, call
 * do_user_fault() as the abort handler would and, when that fixed it,
 * retry; a second refusal fails the test (a fault loop).
 * Returns: 0 when the access happened, else the VM_FAULT_* bits (and
 * mmt_report says why).
 */
int user_read(struct mm_struct *mm, unsigned long addr, unsigned char *val);
int user_write(struct mm_struct *mm, unsigned long addr, unsigned char val);
int user_exec(struct mm_struct *mm, unsigned long addr);
/* The same for an aligned 32-bit word. */
int user_read32(struct mm_struct *mm, unsigned long addr, uint32_t *val);
int user_write32(struct mm_struct *mm, unsigned long addr, uint32_t val);

/* The page @mm maps at @addr (NULL if none) and whether it is writable. */
struct page *mmt_pte(struct mm_struct *mm, unsigned long addr, bool *writable);

/* Live objects of the slab cache called @name (0 if there is none). */
unsigned long cache_active(const char *name);

/* What a test found before it started, to compare with at the end. */
struct mem_snapshot {
	unsigned long free;		/* nr_free_pages() */
	unsigned long slab;		/* slab_nr_pages() */
	unsigned long vmas, mms, tables, files, inodes;
	unsigned long kmalloc;		/* objects of all kmalloc caches */
	int zero_map;			/* page_mapcount(ZERO_PAGE) */
	unsigned long bad_free;		/* bad frees of page allocator + slab */
};

void mem_snap(struct mem_snapshot *s);

/*
 * Pages allocated since @s that are not slab pages: data pages, page
 * cache pages, L1 tables (the L2 tables are slab objects).
 */
long pages_used_since(const struct mem_snapshot *s);

/* Everything is as in @s again: pages, objects, no bad frees. */
#define CHECK_MEM_RESTORED(s) mem_check_restored((s), __FILE__, __LINE__)
void mem_check_restored(const struct mem_snapshot *s, const char *file,
			int line);

/*
 * A named file (i_nlink 1, like a ramfs file) of @npages pages, byte i
 * of page p holding mmt_file_byte(p, i), open read/write.
 * mmt_file_close() puts the file and unlinks the inode, freeing its pages.
 */
struct file *mmt_file_new(const char *name, unsigned long npages,
			  unsigned long size);
void mmt_file_close(struct file *file);

static inline unsigned char mmt_file_byte(unsigned long page, unsigned long i)
{
	return (unsigned char)(0x40 + page * 7 + i);
}

#endif /* TESTS_HOST_MM_UTIL_H */
