/*
 * Host tests of mm/vma_tree_show.c: the tree as DOT, the picture of
 * /proc/self/vma_tree.dot and of make pictures. The trees are those a
 * red-black tree must have after the insertions (three in address order:
 * the middle one is the black root, the others its red children), the
 * gaps worked out by hand from the sketches (SKETCH_BASE 0x100000).
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"
#include "mm/proc_maps.h"

static char dot[4096];

#define CHECK_HAS(text, line)                                            \
	do {                                                             \
		if (!strstr((text), (line)))                             \
			check_failed(__FILE__, __LINE__,                 \
				     "no line \"%s\" in:\n%s", (line), (text)); \
	} while (0)

/*
 *	AA  BB  CC      B is the root, A its left and C its right child;
 *	                gaps 0x100000 (from 0), 0x2000, 0x2000
 */
TEST(dot_draws_each_vma_with_its_gaps_and_colour_and_each_edge)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	size_t len;

	sketch_build(mm, "AA  BB  CC", &s);
	len = show_vma_tree_dot(mm, dot, sizeof(dot));
	CHECK_EQ(len, strlen(dot));
	CHECK(!strncmp(dot, "digraph vma_tree {\n", 19));
	CHECK_HAS(dot, "  label=\"VMA tree: map_count 3, highest_vm_end 0x10a000, mmap_base 0\";\n");
	CHECK_HAS(dot, "  v_104000 [label=\"[0x00104000, 0x00106000)\\ngap 0x2000\\nsubtree_gap 0x100000\", fillcolor=\"gray20\", fontcolor=\"white\"];\n");
	CHECK_HAS(dot, "  v_100000 [label=\"[0x00100000, 0x00102000)\\ngap 0x100000\\nsubtree_gap 0x100000\", fillcolor=\"firebrick3\", fontcolor=\"white\"];\n");
	CHECK_HAS(dot, "  v_108000 [label=\"[0x00108000, 0x0010a000)\\ngap 0x2000\\nsubtree_gap 0x2000\", fillcolor=\"firebrick3\", fontcolor=\"white\"];\n");
	CHECK_HAS(dot, "  v_104000 -> v_100000 [label=\"L\"];\n");
	CHECK_HAS(dot, "  v_104000 -> v_108000 [label=\"R\"];\n");
	CHECK(!strstr(dot, "nil_"));	/* no lone child */
	CHECK_EQ(strcmp(dot + len - 2, "}\n"), 0);
	vmt_mm_free(mm);
}

/*
 *	AA  BB          A is the root, B its right child alone: an
 *	                invisible left sibling keeps it on the right
 */
TEST(dot_keeps_a_lone_child_on_its_side)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AA  BB", &s);
	show_vma_tree_dot(mm, dot, sizeof(dot));
	CHECK_HAS(dot, "  nil_100000_L [shape=point, style=invis];\n");
	CHECK_HAS(dot, "  v_100000 -> nil_100000_L [style=invis];\n");
	CHECK_HAS(dot, "  v_100000 -> v_104000 [label=\"R\"];\n");
	vmt_mm_free(mm);
}

/* A node mark for the VMA starting at the data's address, an edge mark. */
static void mark_one(const struct vma_dot_marks *m,
		     const struct vm_area_struct *vma, char *label,
		     size_t label_size, char *attrs, size_t attrs_size)
{
	if (vma->vm_start == *(const unsigned long *)m->data) {
		snprintf(label, label_size, "\\nhere");
		snprintf(attrs, attrs_size, ", color=\"blue\"");
	}
}

static const char *mark_right(const struct vma_dot_marks *m,
			      const struct vm_area_struct *parent,
			      const struct vm_area_struct *child)
{
	return child->vm_start > parent->vm_start ? ", style=bold" : "";
}

TEST(dot_marks_add_a_title_labels_and_attributes)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	unsigned long marked = PG(8);
	struct vma_dot_marks marks = {
		.title = "three VMAs", .node = mark_one, .edge = mark_right,
		.data = &marked,
	};

	sketch_build(mm, "AA  BB  CC", &s);
	show_vma_tree_dot_marked(mm, &marks, dot, sizeof(dot));
	CHECK_HAS(dot, "  label=\"three VMAs\";\n");
	CHECK_HAS(dot, "  v_108000 [label=\"[0x00108000, 0x0010a000)\\ngap 0x2000\\nsubtree_gap 0x2000\\nhere\", fillcolor=\"firebrick3\", fontcolor=\"white\", color=\"blue\"];\n");
	CHECK_HAS(dot, "subtree_gap 0x100000\", fillcolor=\"firebrick3\", fontcolor=\"white\"];\n");
	CHECK_HAS(dot, "  v_104000 -> v_108000 [label=\"R\", style=bold];\n");
	CHECK_HAS(dot, "  v_104000 -> v_100000 [label=\"L\"];\n");
	vmt_mm_free(mm);
}

/* The legend: a sample node of each colour, what the lines mean. */
TEST(dot_has_a_legend_of_colours_edges_and_gaps)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	struct vma_dot_marks marks = { .legend = "blue: the search\\l" };

	sketch_build(mm, "AA", &s);
	show_vma_tree_dot(mm, dot, sizeof(dot));
	CHECK_HAS(dot, "  subgraph cluster_legend {\n");
	CHECK_HAS(dot, "    legend_black [label=\"black node\", fillcolor=\"gray20\"");
	CHECK_HAS(dot, "    legend_red [label=\"red node\", fillcolor=\"firebrick3\"");
	CHECK_HAS(dot, "    legend_black -> legend_red [label=\"L\"];\n");
	CHECK_HAS(dot, "subtree_gap: rb_subtree_gap, the largest gap of any VMA in its");
	CHECK(!strstr(dot, "blue: the search"));
	show_vma_tree_dot_marked(mm, &marks, dot, sizeof(dot));
	CHECK_HAS(dot, "(higher)\\lblue: the search\\l\"];\n");
	vmt_mm_free(mm);
}

/*
 *	AA  BB          B holds the break: /proc/PID/vma_tree.dot names it
 *	                [heap] in its first line, A (anonymous) gets none
 */
TEST(dot_named_puts_the_maps_name_first)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();

	sketch_build(mm, "AA  BB", &s);
	mm->start_brk = VMA(&s, 'B')->vm_start;
	mm->brk = VMA(&s, 'B')->vm_end;
	show_vma_tree_dot_named(mm, dot, sizeof(dot));
	CHECK_HAS(dot, "  v_104000 [label=\"[heap]\\n[0x00104000, 0x00106000)\\ngap 0x2000\\n");
	CHECK_HAS(dot, "  v_100000 [label=\"[0x00100000, 0x00102000)\\ngap 0x100000\\n");
	vmt_mm_free(mm);
}

/* A buffer too small gets what fits, NUL-terminated. */
TEST(dot_into_a_small_buffer_is_cut_and_terminated)
{
	struct sketch s;
	struct mm_struct *mm = vmt_mm_new();
	char small[40];

	sketch_build(mm, "AA  BB  CC", &s);
	memset(small, 'x', sizeof(small));
	CHECK_EQ(show_vma_tree_dot(mm, small, sizeof(small)), sizeof(small) - 1);
	CHECK_EQ(small[sizeof(small) - 1], '\0');
	CHECK(!strncmp(small, "digraph vma_tree {\n", 19));
	vmt_mm_free(mm);
}
