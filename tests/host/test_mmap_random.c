/*
 * A randomized differential test of the mm system calls (do_mmap,
 * do_munmap, do_mprotect, do_brk with ARM's placement policy) against
 * the naive reference model of refmodel.c, to which this file adds the
 * rules of the system calls, written from Linux's semantics:
 *
 *   mmap      map_count > max ENOMEM; MAP_FIXED (colour check when the
 *             cache aliases); a hint if the range is free; else the
 *             gap search top-down below mmap_base then bottom-up above
 *             it (legacy: bottom-up only); NOREPLACE EEXIST; MAP_FIXED
 *             unmaps first; flags from prot/flags incl. VM_ACCOUNT
 *   munmap    cut at both ends; a cut in three at the limit: ENOMEM
 *   mprotect  VMA by VMA from start, ENOMEM at the first hole, the part
 *             before it done; VM_ACCOUNT when made writable
 *   brk       Linux's rules (see test_brk.c)
 *   touch     a write: succeeds on a writable VMA, else the right fault
 *
 * Every step compares the result and the VMA list (ranges, flags, page
 * offsets of private memory, which VMAs share an anon_vma and which have
 * none: the model's tokens, see refmodel.h) with the model and runs
 * validate_mm(). At
 * the end mmput() must give back every page and object. Seeds are
 * fixed and printed; TEST_SEED=n runs seed n alone, longer (with the
 * first configuration if n is none of the table's).
 */
#include <signal.h>
#include <unistd.h>
#include "mm/anon_vma.h"
#include "tests/host/mmap_util.h"
#include "tests/prng.h"
#include "tests/host/refmodel.h"

#define STEPS_PER_SEED 3000
#define WORLD_PAGES 384UL
#define MODEL_CAP 1024

struct rworld {
	struct mm_struct *mm;
	struct refmodel ref;
	struct prng r;
	unsigned long seed;
	long step;
	bool legacy, aliasing;
	unsigned long lo;		/* the world: [lo, lo + WORLD_PAGES) */
	unsigned long mmap_base;
	unsigned long start_brk, brk;	/* the model's break */
	unsigned long next_obj;		/* tokens of shared objects */
	char what[160];
	long errors, ok;
};

static struct rworld *running;

static void on_abort(int sig)
{
	char line[300];
	int n;

	if (!running)
		return;
	n = snprintf(line, sizeof(line), "\n# panic at seed %#lx, step %ld: %s\n",
		     running->seed, running->step, running->what);
	if (n > 0 && write(2, line, n) < 0)
		return;
}

/* ---- the model of the system calls ---------------------------------- */

/* A new shared anonymous object: a token only compared, never followed. */
static const struct file *new_object(struct rworld *w)
{
	return (const struct file *)(0x1000 + 16 * w->next_obj++);
}

static bool range_free(struct rworld *w, unsigned long a, unsigned long e)
{
	return ref_range_free(&w->ref, a, e);
}

/* ARM's placement for a request without a file. */
static unsigned long model_place(struct rworld *w, unsigned long addr,
				 unsigned long len, unsigned long flags)
{
	bool align = w->aliasing && (flags & MAP_SHARED);
	struct vm_unmapped_area_info info = { 0 };
	unsigned long got;

	if (flags & MAP_FIXED) {
		if (align && (addr & (SHMLBA - 1)))
			return ERR(EINVAL);
		return addr;
	}
	if (addr) {
		addr = align ? ALIGN(addr, SHMLBA) : PAGE_ALIGN(addr);
		if (TASK_SIZE - len >= addr && range_free(w, addr, addr + len))
			return addr;
	}
	info.length = len;
	info.align_mask = align ? SHMLBA - PAGE_SIZE : 0;
	if (!w->legacy) {
		info.flags = VM_UNMAPPED_AREA_TOPDOWN;
		info.low_limit = FIRST_USER_ADDRESS;
		info.high_limit = w->mmap_base;
		got = ref_unmapped_area(&w->ref, &info);
		if (!IS_ERR_VALUE(got))
			return got;
		info.flags = 0;
	}
	info.low_limit = w->mmap_base;
	info.high_limit = TASK_SIZE;
	return ref_unmapped_area(&w->ref, &info);
}

static unsigned long model_mmap(struct rworld *w, unsigned long addr,
				unsigned long len, unsigned long prot,
				unsigned long flags)
{
	unsigned long vm_flags, end;
	bool shared = (flags & MAP_TYPE) == MAP_SHARED;

	if (!len)
		return ERR(EINVAL);
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr &= PAGE_MASK;	/* never below mmap_min_addr here */
	len = PAGE_ALIGN(len);
	if (w->ref.n > w->ref.max_map_count)
		return ERR(ENOMEM);
	addr = model_place(w, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return ERR(ENOMEM);
	if (addr & ~PAGE_MASK)
		return ERR(EINVAL);
	end = addr + len;
	if ((flags & MAP_FIXED_NOREPLACE) && !range_free(w, addr, end))
		return ERR(EEXIST);

	vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	vm_flags |= (prot & PROT_READ ? VM_READ : 0) |
		    (prot & PROT_WRITE ? VM_WRITE : 0) |
		    (prot & PROT_EXEC ? VM_EXEC : 0);
	if (shared)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	if (ref_mmap_region(&w->ref, addr, end, vm_flags,
			    shared ? new_object(w) : NULL,
			    shared ? 0 : addr >> PAGE_SHIFT))
		return ERR(ENOMEM);
	return addr;
}

static int model_munmap(struct rworld *w, unsigned long start,
			unsigned long len)
{
	return ref_munmap(&w->ref, start, len);
}

static int model_mprotect(struct rworld *w, unsigned long start,
			  unsigned long len, unsigned long prot)
{
	return ref_mprotect(&w->ref, start, len, prot);
}

static unsigned long model_brk(struct rworld *w, unsigned long brk)
{
	unsigned long newbrk, oldbrk;
	int i;

	if (brk < w->start_brk)
		return w->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(w->brk);
	if (newbrk == oldbrk)
		return w->brk = brk;
	if (brk <= w->brk) {
		/* Linux 6.1: nothing mapped in [newbrk, oldbrk), no move */
		if (ref_range_free(&w->ref, newbrk, oldbrk))
			return w->brk;
		if (ref_unmap(&w->ref, newbrk, oldbrk))
			return w->brk;
		return w->brk = brk;
	}
	i = ref_find(&w->ref, oldbrk);
	if (i < w->ref.n && newbrk + PAGE_SIZE > w->ref.r[i].start)
		return w->brk;
	if (w->ref.n > w->ref.max_map_count)
		return w->brk;
	ref_brk_grow(&w->ref, w->start_brk, oldbrk, newbrk, RWA);
	return w->brk = brk;
}

/* ---- comparing ------------------------------------------------------ */

static bool fail(struct rworld *w, const char *why)
{
	struct vm_area_struct *vma = w->mm->mmap;

	check_failed(__FILE__, __LINE__, "seed %#lx, step %ld, %s: %s",
		     w->seed, w->step, w->what, why);
	for (int i = 0; (vma || i < w->ref.n) && i < 200; i++) {
		struct ref_region *r = i < w->ref.n ? &w->ref.r[i] : NULL;

		printf("#   %3d mm [%#lx, %#lx) %#lx av %lu | model [%#lx, %#lx) %#lx av %lu\n",
		       i, vma ? vma->vm_start : 0, vma ? vma->vm_end : 0,
		       vma ? vma->vm_flags : 0,
		       vma && vma->anon_vma ? vma->anon_vma->id : 0,
		       r ? r->start : 0, r ? r->end : 0, r ? r->flags : 0,
		       r ? r->anon : 0);
		vma = vma ? vma->vm_next : NULL;
	}
	return false;
}

/*
 * Do the VMAs share anon_vmas as the model's regions share tokens: none
 * where the model has none, the same one exactly where the model has
 * the same token? (The model knows nothing of the kernel's pointers.)
 */
static bool same_anon_vmas(struct rworld *w)
{
	struct vm_area_struct *a = w->mm->mmap, *b;
	int i, j;

	for (i = 0; i < w->ref.n; i++, a = a->vm_next) {
		if (!a->anon_vma != !w->ref.r[i].anon)
			return false;
		for (j = 0, b = w->mm->mmap; j < i; j++, b = b->vm_next)
			if (a->anon_vma && (a->anon_vma == b->anon_vma) !=
			    (w->ref.r[i].anon == w->ref.r[j].anon))
				return false;
	}
	return true;
}

static bool same_layout(struct rworld *w)
{
	struct vm_area_struct *vma = w->mm->mmap;
	int i;

	if (w->mm->map_count != w->ref.n)
		return fail(w, "map_count differs");
	for (i = 0; i < w->ref.n; i++, vma = vma->vm_next) {
		struct ref_region *r = &w->ref.r[i];

		if (!vma || vma->vm_start != r->start || vma->vm_end != r->end ||
		    vma->vm_flags != r->flags)
			return fail(w, "VMAs differ");
		if (!(vma->vm_flags & VM_SHARED) &&
		    (vma->vm_file || vma->vm_pgoff != r->pgoff))
			return fail(w, "private anonymous pgoff differs");
		if ((vma->vm_flags & VM_SHARED) &&
		    (!vma->vm_file || vma->vm_pgoff != r->pgoff))
			return fail(w, "shared object or its pgoff differs");
	}
	if (!same_anon_vmas(w))
		return fail(w, "anon_vmas differ from the model's tokens");
	if (w->mm->brk != w->brk)
		return fail(w, "brk differs");
	if (validate_mm(w->mm))
		return fail(w, "validate_mm");
	return true;
}

/* ---- the operations ------------------------------------------------- */

static unsigned long world_addr(struct rworld *w)
{
	return w->lo + prng_below(&w->r, WORLD_PAGES + 8) * PAGE_SIZE;
}

static unsigned long rnd_len(struct rworld *w)
{
	unsigned long len = prng_range(&w->r, 1, 8) * PAGE_SIZE;

	if (prng_chance(&w->r, 10))
		len -= prng_range(&w->r, 1, PAGE_SIZE - 1);
	if (prng_chance(&w->r, 1))
		len = 0;
	return len;
}

static bool op_mmap(struct rworld *w)
{
	unsigned long addr = 0, len = rnd_len(w), prot = prng_below(&w->r, 8);
	unsigned long flags = prng_chance(&w->r, 20) ? MAP_SHARED : MAP_PRIVATE;
	unsigned long got, want;
	int kind = prng_below(&w->r, 10);

	if (kind < 3) {
		addr = world_addr(w);
		flags |= MAP_FIXED;
		if (w->aliasing && (flags & MAP_SHARED) &&
		    prng_chance(&w->r, 70))
			addr &= ~(SHMLBA - 1);
	} else if (kind < 4) {
		addr = world_addr(w);
		flags |= MAP_FIXED_NOREPLACE;
	} else if (kind < 6) {
		addr = world_addr(w) + prng_below(&w->r, PAGE_SIZE);
	}
	if (prng_chance(&w->r, 10))
		flags |= MAP_NORESERVE;
	snprintf(w->what, sizeof(w->what),
		 "mmap(%#lx, %#lx, prot %#lx, flags %#lx)", addr, len, prot,
		 flags);
	want = model_mmap(w, addr, len, prot, flags);
	got = mmap_anon(w->mm, addr, len, prot, flags);
	if (got != want)
		return fail(w, "result differs");
	IS_ERR_VALUE(got) ? w->errors++ : w->ok++;
	return true;
}

static bool op_munmap(struct rworld *w)
{
	unsigned long start = world_addr(w), len = rnd_len(w) * 2;
	int got, want;

	if (prng_chance(&w->r, 3))
		start += 8;
	snprintf(w->what, sizeof(w->what), "munmap(%#lx, %#lx)", start, len);
	want = model_munmap(w, start, len);
	got = do_munmap(w->mm, start, len);
	if (got != want)
		return fail(w, "result differs");
	got ? w->errors++ : w->ok++;
	return true;
}

static bool op_mprotect(struct rworld *w)
{
	unsigned long start = world_addr(w), len = rnd_len(w) * 2;
	unsigned long prot = prng_below(&w->r, 8);
	int got, want;

	if (prng_chance(&w->r, 3))
		prot |= 0x10;
	if (prng_chance(&w->r, 3))
		start += 8;
	snprintf(w->what, sizeof(w->what), "mprotect(%#lx, %#lx, %#lx)",
		 start, len, prot);
	want = model_mprotect(w, start, len, prot);
	got = do_mprotect(w->mm, start, len, prot, false);
	if (got != want)
		return fail(w, "result differs");
	got ? w->errors++ : w->ok++;
	return true;
}

static bool op_brk(struct rworld *w)
{
	unsigned long brk = w->start_brk - PG(2) +
			    prng_below(&w->r, PG(64));
	unsigned long got, want;

	if (prng_chance(&w->r, 5))
		brk = 0;
	snprintf(w->what, sizeof(w->what), "brk(%#lx), brk %#lx", brk,
		 w->brk);
	want = model_brk(w, brk);
	got = do_brk(w->mm, brk);
	if (got != want)
		return fail(w, "result differs");
	return true;
}

/* A write to a page: the fault handler agrees with the VMA's flags. */
static bool op_touch(struct rworld *w)
{
	unsigned long addr = world_addr(w);
	int i = ref_find(&w->ref, addr), got, want;

	snprintf(w->what, sizeof(w->what), "write at %#lx", addr);
	if (i == w->ref.n || w->ref.r[i].start > addr)
		want = VM_FAULT_BADMAP;
	else if (!(w->ref.r[i].flags & VM_WRITE))
		want = VM_FAULT_BADACCESS;
	else
		want = 0;
	got = user_write(w->mm, addr, (unsigned char)w->step);
	if (got != want)
		return fail(w, "the access differs");
	if (!got)
		ref_touch(&w->ref, addr);
	return true;
}

/* ---- the runs ------------------------------------------------------- */

struct rconfig {
	unsigned long seed;
	bool legacy, aliasing;
	int max_map_count;
	bool crowded;	/* top-down area full below the world */
};

static void run(const struct rconfig *c, long steps)
{
	struct mem_snapshot s;
	struct rworld w = { 0 };
	void (*old)(int) = signal(SIGABRT, on_abort);

	printf("# seed %#lx%s%s%s, max_map_count %d, %ld steps\n", c->seed,
	       c->legacy ? ", legacy" : "", c->aliasing ? ", aliasing" : "",
	       c->crowded ? ", crowded" : "", c->max_map_count, steps);
	mem_snap(&s);
	fake_cache_aliasing = w.aliasing = c->aliasing;
	w.legacy = c->legacy;
	w.seed = c->seed;
	prng_seed(&w.r, c->seed);
	w.mm = mmap_mm_new(c->legacy);
	w.mm->max_map_count = c->max_map_count;
	ref_init(&w.ref, MODEL_CAP, c->max_map_count);
	w.mmap_base = w.mm->mmap_base;
	/* the world straddles mmap_base: fixed, hinted and placed meet */
	w.lo = w.mmap_base - PG(WORLD_PAGES / 2);
	w.start_brk = w.brk = w.lo + PG(8);
	w.mm->start_brk = w.mm->brk = w.brk;
	running = &w;
	if (c->crowded) {
		unsigned long lo = c->legacy ? w.lo + PG(WORLD_PAGES) :
					       FIRST_USER_ADDRESS;
		unsigned long hi = c->legacy ? TASK_SIZE : w.lo + PG(64);

		snprintf(w.what, sizeof(w.what), "filler [%#lx, %#lx)", lo, hi);
		CHECK_EQ(model_mmap(&w, lo, hi - lo, PROT_NONE,
				    MAP_PRIVATE | MAP_FIXED),
			 mmap_anon(w.mm, lo, hi - lo, PROT_NONE,
				   MAP_PRIVATE | MAP_FIXED));
	}
	for (w.step = 0; w.step < steps; w.step++) {
		int op = prng_below(&w.r, 100);
		bool ok;

		if (op < 35)
			ok = op_mmap(&w);
		else if (op < 55)
			ok = op_munmap(&w);
		else if (op < 75)
			ok = op_mprotect(&w);
		else if (op < 85)
			ok = op_brk(&w);
		else
			ok = op_touch(&w);
		if (!ok || !same_layout(&w))
			break;
		/* a full world is emptied now and then */
		if (w.ref.n > 150 && !c->crowded)
			CHECK_EQ(do_munmap(w.mm, w.lo, PG(WORLD_PAGES)),
				 model_munmap(&w, w.lo, PG(WORLD_PAGES)));
	}
	printf("#   %ld calls succeeded, %ld failed as the model said, %d VMAs at the end\n",
	       w.ok, w.errors, w.mm->map_count);
	running = NULL;
	mmput(w.mm);
	ref_destroy(&w.ref);
	fake_cache_aliasing = false;
	signal(SIGABRT, old);
	CHECK_MEM_RESTORED(&s);
}

static const struct rconfig configs[] = {
	{ 0x6d6d6170, false, false, DEFAULT_MAX_MAP_COUNT, false },
	{ 0x1badb002, false, true, DEFAULT_MAX_MAP_COUNT, false },
	{ 0xfeedf00d, true, false, DEFAULT_MAX_MAP_COUNT, false },
	{ 0xc0ffee11, false, false, 12, false },
	{ 0x5eed0005, false, true, DEFAULT_MAX_MAP_COUNT, true },
	{ 0xbadc0de6, true, true, 20, true },
};

TEST(mm_syscalls_agree_with_the_model)
{
	unsigned long only = test_seed(0);
	bool ran = false;

	for (unsigned i = 0; i < ARRAY_SIZE(configs); i++) {
		struct rconfig c = configs[i];

		if (only && only != c.seed)
			continue;
		run(&c, only ? 20 * STEPS_PER_SEED : STEPS_PER_SEED);
		ran = true;
		if (check_failures())
			break;
	}
	/* a seed of one's own: the first configuration with it */
	if (!ran) {
		struct rconfig c = configs[0];

		c.seed = only;
		run(&c, 20 * STEPS_PER_SEED);
	}
}
