/*
 * mm/rbtree.h - red-black trees, Linux's names, our own implementation.
 *
 * The node is embedded in the structure it sorts (like struct vm_area_struct's
 * vm_rb); rb_entry() gets back to the container. The tree never compares
 * keys itself: the caller walks down to the insertion point, links the node
 * there with rb_link_node(), then asks the tree to rebalance:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * The rules a red-black tree keeps, which make its height at most
 * 2 * log2(n + 1):
 *   1. every node is red or black, the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to a missing child (NULL) passes the
 *      same number of black nodes (the node's black height).
 *
 * Trees whose nodes carry a value computed from their subtree (like
 * rb_subtree_gap) use the augmented variants of mm/rbtree_augmented.h.
 */
#ifndef MM_RBTREE_H
#define MM_RBTREE_H

#include "kernel/kernel.h"

#define RB_RED 0
#define RB_BLACK 1

struct rb_node {
	struct rb_node *rb_left;
	struct rb_node *rb_right;
	struct rb_node *__rb_parent;	/* read it with rb_parent() */
	unsigned char rb_color;		/* RB_RED or RB_BLACK */
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT ((struct rb_root){ NULL })
#define RB_EMPTY_ROOT(root) ((root)->rb_node == NULL)
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* A node that is on no tree points at itself (RB_CLEAR_NODE). */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent == (node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent = (node))

static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return node->__rb_parent;
}

/*
 * rb_link_node - hang @node, red and childless, at *@rb_link, the empty
 * child slot of @parent (or the root slot when @parent is NULL) that the
 * caller's search ended on. The tree may now break rule 2: the caller
 * must follow with rb_insert_color() or rb_insert_augmented().
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent = parent;
	node->rb_color = RB_RED;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

/*
 * rb_insert_color - restore the red-black rules after rb_link_node() put
 * @node into @root, by recolouring and at most two rotations.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/*
 * rb_erase - take @node out of @root and rebalance (at most three
 * rotations). @node's own fields are left stale: the caller owns it again.
 */
void rb_erase(struct rb_node *node, struct rb_root *root);

/*
 * In-order walks. rb_first()/rb_last() return the leftmost/rightmost node
 * of @root, NULL when it is empty; rb_next()/rb_prev() the in-order
 * successor/predecessor of @node, NULL at either end (or when @node is on
 * no tree). Each step is O(1) amortised, O(log n) at worst.
 */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif /* MM_RBTREE_H */
