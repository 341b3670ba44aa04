/*
 * mm/anon_vma.h - the anon_vma of a VMA: which "family" its anonymous
 * pages belong to, as Linux 6.1 keeps it, and the chain that ties a VMA
 * to the anon_vmas of the processes it was forked from.
 *
 * Why topdown has it: merging. Linux joins two VMAs only if their
 * anonymous pages can be found from one anon_vma afterwards, so two
 * neighbours that were written to on their own (each got its own
 * anon_vma at its first write) stay apart even with equal flags; see
 * is_mergeable_anon_vma() in mm/vma_merge.c. Linux's reverse map walks
 * the same structures from a page to every PTE that maps it (for
 * swapping and migration); topdown has no such walk, so the part of an
 * anon_vma that indexes its VMAs by page offset (an interval tree) is a
 * plain list here.
 *
 *   vma->anon_vma        NULL until the first anonymous page (a write
 *                        fault, a copy on write, a stack growing):
 *                        anon_vma_prepare(). Pieces of a split share it.
 *   vma->anon_vma_chain  one anon_vma_chain link per anon_vma whose
 *                        pages may be mapped in the VMA: its own, and
 *                        after fork those of the parent, grandparent...
 *
 * One private page P written before a fork, a parent VMA V and the
 * child's copy V' (A: the parent's anon_vma, B: the child's, forked from
 * A):
 *
 *	V  ->anon_vma = A   chain: A                 A: root A, parent A
 *	V' ->anon_vma = B   chain: B, A              B: root A, parent A
 *
 * P (made in V) can be mapped by V and V'; a page the child makes later
 * belongs to B and can only be in V'. A chain with one link is the test
 * Linux uses for "this VMA has no anon_vma inherited from a parent".
 *
 * Portable: compiled into the kernel and, unchanged, into the host tests.
 */
#ifndef MM_ANON_VMA_H
#define MM_ANON_VMA_H

#include "kernel/list.h"
#include "mm/mm_types.h"

struct anon_vma {
	struct anon_vma *root;		/* the first of its fork family */
	struct anon_vma *parent;	/* forked from (a root: itself) */
	/*
	 * References: one while any chain link names it, one for each
	 * anon_vma of the family whose root it is (so the root lives as
	 * long as the family does). Freed when the count reaches 0.
	 */
	int refcount;
	/*
	 * What Linux 6.1 looks at before reusing an anon_vma for a forked
	 * VMA (anon_vma_clone): anon_vmas forked from this one (a root
	 * counts itself), and VMAs whose ->anon_vma it is.
	 */
	unsigned long num_children;
	unsigned long num_active_vmas;
	struct list_head links;		/* anon_vma_chain.same_anon_vma */
	unsigned long id;		/* a small number, for reports */
};

/* One link: @vma may map pages of @anon_vma. */
struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* on vma->anon_vma_chain */
	struct list_head same_anon_vma;	/* on anon_vma->links */
};

/* Set up the two caches. Call once, with vma_cache_init(). */
void anon_vma_cache_init(void);

/*
 * anon_vma_prepare - make sure @vma has an anon_vma, before its first
 * anonymous page goes in: reuse a compatible neighbour's (so that the
 * two can merge later, as after mprotect), else a new one.
 * Returns: 0 or -ENOMEM.
 */
int anon_vma_prepare(struct vm_area_struct *vma);

/*
 * anon_vma_clone - link @dst to every anon_vma @src is linked to (a VMA
 * split off @src, or one taking over @src's pages in a merge). A forked
 * @dst without an anon_vma may take an unused one of the chain.
 * Returns: 0 or -ENOMEM (then @dst has no anon_vma and no links).
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);

/*
 * anon_vma_fork - @vma is fork's copy of the parent's @pvma: link it to
 * @pvma's anon_vmas and give it one of its own, forked from @pvma's.
 * Nothing to do when @pvma has none.
 * Returns: 0 or -ENOMEM (then @vma has no anon_vma and no links).
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);

/*
 * unlink_anon_vmas - @vma is going away (or giving up its pages): drop
 * all its links; an anon_vma no VMA links to any more is freed.
 */
void unlink_anon_vmas(struct vm_area_struct *vma);

/* Is @vma linked to exactly one anon_vma (none inherited by fork)? */
static inline bool anon_vma_chain_is_single(const struct vm_area_struct *vma)
{
	const struct list_head *chain = &vma->anon_vma_chain;

	return !list_empty(chain) && chain->next->next == chain;
}

/* anon_vmas and chain links in existence (tests look for leaks). */
unsigned long nr_anon_vmas(void);
unsigned long nr_anon_vma_chains(void);

#endif /* MM_ANON_VMA_H */
