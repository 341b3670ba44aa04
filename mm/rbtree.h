/*
 * mm/rbtree.h - red-black trees, Linux's names, our own implementation.
 *
 * The node is embedded in the structure it sorts (like struct vm_area_struct's
 * vm_rb); rb_entry() gets back to the container. The tree never compares
 * keys itself: the caller walks down to the insertion point, links the node
 * there with rb_link_node(), then asks the tree to rebalance.
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

static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return node->__rb_parent;
}

#endif /* MM_RBTREE_H */
