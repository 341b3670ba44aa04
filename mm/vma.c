/*
 * mm/vma.c - the VMAs of an address space: allocating them, finding them,
 * linking them into (and out of) the sorted list and the gap tree, and
 * keeping rb_subtree_gap exact while doing so.
 *
 * Every VMA of an mm is on two structures at once:
 *
 *   mm->mmap --> [A] <--> [B] <--> [C]        the list, lowest first
 *
 *                     [B]                     the red-black tree keyed
 *                    /   \                    by vm_start, each node
 *                  [A]   [C]                  augmented with the largest
 *                                             gap in its subtree
 *
 * The list gives O(1) neighbours (vm_prev, vm_next); the tree O(log n)
 * lookups and, through rb_subtree_gap, the O(log n) placement search of
 * mm/unmapped_area.c. The two must always hold the same VMAs in the same
 * order; validate_mm() checks that they do.
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/vma_internal.h"
#include "mm/rbtree_augmented.h"
#include "mm/slab.h"
#include "mm/vma.h"

static struct kmem_cache *vm_area_cachep;

/* See mm/vma.h. A second call does nothing. */
void vma_cache_init(void)
{
	if (vm_area_cachep)
		return;
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0);
	if (!vm_area_cachep)
		panic("vma_cache_init: no memory for the vm_area_struct cache");
	anon_vma_cache_init();
}

/* See mm/vma.h. */
void mm_vma_init(struct mm_struct *mm)
{
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	mm->max_map_count = DEFAULT_MAX_MAP_COUNT;
	mm->highest_vm_end = 0;
	mm->mmap_cache = NULL;
	mm->vm_check_credit = 0;
}

/* See mm/vma.h. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep);

	if (vma) {
		vma->vm_mm = mm;
		RB_CLEAR_NODE(&vma->vm_rb);
		INIT_LIST_HEAD(&vma->anon_vma_chain);
	}
	return vma;
}

/* See mm/vma.h. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep);

	if (new) {
		*new = *orig;
		new->vm_next = NULL;
		new->vm_prev = NULL;
		new->vm_rb = (struct rb_node){ NULL, NULL, NULL, RB_BLACK };
		RB_CLEAR_NODE(&new->vm_rb);
		new->rb_subtree_gap = 0;
		/* the anon_vma pointer is kept; the links are the caller's */
		INIT_LIST_HEAD(&new->anon_vma_chain);
	}
	return new;
}

/* See mm/vma.h. */
void vm_area_free(struct vm_area_struct *vma)
{
	if (vma)
		BUG_ON(!list_empty(&vma->anon_vma_chain));
	kmem_cache_free(vm_area_cachep, vma);
}

/* ---------------------------------------------------------------------
 * The gap tree
 */

/*
 * vma_compute_subtree_gap - see mm/vma.h; the one definition, used by the
 * tree's callbacks below and by the local checks of vm_check.c and the
 * '!' marks of vma_tree_show.c (validate.c recomputes whole subtrees its
 * own, naive way).
 *
 * The own gap matters: in
 *
 *	          P
 *	        /   \            | G1 | L | G2 | T |   G3   | P | G4 | R |
 *	       L     R
 *	        \
 *	         T
 *
 * P's own gap G3 lies between T (in the left subtree) and P, and may be
 * the largest of all.
 */
unsigned long vma_compute_subtree_gap(struct vm_area_struct *vma)
{
	unsigned long max = vma_gap(vma);
	struct vm_area_struct *child;

	if (vma->vm_rb.rb_left) {
		child = rb_entry(vma->vm_rb.rb_left, struct vm_area_struct,
				 vm_rb);
		if (child->rb_subtree_gap > max)
			max = child->rb_subtree_gap;
	}
	if (vma->vm_rb.rb_right) {
		child = rb_entry(vma->vm_rb.rb_right, struct vm_area_struct,
				 vm_rb);
		if (child->rb_subtree_gap > max)
			max = child->rb_subtree_gap;
	}
	return max;
}

RB_DECLARE_CALLBACKS(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
		     unsigned long, rb_subtree_gap, vma_compute_subtree_gap);

/* See mm/vma.h: the generated propagate callback does just this. */
void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

/* ---------------------------------------------------------------------
 * Lookups
 */

/*
 * See mm/vma.h. Walk down: a VMA ending above @addr is a candidate, and a
 * better one can only be to its left; a VMA ending at or below @addr is
 * not, and neither is anything to its left.
 *
 * First, mm->mmap_cache: the last VMA found, tried before the walk. Page
 * faults come in runs in the same VMA, so most are answered without a
 * walk. That is Linux's mm->mmap_cache of 2.4 to 3.14 (a per-thread
 * vmacache of four followed, until the maple tree of 6.1 made lookups
 * cheap enough without). A VMA that holds @addr is the answer whatever
 * the tree looks like; a VMA leaving the tree (__vma_unlink) or the whole
 * mm (mm_vma_init) clears the cache, so it never points at a freed one.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *vma = mm->mmap_cache;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;	/* the one VMA holding @addr: the answer */
	vma = NULL;
	while (node) {
		struct vm_area_struct *tmp =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (tmp->vm_end > addr) {
			vma = tmp;
			if (tmp->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	if (vma)
		mm->mmap_cache = vma;
	return vma;
}

/* See mm/vma.h. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	struct rb_node *last;

	if (vma) {
		*pprev = vma->vm_prev;
	} else {
		last = rb_last(&mm->mm_rb);
		*pprev = last ? rb_entry(last, struct vm_area_struct, vm_rb)
			      : NULL;
	}
	return vma;
}

/* See mm/vma.h. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

/*
 * The empty slot between two VMAs adjacent in the list, @prev and @next
 * (either may be NULL, not both): of prev's right child and next's left
 * child, one is empty. Either next lies in prev's right subtree, as its
 * leftmost node (so next has no left child), or prev lies in next's left
 * subtree, as its rightmost node (so prev has no right child).
 */
static void slot_between(struct vm_area_struct *prev,
			 struct vm_area_struct *next,
			 struct rb_node ***rb_link, struct rb_node **rb_parent)
{
	if (prev && !prev->vm_rb.rb_right) {
		*rb_parent = &prev->vm_rb;
		*rb_link = &prev->vm_rb.rb_right;
	} else {
		*rb_parent = &next->vm_rb;
		*rb_link = &next->vm_rb.rb_left;
	}
}

/*
 * [@addr, @end) lies in the free gap just below or just above @hint (a VMA
 * of the tree): then its neighbours are @hint and one of @hint's, and its
 * slot is found without a walk. The usual cases: mmap_region() links the
 * range the placement search just chose, below mm->mmap_cache (the search
 * leaves there the VMA above the gap it chose); fork appends each copy
 * just above the one it linked last. In a BST the empty slot between two
 * neighbours is unique, so the tree comes out exactly as after the walk.
 */
static bool links_near(struct vm_area_struct *hint, unsigned long addr,
		       unsigned long end, struct vm_area_struct **pprev,
		       struct rb_node ***rb_link, struct rb_node **rb_parent)
{
	struct vm_area_struct *next;

	if (end <= hint->vm_start && vma_prev_end(hint) <= addr) {
		*pprev = hint->vm_prev;	/* in the gap below hint */
		slot_between(hint->vm_prev, hint, rb_link, rb_parent);
		return true;
	}
	next = hint->vm_next;
	if (hint->vm_end <= addr && (!next || end <= next->vm_start)) {
		*pprev = hint;		/* in the gap above hint */
		slot_between(hint, next, rb_link, rb_parent);
		return true;
	}
	return false;
}

/*
 * See mm/vma.h. Near mm->mmap_cache when the range lies next to it, else
 * the walk of find_vma(), that goes on down to an empty slot: the slot
 * where a VMA starting at @addr belongs.
 */
int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   struct vm_area_struct **pprev, struct rb_node ***rb_link,
		   struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node;
	struct rb_node *parent = NULL, *prev = NULL;

	if (mm->mmap_cache &&
	    links_near(mm->mmap_cache, addr, end, pprev, rb_link, rb_parent))
		return 0;

	while (*link) {
		struct vm_area_struct *tmp;

		parent = *link;
		tmp = rb_entry(parent, struct vm_area_struct, vm_rb);
		if (tmp->vm_end > addr) {
			/* tmp ends above addr: it overlaps, or lies above */
			if (tmp->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			/* tmp lies below: the highest one so far */
			prev = parent;
			link = &parent->rb_right;
		}
	}

	*pprev = prev ? rb_entry(prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/* ---------------------------------------------------------------------
 * Linking and unlinking
 */

/* Put @vma into @mm's list right after @prev (first if @prev is NULL). */
static void __vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			    struct vm_area_struct *prev)
{
	struct vm_area_struct *next;

	if (prev) {
		next = prev->vm_next;
		prev->vm_next = vma;
	} else {
		next = mm->mmap;
		mm->mmap = vma;
	}
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (next)
		next->vm_prev = vma;
}

/*
 * Put @vma, already on the list, into @mm's tree at (@rb_link, @rb_parent).
 * Its arrival shrinks the gap of the VMA after it; its own gap is new.
 * Both are brought up to date before the rebalancing, whose rotations
 * then keep every rb_subtree_gap exact.
 *
 * One climb to the root does both: the new node is a leaf, and the VMA
 * after it is an ancestor of it (a leaf's neighbours in address order
 * are ancestors: it hangs below one of them, and the path to it last
 * turned the other way at the other). So the climb from the new leaf
 * passes through vm_next, recomputing it with its smaller gap, and
 * usually on to the root. When the new leaf hangs right below vm_next,
 * the climb began there; otherwise it may have stopped below vm_next,
 * where nothing changed, and vma_gap_update(vm_next) does the rest.
 */
static void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct rb_node **rb_link, struct rb_node *rb_parent)
{
	if (!vma->vm_next)
		mm->highest_vm_end = vma->vm_end;

	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = vma_gap(vma);	/* a leaf: its own gap */
	if (rb_parent)
		vma_gap_callbacks_propagate(rb_parent, NULL);
	if (vma->vm_next && &vma->vm_next->vm_rb != rb_parent)
		vma_gap_update(vma->vm_next);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
}

/* See mm/vma_internal.h. */
void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		struct vm_area_struct *prev, struct rb_node **rb_link,
		struct rb_node *rb_parent)
{
	BUG_ON(vma->vm_mm != mm);
	__vma_link_list(mm, vma, prev);
	__vma_link_rb(mm, vma, rb_link, rb_parent);
	/* (Linux also puts a file VMA on its file's i_mmap tree here: the
	 * reverse map. topdown never needs to find a file page's mappings.) */
	mm->map_count++;
}

/* See mm/vma.h. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
	      struct vm_area_struct *prev, struct rb_node **rb_link,
	      struct rb_node *rb_parent)
{
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	VM_CHECK(mm);
}

/* See mm/vma_internal.h. */
void __insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link,
			   &rb_parent))
		panic("__insert_vm_struct: [%#lx, %#lx) overlaps a VMA",
		      vma->vm_start, vma->vm_end);
	__vma_link(mm, vma, prev, rb_link, rb_parent);
}

/* See mm/vma.h. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link,
			   &rb_parent))
		return -ENOMEM;
	if (!vma->vm_file)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/*
 * See mm/vma_internal.h. The list first, and with it the gap of the VMA
 * after @vma, which now reaches down to the VMA before @vma: its climb
 * (vma_gap_update) leaves every rb_subtree_gap exact for a tree that
 * still holds @vma, whose own gap is still counted. Then the erasure
 * takes @vma's gap out on its way up, and stops as soon as a subtree's
 * largest gap is another one: when @vma sat just below its neighbour,
 * as a munmap of what an mmap just placed, that is at once, since the
 * neighbour's grown gap is larger. (Erasing first and fixing the
 * neighbour after costs two climbs to the root; and the erasure's
 * rotations may move the neighbour, so that a climb after it could stop
 * too early.)
 */
void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? prev->vm_end : 0;
	}

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
	vma->vm_next = NULL;
	vma->vm_prev = NULL;
	mm->map_count--;
}

/* See mm/vma.h. */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	__vma_unlink(mm, vma);
	VM_CHECK(mm);
}
