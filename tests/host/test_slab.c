/*
 * Host tests of mm/slab.c: cache geometry, kmalloc size classes, a long
 * randomized run against a model of live objects, bad frees, poisoning,
 * fault injection, and slab_check() itself.
 *
 * Every test runs on the shared RAM and gives back all it takes: the
 * pages held by slabs and the free page count return exactly.
 */
#include "kernel/errno.h"
#include "mm/fault_inject.h"
#include "mm/kasan.h"
#include "mm/poison.h"
#include "mm/slab.h"
#include "tests/host/page_model.h"
#include "tests/host/test.h"

struct slab_snapshot {
	unsigned long nr_free;
	unsigned long slab_pages;
	unsigned long bad_free;
	unsigned long poison_bad;
};

static void slab_snap(struct slab_snapshot *s)
{
	s->nr_free = nr_free_pages();
	s->slab_pages = slab_nr_pages();
	s->bad_free = slab_stats.nr_bad_free;
	s->poison_bad = slab_stats.nr_poison_bad;
}

/* Every page is back where it was and the slab is consistent. */
#define CHECK_SLAB_RESTORED(s)						\
	do {								\
		CHECK_EQ(nr_free_pages(), (s)->nr_free);		\
		CHECK_EQ(slab_nr_pages(), (s)->slab_pages);		\
		CHECK(slab_check());					\
		CHECK(page_alloc_check());				\
	} while (0)

/* A store the sanitizer does not see (a stale pointer's write). */
static __no_sanitize_address __attribute__((noinline)) void
scribble(void *addr, unsigned char value)
{
	*(volatile unsigned char *)addr = value;
}

/* Is @c on slab_caches? */
static bool cache_listed(const struct kmem_cache *c)
{
	struct kmem_cache *pos;

	list_for_each_entry(pos, &slab_caches, list)
		if (pos == c)
			return true;
	return false;
}

/*
 * Object stride, slab order and objects per slab, worked by hand: the
 * slab keeps no header in the block, so a slab of 2^order pages holds
 * (4096 << order) / size objects, and the order is the smallest that
 * wastes at most an eighth of the slab.
 */
TEST(cache_geometry_as_worked_by_hand)
{
	struct slab_snapshot before;
	struct kmem_cache *c24, *c3000, *c1, *c40;

	slab_snap(&before);
	c24 = kmem_cache_create("t24", 24, 0);
	CHECK(c24 && c24->size == 24 && c24->align == 8);
	CHECK(c24 && c24->order == 0 && c24->objects == 170);
	/* 3000: order 0 wastes 1096 > 512, order 1 wastes 2192 > 1024,
	 * order 2 holds 5 and wastes 1384 <= 2048 */
	c3000 = kmem_cache_create("t3000", 3000, 0);
	CHECK(c3000 && c3000->order == 2 && c3000->objects == 5);
	/* a free object holds two pointers, so no object is smaller */
	c1 = kmem_cache_create("t1", 1, 0);
	CHECK(c1 && c1->size == ALIGN(2 * sizeof(void *), 8));
	c40 = kmem_cache_create("t40", 40, 64);
	CHECK(c40 && c40->size == 64 && c40->objects == 64);
	CHECK(c24 && cache_listed(c24) && cache_listed(c40));

	CHECK(kmem_cache_create("bad", 0, 0) == NULL);
	CHECK(kmem_cache_create("bad", 40, 3) == NULL);
	CHECK(kmem_cache_create("bad", 40, 2 * PAGE_SIZE) == NULL);
	CHECK(kmem_cache_create("bad", 40000, 0) == NULL);

	CHECK_EQ(kmem_cache_destroy(c24), 0);
	CHECK_EQ(kmem_cache_destroy(c3000), 0);
	CHECK_EQ(kmem_cache_destroy(c1), 0);
	CHECK_EQ(kmem_cache_destroy(c40), 0);
	CHECK(!cache_listed(c24));
	CHECK_SLAB_RESTORED(&before);
}

TEST(kmalloc_picks_the_smallest_class_that_fits)
{
	static const struct { size_t ask, class; const char *name; } t[] = {
		{ 1, 16, "kmalloc-16" }, { 16, 16, "kmalloc-16" },
		{ 17, 32, "kmalloc-32" }, { 33, 64, "kmalloc-64" },
		{ 100, 128, "kmalloc-128" }, { 129, 256, "kmalloc-256" },
		{ 500, 512, "kmalloc-512" }, { 1000, 1024, "kmalloc-1024" },
		{ 1025, 2048, "kmalloc-2048" }, { 2048, 2048, "kmalloc-2048" },
		{ 2049, 4096, "kmalloc-4096" }, { 4096, 4096, "kmalloc-4096" },
	};
	struct slab_snapshot before;

	slab_snap(&before);
	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		char *p = kmalloc(t[i].ask);
		struct kmem_cache *c = kmalloc_slab(t[i].ask);

		CHECK(p != NULL && c != NULL);
		if (!p || !c)
			continue;
		CHECK_EQ(c->object_size, t[i].class);
		CHECK_STREQ(c->name, t[i].name);
		CHECK(virt_to_page(p)->slab_cache == c);
		CHECK_EQ((uintptr_t)p % t[i].class, 0);	/* natural alignment */
		memset(p, 0x5a, t[i].ask);
		kfree(p);
	}
	CHECK(kmalloc(KMALLOC_MAX_SIZE + 1) == NULL);
	CHECK(kmalloc_slab(0) == NULL);
	CHECK(kmalloc(0) == ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	CHECK_EQ(slab_stats.nr_bad_free, before.bad_free);
	CHECK_SLAB_RESTORED(&before);
}

TEST(zalloc_zeroes_a_recycled_object)
{
	struct kmem_cache *c = kmem_cache_create("t100", 100, 0);
	unsigned char *keep = kmem_cache_alloc(c), *p, *q;

	p = kmem_cache_alloc(c);
	memset(p, 0xff, 100);
	kmem_cache_free(c, p);
	q = kmem_cache_zalloc(c);
	CHECK(q == p);			/* the most recently freed comes first */
	for (int i = 0; i < 100; i++)
		if (q[i]) {
			CHECK_EQ(q[i], 0);
			break;
		}
	kmem_cache_free(c, q);
	p = kmalloc(300);
	memset(p, 0xff, 300);
	kfree(p);
	q = kzalloc(300);
	CHECK(q == p);
	for (int i = 0; i < 300; i++)
		if (q[i]) {
			CHECK_EQ(q[i], 0);
			break;
		}
	kfree(q);
	kmem_cache_free(c, keep);
	CHECK_EQ(kmem_cache_destroy(c), 0);
}

/*
 * Slabs fill up and go back: 170 objects of 24 bytes fill one page. The
 * page allocator sees one page per slab, and all of them return when the
 * objects do.
 */
TEST(empty_slabs_go_back_to_the_page_allocator)
{
	struct slab_snapshot before;
	struct kmem_cache *c;
	void *objs[3 * 170 + 1];

	slab_snap(&before);
	c = kmem_cache_create("t24", 24, 0);
	for (int i = 0; i < 170; i++)
		objs[i] = kmem_cache_alloc(c);
	CHECK_EQ(c->nr_slabs, 1);
	CHECK(list_empty(&c->slabs_partial) && !list_empty(&c->slabs_full));
	objs[170] = kmem_cache_alloc(c);
	CHECK(!list_empty(&c->slabs_partial));
	for (int i = 171; i < 3 * 170 + 1; i++)
		objs[i] = kmem_cache_alloc(c);
	CHECK_EQ(c->nr_slabs, 4);
	CHECK_EQ(c->nr_active, 3 * 170 + 1);
	CHECK_EQ(c->nr_objects, 4 * 170);
	CHECK_EQ(slab_nr_pages(), before.slab_pages + 4);
	CHECK(slab_check());

	for (int i = 0; i < 3 * 170; i++)
		kmem_cache_free(c, objs[i]);
	CHECK_EQ(c->nr_slabs, 1);
	CHECK_EQ(c->nr_active, 1);
	kmem_cache_free(c, objs[3 * 170]);
	CHECK_EQ(c->nr_slabs, 0);
	CHECK_EQ(c->nr_active, 0);
	CHECK_EQ(c->nr_objects, 0);
	CHECK_EQ(kmem_cache_destroy(c), 0);
	CHECK_SLAB_RESTORED(&before);
}

TEST(destroying_a_cache_in_use_is_refused)
{
	struct kmem_cache *c = kmem_cache_create("t64", 64, 0);
	void *obj = kmem_cache_alloc(c);

	CHECK_EQ(kmem_cache_destroy(c), -EBUSY);
	CHECK(cache_listed(c));
	kmem_cache_free(c, obj);
	CHECK_EQ(kmem_cache_destroy(c), 0);
	CHECK(!cache_listed(c));
}

TEST(caches_can_be_listed_by_name)
{
	static const char *const names[] = {
		"kmem_cache", "kmalloc-16", "kmalloc-32", "kmalloc-64",
		"kmalloc-128", "kmalloc-256", "kmalloc-512", "kmalloc-1024",
		"kmalloc-2048", "kmalloc-4096",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct kmem_cache *c;
		int found = 0;

		list_for_each_entry(c, &slab_caches, list)
			found += strcmp(c->name, names[i]) == 0;
		CHECK_EQ(found, 1);
	}
}

/* Each wrong free is reported, counted once, and changes nothing. */
#define CHECK_BAD_KFREE(call, cache, active)				\
	do {								\
		unsigned long __bad = slab_stats.nr_bad_free;		\
		call;							\
		CHECK_EQ(slab_stats.nr_bad_free, __bad + 1);		\
		CHECK_EQ((cache)->nr_active, (active));			\
		CHECK(slab_check());					\
	} while (0)

/*
 * A double kfree is caught: the object is on its slab's free list only
 * once, so it is handed out once, not twice.
 */
TEST(double_kfree_is_reported_and_ignored)
{
	struct slab_snapshot before;
	struct kmem_cache *c = kmem_cache_create("t64", 64, 0);
	void *keep, *p, *a, *b;

	slab_snap(&before);
	keep = kmem_cache_alloc(c);	/* keeps the slab alive */
	p = kmem_cache_alloc(c);
	kmem_cache_free(c, p);
	CHECK_BAD_KFREE(kmem_cache_free(c, p), c, 1);
	CHECK_BAD_KFREE(kfree(p), c, 1);
	a = kmem_cache_alloc(c);
	b = kmem_cache_alloc(c);
	CHECK(a == p);
	CHECK(b != p);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	kmem_cache_free(c, keep);
	/* the slab is gone now: a free into it is no slab object any more */
	CHECK_BAD_KFREE(kmem_cache_free(c, keep), c, 0);
	CHECK_EQ(kmem_cache_destroy(c), 0);
	CHECK_SLAB_RESTORED(&before);
}

TEST(freeing_foreign_pointers_is_reported_and_ignored)
{
	struct slab_snapshot before;
	struct kmem_cache *c = kmem_cache_create("t64", 64, 0);
	struct kmem_cache *other = kmem_cache_create("u64", 64, 0);
	struct kmem_cache *k64 = kmalloc_slab(64);
	unsigned long k64_active = k64->nr_active;
	char *obj, *km, *host = malloc(64), local[64];
	struct page *page;

	slab_snap(&before);
	obj = kmem_cache_alloc(c);
	km = kmalloc(64);
	page = alloc_page(GFP_KERNEL);
	CHECK_BAD_KFREE(kfree(local), c, 1);
	CHECK_BAD_KFREE(kfree(host), c, 1);
	CHECK_BAD_KFREE(kfree(obj + 8), c, 1);
	CHECK_BAD_KFREE(kfree(page_address(page)), c, 1);
	CHECK_BAD_KFREE(kmem_cache_free(other, obj), c, 1);
	CHECK_BAD_KFREE(kmem_cache_free(c, km), k64, k64_active + 1);
	CHECK_BAD_KFREE(kmem_cache_free(c, page_address(page)), c, 1);
	kfree(obj);			/* kfree takes any slab object */
	kfree(km);
	__free_page(page);
	CHECK_EQ(kmem_cache_destroy(c), 0);
	CHECK_EQ(kmem_cache_destroy(other), 0);
	free(host);
	CHECK_SLAB_RESTORED(&before);
}

/*
 * Poisoning: a write into a freed object is reported when the object is
 * handed out again (it is the next one out: most recently freed first).
 */
TEST(poison_check_reports_a_write_to_a_freed_object)
{
	struct slab_snapshot before;
	struct kmem_cache *c;
	char *keep, *p, *again;

	if (!DEBUG_VM_ENABLED) {	/* poisoning is part of CONFIG_DEBUG_VM */
		printf("# CONFIG_DEBUG_VM is off: nothing to test\n");
		return;
	}
	c = kmem_cache_create("t64", 64, 0);
	keep = kmem_cache_alloc(c);
	slab_snap(&before);
	p = kmem_cache_alloc(c);
	kmem_cache_free(c, p);
	again = kmem_cache_alloc(c);
	CHECK(again == p);
	CHECK_EQ(slab_stats.nr_poison_bad, before.poison_bad);

	kmem_cache_free(c, again);
	scribble(p + 40, 0x11);
	again = kmem_cache_alloc(c);
	CHECK(again == p);
	CHECK_EQ(slab_stats.nr_poison_bad, before.poison_bad + 1);
	kmem_cache_free(c, again);
	kmem_cache_free(c, keep);
	CHECK_EQ(kmem_cache_destroy(c), 0);
}

/*
 * Under ASan: a free object is poisoned, a live one is not, and neither
 * are bytes beyond what was asked for (kmalloc's slack, the padding of an
 * aligned cache).
 */
TEST(freed_objects_and_slack_are_poisoned_for_the_sanitizer)
{
	struct kmem_cache *c = kmem_cache_create("t24a64", 24, 64);
	char *obj = kmem_cache_alloc(c), *km = kmalloc(20);

	if (KASAN_ENABLED) {
		CHECK(!kasan_poisoned(obj) && !kasan_poisoned(obj + 23));
		CHECK(kasan_poisoned(obj + 24) && kasan_poisoned(obj + 63));
		CHECK(!kasan_poisoned(km + 19));
		CHECK(kasan_poisoned(km + 20) && kasan_poisoned(km + 31));
	}
	kfree(km);
	kmem_cache_free(c, obj);
	if (KASAN_ENABLED)
		CHECK(kasan_poisoned(km) && kasan_poisoned(obj));
	CHECK_EQ(kmem_cache_destroy(c), 0);
}

TEST(failslab_and_fail_page_alloc_make_allocations_fail)
{
	struct slab_snapshot before;
	struct kmem_cache *c = kmem_cache_create("t64", 64, 0);
	void *a, *b, *d;

	slab_snap(&before);
	fault_attr_set(&failslab, 1, 1);
	a = kmem_cache_alloc(c);
	b = kmalloc(64);
	d = kmem_cache_alloc(c);
	CHECK(a && !b && d);
	CHECK_EQ(c->nr_active, 2);
	kmem_cache_free(c, a);
	kmem_cache_free(c, d);
	CHECK_EQ(c->nr_slabs, 0);

	/* an empty cache needs a new slab: no page, no object, no change */
	fault_attr_set(&fail_page_alloc, 0, 1);
	CHECK(kmem_cache_alloc(c) == NULL);
	CHECK_EQ(c->nr_active, 0);
	CHECK_EQ(c->nr_slabs, 0);
	CHECK_SLAB_RESTORED(&before);
	a = kmem_cache_alloc(c);
	CHECK(a != NULL);
	kmem_cache_free(c, a);
	CHECK_EQ(kmem_cache_destroy(c), 0);
}

/*
 * A multi-step operation (create a cache, fill 400 objects, take 8
 * kmalloc buffers) that undoes everything when any step fails. Failing
 * its k-th slab allocation, and then its k-th page allocation, for every
 * k walks every error path; none may leave a page or an object behind.
 */
struct build {
	struct kmem_cache *cache;
	void *objs[400];
	void *bufs[8];
};

static void unbuild(struct build *b)
{
	for (int i = 0; i < 8; i++)
		kfree(b->bufs[i]);
	for (int i = 0; i < 400; i++)
		if (b->cache)
			kmem_cache_free(b->cache, b->objs[i]);
	if (b->cache)
		CHECK_EQ(kmem_cache_destroy(b->cache), 0);
}

static int build(struct build *b)
{
	memset(b, 0, sizeof(*b));
	b->cache = kmem_cache_create("build", 200, 0);
	if (!b->cache)
		goto out_undo;
	for (int i = 0; i < 400; i++)
		if (!(b->objs[i] = kmem_cache_alloc(b->cache)))
			goto out_undo;
	for (int i = 0; i < 8; i++)
		if (!(b->bufs[i] = kmalloc(1000)))
			goto out_undo;
	return 0;
out_undo:
	unbuild(b);
	return -ENOMEM;
}

static int failure_points(struct fault_attr *attr)
{
	static struct build b;
	struct slab_snapshot before;
	int k;

	slab_snap(&before);
	for (k = 0; k < 1000; k++) {
		fault_attr_set(attr, k, 1);
		if (build(&b) == 0)
			break;
		CHECK_SLAB_RESTORED(&before);
	}
	fault_attr_set(attr, 0, 0);
	unbuild(&b);
	CHECK_SLAB_RESTORED(&before);
	return k;
}

/* Objects @c can still hand out without a new slab. */
static unsigned long spare_objects(const char *name)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		if (strcmp(c->name, name) == 0)
			return c->nr_objects - c->nr_active;
	return 0;
}

TEST(every_failure_point_of_a_slab_user_leaks_nothing)
{
	unsigned long spare_caches = spare_objects("kmem_cache");
	unsigned long spare_1024 = spare_objects("kmalloc-1024");
	unsigned long pages;

	/* 1 cache + 400 objects + 8 buffers: 409 slab allocations */
	CHECK_EQ(failure_points(&failslab), 409);
	/*
	 * Page allocations: 20 slabs of 20 objects of 200 bytes, one slab
	 * for the struct kmem_cache unless one has room, and slabs of four
	 * 1 KiB buffers for those the partial kmalloc-1024 slabs cannot hold.
	 */
	pages = 20 + (spare_caches == 0) +
		(spare_1024 >= 8 ? 0 : (8 - spare_1024 + 3) / 4);
	CHECK_EQ(failure_points(&fail_page_alloc), pages);
}

TEST(slab_check_notices_damage)
{
	struct kmem_cache *c = kmem_cache_create("t64", 64, 0);
	void *a = kmem_cache_alloc(c), *b = kmem_cache_alloc(c);
	struct page *slab = virt_to_page(a);
	void *saved;

	CHECK(slab_check());
	slab->inuse++;
	CHECK(!slab_check());
	slab->inuse--;
	c->nr_active++;
	CHECK(!slab_check());
	c->nr_active--;
	saved = slab->freelist;
	slab->freelist = (char *)a + 8;		/* not an object boundary */
	CHECK(!slab_check());
	slab->freelist = saved;
	list_del_init(&slab->lru);		/* partial slab on the full list */
	list_add(&slab->lru, &c->slabs_full);
	CHECK(!slab_check());
	list_del_init(&slab->lru);
	list_add(&slab->lru, &c->slabs_partial);
	CHECK(slab_check());
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	CHECK_EQ(kmem_cache_destroy(c), 0);
}

/*
 * Random allocations and frees over three caches and kmalloc of random
 * sizes, against a model: a map of which 8-byte granules of RAM are live.
 * A new object must lie in RAM, be aligned as promised and cover no live
 * granule; its bytes are filled with a mark that must be intact when it
 * is freed; each cache's nr_active equals the model's count. At the end
 * everything is freed and every page is back.
 */
#define SLAB_STEPS 20000
#define MAX_LIVE 4000

struct live_object {
	char *p;
	size_t size;
	int kind;		/* index in caches[], or -1 for kmalloc */
	unsigned char mark;
};

struct slab_model {
	struct kmem_cache *caches[3];
	unsigned long count[3];
	unsigned char *granule;		/* live map: 1 per 8 bytes of RAM */
	struct live_object live[MAX_LIVE];
	unsigned long n;
};

/* Mark (or clear) the granules of [p, p + size); report overlaps. */
static void model_mark(struct slab_model *m, char *p, size_t size, bool live)
{
	size_t first = (size_t)(p - host_ram) / 8;
	size_t last = (size_t)(p - host_ram + size - 1) / 8;

	for (size_t g = first; g <= last; g++) {
		if (live && m->granule[g]) {
			CHECK(!m->granule[g]);	/* overlaps a live object */
			return;
		}
		m->granule[g] = live;
	}
}

/* The alignment kmalloc(@size) promises: its class size. */
static size_t kmalloc_align(size_t size)
{
	size_t class = KMALLOC_MIN_SIZE;

	while (class < size)
		class *= 2;
	return class;
}

static void model_alloc(struct slab_model *m, unsigned char mark)
{
	struct live_object *o = &m->live[m->n];
	int kind = (int)rng_below(4) - 1;
	size_t align;

	if (kind < 0) {
		o->size = 1 + rng_below(KMALLOC_MAX_SIZE);
		o->p = kmalloc(o->size);
		align = kmalloc_align(o->size);
	} else {
		o->size = m->caches[kind]->object_size;
		o->p = kmem_cache_alloc(m->caches[kind]);
		align = m->caches[kind]->align;
	}
	CHECK(o->p != NULL);
	if (!o->p)
		return;
	CHECK(virt_addr_valid(o->p) && virt_addr_valid(o->p + o->size - 1));
	CHECK_EQ((uintptr_t)o->p % align, 0);
	model_mark(m, o->p, o->size, true);
	memset(o->p, mark, o->size);
	o->kind = kind;
	o->mark = mark;
	if (kind >= 0)
		m->count[kind]++;
	m->n++;
}

static void model_free(struct slab_model *m)
{
	unsigned long k = rng_below(m->n);
	struct live_object o = m->live[k];

	for (size_t i = 0; i < o.size; i++)
		if ((unsigned char)o.p[i] != o.mark) {
			CHECK_EQ((unsigned char)o.p[i], o.mark);
			break;
		}
	model_mark(m, o.p, o.size, false);
	if (o.kind < 0) {
		kfree(o.p);
	} else {
		kmem_cache_free(m->caches[o.kind], o.p);
		m->count[o.kind]--;
	}
	m->live[k] = m->live[--m->n];
}

TEST(random_objects_never_overlap_and_every_page_comes_back)
{
	static struct slab_model m;
	struct slab_snapshot before;
	int step;

	rng_seed(0x51ab5eed);
	slab_snap(&before);
	memset(&m, 0, sizeof(m));
	m.granule = calloc(HOST_RAM_SIZE / 8, 1);
	m.caches[0] = kmem_cache_create("r24", 24, 0);
	m.caches[1] = kmem_cache_create("r200a64", 200, 64);
	m.caches[2] = kmem_cache_create("r3000", 3000, 0);

	for (step = 0; step < SLAB_STEPS && !check_failures(); step++) {
		unsigned long p_alloc = step < SLAB_STEPS / 2 ? 60 : 40;

		if (m.n == 0 || (m.n < MAX_LIVE && rng_below(100) < p_alloc))
			model_alloc(&m, (unsigned char)step);
		else
			model_free(&m);
		for (int i = 0; i < 3; i++)
			CHECK_EQ(m.caches[i]->nr_active, m.count[i]);
		if (step % 16 == 0)
			CHECK(slab_check());
	}
	if (check_failures())
		printf("#   failed at step %d\n", step - 1);
	while (m.n)
		model_free(&m);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(m.caches[i]->nr_slabs, 0);
		CHECK_EQ(kmem_cache_destroy(m.caches[i]), 0);
	}
	CHECK_EQ(slab_stats.nr_bad_free, before.bad_free);
	CHECK_EQ(slab_stats.nr_poison_bad, before.poison_bad);
	CHECK_SLAB_RESTORED(&before);
	free(m.granule);
}

/*
 * object_in_slab() divides with reciprocal_divide(): for every object size
 * a slab can have (multiples of 8 up to 32 KiB) and every offset next to
 * a multiple of it inside a 32 KiB slab, the quotient is the true one.
 */
TEST(reciprocal_divide_is_exact_for_slab_offsets)
{
	unsigned long wrong = 0, tried = 0;

	for (uint32_t d = 8; d <= 32768; d += 8) {
		uint32_t r = reciprocal_value(d);

		for (uint32_t k = 0; k * d < 32768; k++) {
			for (int delta = -1; delta <= 1; delta++) {
				uint32_t a = k * d + (uint32_t)delta;

				if (a >= 32768)
					continue;
				tried++;
				if (reciprocal_divide(a, r) != a / d)
					wrong++;
			}
		}
	}
	CHECK(tried > 100000);
	CHECK_EQ(wrong, 0);
}
