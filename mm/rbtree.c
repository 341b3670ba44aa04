/*
 * mm/rbtree.c - red-black tree insertion, erasure and walks, with the hooks
 * that keep an augmented value (rb_subtree_gap) exact.
 *
 * The algorithms are the textbook ones (Cormen et al., "Introduction to
 * Algorithms", ch. 13) written for nodes with parent pointers and NULL
 * leaves; the interface and the augmentation contract are Linux's
 * (include/linux/rbtree.h, rbtree_augmented.h). The plain rb_insert_color()
 * and rb_erase() are the augmented versions with callbacks that do nothing.
 *
 * In the pictures, lower-case letters are subtrees (possibly empty) and
 * upper-case letters are nodes.
 */
#include "mm/rbtree.h"
#include "mm/rbtree_augmented.h"

/* Is @node red? A missing child (NULL) counts as a black leaf. */
static bool rb_is_red(const struct rb_node *node)
{
	return node && node->rb_color == RB_RED;
}

/* Is @node black, or missing? */
static bool rb_is_black(const struct rb_node *node)
{
	return !rb_is_red(node);
}

/* Make @new the child of @parent that @old was (or the root). */
static void rb_change_child(struct rb_node *old, struct rb_node *new,
			    struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * rotate_left - lift @x's right child Y into @x's place.
 *
 *	    X                  Y
 *	   / \                / \
 *	  a   Y      ==>     X   c
 *	     / \            / \
 *	    b   c          a   b
 *
 * In-order (a X b Y c) is unchanged. Y now roots the subtree X rooted, so
 * Y takes X's augmented value and X is recomputed: augment->rotate(X, Y).
 */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->__rb_parent = x;
	y->rb_left = x;
	x->__rb_parent = y;
	y->__rb_parent = parent;
	rb_change_child(x, y, parent, root);
	augment->rotate(x, y);
}

/* The mirror image of rotate_left(): lift @x's left child into its place. */
static void rotate_right(struct rb_node *x, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_left;
	struct rb_node *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		y->rb_right->__rb_parent = x;
	y->rb_right = x;
	x->__rb_parent = y;
	y->__rb_parent = parent;
	rb_change_child(x, y, parent, root);
	augment->rotate(x, y);
}

/*
 * insert_fixup - repair rule 2 (no red node with a red child) after the red
 * @node was linked in. Black heights are right throughout: only red nodes
 * move or change colour in a way that keeps every path's black count.
 *
 * While @node and its parent P are both red (P is then not the root, so
 * the grandparent G exists and is black), with U the uncle:
 *   U red:   recolour P and U black, G red; the problem moves up to G.
 *   U black: one rotation (two if @node is an inner grandchild) puts P, or
 *            @node, black on top of G, red, and the loop ends.
 *
 *	      G(b)                 P(b)
 *	     /    \               /    \
 *	   P(r)   U(b)   ==>   N(r)    G(r)
 *	   /  \                        /  \
 *	 N(r)  c                      c   U(b)
 */
static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) {
				parent->rb_color = RB_BLACK;
				uncle->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				/* inner grandchild: make it the outer one */
				rotate_left(parent, root, augment);
				parent = node;
			}
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			rotate_right(gparent, root, augment);
		} else {
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {
				parent->rb_color = RB_BLACK;
				uncle->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(parent, root, augment);
				parent = node;
			}
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			rotate_left(gparent, root, augment);
		}
		break;
	}
	root->rb_node->rb_color = RB_BLACK;
}

/*
 * erase_fixup - repair rule 3 after a black node was removed: the paths
 * through the slot @node (possibly NULL) under @parent are one black short.
 *
 * While @node is black and not the root, with S its sibling (S exists,
 * since the paths through S still have the black node @node's side lost):
 *   S red:              rotate S above @parent and swap their colours;
 *                       @node gets a black sibling, the deficit stays.
 *   S black, both of S's children black:
 *                       paint S red: now @parent's whole subtree is short,
 *                       move up (and stop if @parent was red: paint it black).
 *   S black, S's far child black, near child red:
 *                       rotate the near child above S: the far child of the
 *                       new sibling is red, which is the last case.
 *   S black, S's far child red:
 *                       rotate S above @parent, S takes @parent's colour,
 *                       @parent and the far child turn black: the short
 *                       side gained a black node, the others kept theirs.
 */
static void erase_fixup(struct rb_node *node, struct rb_node *parent,
			struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *sibling;

	while (node != root->rb_node && rb_is_black(node)) {
		/*
		 * When @node is NULL, the short slot is the one that is
		 * empty: the sibling's side has a black node, so is not.
		 */
		if (node == parent->rb_left) {
			sibling = parent->rb_right;
			if (rb_is_red(sibling)) {
				sibling->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				rotate_left(parent, root, augment);
				sibling = parent->rb_right;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) {
				sibling->rb_color = RB_RED;
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_right)) {
				sibling->rb_left->rb_color = RB_BLACK;
				sibling->rb_color = RB_RED;
				rotate_right(sibling, root, augment);
				sibling = parent->rb_right;
			}
			sibling->rb_color = parent->rb_color;
			parent->rb_color = RB_BLACK;
			sibling->rb_right->rb_color = RB_BLACK;
			rotate_left(parent, root, augment);
		} else {
			sibling = parent->rb_left;
			if (rb_is_red(sibling)) {
				sibling->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				rotate_right(parent, root, augment);
				sibling = parent->rb_left;
			}
			if (rb_is_black(sibling->rb_left) &&
			    rb_is_black(sibling->rb_right)) {
				sibling->rb_color = RB_RED;
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_left)) {
				sibling->rb_right->rb_color = RB_BLACK;
				sibling->rb_color = RB_RED;
				rotate_left(sibling, root, augment);
				sibling = parent->rb_left;
			}
			sibling->rb_color = parent->rb_color;
			parent->rb_color = RB_BLACK;
			sibling->rb_left->rb_color = RB_BLACK;
			rotate_right(parent, root, augment);
		}
		node = root->rb_node;
		break;
	}
	if (node)
		node->rb_color = RB_BLACK;
}

/*
 * rb_erase_augmented - unlink @node from @root, keep the augmented values
 * exact, rebalance.
 *
 * With at most one child, @node is spliced out and its child (if any)
 * takes its slot. With two children, its in-order successor S (the
 * leftmost node of its right subtree, which has no left child) is spliced
 * out of its own slot and then put in @node's, with @node's colour:
 *
 *	     N                 S
 *	    / \               / \
 *	   a   R             a   R
 *	      /      ==>        /
 *	     ...              ...
 *	    /                 /
 *	   S                 c
 *	    \
 *	     c
 *
 * Either way one node's colour left the tree from one slot: if it was
 * black, erase_fixup() restores the black heights from there.
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *child, *parent, *succ;
	unsigned char removed_color;

	if (!node->rb_left || !node->rb_right) {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		removed_color = node->rb_color;
		if (child)
			child->__rb_parent = parent;
		rb_change_child(node, child, parent, root);
		augment->propagate(parent, NULL);
	} else {
		succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		removed_color = succ->rb_color;
		if (succ == node->rb_right) {
			parent = succ;	/* S keeps its right subtree */
		} else {
			parent = rb_parent(succ);
			parent->rb_left = child;
			if (child)
				child->__rb_parent = parent;
			succ->rb_right = node->rb_right;
			succ->rb_right->__rb_parent = succ;
		}
		succ->rb_left = node->rb_left;
		succ->rb_left->__rb_parent = succ;
		succ->__rb_parent = rb_parent(node);
		succ->rb_color = node->rb_color;
		rb_change_child(node, succ, rb_parent(node), root);

		/* Below S's new place the subtrees lost S: recompute them. */
		augment->copy(node, succ);
		augment->propagate(parent, succ);
		augment->propagate(succ, NULL);
	}

	if (removed_color == RB_BLACK)
		erase_fixup(child, parent, root, augment);
}

/* See mm/rbtree_augmented.h. */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment);
}

/* The callbacks of a plain tree: there is no value to keep. */
static void dummy_propagate(struct rb_node *node, struct rb_node *stop)
{
}

static void dummy_copy(struct rb_node *old, struct rb_node *new)
{
}

static void dummy_rotate(struct rb_node *old, struct rb_node *new)
{
}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

/* See mm/rbtree.h. */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, &dummy_callbacks);
}

/* See mm/rbtree.h. */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, &dummy_callbacks);
}

/* See mm/rbtree.h. */
struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_left)
		node = node->rb_left;
	return node;
}

/* See mm/rbtree.h. */
struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_right)
		node = node->rb_right;
	return node;
}

/*
 * See mm/rbtree.h. The successor is the leftmost node of the right
 * subtree; without a right subtree, it is the first ancestor we reach
 * from its left side.
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

/* See mm/rbtree.h. The mirror image of rb_next(). */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
