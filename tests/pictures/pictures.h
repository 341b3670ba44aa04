/*
 * tests/pictures/pictures.h - `make pictures`: the VMA tree of a scenario
 * with holes as Graphviz DOT (one node per VMA with its range, gap and
 * subtree gap; the path of one placement search highlighted) and the
 * address space as a bar (to scale, with a broken axis where a range is
 * too large, said so; drawn by qemu/gdb/td/picture.py, as gdb draws a
 * live task's).
 *
 * A host program built from the portable mm code, like the host tests;
 * the search path is read from the real placement trace (trace_capture.c
 * stands in for the console), not worked out a second time.
 */
#ifndef TESTS_PICTURES_PICTURES_H
#define TESTS_PICTURES_PICTURES_H

#include <stdio.h>
#include "mm/mm_types.h"

#define MAX_VISITS 64

/* One placement search, as its trace told it. */
struct search_path {
	unsigned long length, low_limit, high_limit;
	int nr_visits;
	unsigned long visit[MAX_VISITS];	/* vm_start of each node, in order */
	unsigned long chosen;			/* the trace's "chose" */
	unsigned long returned;			/* what the search returned */
};

/* Start keeping the trace printk() writes (and stop echoing it). */
void trace_capture_start(void);

/* Parse what was captured since the start into @path. Returns 0 or -1. */
int trace_capture_parse(struct search_path *path);

/* Write @mm's tree as DOT to @out, with @path (may be NULL) highlighted. */
void write_tree_dot(FILE *out, struct mm_struct *mm,
		    const struct search_path *path);

/*
 * Write @mm's address space as the layout qemu/gdb/td/picture.py draws as
 * a bar (one "key value..." line each: task_size, every VMA with its
 * name, the markers mmap_base, low_limit and high_limit, the chosen
 * range) to @out.
 */
void write_layout(FILE *out, struct mm_struct *mm,
		  const struct search_path *path);

#endif /* TESTS_PICTURES_PICTURES_H */
