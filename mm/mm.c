/*
 * mm/mm.c - address spaces come and go: mm_alloc() for exec, dup_mm()
 * for fork, mmput() for exit (Linux: kernel/fork.c and mm/mmap.c).
 *
 * What an mm owns, and so what mmput() must give back:
 *
 *   mm_struct (slab) --pgd--> L1 table (4 pages) --> L2 tables (slab)
 *        |                                             |
 *        +--mmap--> VMA --> VMA --> ...                PTEs --> pages
 *                    |                                  (a reference each)
 *                    +--vm_file--> file --> inode --> page cache
 *
 * exit_mmap() zaps every PTE (each page loses a reference: anonymous
 * pages no one else maps are freed, page-cache pages stay with their
 * object), puts each file (the last reference to a shmem object frees it
 * and its pages) and frees the VMAs; then the tables and the mm go.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/memory_internal.h"
#include "mm/mm.h"
#include "mm/slab.h"
#include "mm/vma.h"
#include "mm/vma_internal.h"

static struct kmem_cache *mm_cachep;

/* mm_core_init - see mm/mm.h. Panics on OOM. */
void mm_core_init(void)
{
	vma_cache_init();
	pgtable_cache_init();
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0);
	if (!mm_cachep)
		panic("mm_core_init: out of memory");
	zero_page_init();
}

/* mm_alloc - see mm/mm.h. Returns: a new empty mm, or NULL. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep);

	if (!mm)
		return NULL;
	mm_vma_init(mm);
	mm->mm_users = 1;
	mm->mm_count = 1;	/* the users' */
	mm->task_size = TASK_SIZE;
	mm->mmap_min_addr = DEFAULT_MMAP_MIN_ADDR;
	mm->stack_rlimit = STACK_RLIMIT_DEFAULT;
	if (pgd_alloc(mm)) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* mmget - Returns: @mm, with one more user. */
struct mm_struct *mmget(struct mm_struct *mm)
{
	BUG_ON(mm->mm_users <= 0);
	mm->mm_users++;
	return mm;
}

/* exit_mmap - see mm/mm.h. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (mm->mmap)
		unmap_vmas(mm, mm->mmap, 0, mm->task_size);
	/* The mm is dying: free the VMAs without rebalancing the tree. */
	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;
		if (vma->vm_file)
			fput(vma->vm_file);
		unlink_anon_vmas(vma);
		vm_area_free(vma);
	}
	mm_vma_init(mm);
}

/* mmput - see mm/mm.h. */
void mmput(struct mm_struct *mm)
{
	BUG_ON(mm->mm_users <= 0);
	if (--mm->mm_users > 0)
		return;
	exit_mmap(mm);
	pgd_free(mm);
	mmdrop(mm);
}

/* mmget_not_zero - see mm/mm.h. */
bool mmget_not_zero(struct mm_struct *mm)
{
	if (mm->mm_users <= 0)
		return false;
	mm->mm_users++;
	return true;
}

/* mmgrab - see mm/mm.h. */
struct mm_struct *mmgrab(struct mm_struct *mm)
{
	BUG_ON(mm->mm_count <= 0);
	mm->mm_count++;
	return mm;
}

/* mmdrop - see mm/mm.h. */
void mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm->mm_count <= 0);
	if (--mm->mm_count == 0)
		kmem_cache_free(mm_cachep, mm);
}

/* dup_mmap - see mm/mm.h. Returns: 0 or -ENOMEM. */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp, *prev;
	struct rb_node **rb_link, *rb_parent;
	int ret = 0;

	BUG_ON(mm->mmap);
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;	/* MADV_DONTFORK: a hole in the child */
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			ret = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		/*
		 * the child's pages will be its own: an anon_vma of its own;
		 * MADV_WIPEONFORK memory starts empty in the child, without
		 */
		if (tmp->vm_flags & VM_WIPEONFORK) {
			tmp->anon_vma = NULL;
		} else if (anon_vma_fork(tmp, mpnt)) {
			vm_area_free(tmp);
			ret = -ENOMEM;
			break;
		}
		if (tmp->vm_file)
			get_file(tmp->vm_file);
		if (find_vma_links(mm, tmp->vm_start, tmp->vm_end, &prev,
				   &rb_link, &rb_parent))
			BUG();	/* @mm holds only the VMAs below this one */
		__vma_link(mm, tmp, prev, rb_link, rb_parent);
		mm->mmap_cache = tmp;	/* the next copy goes just above it */
		if (!(tmp->vm_flags & VM_WIPEONFORK))
			ret = copy_page_range(mm, oldmm, mpnt);
		if (ret)
			break;
	}
	VM_CHECK(mm);
	return ret;
}

/* dup_mm - see mm/mm.h. Returns: the child's mm, or NULL. */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc(), fresh;

	if (!mm)
		return NULL;
	/* everything of the layout, but nothing the new mm owns */
	fresh = *mm;
	*mm = *oldmm;
	mm_vma_init(mm);
	mm->max_map_count = oldmm->max_map_count;
	/* the arch's: the new, empty page table */
	mm->pgd = fresh.pgd;
	mm->context_id = fresh.context_id;
	mm->nr_pte_tables = fresh.nr_pte_tables;
	mm->mm_users = 1;
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* nr_mms - Returns: mm_structs in existence. */
unsigned long nr_mms(void)
{
	return mm_cachep ? mm_cachep->nr_active : 0;
}
