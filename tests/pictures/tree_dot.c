/*
 * tests/pictures/tree_dot.c - the VMA tree as Graphviz DOT.
 *
 * One node per VMA, named v_<vm_start in hex>, labelled with its range,
 * its own gap and its rb_subtree_gap, filled with its red-black colour.
 * Missing children are drawn as invisible points so that a lone child
 * still hangs to its own side. The nodes a search visited get a thick
 * blue border and their visit numbers; the edges it went down are blue.
 */
#include "mm/rbtree.h"
#include "mm/vma.h"
#include "mm/vma_internal.h"
#include "tests/pictures/pictures.h"

static struct vm_area_struct *node_vma(struct rb_node *node)
{
	return rb_entry(node, struct vm_area_struct, vm_rb);
}

/* "1, 5": the visit numbers of @start in @path, or "" if never visited. */
static void visits(const struct search_path *path, unsigned long start,
		   char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; path && i < path->nr_visits && n < size; i++)
		if (path->visit[i] == start)
			n += snprintf(buf + n, size - n, "%s%d", n ? ", " : "",
				      i + 1);
}

/* Did @path step from the node at @from to the one at @to (or back)? */
static bool on_path(const struct search_path *path, unsigned long from,
		    unsigned long to)
{
	for (int i = 1; path && i < path->nr_visits; i++)
		if ((path->visit[i - 1] == from && path->visit[i] == to) ||
		    (path->visit[i - 1] == to && path->visit[i] == from))
			return true;
	return false;
}

static void write_node(FILE *out, struct rb_node *node,
		       const struct search_path *path)
{
	struct vm_area_struct *vma = node_vma(node);
	bool black = node->rb_color == RB_BLACK;
	char seen[64];

	visits(path, vma->vm_start, seen, sizeof(seen));
	fprintf(out, "  v_%lx [label=\"[%#010lx, %#010lx)\\ngap %#lx\\nsubtree_gap %#lx%s%s\", fillcolor=\"%s\", fontcolor=\"%s\"%s];\n",
		vma->vm_start, vma->vm_start, vma->vm_end, vma_gap(vma),
		vma->rb_subtree_gap, seen[0] ? "\\nvisit " : "", seen,
		black ? "gray20" : "firebrick3", "white",
		seen[0] ? ", color=\"dodgerblue\", penwidth=5" : "");
}

static void write_child(FILE *out, struct rb_node *parent,
			struct rb_node *child, const char *side,
			const struct search_path *path)
{
	unsigned long from = node_vma(parent)->vm_start;

	if (!child) {
		fprintf(out, "  nil_%lx_%s [shape=point, style=invis];\n", from,
			side);
		fprintf(out, "  v_%lx -> nil_%lx_%s [style=invis];\n", from,
			from, side);
		return;
	}
	fprintf(out, "  v_%lx -> v_%lx [label=\"%s\"%s];\n", from,
		node_vma(child)->vm_start, side,
		on_path(path, from, node_vma(child)->vm_start) ?
		", color=\"dodgerblue\", penwidth=4" : "");
}

static void write_subtree(FILE *out, struct rb_node *node,
			  const struct search_path *path)
{
	if (!node)
		return;
	write_node(out, node, path);
	if (!node->rb_left && !node->rb_right)
		return;
	write_child(out, node, node->rb_left, "L", path);
	write_child(out, node, node->rb_right, "R", path);
	write_subtree(out, node->rb_left, path);
	write_subtree(out, node->rb_right, path);
}

void write_tree_dot(FILE *out, struct mm_struct *mm,
		    const struct search_path *path)
{
	fprintf(out, "digraph vma_tree {\n");
	fprintf(out, "  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\"];\n");
	fprintf(out, "  edge [fontname=\"monospace\"];\n");
	fprintf(out, "  labelloc=t;\n");
	if (path)
		fprintf(out, "  label=\"VMA tree, %d VMAs, highest_vm_end %#lx: unmapped_area_topdown(length %#lx, high_limit %#lx) visits %d nodes and chooses %#lx\";\n",
			mm->map_count, mm->highest_vm_end, path->length,
			path->high_limit, path->nr_visits, path->chosen);
	write_subtree(out, mm->mm_rb.rb_node, path);
	fprintf(out, "}\n");
}
