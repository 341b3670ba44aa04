/*
 * mm/vma_tree_show.c - the VMA tree for a person to look at: indented text
 * (/proc/self/vma_tree, the shell's `tree`, validate_mm's dump) and
 * Graphviz DOT (/proc/self/vma_tree.dot, `make pictures`).
 *
 * Each node shows its range, its own gap (vm_start minus the previous
 * VMA's vm_end), rb_subtree_gap, and its colour. The text marks with '!'
 * a node whose stored rb_subtree_gap differs from the one recomputed from
 * its children: the invariant the placement search depends on. The DOT
 * writer is the only one: make pictures (tests/pictures/) draws with it.
 */
#include <stdarg.h>
#include "kernel/printk.h"
#include "mm/vma.h"
#include "mm/vma_internal.h"

#define MAX_DEPTH 64

/* Where the text goes: a buffer, or the console when buf is NULL. */
struct tree_out {
	char *buf;
	size_t size, len;
};

static void __printf(2, 3) out(struct tree_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!o->buf) {
		vprintk(fmt, ap);
	} else if (o->len < o->size) {
		int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);

		o->len = min(o->len + n, o->size - 1);
	}
	va_end(ap);
}

static void show_subtree(struct tree_out *o, struct rb_node *node, int depth,
			 const char *side)
{
	struct vm_area_struct *vma;

	if (!node)
		return;
	if (depth > MAX_DEPTH) {
		out(o, "%*s...\n", 2 * depth, "");
		return;
	}
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	out(o, "%*s%s[%08lx, %08lx) gap=%lx subtree_gap=%lx %s%s\n",
	    2 * depth, "", side, vma->vm_start, vma->vm_end, vma_gap(vma),
	    vma->rb_subtree_gap,
	    node->rb_color == RB_BLACK ? "black" : "red",
	    vma->rb_subtree_gap == vma_compute_subtree_gap(vma) ? "" :
	    " ! expected subtree_gap differs");
	show_subtree(o, node->rb_left, depth + 1, "L ");
	show_subtree(o, node->rb_right, depth + 1, "R ");
}

static void show_tree(struct tree_out *o, struct mm_struct *mm)
{
	out(o, "vma tree: map_count %d, highest_vm_end %08lx, mmap_base %08lx\n",
	    mm->map_count, mm->highest_vm_end, mm->mmap_base);
	show_subtree(o, mm->mm_rb.rb_node, 1, "");
}

size_t show_vma_tree(struct mm_struct *mm, char *buf, size_t size)
{
	struct tree_out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	show_tree(&o, mm);
	return o.len;
}

void dump_vma_tree(struct mm_struct *mm)
{
	struct tree_out o = { NULL, 0, 0 };

	show_tree(&o, mm);
}

/*
 * The DOT picture: one node per VMA, named v_<vm_start in hex>, labelled
 * with its name (when @marks gives one), its range, its own gap and its
 * rb_subtree_gap, filled with its colour; an edge to each child,
 * labelled L or R. A missing child of a node that has the other is an
 * invisible point, so that a lone child still hangs to its own side. A
 * legend box says what all this means. @marks (may be NULL) adds to
 * nodes, edges and the legend (make pictures draws a search path so).
 */

/* @name into a DOT string at @o: '"' and '\\' escaped, cut at 40. */
static void dot_name(struct tree_out *o, const char *name)
{
	for (int i = 0; name[i] && i < 40; i++)
		out(o, "%s%c", name[i] == '"' || name[i] == '\\' ? "\\" : "",
		    name[i]);
	out(o, "\\n");
}

static void dot_node(struct tree_out *o, struct vm_area_struct *vma,
		     const struct vma_dot_marks *marks)
{
	bool black = vma->vm_rb.rb_color == RB_BLACK;
	const char *name = marks && marks->name ? marks->name(marks, vma) : NULL;
	char label[64] = "", attrs[96] = "";

	if (marks && marks->node)
		marks->node(marks, vma, label, sizeof(label), attrs,
			    sizeof(attrs));
	out(o, "  v_%lx [label=\"", vma->vm_start);
	if (name && *name)
		dot_name(o, name);
	out(o, "[%#010lx, %#010lx)\\ngap %#lx\\nsubtree_gap %#lx%s\", fillcolor=\"%s\", fontcolor=\"white\"%s];\n",
	    vma->vm_start, vma->vm_end, vma_gap(vma),
	    vma->rb_subtree_gap, label, black ? "gray20" : "firebrick3",
	    attrs);
}

/*
 * The legend: a black and a red sample node joined by an L edge, and a
 * note that says what a node's lines mean. Its node names start with
 * "legend_", so no reader takes them for VMAs.
 */
static void dot_legend(struct tree_out *o, const struct vma_dot_marks *marks)
{
	out(o, "  subgraph cluster_legend {\n");
	out(o, "    label=\"legend\"; style=\"dashed\"; fontname=\"monospace\";\n");
	out(o, "    legend_black [label=\"black node\", fillcolor=\"gray20\", fontcolor=\"white\"];\n");
	out(o, "    legend_red [label=\"red node\", fillcolor=\"firebrick3\", fontcolor=\"white\"];\n");
	out(o, "    legend_black -> legend_red [label=\"L\"];\n");
	out(o, "    legend_text [shape=note, style=\"\", label=\""
	    "one box per VMA, a node of the red-black tree (fill: its colour)\\l"
	    "  name (if any), [vm_start, vm_end)\\l"
	    "  gap: free bytes just below it, vm_start - the previous VMA's vm_end\\l"
	    "  subtree_gap: rb_subtree_gap, the largest gap of any VMA in its\\l"
	    "    subtree (itself and all below it): a search skips a subtree\\l"
	    "    whose subtree_gap is smaller than it needs\\l"
	    "edge L / R: left child (lower addresses) / right child (higher)\\l"
	    "%s\"];\n", marks && marks->legend ? marks->legend : "");
	out(o, "  }\n");
}

static void dot_edge(struct tree_out *o, struct vm_area_struct *parent,
		     struct rb_node *child, const char *side,
		     const struct vma_dot_marks *marks)
{
	unsigned long from = parent->vm_start;
	struct vm_area_struct *to;

	if (!child) {
		out(o, "  nil_%lx_%s [shape=point, style=invis];\n", from, side);
		out(o, "  v_%lx -> nil_%lx_%s [style=invis];\n", from, from,
		    side);
		return;
	}
	to = rb_entry(child, struct vm_area_struct, vm_rb);
	out(o, "  v_%lx -> v_%lx [label=\"%s\"%s];\n", from, to->vm_start,
	    side, marks && marks->edge ? marks->edge(marks, parent, to) : "");
}

static void dot_subtree(struct tree_out *o, struct rb_node *node, int depth,
			const struct vma_dot_marks *marks)
{
	struct vm_area_struct *vma;

	if (!node || depth > MAX_DEPTH)
		return;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	dot_node(o, vma, marks);
	if (!node->rb_left && !node->rb_right)
		return;
	dot_edge(o, vma, node->rb_left, "L", marks);
	dot_edge(o, vma, node->rb_right, "R", marks);
	dot_subtree(o, node->rb_left, depth + 1, marks);
	dot_subtree(o, node->rb_right, depth + 1, marks);
}

size_t show_vma_tree_dot_marked(struct mm_struct *mm,
				const struct vma_dot_marks *marks, char *buf,
				size_t size)
{
	struct tree_out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	out(&o, "digraph vma_tree {\n");
	out(&o, "  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\"];\n");
	out(&o, "  edge [fontname=\"monospace\"];\n");
	out(&o, "  labelloc=t;\n");
	if (marks && marks->title)
		out(&o, "  label=\"%s\";\n", marks->title);
	else
		out(&o, "  label=\"VMA tree: map_count %d, highest_vm_end %#lx, mmap_base %#lx\";\n",
		    mm->map_count, mm->highest_vm_end, mm->mmap_base);
	dot_legend(&o, marks);
	dot_subtree(&o, mm->mm_rb.rb_node, 0, marks);
	out(&o, "}\n");
	return o.len;
}

size_t show_vma_tree_dot(struct mm_struct *mm, char *buf, size_t size)
{
	return show_vma_tree_dot_marked(mm, NULL, buf, size);
}
