/*
 * mm/rbtree_augmented.h - red-black trees whose nodes carry a value computed
 * from their subtree, kept exact through insertion, erasure and rotation.
 *
 * The VMA tree is the user: each node keeps rb_subtree_gap, the largest free
 * gap below any VMA of its subtree, so the placement search can skip whole
 * subtrees (mm/unmapped_area.c). The tree code knows nothing of gaps; it
 * calls three callbacks at the moments a subtree changes shape:
 *
 *   propagate(node, stop)  recompute the value of @node, then of its parent,
 *                          and so on up to (not including) @stop, or up to
 *                          the root when @stop is NULL; it may end early at
 *                          the first node whose value does not change, since
 *                          nothing above it can change either.
 *   copy(old, new)         @new takes @old's place in the tree with the same
 *                          subtree (erasing a node with two children): @new
 *                          gets @old's value.
 *   rotate(old, new)       a rotation moved @new up into @old's place and
 *                          @old down to be @new's child: @new now holds the
 *                          subtree @old held, so it gets @old's value, and
 *                          @old is recomputed from its new children.
 *
 * RB_DECLARE_CALLBACKS() writes all three from one function that computes a
 * node's value from the node itself and its two children.
 */
#ifndef MM_RBTREE_AUGMENTED_H
#define MM_RBTREE_AUGMENTED_H

#include "mm/rbtree.h"

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/*
 * rb_insert_augmented - rb_insert_color() for an augmented tree.
 *
 * Precondition: @node was linked with rb_link_node() and the caller has
 * already set @node's value and propagated it to the root (the new node
 * changes its ancestors' subtrees); the rotations are then handled here.
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/*
 * rb_erase_augmented - rb_erase() for an augmented tree: every node whose
 * subtree lost @node, or was rearranged, is recomputed through @augment.
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * RB_DECLARE_CALLBACKS - define the callbacks of an augmented tree.
 *
 * @rbstatic:	storage class of the callbacks structure (static or empty)
 * @rbname:	its name; the functions are @rbname_propagate, _copy, _rotate
 * @rbstruct:	the structure the nodes are embedded in
 * @rbfield:	the name of the struct rb_node member of @rbstruct
 * @rbtype:	the type of the augmented value
 * @rbaugmented: the name of the @rbtype member holding it
 * @rbcompute:	@rbtype rbcompute(@rbstruct *node): the value @node should
 *		hold, from its own data and its children's stored values
 */
#define RB_DECLARE_CALLBACKS(rbstatic, rbname, rbstruct, rbfield, rbtype,   \
			     rbaugmented, rbcompute)                          \
static inline void rbname##_propagate(struct rb_node *rb,                   \
				      struct rb_node *stop)                 \
{                                                                           \
	while (rb != stop) {                                                \
		rbstruct *__n = rb_entry(rb, rbstruct, rbfield);            \
		rbtype __value = rbcompute(__n);                            \
		if (__n->rbaugmented == __value)                            \
			break;                                              \
		__n->rbaugmented = __value;                                 \
		rb = rb_parent(rb);                                         \
	}                                                                   \
}                                                                           \
static inline void rbname##_copy(struct rb_node *rb_old,                    \
				 struct rb_node *rb_new)                    \
{                                                                           \
	rb_entry(rb_new, rbstruct, rbfield)->rbaugmented =                  \
		rb_entry(rb_old, rbstruct, rbfield)->rbaugmented;           \
}                                                                           \
static inline void rbname##_rotate(struct rb_node *rb_old,                  \
				   struct rb_node *rb_new)                  \
{                                                                           \
	rbstruct *__old = rb_entry(rb_old, rbstruct, rbfield);              \
	rbstruct *__new = rb_entry(rb_new, rbstruct, rbfield);              \
	__new->rbaugmented = __old->rbaugmented;                            \
	__old->rbaugmented = rbcompute(__old);                              \
}                                                                           \
rbstatic const struct rb_augment_callbacks rbname = {                       \
	.propagate = rbname##_propagate,                                    \
	.copy = rbname##_copy,                                              \
	.rotate = rbname##_rotate,                                          \
}

#endif /* MM_RBTREE_AUGMENTED_H */
