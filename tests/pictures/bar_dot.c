/*
 * tests/pictures/bar_dot.c - the address space [0, task_size) as one
 * vertical bar, high addresses at the top as in mm/memlayout.h, drawn by
 * Graphviz from an HTML-like table: a row per VMA (blue, as tall as its
 * pages: to scale, one text line a page) and per free gap (white, as tall
 * as the log of its size: a 3 GiB hole would otherwise hide everything
 * else), the range on the left and what it is on the right. The range a
 * placement chose is drawn inside its gap, in orange.
 */
#include <math.h>
#include "mm/vma.h"
#include "tests/pictures/pictures.h"

#define PX_PER_PAGE 14		/* one line of 10-point text */
#define PX_PER_LOG2 14
#define MIN_PX 14
#define MAX_PX 600

static int mapped_height(unsigned long bytes)
{
	unsigned long h = bytes / PAGE_SIZE * PX_PER_PAGE;

	return h < MIN_PX ? MIN_PX : h > MAX_PX ? MAX_PX : (int)h;
}

static int gap_height(unsigned long bytes)
{
	int h = (int)(PX_PER_LOG2 * log2((double)bytes / PAGE_SIZE + 1));

	return h < MIN_PX ? MIN_PX : h;
}

static void perms(const struct vm_area_struct *vma, char *p)
{
	p[0] = vma->vm_flags & VM_READ ? 'r' : '-';
	p[1] = vma->vm_flags & VM_WRITE ? 'w' : '-';
	p[2] = vma->vm_flags & VM_EXEC ? 'x' : '-';
	p[3] = vma->vm_flags & VM_MAYSHARE ? 's' : 'p';
	p[4] = '\0';
}

/* One row: "start-end" | the bar, @height px tall | @what. */
static void row(FILE *out, const char *colour, int height,
		unsigned long start, unsigned long end, const char *what)
{
	fprintf(out, "<TR><TD ALIGN=\"RIGHT\">%08lx-%08lx</TD><TD BGCOLOR=\"%s\" WIDTH=\"60\" HEIGHT=\"%d\"></TD><TD ALIGN=\"LEFT\">%s %#lx</TD></TR>",
		start, end, colour, height, what, end - start);
}

/* A free gap; the chosen range inside it (if any) in its own row. */
static void gap(FILE *out, unsigned long start, unsigned long end,
		const struct search_path *path)
{
	unsigned long c = path ? path->chosen : 0;
	unsigned long c_end = c + (path ? path->length : 0);

	if (end <= start)
		return;
	if (!path || c < start || c_end > end || c_end <= c) {
		row(out, "white", gap_height(end - start), start, end, "free");
		return;
	}
	if (end > c_end)
		row(out, "white", gap_height(end - c_end), c_end, end, "free");
	row(out, "orange", mapped_height(c_end - c), c, c_end, "chosen");
	if (c > start)
		row(out, "white", gap_height(c - start), start, c, "free");
}

void write_bar_dot(FILE *out, struct mm_struct *mm,
		   const struct search_path *path)
{
	struct vm_area_struct *vma = mm->mmap;
	char p[5];

	while (vma && vma->vm_next)	/* from the top down */
		vma = vma->vm_next;
	fprintf(out, "digraph address_space {\n");
	fprintf(out, "  labelloc=t;\n  label=\"[0, %#lx): VMAs to scale (%d px a page), free gaps log-scaled\";\n",
		mm->task_size, PX_PER_PAGE);
	fprintf(out, "  bar [shape=plaintext, fontname=\"monospace\", fontsize=10, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
	gap(out, vma ? vma->vm_end : 0, mm->task_size, path);
	for (; vma; vma = vma->vm_prev) {
		perms(vma, p);
		row(out, "lightsteelblue", mapped_height(vma->vm_end - vma->vm_start),
		    vma->vm_start, vma->vm_end, p);
		gap(out, vma->vm_prev ? vma->vm_prev->vm_end : 0, vma->vm_start,
		    path);
	}
	fprintf(out, "</TABLE>>];\n}\n");
}
