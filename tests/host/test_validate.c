/*
 * Host tests of mm/validate.c: validate_mm() must find every kind of
 * broken invariant. Each test corrupts one thing in a healthy address
 * space, expects validate_mm() to report it (non-zero), restores it and
 * expects 0 again. The reports and tree dumps they print are expected.
 *
 * The address space, 7 VMAs of 2 pages with 1-page holes:
 *
 *	"AA BB CC DD EE FF GG"
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"

static struct mm_struct *healthy(struct sketch *s)
{
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AA BB CC DD EE FF GG", s);
	CHECK_EQ(validate_mm(mm), 0);
	return mm;
}

static struct vm_area_struct *node_vma(struct rb_node *node)
{
	return rb_entry(node, struct vm_area_struct, vm_rb);
}

static struct rb_node *root_node(struct mm_struct *mm)
{
	return mm->mm_rb.rb_node;
}

/* The leftmost leaf: a node without children, on the left edge. */
static struct rb_node *a_leaf(struct mm_struct *mm)
{
	struct rb_node *node = root_node(mm);

	while (node->rb_left || node->rb_right)
		node = node->rb_left ? node->rb_left : node->rb_right;
	return node;
}

/* Corrupt a field, check the report, restore, check it is clean again. */
#define EXPECT_CAUGHT(mm, field, bad_value)                              \
	do {                                                             \
		__typeof__(field) __saved = (field);                     \
		(field) = (bad_value);                                   \
		CHECK(validate_mm(mm) > 0);                              \
		(field) = __saved;                                       \
		CHECK_EQ(validate_mm(mm), 0);                            \
	} while (0)

TEST(empty_and_healthy_mms_validate)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
	mm = healthy(&s);
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

TEST(catches_a_wrong_subtree_gap)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct vm_area_struct *root = node_vma(root_node(mm));
	struct vm_area_struct *leaf = node_vma(a_leaf(mm));

	EXPECT_CAUGHT(mm, root->rb_subtree_gap, 0);
	EXPECT_CAUGHT(mm, root->rb_subtree_gap, root->rb_subtree_gap + 1);
	EXPECT_CAUGHT(mm, leaf->rb_subtree_gap,
		      leaf->rb_subtree_gap + PAGE_SIZE);
	/* a gap too small by one page, in a node that is not the largest */
	EXPECT_CAUGHT(mm, VMA(&s, 'G')->rb_subtree_gap,
		      VMA(&s, 'G')->rb_subtree_gap - PAGE_SIZE);
	vmt_mm_free(mm);
}

/*
 * B and C swapped in the list, with every vm_next and vm_prev consistent:
 * the counts agree, only the order is wrong.
 *
 *	list: A C B D ...   tree: A B C D ...
 */
TEST(catches_a_list_out_of_order)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct vm_area_struct *a = VMA(&s, 'A'), *b = VMA(&s, 'B');
	struct vm_area_struct *c = VMA(&s, 'C'), *d = VMA(&s, 'D');

	a->vm_next = c, c->vm_prev = a;
	c->vm_next = b, b->vm_prev = c;
	b->vm_next = d, d->vm_prev = b;
	CHECK(validate_mm(mm) > 0);
	a->vm_next = b, b->vm_prev = a;
	b->vm_next = c, c->vm_prev = b;
	c->vm_next = d, d->vm_prev = c;
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

TEST(catches_broken_list_links)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);

	/* a vm_next skipping C: one VMA short forwards */
	EXPECT_CAUGHT(mm, VMA(&s, 'B')->vm_next, VMA(&s, 'D'));
	/* a vm_prev pointing nowhere: one VMA short backwards */
	EXPECT_CAUGHT(mm, VMA(&s, 'E')->vm_prev, NULL);
	/* the list head at the second VMA */
	EXPECT_CAUGHT(mm, mm->mmap, VMA(&s, 'B'));
	vmt_mm_free(mm);
}

TEST(catches_a_wrong_map_count)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);

	EXPECT_CAUGHT(mm, mm->map_count, 8);
	EXPECT_CAUGHT(mm, mm->map_count, 6);
	EXPECT_CAUGHT(mm, mm->map_count, 0);
	vmt_mm_free(mm);
}

TEST(catches_a_wrong_highest_vm_end)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);

	EXPECT_CAUGHT(mm, mm->highest_vm_end, PG(20) + PAGE_SIZE);
	EXPECT_CAUGHT(mm, mm->highest_vm_end, PG(18));
	vmt_mm_free(mm);
}

/*
 * Colours: a red root; and any other node's colour flipped, which makes
 * its side of its parent one black node longer or shorter than the other.
 */
TEST(catches_wrong_colours)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct rb_node *root = root_node(mm);

	EXPECT_CAUGHT(mm, root->rb_color, RB_RED);
	EXPECT_CAUGHT(mm, root->rb_color, 7);	/* neither red nor black */
	for (char c = 'A'; c <= 'G'; c++) {
		struct rb_node *node = &VMA(&s, c)->vm_rb;

		if (node == root)
			continue;
		EXPECT_CAUGHT(mm, node->rb_color,
			      node->rb_color == RB_RED ? RB_BLACK : RB_RED);
	}
	vmt_mm_free(mm);
}

TEST(catches_broken_tree_links)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct rb_node *root = root_node(mm), *leaf = a_leaf(mm);
	struct rb_node *left = root->rb_left, *right = root->rb_right;

	/* a parent pointer to the wrong node, or to none */
	EXPECT_CAUGHT(mm, leaf->__rb_parent, root->rb_right);
	EXPECT_CAUGHT(mm, leaf->__rb_parent, NULL);
	EXPECT_CAUGHT(mm, root->__rb_parent, leaf);
	/* a subtree cut off: the tree has fewer nodes than the list */
	EXPECT_CAUGHT(mm, root->rb_right, NULL);

	/* the root's subtrees swapped: the in-order walk is out of order */
	root->rb_left = right;
	root->rb_right = left;
	CHECK(validate_mm(mm) > 0);
	root->rb_left = left;
	root->rb_right = right;
	CHECK_EQ(validate_mm(mm), 0);
	vmt_mm_free(mm);
}

TEST(catches_bad_vma_bounds)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct vm_area_struct *c = VMA(&s, 'C');

	/* C overlapping D */
	EXPECT_CAUGHT(mm, c->vm_end, VMA(&s, 'D')->vm_start + PAGE_SIZE);
	/* C overlapping B (and out of tree order) */
	EXPECT_CAUGHT(mm, c->vm_start, VMA(&s, 'B')->vm_end - PAGE_SIZE);
	/* C empty, C inverted */
	EXPECT_CAUGHT(mm, c->vm_end, c->vm_start);
	EXPECT_CAUGHT(mm, c->vm_end, c->vm_start - PAGE_SIZE);
	/* C not page aligned */
	EXPECT_CAUGHT(mm, c->vm_end, c->vm_end - 1);
	/* C's start moved up without a gap update: C's gap is wrong */
	EXPECT_CAUGHT(mm, c->vm_start, c->vm_start + PAGE_SIZE);
	vmt_mm_free(mm);
}

TEST(catches_a_vma_of_another_mm)
{
	struct sketch s;
	struct mm_struct *mm = healthy(&s);
	struct mm_struct other;

	EXPECT_CAUGHT(mm, VMA(&s, 'F')->vm_mm, &other);
	vmt_mm_free(mm);
}
