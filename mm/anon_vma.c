/*
 * mm/anon_vma.c - making, sharing and freeing anon_vmas and their chain
 * links, with Linux 6.1's rules (see mm/anon_vma.h for the picture).
 *
 * When each VMA gets which anon_vma:
 *
 *   first anonymous page   anon_vma_prepare: a neighbour's when the two
 *                          could be one VMA but for their access flags,
 *                          else a new root
 *   split                  both pieces keep it (anon_vma_clone)
 *   merge                  the survivor keeps its own; one that had none
 *                          takes the anon_vma of what it absorbs
 *   fork                   a new one forked from the parent VMA's, or an
 *                          unused one of the parent's chain (anon_vma_fork)
 *   unmap, exit            links dropped; unlinked anon_vmas freed
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/anon_vma.h"
#include "mm/slab.h"
#include "mm/vma.h"

static struct kmem_cache *anon_vma_cachep, *anon_vma_chain_cachep;
static unsigned long last_anon_vma_id;

/* See mm/anon_vma.h. A second call does nothing. */
void anon_vma_cache_init(void)
{
	if (anon_vma_cachep)
		return;
	anon_vma_cachep = kmem_cache_create("anon_vma",
					    sizeof(struct anon_vma), 0);
	anon_vma_chain_cachep = kmem_cache_create("anon_vma_chain",
					sizeof(struct anon_vma_chain), 0);
	if (!anon_vma_cachep || !anon_vma_chain_cachep)
		panic("anon_vma_cache_init: no memory for the caches");
}

/* See mm/anon_vma.h. */
unsigned long nr_anon_vmas(void)
{
	return anon_vma_cachep ? anon_vma_cachep->nr_active : 0;
}

/* See mm/anon_vma.h. */
unsigned long nr_anon_vma_chains(void)
{
	return anon_vma_chain_cachep ? anon_vma_chain_cachep->nr_active : 0;
}

/* A new root anon_vma with one reference (for the links to come). */
static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *anon_vma = kmem_cache_alloc(anon_vma_cachep);

	if (!anon_vma)
		return NULL;
	anon_vma->root = anon_vma;
	anon_vma->parent = anon_vma;
	anon_vma->refcount = 1;
	anon_vma->num_children = 0;
	anon_vma->num_active_vmas = 0;
	INIT_LIST_HEAD(&anon_vma->links);
	anon_vma->id = ++last_anon_vma_id;
	return anon_vma;
}

/* Drop a reference; the last one frees it, and its reference on the root. */
static void put_anon_vma(struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	BUG_ON(anon_vma->refcount <= 0);
	if (--anon_vma->refcount)
		return;
	BUG_ON(!list_empty(&anon_vma->links));
	kmem_cache_free(anon_vma_cachep, anon_vma);
	if (root != anon_vma && --root->refcount == 0) {
		BUG_ON(!list_empty(&root->links));
		kmem_cache_free(anon_vma_cachep, root);
	}
}

/* Link @vma to @anon_vma with the (allocated) link @avc. */
static void anon_vma_chain_link(struct vm_area_struct *vma,
				struct anon_vma_chain *avc,
				struct anon_vma *anon_vma)
{
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	/* at the head: the chain runs from the newest anon_vma to the root */
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	list_add(&avc->same_anon_vma, &anon_vma->links);
}

/*
 * Could @a and @b (@a right below @b) be one VMA, if they had the same
 * access flags? Same object, page offsets that run on, every other flag
 * equal: then they may well merge after an mprotect(), and only can if
 * they share an anon_vma.
 */
static bool anon_vma_compatible(const struct vm_area_struct *a,
				const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_file == b->vm_file &&
	       !((a->vm_flags ^ b->vm_flags) & ~VM_ACCESS_FLAGS) &&
	       b->vm_pgoff == a->vm_pgoff + vma_pages(a);
}

/*
 * The anon_vma of @old, one of @a and @b, if @a and @b are compatible
 * and @old has an anon_vma of its own only (no fork history: sharing an
 * inherited one would tie this VMA to another process's pages).
 */
static struct anon_vma *reusable_anon_vma(struct vm_area_struct *old,
					  struct vm_area_struct *a,
					  struct vm_area_struct *b)
{
	if (anon_vma_compatible(a, b) && old->anon_vma &&
	    anon_vma_chain_is_single(old))
		return old->anon_vma;
	return NULL;
}

/* The anon_vma @vma should share: the next VMA's first, then the one before. */
static struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma = NULL;

	if (vma->vm_next)
		anon_vma = reusable_anon_vma(vma->vm_next, vma, vma->vm_next);
	if (!anon_vma && vma->vm_prev)
		anon_vma = reusable_anon_vma(vma->vm_prev, vma->vm_prev, vma);
	return anon_vma;
}

/* See mm/anon_vma.h. Returns: 0 or -ENOMEM. */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;

	if (vma->anon_vma)
		return 0;
	avc = kmem_cache_alloc(anon_vma_chain_cachep);
	if (!avc)
		return -ENOMEM;
	anon_vma = find_mergeable_anon_vma(vma);
	if (!anon_vma) {
		anon_vma = anon_vma_alloc();
		if (!anon_vma) {
			kmem_cache_free(anon_vma_chain_cachep, avc);
			return -ENOMEM;
		}
		anon_vma->num_children++;	/* a root is its own parent */
	}
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->num_active_vmas++;
	return 0;
}

/* See mm/anon_vma.h. Returns: 0 or -ENOMEM. */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *avc, *pavc;

	/* From the root up, so that @dst's chain is in @src's order. */
	list_for_each_entry_reverse(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = pavc->anon_vma;

		avc = kmem_cache_alloc(anon_vma_chain_cachep);
		if (!avc)
			goto nomem;
		anon_vma_chain_link(dst, avc, anon_vma);
		/*
		 * Fork (only fork clones into a VMA without an anon_vma
		 * from one with one) may reuse an anon_vma that no VMA
		 * has as its own any more and that has at most one child:
		 * otherwise a process that forks and exits in a loop
		 * would grow the chain without end. A root counts itself
		 * as a child, so it is never reused while it has one.
		 */
		if (!dst->anon_vma && src->anon_vma &&
		    anon_vma->num_children < 2 &&
		    anon_vma->num_active_vmas == 0)
			dst->anon_vma = anon_vma;
	}
	if (dst->anon_vma)
		dst->anon_vma->num_active_vmas++;
	return 0;

nomem:
	/* not counted in num_active_vmas yet: unlink must not uncount it */
	dst->anon_vma = NULL;
	unlink_anon_vmas(dst);
	return -ENOMEM;
}

/* See mm/anon_vma.h. Returns: 0 or -ENOMEM. */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;

	if (!pvma->anon_vma)
		return 0;
	vma->anon_vma = NULL;		/* vm_area_dup() copied the parent's */
	if (anon_vma_clone(vma, pvma))
		return -ENOMEM;
	if (vma->anon_vma)
		return 0;		/* reused one of the chain */

	anon_vma = anon_vma_alloc();
	if (!anon_vma)
		goto nomem;
	avc = kmem_cache_alloc(anon_vma_chain_cachep);
	if (!avc) {
		put_anon_vma(anon_vma);
		goto nomem;
	}
	anon_vma->root = pvma->anon_vma->root;
	anon_vma->parent = pvma->anon_vma;
	anon_vma->root->refcount++;
	anon_vma->parent->num_children++;
	anon_vma->num_active_vmas++;
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	return 0;

nomem:
	unlink_anon_vmas(vma);
	return -ENOMEM;
}

/* See mm/anon_vma.h. */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;

	/*
	 * First pass: take the links off their anon_vmas. One left with no
	 * links is done with; its link stays on the chain for the second
	 * pass. The chain runs from the newest anon_vma to the root, so a
	 * parent still has this VMA's link when its child is found empty.
	 */
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		list_del(&avc->same_anon_vma);
		if (list_empty(&anon_vma->links)) {
			anon_vma->parent->num_children--;
			continue;
		}
		list_del(&avc->same_vma);
		kmem_cache_free(anon_vma_chain_cachep, avc);
	}
	if (vma->anon_vma) {
		vma->anon_vma->num_active_vmas--;
		vma->anon_vma = NULL;
	}
	/* Second pass: free the anon_vmas nobody links to any more. */
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		list_del(&avc->same_vma);
		put_anon_vma(avc->anon_vma);
		kmem_cache_free(anon_vma_chain_cachep, avc);
	}
}
