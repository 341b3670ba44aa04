/*
 * tests/pictures/main.c - `make pictures`: build the scenario of
 * tests/kernel/scenario_holes.h, run one top-down placement with the
 * trace captured (search 1 of tests/kernel/test_placement_trace.c), and
 * write DIR/holes_tree.dot and DIR/holes_layout.txt; the Makefile draws
 * the layout as DIR/holes_bar.dot (qemu/gdb/td/picture.py) and renders
 * both with Graphviz.
 *
 *	pictures DIR
 */
#include <stdlib.h>
#include "mm/mm.h"
#include "mm/mmap.h"
#include "mm/vma.h"
#include "tests/kernel/scenario_holes.h"
#include "tests/pictures/pictures.h"

static int write_file(const char *dir, const char *name,
		      void (*fn)(FILE *, struct mm_struct *,
				 const struct search_path *),
		      struct mm_struct *mm, const struct search_path *path)
{
	char file[512];
	FILE *out;

	snprintf(file, sizeof(file), "%s/%s", dir, name);
	out = fopen(file, "w");
	if (!out) {
		perror(file);
		return -1;
	}
	fn(out, mm, path);
	fclose(out);
	printf("  wrote %s\n", file);
	return 0;
}

int main(int argc, char **argv)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = 0x5000,
		.low_limit = 0x1000,
		.high_limit = 0xb6f0c000,
	};
	struct search_path path;
	unsigned long returned;
	struct mm_struct *mm;
	int bad = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	mm = mm_alloc();
	if (!mm || holes_build(mm)) {
		fprintf(stderr, "pictures: out of memory\n");
		return 1;
	}
	/* the top-down layout a task gets at exec: mmap_base for the bar */
	arch_pick_mmap_layout(mm, false);
	trace_capture_start();
	trace_placement = true;
	returned = unmapped_area_topdown(mm, &info);
	trace_placement = false;
	if (trace_capture_parse(&path)) {
		fprintf(stderr, "pictures: no placement trace to draw\n");
		return 1;
	}
	path.returned = returned;
	if (path.chosen != returned) {
		fprintf(stderr, "pictures: the trace chose %#lx, the search returned %#lx\n",
			path.chosen, returned);
		return 1;
	}
	bad |= write_file(argv[1], "holes_tree.dot", write_tree_dot, mm, &path);
	bad |= write_file(argv[1], "holes_layout.txt", write_layout, mm, &path);
	mmput(mm);
	return bad ? 1 : 0;
}
