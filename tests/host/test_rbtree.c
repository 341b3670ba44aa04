/*
 * Host tests of mm/rbtree.c: the red-black tree alone, with an augmented
 * value that changes at every node on every insertion and erasure (the
 * subtree size), so that a missed or wrong propagate/copy/rotate shows.
 *
 * Every tree is checked with a checker of its own (below, not
 * validate_mm()): the red-black rules, parent pointers, in-order equal to a
 * sorted model, each node's size recomputed, and the four walks.
 */
#include "tests/host/test.h"
#include "tests/prng.h"
#include "mm/rbtree.h"
#include "mm/rbtree_augmented.h"

struct item {
	struct rb_node rb;
	unsigned long key;
	unsigned long size;	/* augmented: nodes in this subtree */
};

static unsigned long item_size(struct rb_node *node)
{
	return node ? rb_entry(node, struct item, rb)->size : 0;
}

static unsigned long item_compute_size(struct item *it)
{
	return 1 + item_size(it->rb.rb_left) + item_size(it->rb.rb_right);
}

RB_DECLARE_CALLBACKS(static, item_callbacks, struct item, rb, unsigned long,
		     size, item_compute_size);

/*
 * Insert @it by key. With @augmented, each node on the way down counts the
 * newcomer first (the caller's part of the rb_insert_augmented() contract).
 */
static void item_insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct item *cur = rb_entry(*link, struct item, rb);

		parent = *link;
		if (augmented)
			cur->size++;
		link = it->key < cur->key ? &parent->rb_left
					  : &parent->rb_right;
	}
	it->size = 1;
	rb_link_node(&it->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&it->rb, root, &item_callbacks);
	else
		rb_insert_color(&it->rb, root);
}

static void item_erase(struct rb_root *root, struct item *it, bool augmented)
{
	if (augmented)
		rb_erase_augmented(&it->rb, root, &item_callbacks);
	else
		rb_erase(&it->rb, root);
}

/* The checker's walk: returns the black height, -1 when broken. */
static int check_node(struct rb_node *node, struct rb_node *parent,
		      bool augmented, unsigned long *keys, int *n)
{
	struct item *it;
	int lh, rh;

	if (!node)
		return 0;
	it = rb_entry(node, struct item, rb);
	if (rb_parent(node) != parent) {
		check_failed(__FILE__, __LINE__, "key %lu: bad parent", it->key);
		return -1;
	}
	if (node->rb_color == RB_RED && parent &&
	    parent->rb_color == RB_RED) {
		check_failed(__FILE__, __LINE__, "key %lu: red under red",
			     it->key);
		return -1;
	}
	lh = check_node(node->rb_left, node, augmented, keys, n);
	keys[(*n)++] = it->key;
	rh = check_node(node->rb_right, node, augmented, keys, n);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		check_failed(__FILE__, __LINE__,
			     "key %lu: black heights %d and %d", it->key, lh,
			     rh);
		return -1;
	}
	if (augmented && it->size != item_compute_size(it)) {
		check_failed(__FILE__, __LINE__, "key %lu: size %lu, not %lu",
			     it->key, it->size, item_compute_size(it));
		return -1;
	}
	return lh + (node->rb_color == RB_BLACK);
}

/*
 * Check @root against @model, the @n keys it should hold, sorted.
 * Returns true when everything holds.
 */
static bool check_tree(struct rb_root *root, const unsigned long *model,
		       int n, bool augmented)
{
	unsigned long keys[4096];
	struct rb_node *node;
	int seen = 0, i = 0;
	int before = check_failures();

	if (root->rb_node && (root->rb_node->rb_color != RB_BLACK ||
			      rb_parent(root->rb_node)))
		check_failed(__FILE__, __LINE__, "root red or with a parent");
	if (check_node(root->rb_node, NULL, augmented, keys, &seen) < 0)
		return false;
	CHECK_EQ(seen, n);
	for (i = 0; i < n && i < seen; i++)
		CHECK_EQ(keys[i], model[i]);

	/* The walks agree with the model, both ways. */
	i = 0;
	for (node = rb_first(root); node; node = rb_next(node))
		CHECK_EQ(rb_entry(node, struct item, rb)->key, model[i++]);
	CHECK_EQ(i, n);
	for (node = rb_last(root); node; node = rb_prev(node))
		CHECK_EQ(rb_entry(node, struct item, rb)->key, model[--i]);
	CHECK_EQ(i, 0);
	return check_failures() == before;
}

/* Insert @key into the sorted @model of @n keys. */
static void model_insert(unsigned long *model, int n, unsigned long key)
{
	int i = n;

	while (i > 0 && model[i - 1] > key) {
		model[i] = model[i - 1];
		i--;
	}
	model[i] = key;
}

static void model_remove(unsigned long *model, int n, unsigned long key)
{
	int i = 0;

	while (model[i] != key)
		i++;
	for (; i < n - 1; i++)
		model[i] = model[i + 1];
}

TEST(empty_tree_walks)
{
	struct rb_root root = RB_ROOT;
	struct item one = { .key = 1 };

	CHECK(rb_first(&root) == NULL);
	CHECK(rb_last(&root) == NULL);
	item_insert(&root, &one, false);
	CHECK(rb_first(&root) == &one.rb);
	CHECK(rb_last(&root) == &one.rb);
	CHECK(rb_next(&one.rb) == NULL);
	CHECK(rb_prev(&one.rb) == NULL);
	CHECK_EQ(one.rb.rb_color, RB_BLACK);
	item_erase(&root, &one, false);
	CHECK(RB_EMPTY_ROOT(&root));
	RB_CLEAR_NODE(&one.rb);
	CHECK(rb_next(&one.rb) == NULL);
}

/*
 * Sequential insertion is the classic worst case of an unbalanced tree:
 * 1..1023 must give height at most 2 * log2(n + 1) = 20.
 */
static int height(struct rb_node *node)
{
	return node ? 1 + max(height(node->rb_left), height(node->rb_right))
		    : 0;
}

TEST(sequential_inserts_stay_balanced)
{
	static struct item items[1023];
	static unsigned long model[1023];
	struct rb_root root = RB_ROOT;

	for (int i = 0; i < 1023; i++) {
		items[i].key = i + 1;
		item_insert(&root, &items[i], true);
		model[i] = i + 1;
	}
	check_tree(&root, model, 1023, true);
	CHECK(height(root.rb_node) <= 20);
	CHECK_EQ(item_size(root.rb_node), 1023);
}

/* Next permutation of a[0..n) in lexicographic order; false after last. */
static bool next_permutation(int *a, int n)
{
	int i = n - 2, j = n - 1, t;

	while (i >= 0 && a[i] >= a[i + 1])
		i--;
	if (i < 0)
		return false;
	while (a[j] <= a[i])
		j--;
	t = a[i], a[i] = a[j], a[j] = t;
	for (i++, j = n - 1; i < j; i++, j--)
		t = a[i], a[i] = a[j], a[j] = t;
	return true;
}

/*
 * Every insertion order of 7 keys (5040 trees), and from each tree the
 * erasure of every key: all the shapes the fix-up cases can meet at this
 * size, each checked in full.
 */
TEST(all_insert_orders_of_seven_then_each_erase)
{
	int order[7] = { 1, 2, 3, 4, 5, 6, 7 };
	long trees = 0;

	do {
		for (int victim = 1; victim <= 7; victim++) {
			struct item items[7];
			unsigned long model[7] = { 1, 2, 3, 4, 5, 6, 7 };
			struct rb_root root = RB_ROOT;

			for (int i = 0; i < 7; i++) {
				items[order[i] - 1].key = order[i];
				item_insert(&root, &items[order[i] - 1], true);
			}
			if (victim == 1 && !check_tree(&root, model, 7, true))
				return;
			item_erase(&root, &items[victim - 1], true);
			model_remove(model, 7, victim);
			if (!check_tree(&root, model, 6, true))
				return;
			trees++;
		}
	} while (next_permutation(order, 7));
	CHECK_EQ(trees, 5040 * 7);
}

/*
 * Random inserts and erases against a sorted array, plain and augmented,
 * checking the whole tree after every step.
 */
static void random_run(unsigned long seed, bool augmented)
{
	static struct item items[2048];
	static bool in_tree[2048];
	static unsigned long model[2048];
	struct rb_root root = RB_ROOT;
	struct prng r;
	int n = 0;

	memset(in_tree, 0, sizeof(in_tree));
	prng_seed(&r, seed);
	for (int step = 0; step < 20000; step++) {
		int i = prng_below(&r, 2048);

		if (!in_tree[i]) {
			items[i].key = i;
			item_insert(&root, &items[i], augmented);
			model_insert(model, n++, i);
		} else {
			item_erase(&root, &items[i], augmented);
			model_remove(model, n--, i);
		}
		in_tree[i] = !in_tree[i];
		if (step % 7 == 0 || n < 16) {
			if (!check_tree(&root, model, n, augmented)) {
				printf("#   seed %#lx, step %d\n", seed, step);
				return;
			}
		}
	}
	check_tree(&root, model, n, augmented);
}

TEST(random_inserts_and_erases_plain)
{
	unsigned long seed = test_seed(0x5eed0001);

	printf("# seed %#lx\n", seed);
	random_run(seed, false);
}

TEST(random_inserts_and_erases_augmented)
{
	unsigned long seed = test_seed(0x5eed0002);

	printf("# seed %#lx\n", seed);
	random_run(seed, true);
}

/* Keys may repeat: equal keys go right, and the walks keep their order. */
TEST(duplicate_keys_keep_insertion_order)
{
	struct item items[64];
	unsigned long model[64];
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	int i = 0;

	for (i = 0; i < 64; i++) {
		items[i].key = i % 4;
		item_insert(&root, &items[i], true);
		model_insert(model, i, i % 4);
	}
	check_tree(&root, model, 64, true);
	i = 0;
	for (node = rb_first(&root); node; node = rb_next(node)) {
		/* keys 0 (items 0, 4, 8...), then 1 (items 1, 5, ...) ... */
		struct item *it = rb_entry(node, struct item, rb);

		CHECK_EQ(it - items, (i % 16) * 4 + i / 16);
		i++;
	}
}
