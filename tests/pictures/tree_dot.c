/*
 * tests/pictures/tree_dot.c - the VMA tree as Graphviz DOT: the kernel's
 * own picture (show_vma_tree_dot_marked(), mm/vma_tree_show.c), with one
 * search path drawn on it. The nodes the search visited get a thick blue
 * border and their visit numbers; the edges it went down are blue.
 */
#include <stdlib.h>
#include "mm/vma.h"
#include "tests/pictures/pictures.h"

/* "\nvisit 1, 5" for the node at @vma if @path visited it, thick blue. */
static void mark_node(const struct vma_dot_marks *marks,
		      const struct vm_area_struct *vma, char *label,
		      size_t label_size, char *attrs, size_t attrs_size)
{
	const struct search_path *path = marks->data;
	size_t n = 0;

	for (int i = 0; i < path->nr_visits && n < label_size; i++)
		if (path->visit[i] == vma->vm_start)
			n += snprintf(label + n, label_size - n, "%s%d",
				      n ? ", " : "\\nvisit ", i + 1);
	if (n)
		snprintf(attrs, attrs_size,
			 ", color=\"dodgerblue\", penwidth=5");
}

/* Blue if @path stepped from @parent to @child (or back). */
static const char *mark_edge(const struct vma_dot_marks *marks,
			     const struct vm_area_struct *parent,
			     const struct vm_area_struct *child)
{
	const struct search_path *path = marks->data;
	unsigned long from = parent->vm_start, to = child->vm_start;

	for (int i = 1; i < path->nr_visits; i++)
		if ((path->visit[i - 1] == from && path->visit[i] == to) ||
		    (path->visit[i - 1] == to && path->visit[i] == from))
			return ", color=\"dodgerblue\", penwidth=4";
	return "";
}

void write_tree_dot(FILE *out, struct mm_struct *mm,
		    const struct search_path *path)
{
	static char buf[64 * 1024];
	char title[256];
	struct vma_dot_marks marks = {
		.title = title, .node = mark_node, .edge = mark_edge,
		.data = path,
	};

	if (path)
		snprintf(title, sizeof(title),
			 "VMA tree, %d VMAs, highest_vm_end %#lx: unmapped_area_topdown(length %#lx, high_limit %#lx) visits %d nodes and chooses %#lx",
			 mm->map_count, mm->highest_vm_end, path->length,
			 path->high_limit, path->nr_visits, path->chosen);
	if (show_vma_tree_dot_marked(mm, path ? &marks : NULL, buf,
				     sizeof(buf)) >= sizeof(buf) - 1) {
		fprintf(stderr, "pictures: the tree does not fit in %zu bytes\n",
			sizeof(buf));
		exit(1);
	}
	fputs(buf, out);
}
