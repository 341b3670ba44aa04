/*
 * mm/vma_tree_show.c - the VMA tree for a person to look at: indented text
 * (/proc/self/vma_tree, the shell's `tree`, validate_mm's dump) and
 * Graphviz DOT (/proc/self/vma_tree.dot, `make pictures`).
 *
 * Each node shows its range, its own gap (vm_start minus the previous
 * VMA's vm_end), rb_subtree_gap, and its colour. The text marks with '!'
 * a node whose stored rb_subtree_gap differs from the one recomputed from
 * its children: the invariant the placement search depends on.
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

/* One DOT node per VMA, named by its start; edges to its children. */
static void dot_subtree(struct tree_out *o, struct rb_node *node, int depth)
{
	struct vm_area_struct *vma;

	if (!node || depth > MAX_DEPTH)
		return;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	out(o, "  v%08lx [label=\"[%08lx, %08lx)\\ngap %lx\\nsubtree_gap %lx\", "
	    "color=%s, fontcolor=%s];\n",
	    vma->vm_start, vma->vm_start, vma->vm_end, vma_gap(vma),
	    vma->rb_subtree_gap,
	    node->rb_color == RB_BLACK ? "black" : "red",
	    node->rb_color == RB_BLACK ? "black" : "red");
	for (int i = 0; i < 2; i++) {
		struct rb_node *child = i ? node->rb_right : node->rb_left;

		if (child)
			out(o, "  v%08lx -> v%08lx [label=\"%s\"];\n",
			    vma->vm_start,
			    rb_entry(child, struct vm_area_struct,
				     vm_rb)->vm_start, i ? "R" : "L");
	}
	dot_subtree(o, node->rb_left, depth + 1);
	dot_subtree(o, node->rb_right, depth + 1);
}

size_t show_vma_tree_dot(struct mm_struct *mm, char *buf, size_t size)
{
	struct tree_out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	out(&o, "digraph vma_tree {\n  node [shape=box, fontname=monospace];\n");
	out(&o, "  label=\"VMA tree: map_count %d, highest_vm_end %08lx\";\n",
	    mm->map_count, mm->highest_vm_end);
	dot_subtree(&o, mm->mm_rb.rb_node, 0);
	out(&o, "}\n");
	return o.len;
}
