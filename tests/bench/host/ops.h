/*
 * tests/bench/host/ops.h - the operations the host benchmark times, each
 * on both structures: the real VMA code of mm/ (list + augmented rbtree, the
 * "tree") and the sorted list of list_vma.h (the "list").
 *
 * Both structures hold the same workload (workload.h) in VMAs of their
 * own, and each operation runs a batch of the workload's questions.
 */
#ifndef TESTS_BENCH_OPS_H
#define TESTS_BENCH_OPS_H

#include <stdbool.h>
#include "mm/vma.h"
#include "tests/bench/host/list_vma.h"
#include "tests/bench/host/meter.h"
#include "tests/bench/host/workload.h"

enum { TREE, LIST, NR_STRUCTS };

struct bench_space {
	const struct workload *w;
	struct mm_struct mm;			/* the tree */
	struct vma_list list;			/* the list */
	struct vm_area_struct *vmas[NR_STRUCTS];	/* w->n, the layout */
	struct vm_area_struct *extra[NR_STRUCTS];	/* w->nq, inserted */
	unsigned long sink;	/* results fold in here: nothing is idle */
};

/*
 * One row group of the table: an operation with, for each structure, its
 * timed batch of w->nq operations and the untimed batches around it.
 */
struct bench_op {
	const char *name;
	meter_fn prepare[NR_STRUCTS], timed[NR_STRUCTS], undo[NR_STRUCTS];
};

extern const struct bench_op bench_ops[];
extern const int nr_bench_ops;

/*
 * space_build - put the layout of @w into both structures of @s, and
 * check the tree with validate_mm(). Exits when out of memory or when the
 * tree is broken.
 */
void space_build(struct bench_space *s, const struct workload *w);

/*
 * space_agree - ask both structures every question of the workload, with
 * inserts and erases in between, and compare the answers.
 * Returns: true when they all agree; else prints the first difference.
 */
bool space_agree(struct bench_space *s);

/* Give back the VMAs of @s. */
void space_free(struct bench_space *s);

#endif /* TESTS_BENCH_OPS_H */
