/*
 * A randomized differential test of the whole VMA core, driven through
 * the real entry points of mm/mmap.c and mm/mprotect.c, against the naive
 * reference model of refmodel.c: a million operations over several fixed
 * seeds (TEST_SEED=n runs only seed n, for 250000 steps: the seed and step
 * of a failure are printed, so TEST_SEED reproduces it). The operations:
 *
 *   insert   insert_vm_struct() at a random address (refused on overlap)
 *   place    vm_unmapped_area() top-down or bottom-up with random length,
 *            limits and colour alignment, then mmap_region() at the
 *            result when it lies below TASK_SIZE
 *   map      mmap_region() next to an existing VMA (below TASK_SIZE),
 *            often compatible with it: vma_merge() or a new VMA
 *   unmap    do_munmap() of a random range (sometimes all, sometimes
 *            beyond TASK_SIZE: -EINVAL)
 *   protect  do_mprotect() of part of a VMA, a whole one or a range
 *            running past it (mprotect_fixup(): vma_merge() or
 *            split_vma(); -EACCES, -ENOMEM at a hole)
 *   find     find_vma(), find_vma_prev(), find_vma_intersection()
 *
 * After every operation the result and the whole address space are
 * compared with the model (each VMA's vm_page_prot too, decoded as the
 * MMU would), and validate_mm() must find nothing. A failure
 * prints the seed and the step (also on a panic, from a SIGABRT handler).
 * One seed runs with a small max_map_count, to reach the -ENOMEM paths.
 */
#include <signal.h>
#include <unistd.h>
#include "tests/host/test.h"
#include "tests/prng.h"
#include "tests/host/refmodel.h"
#include "tests/host/vma_util.h"
#include "tests/host/shim/fake_mmu.h"
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/mman.h"
#include "mm/mmap.h"

#define STEPS_PER_SEED 250000
#define WORLD_LO 0x400000UL		/* where most of the action is */
#define WORLD_PAGES 1024UL
#define WORLD_HI (WORLD_LO + WORLD_PAGES * PAGE_SIZE)
#define CROWDED 200			/* above this, unmap more */
#define MODEL_CAP 4096

/* Set up by main() from FILE_A and FILE_B (tests/host/vma_util.h). */
static struct file *files[3];
static const unsigned long flag_choices[] = {
	VM_RW_ANON, VM_RO_ANON, VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
	VM_RW_ANON | VM_GROWSDOWN,	/* a stack: placement keeps off its guard gap */
};

struct world {
	struct mm_struct *mm;
	struct refmodel ref;
	struct prng r;
	unsigned long seed;
	long step;
	char what[200];		/* the operation under way */
	long enomem;		/* unmap/protect steps refused, as expected */
	long eacces;		/* protect steps beyond the VM_MAY* rights */
	long merged;		/* map steps absorbed by a neighbour */
	int most;		/* the largest map_count seen */
};

static struct world *running;

/* On a panic (BUG_ON, VM_CHECK): say which seed and step got there. */
static void on_abort(int sig)
{
	char line[300];
	int n;

	if (!running)
		return;
	n = snprintf(line, sizeof(line),
		     "\n# panic at seed %#lx, step %ld: %s\n", running->seed,
		     running->step, running->what);
	if (n > 0 && write(2, line, n) < 0)
		return;
}

/* A random page-aligned address in the world, or a little beyond. */
static unsigned long world_addr(struct world *w)
{
	return WORLD_LO + prng_below(&w->r, WORLD_PAGES + 16) * PAGE_SIZE;
}

static unsigned long pick_flags(struct world *w)
{
	return flag_choices[prng_below(&w->r, ARRAY_SIZE(flag_choices))];
}

/*
 * The page offset a mapping at @start of @file gets: usually the one that
 * makes mappings of one object at neighbouring addresses contiguous
 * (anonymous: Linux's vm_start in pages), sometimes anything.
 */
static unsigned long pick_pgoff(struct world *w, unsigned long start,
				struct file *file)
{
	if (prng_chance(&w->r, 15))
		return prng_below(&w->r, 1 << 20);
	return (start >> PAGE_SHIFT) + (file == files[2] ? 1000 : 0);
}

static void report_layouts(struct world *w)
{
	struct vm_area_struct *vma = w->mm->mmap;
	int i;

	printf("#   mm (%d VMAs) vs model (%d regions):\n", w->mm->map_count,
	       w->ref.n);
	for (i = 0; (vma || i < w->ref.n) && i < 400; i++) {
		struct ref_region *r = i < w->ref.n ? &w->ref.r[i] : NULL;

		printf("#   %3d mm [%#lx, %#lx) f %#lx pg %#lx %p | model [%#lx, %#lx) f %#lx pg %#lx %p\n",
		       i, vma ? vma->vm_start : 0, vma ? vma->vm_end : 0,
		       vma ? vma->vm_flags : 0, vma ? vma->vm_pgoff : 0,
		       vma ? (void *)vma->vm_file : NULL, r ? r->start : 0,
		       r ? r->end : 0, r ? r->flags : 0, r ? r->pgoff : 0,
		       r ? (const void *)r->file : NULL);
		vma = vma ? vma->vm_next : NULL;
	}
}

static bool fail(struct world *w, const char *why)
{
	check_failed(__FILE__, __LINE__, "seed %#lx, step %ld, %s: %s",
		     w->seed, w->step, w->what, why);
	report_layouts(w);
	return false;
}

/*
 * Each file holds its own reference plus one per VMA mapping it, as the
 * model counts them: split_vma() took one, merges dropped them.
 */
static bool file_refs_match(struct world *w)
{
	for (int f = 1; f < 3; f++) {
		int vmas = 0;

		for (int i = 0; i < w->ref.n; i++)
			vmas += w->ref.r[i].file == files[f];
		if (files[f]->f_count != 1 + vmas)
			return false;
	}
	return true;
}

/*
 * Would a PTE made with @vma's vm_page_prot give the user what its
 * vm_flags say (decoded as the MMU would, fake_decode_prot())?
 */
static bool page_prot_matches(const struct vm_area_struct *vma)
{
	struct ref_access want = ref_pte_access(vma->vm_flags);
	struct fake_perm p;

	return fake_decode_prot(vma->vm_page_prot, &p) &&
	       p.user_read == want.read && p.user_write == want.write &&
	       p.user_exec == want.exec;
}

/* The address space equals the model, VMA by VMA, field by field. */
static bool same_as_model(struct world *w)
{
	struct vm_area_struct *vma = w->mm->mmap;

	for (int i = 0; i < w->ref.n; i++, vma = vma->vm_next) {
		const struct ref_region *r = &w->ref.r[i];

		if (!vma || vma->vm_start != r->start ||
		    vma->vm_end != r->end || vma->vm_flags != r->flags ||
		    vma->vm_pgoff != r->pgoff || vma->vm_file != r->file)
			return fail(w, "the address space differs from the model");
		if (!page_prot_matches(vma)) {
			printf("#   [%#lx, %#lx) flags %#lx: vm_page_prot %s\n",
			       vma->vm_start, vma->vm_end, vma->vm_flags,
			       fake_prot_str(vma->vm_page_prot));
			return fail(w, "a VMA's vm_page_prot does not give what its flags say");
		}
	}
	if (vma || w->mm->map_count != w->ref.n)
		return fail(w, "the address space has more VMAs than the model");
	if (!file_refs_match(w))
		return fail(w, "a file's reference count is not 1 + its VMAs");
	if (validate_mm(w->mm))
		return fail(w, "validate_mm() found broken invariants");
	return true;
}

static bool op_insert(struct world *w)
{
	unsigned long start = world_addr(w);
	unsigned long end = start + prng_range(&w->r, 1, 8) * PAGE_SIZE;
	struct file *file = files[prng_below(&w->r, 3)];
	unsigned long flags = pick_flags(w), pgoff = pick_pgoff(w, start, file);
	struct vm_area_struct *vma;
	int got, want;

	/* insert_vm_struct() has no limit; the test keeps to mmap's */
	if (w->mm->map_count >= w->mm->max_map_count)
		return true;
	vma = vm_area_alloc(w->mm);
	snprintf(w->what, sizeof(w->what), "insert [%#lx, %#lx)", start, end);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);	/* as callers do */
	vma->vm_file = file ? get_file(file) : NULL;
	vma->vm_pgoff = pgoff;
	want = ref_insert(&w->ref, start, end, flags, file, pgoff);
	got = insert_vm_struct(w->mm, vma);
	if (got) {
		if (file)
			fput(file);
		vm_area_free(vma);
	}
	return got == want ? true : fail(w, "insert_vm_struct() result");
}

/* mmap_region() of [start, end) (free), in the mm and the model. */
static bool map_range(struct world *w, unsigned long start, unsigned long end,
		      unsigned long flags, struct file *file,
		      unsigned long pgoff)
{
	struct vm_area_struct *vma;
	unsigned long got;
	int i, before = w->ref.n;

	got = mmap_region(w->mm, file, start, end - start, flags, pgoff);
	if (ref_mmap_region(&w->ref, start, end, flags, file, pgoff))
		return fail(w, "the model could not map a free range");
	if (got != start)
		return fail(w, "mmap_region() did not return the address");
	w->merged += w->ref.n <= before;
	i = ref_find(&w->ref, start);
	vma = find_vma(w->mm, start);
	if (!vma || vma->vm_start != w->ref.r[i].start ||
	    vma->vm_end != w->ref.r[i].end)
		return fail(w, "the VMA at the range does not cover it as the model does");
	return true;
}

static void random_request(struct world *w, struct vm_unmapped_area_info *info)
{
	unsigned long a = world_addr(w), b = world_addr(w);
	unsigned pick = prng_below(&w->r, 100);

	info->flags = prng_chance(&w->r, 50) ? VM_UNMAPPED_AREA_TOPDOWN : 0;
	info->length = prng_range(&w->r, 1, prng_chance(&w->r, 90) ? 8 : 64)
		       * PAGE_SIZE;
	info->low_limit = min(a, b);
	info->high_limit = max(a, b);
	if (pick < 5) {			/* a process's whole range */
		info->low_limit = FIRST_USER_ADDRESS;
		info->high_limit = TASK_SIZE;
	} else if (pick < 6) {		/* the very top of the type */
		info->high_limit = ~0UL & PAGE_MASK;
	} else if (pick < 10) {		/* inverted limits */
		info->low_limit = max(a, b);
		info->high_limit = min(a, b);
	}
	info->align_mask = 0;
	info->align_offset = prng_below(&w->r, 16) << PAGE_SHIFT;
	if (prng_chance(&w->r, 30))
		info->align_mask = PAGE_MASK & (SHMLBA - 1);
	else if (prng_chance(&w->r, 5))
		info->align_mask = PAGE_MASK & ((64UL << 10) - 1);
}

static bool op_place(struct world *w)
{
	struct vm_unmapped_area_info info;
	unsigned long got, want;
	struct file *file = files[prng_below(&w->r, 3)];

	random_request(w, &info);
	snprintf(w->what, sizeof(w->what),
		 "place %s length %#lx in [%#lx, %#lx) mask %#lx offset %#lx",
		 info.flags ? "top-down" : "bottom-up", info.length,
		 info.low_limit, info.high_limit, info.align_mask,
		 info.align_offset);
	want = ref_unmapped_area(&w->ref, &info);
	got = vm_unmapped_area(w->mm, &info);
	if (got != want) {
		printf("#   got %#lx, model %#lx\n", got, want);
		return fail(w, "vm_unmapped_area() result");
	}
	if (IS_ERR_VALUE(got) || w->mm->map_count >= w->mm->max_map_count ||
	    got + info.length > TASK_SIZE)
		return true;
	return map_range(w, got, got + info.length, pick_flags(w), file,
			 pick_pgoff(w, got, file));
}

/*
 * A mapping that touches a random VMA, above or below it, mostly with its
 * flags, file and following page offsets, so that merges happen.
 */
static bool op_map(struct world *w)
{
	const struct ref_region *nb;
	unsigned long start, end, len, flags, pgoff;
	struct file *file;
	bool above = prng_chance(&w->r, 50);

	if (!w->ref.n || w->mm->map_count >= w->mm->max_map_count)
		return true;
	nb = &w->ref.r[prng_below(&w->r, w->ref.n)];
	len = prng_range(&w->r, 1, 6) * PAGE_SIZE;
	start = above ? nb->end : nb->start - len;
	end = start + len;
	if ((above && nb->end > TASK_SIZE - len) ||
	    (!above && nb->start < len) ||
	    !ref_range_free(&w->ref, start, end))
		return true;		/* off either end, or not free */
	flags = prng_chance(&w->r, 70) ? nb->flags : pick_flags(w);
	file = prng_chance(&w->r, 80) ? (struct file *)nb->file
				      : files[prng_below(&w->r, 3)];
	pgoff = above ? nb->pgoff + (nb->end - nb->start) / PAGE_SIZE
		      : nb->pgoff - len / PAGE_SIZE;
	if (prng_chance(&w->r, 15))
		pgoff = pick_pgoff(w, start, file);
	snprintf(w->what, sizeof(w->what),
		 "map [%#lx, %#lx) flags %#lx file %p pgoff %#lx", start, end,
		 flags, (void *)file, pgoff);
	return map_range(w, start, end, flags, file, pgoff);
}

static bool op_unmap(struct world *w)
{
	unsigned long start, end;
	int got, want;

	if (w->ref.n && prng_chance(&w->r, 60)) {	/* around a VMA */
		const struct ref_region *r =
			&w->ref.r[prng_below(&w->r, w->ref.n)];
		unsigned long pages = (r->end - r->start) / PAGE_SIZE;

		start = r->start + prng_below(&w->r, pages + 2) * PAGE_SIZE;
		start = start > PAGE_SIZE ? start - PAGE_SIZE : start;
		end = start + prng_range(&w->r, 1, pages + 2) * PAGE_SIZE;
	} else if (prng_chance(&w->r, 1)) {		/* everything */
		start = 0;
		end = prng_chance(&w->r, 50) ? TASK_SIZE : ~0UL & PAGE_MASK;
	} else {
		start = world_addr(w);
		end = start + prng_range(&w->r, 1, 32) * PAGE_SIZE;
	}
	snprintf(w->what, sizeof(w->what), "unmap [%#lx, %#lx)", start, end);
	want = ref_munmap(&w->ref, start, end - start);
	got = do_munmap(w->mm, start, end - start);
	w->enomem += want == -ENOMEM;
	if (got != want)
		printf("#   do_munmap() %d, model %d\n", got, want);
	return got == want ? true : fail(w, "munmap result");
}

/*
 * mprotect() of part of a VMA, of all of it, or of a range running on
 * past it (over its neighbours or a hole), to a random access.
 */
static bool op_protect(struct world *w)
{
	const struct ref_region *r;
	unsigned long pages, start, end, prot;
	int got, want;

	if (!w->ref.n)
		return true;
	r = &w->ref.r[prng_below(&w->r, w->ref.n)];
	pages = (r->end - r->start) / PAGE_SIZE;
	start = r->start + prng_below(&w->r, pages) * PAGE_SIZE;
	end = start + prng_range(&w->r, 1, (r->end - start) / PAGE_SIZE) *
		      PAGE_SIZE;
	if (prng_chance(&w->r, 30))		/* the whole VMA */
		start = r->start, end = r->end;
	if (prng_chance(&w->r, 10))		/* and beyond */
		end += prng_range(&w->r, 1, 16) * PAGE_SIZE;
	prot = prng_below(&w->r, 8);		/* PROT_READ|WRITE|EXEC */
	snprintf(w->what, sizeof(w->what), "mprotect [%#lx, %#lx) to prot %#lx",
		 start, end, prot);
	want = ref_mprotect(&w->ref, start, end - start, prot);
	got = do_mprotect(w->mm, start, end - start, prot, false);
	w->enomem += want == -ENOMEM;
	w->eacces += want == -EACCES;
	if (got != want)
		printf("#   do_mprotect() %d, model %d\n", got, want);
	return got == want ? true : fail(w, "mprotect result");
}

static bool op_find(struct world *w)
{
	unsigned long addr = world_addr(w) + prng_below(&w->r, PAGE_SIZE);
	unsigned long end = addr + prng_range(&w->r, 1, 8 * PAGE_SIZE);
	struct vm_area_struct *vma, *prev;
	int i = ref_find(&w->ref, addr);
	unsigned long want_start = i < w->ref.n ? w->ref.r[i].start : 0;
	unsigned long want_prev = i > 0 ? w->ref.r[i - 1].start : 0;
	bool overlaps = i < w->ref.n && w->ref.r[i].start < end;

	snprintf(w->what, sizeof(w->what), "find %#lx (end %#lx)", addr, end);
	vma = find_vma(w->mm, addr);
	if ((vma ? vma->vm_start : 0) != want_start ||
	    (!vma) != (i == w->ref.n))
		return fail(w, "find_vma()");
	vma = find_vma_prev(w->mm, addr, &prev);
	if ((vma ? vma->vm_start : 0) != want_start ||
	    (prev ? prev->vm_start : 0) != want_prev || (!prev) != (i == 0))
		return fail(w, "find_vma_prev()");
	vma = find_vma_intersection(w->mm, addr, end);
	if ((vma != NULL) != overlaps || (vma && vma->vm_start != want_start))
		return fail(w, "find_vma_intersection()");
	return true;
}

/* One step: pick an operation, crowded spaces unmapping more. */
static bool one_step(struct world *w)
{
	unsigned pick = prng_below(&w->r, 100);

	if (w->mm->map_count > CROWDED && pick < 40)
		return op_unmap(w);
	if (pick < 14)
		return op_insert(w);
	if (pick < 34)
		return op_place(w);
	if (pick < 52)
		return op_map(w);
	if (pick < 70)
		return op_unmap(w);
	if (pick < 88)
		return op_protect(w);
	return op_find(w);
}

/*
 * Run @steps steps from @seed, and check that the run did what it is for:
 * it built sizeable address spaces, merged, and (with a small
 * max_map_count) reached the -ENOMEM paths.
 */
static void run(unsigned long seed, long steps, int max_map_count)
{
	struct world w = { .seed = seed };

	printf("# seed %#lx: %ld steps, max_map_count %d\n", seed, steps,
	       max_map_count);
	files[1] = FILE_A;
	files[2] = FILE_B;
	prng_seed(&w.r, seed);
	w.mm = vmt_mm_new();
	w.mm->max_map_count = max_map_count;
	ref_init(&w.ref, MODEL_CAP, max_map_count);
	running = &w;
	for (w.step = 0; w.step < steps; w.step++) {
		if (!one_step(&w) || !same_as_model(&w))
			break;
		w.most = max(w.most, w.mm->map_count);
	}
	running = NULL;
	printf("#   %ld steps done: up to %d VMAs, %ld mappings merged, %ld refused with -ENOMEM, %ld with -EACCES\n",
	       w.step, w.most, w.merged, w.enomem, w.eacces);
	if (w.step == steps) {	/* a run cut short has failed already */
		CHECK(w.most >= min(max_map_count, 100));
		CHECK(w.merged > steps / 200);
		CHECK(w.eacces > 0);
		if (max_map_count < 100)
			CHECK(w.enomem > 0);
	}
	vmt_mm_free(w.mm);
	ref_destroy(&w.ref);
}

static const struct {
	unsigned long seed;
	int max_map_count;
} runs[] = {
	{ 0x7d0c0001, DEFAULT_MAX_MAP_COUNT },
	{ 0x7d0c0002, DEFAULT_MAX_MAP_COUNT },
	{ 0x7d0c0003, DEFAULT_MAX_MAP_COUNT },
	{ 0x7d0c0004, 48 },	/* the -ENOMEM paths of split */
};

/* The max_map_count of a seed of runs[], the default for other seeds. */
static int max_map_count_of(unsigned long seed)
{
	for (size_t i = 0; i < ARRAY_SIZE(runs); i++)
		if (runs[i].seed == seed)
			return runs[i].max_map_count;
	return DEFAULT_MAX_MAP_COUNT;
}

TEST(a_million_random_operations_against_the_model)
{
	signal(SIGABRT, on_abort);
	if (getenv("TEST_SEED")) {
		unsigned long seed = test_seed(0);

		run(seed, STEPS_PER_SEED, max_map_count_of(seed));
	} else {
		for (size_t i = 0; i < ARRAY_SIZE(runs); i++) {
			run(runs[i].seed, STEPS_PER_SEED,
			    runs[i].max_map_count);
			if (check_failures())
				break;
		}
	}
	signal(SIGABRT, SIG_DFL);
}
