/*
 * tests/pictures/tree_dot.c - the VMA tree as Graphviz DOT: the kernel's
 * own picture (show_vma_tree_dot_marked(), mm/vma_tree_show.c), with one
 * search path drawn on it. The nodes the search visited get a thick blue
 * border and their visit numbers; the edges it went down are blue.
 */
#include <stdlib.h>
#include "mm/proc_maps.h"
#include "mm/vma.h"
#include "tests/kernel/scenario_holes.h"
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

/*
 * The README's name of the VMA (tests/kernel/scenario_holes.h: A to G),
 * and its maps name when it has one: "C [heap]", "G [stack]".
 */
static const char *name_node(const struct vma_dot_marks *marks,
			     const struct vm_area_struct *vma)
{
	static char name[32];
	struct mm_struct *mm = vma->vm_mm;
	const char *what;

	for (int i = 0; i < HOLES_NR_VMAS; i++) {
		if (holes_vmas[i].start != vma->vm_start)
			continue;
		what = vma_name(mm, (struct vm_area_struct *)vma);
		snprintf(name, sizeof(name), "%c%s%s", holes_vmas[i].name,
			 what ? " " : "", what ? what : "");
		return name;
	}
	return NULL;
}

void write_tree_dot(FILE *out, struct mm_struct *mm,
		    const struct search_path *path)
{
	static char buf[64 * 1024];
	char title[512];
	struct vma_dot_marks marks = {
		.title = title, .name = name_node, .node = mark_node,
		.edge = mark_edge, .data = path,
		.legend = "A to G: the VMAs as the README and scenario_holes.h name them\\l"
			  "thick blue border, visit N: the search's Nth step (a node\\l"
			  "  visited twice was climbed back to)\\l"
			  "blue edge: the way the search went down, or climbed back up\\l",
	};

	snprintf(title, sizeof(title),
		 "VMA tree of tests/kernel/scenario_holes.h: %d VMAs, highest_vm_end %#lx, mmap_base %#lx\\n"
		 "unmapped_area_topdown(length %#lx, low_limit %#lx, high_limit %#lx) visits %d nodes and returns %#lx",
		 mm->map_count, mm->highest_vm_end, mm->mmap_base,
		 path->length, path->low_limit, path->high_limit,
		 path->nr_visits, path->returned);
	if (show_vma_tree_dot_marked(mm, &marks, buf,
				     sizeof(buf)) >= sizeof(buf) - 1) {
		fprintf(stderr, "pictures: the tree does not fit in %zu bytes\n",
			sizeof(buf));
		exit(1);
	}
	fputs(buf, out);
}
