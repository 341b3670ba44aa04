/*
 * A randomized host test of demand paging as a whole (mm/memory.c,
 * mm/cow.c, mm/mm.c, mm/shmem.c, mm/filemap.c): a few address spaces,
 * forking, exiting, mapping the four kinds of memory, unmapping parts,
 * changing protections, populating, reading and writing 32-bit values,
 * sometimes out of memory - checked after every step against a model
 * that says which value each address of each mm must show:
 *
 *   private anonymous   its own value (0 until written), copied by fork
 *   shared anonymous    the value of (object, index), object shared by fork
 *   private file        the file's value until written, then its own
 *   shared file         the value of (file, index)
 *
 * After each step: validate_mm() of every mm, page_alloc_check(), every
 * present PTE shows the model's value, a writable private PTE maps an
 * anonymous page nobody else maps (copy on write is safe), a shared PTE
 * maps the page cache's page, and each page's map count and reference
 * count equal what the page tables, recounted, say. At the end every
 * page and object is back. Seeds are fixed and printed.
 */
#include "mm/fault_inject.h"
#include "mm/rmap.h"
#include "mm/shmem.h"
#include "mm/vmstat.h"
#include "tests/host/page_model.h"
#include "tests/host/mm_util.h"

#define NSLOTS 6
#define SLOT_PAGES 12
#define MAX_MMS 4
#define NFILES 2
#define FILE_PAGES 16
#define MAX_OBJS 256
#define STEPS 1000

enum kind { K_NONE, K_PRIV_ANON, K_SHARED_ANON, K_PRIV_FILE, K_SHARED_FILE };

struct mpage {
	bool mapped;
	bool tracking;		/* private file page not yet written */
	uint32_t val;		/* private value */
};

struct mslot {
	enum kind kind;
	bool writable;
	int obj;		/* shared anon object or file number */
	unsigned long pgoff;	/* file page of the slot's first page */
	struct mpage p[SLOT_PAGES];
};

struct mproc {
	struct mm_struct *mm;
	struct mslot slot[NSLOTS];
};

static struct mproc procs[MAX_MMS];
static int nprocs;
static uint32_t obj_val[MAX_OBJS][SLOT_PAGES];
static int nobjs;
static uint32_t file_val[NFILES][FILE_PAGES];
static struct file *files[NFILES];
static uint32_t next_val;
static int *ptes_of;	/* PTEs per pfn, recounted by check_all() */

/* Slots 1.5 MiB apart, starting 4 pages below a MiB: some cross one. */
static unsigned long slot_addr(int s)
{
	return 0x20000000UL + s * 0x180000UL - PG(4);
}

/* The value the model says (proc, slot, page) shows. */
static uint32_t expected(struct mslot *sl, int i)
{
	switch (sl->kind) {
	case K_SHARED_ANON:
		return obj_val[sl->obj][i];
	case K_SHARED_FILE:
		return file_val[sl->obj][sl->pgoff + i];
	case K_PRIV_FILE:
		if (sl->p[i].tracking)
			return file_val[sl->obj][sl->pgoff + i];
		return sl->p[i].val;
	default:
		return sl->p[i].val;
	}
}

/* A slot to touch: one with a mapping, most of the time. */
static int pick_slot(struct mproc *pr)
{
	int s = rng_below(NSLOTS);

	for (int tries = 0; tries < 4 && pr->slot[s].kind == K_NONE; tries++)
		s = rng_below(NSLOTS);
	return s;
}

static void op_read(struct mproc *pr)
{
	int s = pick_slot(pr), i = rng_below(SLOT_PAGES);
	struct mslot *sl = &pr->slot[s];
	unsigned long addr = slot_addr(s) + PG(i) + 4 * rng_below(1024);
	uint32_t v = 0;
	int ret = user_read32(pr->mm, addr, &v);

	if (!sl->p[i].mapped) {
		CHECK_EQ(ret, VM_FAULT_BADMAP);
		return;
	}
	CHECK_EQ(ret, 0);
	if (!(addr & (PAGE_SIZE - 1)))
		CHECK_EQ(v, expected(sl, i));
}

static void op_write(struct mproc *pr)
{
	int s = pick_slot(pr), i = rng_below(SLOT_PAGES);
	struct mslot *sl = &pr->slot[s];
	uint32_t v = ++next_val;
	int ret = user_write32(pr->mm, slot_addr(s) + PG(i), v);

	if (!sl->p[i].mapped) {
		CHECK_EQ(ret, VM_FAULT_BADMAP);
		return;
	}
	if (!sl->writable) {
		CHECK_EQ(ret, VM_FAULT_BADACCESS);
		return;
	}
	CHECK_EQ(ret, 0);
	switch (sl->kind) {
	case K_SHARED_ANON:
		obj_val[sl->obj][i] = v;
		break;
	case K_SHARED_FILE:
		file_val[sl->obj][sl->pgoff + i] = v;
		break;
	default:
		sl->p[i].tracking = false;
		sl->p[i].val = v;
	}
}

/* A write or read with the next page allocation failing. */
static void op_oom(struct mproc *pr)
{
	int s = pick_slot(pr), i = rng_below(SLOT_PAGES);
	struct mslot *sl = &pr->slot[s];
	unsigned long addr = slot_addr(s) + PG(i);
	bool write = rng_below(2) && sl->writable;
	uint32_t v = 0;
	int ret;

	if (!sl->p[i].mapped)
		return;
	fault_attr_set(&fail_page_alloc, 0, 1);
	ret = write ? user_write32(pr->mm, addr, ++next_val) :
		      user_read32(pr->mm, addr, &v);
	if (fail_page_alloc.times == 0) {	/* it was needed */
		CHECK_EQ(ret, VM_FAULT_OOM);
		CHECK_EQ(mmt_report.reason, FAULT_OOM);
	} else {
		CHECK_EQ(ret, 0);
		if (write) {			/* as op_write */
			if (sl->kind == K_SHARED_ANON)
				obj_val[sl->obj][i] = next_val;
			else if (sl->kind == K_SHARED_FILE)
				file_val[sl->obj][sl->pgoff + i] = next_val;
			else
				sl->p[i] = (struct mpage){ true, false,
							   next_val };
		} else {
			CHECK_EQ(v, expected(sl, i));
		}
	}
	fault_attr_set(&fail_page_alloc, 0, 0);
}

static void op_map(struct mproc *pr)
{
	int s = rng_below(NSLOTS);
	struct mslot *sl = &pr->slot[s];
	unsigned long flags;
	struct file *file = NULL;

	if (sl->kind != K_NONE)
		return;
	sl->kind = 1 + rng_below(4);
	if (sl->kind == K_SHARED_ANON && nobjs == MAX_OBJS)
		sl->kind = K_PRIV_ANON;
	sl->writable = rng_below(3) != 0;
	flags = sl->writable ? RW : R;
	sl->pgoff = 0;
	if (sl->kind == K_SHARED_ANON || sl->kind == K_SHARED_FILE)
		flags |= SHARED;
	if (sl->kind == K_SHARED_ANON) {
		sl->obj = nobjs++;
		memset(obj_val[sl->obj], 0, sizeof(obj_val[0]));
	}
	if (sl->kind == K_PRIV_FILE || sl->kind == K_SHARED_FILE) {
		sl->obj = rng_below(NFILES);
		sl->pgoff = rng_below(FILE_PAGES - SLOT_PAGES + 1);
		file = files[sl->obj];
	}
	for (int i = 0; i < SLOT_PAGES; i++)
		sl->p[i] = (struct mpage){ true, true, 0 };
	mmt_map(pr->mm, slot_addr(s), PG(SLOT_PAGES), flags, file, sl->pgoff);
}

static void op_unmap(struct mproc *pr)
{
	int s = rng_below(NSLOTS);
	struct mslot *sl = &pr->slot[s];
	int a = rng_below(SLOT_PAGES), b = a + 1 + rng_below(SLOT_PAGES - a);
	bool any = false;

	if (sl->kind == K_NONE)
		return;
	CHECK_EQ(do_munmap(pr->mm, slot_addr(s) + PG(a), PG(b - a)), 0);
	for (int i = 0; i < SLOT_PAGES; i++) {
		if (i >= a && i < b)
			sl->p[i].mapped = false;
		any |= sl->p[i].mapped;
	}
	if (!any)
		sl->kind = K_NONE;
}

static void op_protect(struct mproc *pr)
{
	int s = rng_below(NSLOTS);
	struct mslot *sl = &pr->slot[s];
	unsigned long prot;

	if (sl->kind == K_NONE)
		return;
	sl->writable = !sl->writable;
	prot = sl->writable ? PROT_READ | PROT_WRITE : PROT_READ;
	/* each run of mapped pages: mprotect() fails at a hole */
	for (int a = 0, b; a < SLOT_PAGES; a = b) {
		for (b = a + 1; b < SLOT_PAGES &&
				sl->p[b].mapped == sl->p[a].mapped; b++)
			;
		if (sl->p[a].mapped)
			CHECK_EQ(do_mprotect(pr->mm, slot_addr(s) + PG(a),
					     PG(b - a), prot, false), 0);
	}
}

/*
 * MAP_POPULATE's rule: private writable pages are write-faulted, so a
 * private file page gets its own copy now and stops following the file.
 */
static void op_populate(struct mproc *pr)
{
	int s = rng_below(NSLOTS);
	struct mslot *sl = &pr->slot[s];

	CHECK_EQ(mm_populate(pr->mm, slot_addr(s), PG(SLOT_PAGES)), 0);
	for (int i = 0; i < SLOT_PAGES; i++) {
		if (!sl->p[i].mapped)
			continue;
		CHECK(mmt_pte(pr->mm, slot_addr(s) + PG(i), NULL));
		if (sl->kind == K_PRIV_FILE && sl->writable &&
		    sl->p[i].tracking)
			sl->p[i] = (struct mpage){ true, false,
						   expected(sl, i) };
	}
}

static void op_fork(struct mproc *pr)
{
	struct mm_struct *mm;

	if (nprocs == MAX_MMS)
		return;
	mm = dup_mm(pr->mm);
	CHECK(mm != NULL);
	if (!mm)
		return;
	procs[nprocs] = *pr;
	procs[nprocs++].mm = mm;
}

static void op_exit(int n)
{
	if (nprocs == 1)
		return;
	mmput(procs[n].mm);
	procs[n] = procs[--nprocs];
}

/* Check one present PTE of (@pr, slot @s, page @i) against the model. */
static void check_pte(struct mproc *pr, int s, int i)
{
	struct mslot *sl = &pr->slot[s];
	unsigned long addr = slot_addr(s) + PG(i);
	bool w;
	struct page *page = mmt_pte(pr->mm, addr, &w), *cached;
	uint32_t v;

	if (!sl->p[i].mapped) {
		CHECK(page == NULL);
		return;
	}
	if (!page)
		return;
	ptes_of[page_to_pfn(page) - (HOST_PHYS_BASE >> PAGE_SHIFT)]++;
	memcpy(&v, fake_user_byte(pr->mm, addr), sizeof(v));
	if (v != expected(sl, i))
		check_failed(__FILE__, __LINE__,
			     "mm %p %#lx: %#x, the model says %#x (kind %d)",
			     (void *)pr->mm, addr, v, expected(sl, i),
			     sl->kind);
	if (w && !sl->writable)
		check_failed(__FILE__, __LINE__,
			     "%#lx: writable PTE in a read-only VMA", addr);
	if (sl->kind == K_SHARED_ANON || sl->kind == K_SHARED_FILE) {
		struct vm_area_struct *vma = find_vma(pr->mm, addr);

		cached = find_get_page(vma->vm_file->f_mapping,
				       vma->vm_pgoff +
				       ((addr - vma->vm_start) >> PAGE_SHIFT));
		CHECK(cached == page);
		if (cached)
			put_page(cached);
	} else if (w && !(PageAnon(page) && page_mapcount(page) == 1)) {
		check_failed(__FILE__, __LINE__,
			     "%#lx: writable private PTE to a shared page", addr);
	} else if (page == ZERO_PAGE(0)) {
		CHECK(!w);
	}
}

/* Everything the model and the recount say must hold, after a step. */
static void check_all(int zero_map)
{
	unsigned long base = HOST_PHYS_BASE >> PAGE_SHIFT;
	unsigned long npages = HOST_RAM_SIZE / PAGE_SIZE;

	memset(ptes_of, 0, npages * sizeof(*ptes_of));
	for (int n = 0; n < nprocs; n++) {
		CHECK_EQ(validate_mm(procs[n].mm), 0);
		for (int s = 0; s < NSLOTS; s++)
			for (int i = 0; i < SLOT_PAGES; i++)
				check_pte(&procs[n], s, i);
	}
	for (unsigned long pfn = 0; pfn < npages; pfn++) {
		struct page *page = pfn_to_page(base + pfn);
		int maps = ptes_of[pfn];

		if (page == ZERO_PAGE(0)) {
			CHECK_EQ(page_mapcount(page), zero_map + maps);
			continue;
		}
		if (!maps)
			continue;
		CHECK_EQ(page_mapcount(page), maps);
		CHECK_EQ(page_count(page), maps + (page->mapping ? 1 : 0));
	}
	CHECK(page_alloc_check());
}

/* The test files' initial values: the first word of each page. */
static void files_open(void)
{
	for (int f = 0; f < NFILES; f++) {
		files[f] = mmt_file_new(f ? "/rand/b" : "/rand/a", FILE_PAGES,
					PG(FILE_PAGES));
		for (int p = 0; p < FILE_PAGES; p++) {
			unsigned char b[4];

			for (int i = 0; i < 4; i++)
				b[i] = mmt_file_byte(p, i);
			memcpy(&file_val[f][p], b, 4);
		}
	}
}

static void run(unsigned long seed)
{
	struct mem_snapshot s;
	int zero_map = page_mapcount(ZERO_PAGE(0));
	unsigned long before[NR_VM_EVENT_ITEMS];

	memcpy(before, vm_event_states, sizeof(before));
	rng_seed(seed);
	mem_snap(&s);
	files_open();
	nprocs = 1;
	nobjs = 0;
	memset(&procs[0], 0, sizeof(procs[0]));
	procs[0].mm = mmt_new();
	for (int step = 0; step < STEPS && !check_failures(); step++) {
		int n = rng_below(nprocs);
		unsigned long op = rng_below(100);

		if (op < 30)
			op_read(&procs[n]);
		else if (op < 58)
			op_write(&procs[n]);
		else if (op < 68)
			op_map(&procs[n]);
		else if (op < 76)
			op_unmap(&procs[n]);
		else if (op < 82)
			op_protect(&procs[n]);
		else if (op < 86)
			op_populate(&procs[n]);
		else if (op < 92)
			op_fork(&procs[n]);
		else if (op < 96)
			op_exit(n);
		else
			op_oom(&procs[n]);
		check_all(zero_map);
		if (check_failures())
			printf("# failed at step %d (op %lu)\n", step, op);
	}
	while (nprocs)
		mmput(procs[--nprocs].mm);
	for (int f = 0; f < NFILES; f++)
		mmt_file_close(files[f]);
	CHECK_MEM_RESTORED(&s);
	/* what the run exercised, to see that it did */
	printf("#");
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		printf(" %s %lu", vmstat_text[i], vm_event_states[i] - before[i]);
	printf("\n");
}

TEST(random_faults_forks_unmaps_and_exits_match_the_model)
{
	static const unsigned long seeds[] = { 0xd3a4d, 0xc0ffee, 0x5eed7 };

	ptes_of = calloc(HOST_RAM_SIZE / PAGE_SIZE, sizeof(*ptes_of));
	for (unsigned int i = 0; i < ARRAY_SIZE(seeds); i++)
		run(seeds[i]);
	free(ptes_of);
}
