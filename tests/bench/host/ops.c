/*
 * tests/bench/host/ops.c - the timed batches, on the tree (mm/vma.c,
 * mm/unmapped_area.c) and on the list (list_vma.c), and the check that
 * both answer alike. See ops.h.
 *
 * Each batch is the plainest loop over the workload's questions; a
 * result goes into s->sink so that no call can be optimised away.
 */
#include <stdio.h>
#include <stdlib.h>
#include "tests/bench/host/ops.h"

/* ---- find_vma: the VMA at or above an address ------------------------ */

static void tree_find(void *arg)
{
	struct bench_space *s = arg;
	struct vm_area_struct *vma;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++) {
		vma = find_vma(&s->mm, s->w->find_addrs[i]);
		s->sink += vma ? vma->vm_start : 0;
	}
}

static void list_find(void *arg)
{
	struct bench_space *s = arg;
	struct vm_area_struct *vma;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++) {
		vma = list_find_vma(&s->list, s->w->find_addrs[i]);
		s->sink += vma ? vma->vm_start : 0;
	}
}

/* ---- insert and erase one-page VMAs, each in a different hole -------- */

static void tree_insert(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += insert_vm_struct(&s->mm, &s->extra[TREE][i]);
}

static void tree_erase(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		vma_unlink(&s->mm, &s->extra[TREE][i]);
}

static void list_insert(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += list_insert_vma(&s->list, &s->extra[LIST][i]);
}

static void list_erase(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		list_unlink_vma(&s->list, &s->extra[LIST][i]);
}

/* ---- placement, top-down, as mmap asks for it ------------------------ */

static struct vm_unmapped_area_info request(const struct workload *w,
					    unsigned long length)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = length,
		.low_limit = w->low_limit,
		.high_limit = w->top,
	};
	return info;
}

/* The answer of structure @which to a placement of @length. */
static unsigned long place(struct bench_space *s, int which,
			   unsigned long length)
{
	struct vm_unmapped_area_info info = request(s->w, length);

	if (which == TREE)
		return vm_unmapped_area(&s->mm, &info);
	return list_unmapped_area_topdown(&s->list, &info);
}

/* A hole of the right size is near the top: a short walk for the list. */
static void tree_place_hole(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += place(s, TREE, s->w->small_lengths[i]);
}

static void list_place_hole(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += place(s, LIST, s->w->small_lengths[i]);
}

/* No hole is big enough: the list walks past every VMA. */
static void tree_place_below(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += place(s, TREE, s->w->big_length);
}

static void list_place_below(void *arg)
{
	struct bench_space *s = arg;
	unsigned long i;

	for (i = 0; i < s->w->nq; i++)
		s->sink += place(s, LIST, s->w->big_length);
}

const struct bench_op bench_ops[] = {
	{ "find_vma",
	  .timed = { tree_find, list_find } },
	{ "insert",
	  .timed = { tree_insert, list_insert },
	  .undo = { tree_erase, list_erase } },
	{ "erase",
	  .prepare = { tree_insert, list_insert },
	  .timed = { tree_erase, list_erase } },
	{ "place, fits a hole",
	  .timed = { tree_place_hole, list_place_hole } },
	{ "place, below all",
	  .timed = { tree_place_below, list_place_below } },
};
const int nr_bench_ops = sizeof(bench_ops) / sizeof(bench_ops[0]);

/* ---- building and checking ------------------------------------------- */

static struct vm_area_struct *vmas_from(const struct range *ranges,
					unsigned long count,
					struct mm_struct *mm)
{
	struct vm_area_struct *vmas = calloc(count, sizeof(*vmas));
	unsigned long i;

	if (!vmas) {
		fprintf(stderr, "vmabench: out of memory\n");
		exit(2);
	}
	for (i = 0; i < count; i++) {
		vmas[i].vm_start = ranges[i].start;
		vmas[i].vm_end = ranges[i].end;
		vmas[i].vm_mm = mm;
		vmas[i].vm_flags = VM_READ | VM_WRITE | VM_MAYREAD |
				   VM_MAYWRITE;
		INIT_LIST_HEAD(&vmas[i].anon_vma_chain);	/* no anon_vma */
	}
	return vmas;
}

/* See ops.h. The layout goes in top down: the list's walks stay short. */
void space_build(struct bench_space *s, const struct workload *w)
{
	unsigned long i;
	int which;

	s->w = w;
	s->sink = 0;
	mm_vma_init(&s->mm);
	list_init(&s->list);
	for (which = 0; which < NR_STRUCTS; which++) {
		s->vmas[which] = vmas_from(w->vmas, w->n, &s->mm);
		s->extra[which] = vmas_from(w->inserts, w->nq, &s->mm);
	}
	for (i = 0; i < w->n; i++) {
		if (insert_vm_struct(&s->mm, &s->vmas[TREE][i]) ||
		    list_insert_vma(&s->list, &s->vmas[LIST][i])) {
			fprintf(stderr, "vmabench: layout overlaps at %#lx\n",
				w->vmas[i].start);
			exit(2);
		}
	}
	if (validate_mm(&s->mm)) {
		fprintf(stderr, "vmabench: the tree of %lu VMAs is broken\n",
			w->n);
		exit(2);
	}
}

/* Compare every find_vma() answer. Returns: true when they agree. */
static bool finds_agree(struct bench_space *s)
{
	struct vm_area_struct *t, *l;
	unsigned long i, addr;

	for (i = 0; i < s->w->nq; i++) {
		addr = s->w->find_addrs[i];
		t = find_vma(&s->mm, addr);
		l = list_find_vma(&s->list, addr);
		if ((t ? t->vm_start : 0) != (l ? l->vm_start : 0)) {
			printf("find_vma(%#lx): tree %#lx, list %#lx\n", addr,
			       t ? t->vm_start : 0, l ? l->vm_start : 0);
			return false;
		}
	}
	return true;
}

/* Compare every placement answer. Returns: true when they agree. */
static bool places_agree(struct bench_space *s)
{
	unsigned long i, length, t, l;

	for (i = 0; i <= s->w->nq; i++) {
		length = i < s->w->nq ? s->w->small_lengths[i] :
					s->w->big_length;
		t = place(s, TREE, length);
		l = place(s, LIST, length);
		if (t != l) {
			printf("placement of %#lx: tree %#lx, list %#lx\n",
			       length, t, l);
			return false;
		}
	}
	return true;
}

/* See ops.h. Asked before, between and after a batch of inserts. */
bool space_agree(struct bench_space *s)
{
	bool ok = finds_agree(s) && places_agree(s);

	if (!ok)
		return false;
	s->sink = 0;
	tree_insert(s);
	list_insert(s);
	ok = s->sink == 0 && !validate_mm(&s->mm) &&
	     s->mm.map_count == s->list.count && finds_agree(s) &&
	     places_agree(s);
	tree_erase(s);
	list_erase(s);
	if (!ok) {
		printf("inserting %lu VMAs: the tree and the list differ\n",
		       s->w->nq);
		return false;
	}
	return !validate_mm(&s->mm) && s->mm.map_count == s->list.count &&
	       finds_agree(s) && places_agree(s);
}

/* See ops.h. */
void space_free(struct bench_space *s)
{
	int which;

	for (which = 0; which < NR_STRUCTS; which++) {
		free(s->vmas[which]);
		free(s->extra[which]);
	}
}
