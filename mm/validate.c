/*
 * mm/validate.c - validate_mm(), which recomputes every invariant of an
 * address space's VMAs from scratch, and dump_vma_tree(), which prints the
 * tree for a person to read (after a failed check, or from the shell).
 *
 * validate_mm() trusts nothing it checks: the gaps are recomputed from the
 * tree's own in-order walk, not from rb_subtree_gap or vm_prev; the list is
 * walked both ways; the walks are bounded so that a corrupted list or tree
 * (a cycle) is reported instead of hanging. It is O(n).
 */
#include "kernel/printk.h"
#include "mm/anon_vma.h"
#include "mm/debug.h"
#include "mm/vma_internal.h"
#include "mm/vma.h"

/* No real address space comes near these; a walk beyond them is lost. */
#define VALIDATE_MAX_VMAS (1 << 22)
#define VALIDATE_MAX_DEPTH 128
#define VALIDATE_MAX_CHAIN 4096		/* forks deep, one link each */

/* What the tree walk carries along, in in-order. */
struct tree_walk {
	struct mm_struct *mm;
	struct vm_area_struct *list;	/* the list entry expected next */
	unsigned long prev_end;		/* vm_end of the previous node */
	int nodes;			/* nodes seen */
	int bugs;
};

/* Report one broken invariant. */
static int __printf(1, 2) bad(const char *fmt, ...)
{
	va_list ap;

	printk("validate_mm: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	return 1;
}

/*
 * The anon_vma chain of @vma: empty exactly when it has no anon_vma,
 * every link names @vma and an anon_vma, one of them its own.
 */
static int check_anon_vma_chain(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	bool own = false;
	int n = 0, bugs = 0;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma) {
		if (++n > VALIDATE_MAX_CHAIN)
			return bugs + bad("[%#lx, %#lx): the anon_vma chain does not end",
					  vma->vm_start, vma->vm_end);
		if (avc->vma != vma || !avc->anon_vma)
			bugs += bad("[%#lx, %#lx): a chain link of another VMA or none",
				    vma->vm_start, vma->vm_end);
		own |= avc->anon_vma == vma->anon_vma;
	}
	if (!vma->anon_vma != !n)
		bugs += bad("[%#lx, %#lx): anon_vma %p with %d chain links",
			    vma->vm_start, vma->vm_end, (void *)vma->anon_vma, n);
	else if (vma->anon_vma && !own)
		bugs += bad("[%#lx, %#lx): its anon_vma is not on its chain",
			    vma->vm_start, vma->vm_end);
	return bugs;
}

/* Checks of one VMA on its own. */
static int check_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	int bugs = check_anon_vma_chain(vma);

	if (vma->vm_start >= vma->vm_end)
		bugs += bad("[%#lx, %#lx) is empty or inverted", vma->vm_start,
			    vma->vm_end);
	if (!IS_ALIGNED(vma->vm_start | vma->vm_end, PAGE_SIZE))
		bugs += bad("[%#lx, %#lx) is not page aligned", vma->vm_start,
			    vma->vm_end);
	if (vma->vm_mm != mm)
		bugs += bad("[%#lx, %#lx) has vm_mm %p, not %p", vma->vm_start,
			    vma->vm_end, (void *)vma->vm_mm, (void *)mm);
	return bugs;
}

/*
 * The list, forwards: sorted, no overlap, vm_prev mirrors vm_next. Then
 * backwards from the last entry. Both counts must be map_count, and
 * highest_vm_end the end of the last entry; find_vma()'s mmap_cache, when
 * set, one of the entries.
 */
static int check_list(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	int bugs = 0, forward = 0, backward = 0;
	bool cache_seen = !mm->mmap_cache;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if (++forward > VALIDATE_MAX_VMAS)
			return bugs + bad("the list does not end (a cycle?)");
		bugs += check_vma(mm, vma);
		if (vma == mm->mmap_cache)
			cache_seen = true;
		if (vma->vm_prev != prev)
			bugs += bad("[%#lx, %#lx): vm_prev is %p, not %p",
				    vma->vm_start, vma->vm_end,
				    (void *)vma->vm_prev, (void *)prev);
		if (prev && vma->vm_start < prev->vm_end)
			bugs += bad("[%#lx, %#lx) is out of order with, or overlaps, [%#lx, %#lx) before it",
				    vma->vm_start, vma->vm_end,
				    prev->vm_start, prev->vm_end);
	}
	for (vma = prev; vma; vma = vma->vm_prev)
		if (++backward > VALIDATE_MAX_VMAS)
			return bugs + bad("the list does not end backwards");

	if (forward != mm->map_count || backward != mm->map_count)
		bugs += bad("map_count %d, but %d VMAs forwards and %d backwards",
			    mm->map_count, forward, backward);
	if (mm->highest_vm_end != (prev ? prev->vm_end : 0))
		bugs += bad("highest_vm_end %#lx, but the last VMA ends at %#lx",
			    mm->highest_vm_end, prev ? prev->vm_end : 0);
	if (!cache_seen)
		bugs += bad("mmap_cache %p is not a VMA of the list",
			    (void *)mm->mmap_cache);
	return bugs;
}

/* Red-black rules that one node and its children must keep. */
static void check_node_links(struct tree_walk *w, struct rb_node *node,
			     struct rb_node *parent)
{
	struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct,
					      vm_rb);

	if (rb_parent(node) != parent)
		w->bugs += bad("[%#lx, %#lx): parent pointer %p, not %p",
			       vma->vm_start, vma->vm_end,
			       (void *)rb_parent(node), (void *)parent);
	if (node->rb_color != RB_RED && node->rb_color != RB_BLACK)
		w->bugs += bad("[%#lx, %#lx): colour %d is neither red nor black",
			       vma->vm_start, vma->vm_end, node->rb_color);
	if (node->rb_color == RB_RED &&
	    ((node->rb_left && node->rb_left->rb_color == RB_RED) ||
	     (node->rb_right && node->rb_right->rb_color == RB_RED)))
		w->bugs += bad("[%#lx, %#lx): red node with a red child",
			       vma->vm_start, vma->vm_end);
}

/*
 * Walk the subtree at @node in order, checking it against the list, the
 * red-black rules and the gaps. Returns the subtree's gap recomputed from
 * scratch; *@black_height gets its black height (0 for NULL).
 */
static unsigned long check_subtree(struct tree_walk *w, struct rb_node *node,
				   struct rb_node *parent, int depth,
				   int *black_height)
{
	struct vm_area_struct *vma;
	unsigned long left_gap, right_gap, own_gap, gap;
	int left_bh, right_bh;

	*black_height = 0;
	if (!node)
		return 0;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	if (depth > VALIDATE_MAX_DEPTH || ++w->nodes > VALIDATE_MAX_VMAS) {
		w->bugs += bad("the tree is too deep or does not end (a cycle?)");
		return 0;
	}
	check_node_links(w, node, parent);

	left_gap = check_subtree(w, node->rb_left, node, depth + 1, &left_bh);

	/* In order: this node comes now, in the tree and in the list. */
	if (vma != w->list)
		w->bugs += bad("in-order node [%#lx, %#lx) is not the list's next entry %p",
			       vma->vm_start, vma->vm_end, (void *)w->list);
	w->list = w->list ? w->list->vm_next : NULL;
	if (vma->vm_start < w->prev_end)
		w->bugs += bad("tree node [%#lx, %#lx) starts below the end %#lx of its in-order predecessor",
			       vma->vm_start, vma->vm_end, w->prev_end);
	own_gap = vma->vm_start - w->prev_end;
	w->prev_end = vma->vm_end;

	right_gap = check_subtree(w, node->rb_right, node, depth + 1,
				  &right_bh);

	if (left_bh != right_bh)
		w->bugs += bad("[%#lx, %#lx): black height %d on the left, %d on the right",
			       vma->vm_start, vma->vm_end, left_bh, right_bh);
	*black_height = max(left_bh, right_bh) +
			(node->rb_color == RB_BLACK ? 1 : 0);

	gap = max(own_gap, max(left_gap, right_gap));
	if (vma->rb_subtree_gap != gap)
		w->bugs += bad("[%#lx, %#lx): rb_subtree_gap %#lx, should be %#lx",
			       vma->vm_start, vma->vm_end, vma->rb_subtree_gap,
			       gap);
	return gap;
}

/* The tree: root black and parentless, then check_subtree() on it all. */
static int check_tree(struct mm_struct *mm)
{
	struct tree_walk w = { .mm = mm, .list = mm->mmap };
	struct rb_node *root = mm->mm_rb.rb_node;
	int black_height;

	if (root && root->rb_color != RB_BLACK)
		w.bugs += bad("the root is not black");
	check_subtree(&w, root, NULL, 0, &black_height);
	if (w.list)
		w.bugs += bad("the list goes on after the tree's last node, at [%#lx, %#lx)",
			      w.list->vm_start, w.list->vm_end);
	if (w.nodes != mm->map_count)
		w.bugs += bad("map_count %d, but %d nodes in the tree",
			      mm->map_count, w.nodes);
	return w.bugs;
}

/* See mm/vma.h. */
int validate_mm(struct mm_struct *mm)
{
	int bugs = check_list(mm) + check_tree(mm);

	if (bugs) {
		bad("%d broken invariant(s) in mm %p", bugs, (void *)mm);
		dump_vma_tree(mm);
	}
	return bugs;
}

