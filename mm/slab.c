/*
 * mm/slab.c - caches of equal-sized objects, and kmalloc() on top of them.
 *
 * A slab is one block of 2^order pages from alloc_pages(), cut into
 * objects. Its bookkeeping sits in the struct page of its first page, so
 * the whole block holds objects (the same choice as Linux's SLUB):
 *
 *   struct page (first page)         the slab: PAGE_SIZE << order bytes
 *   +--------------------+           +-------+-------+-------+-----+------+
 *   | PG_slab            |           | obj 0 | obj 1 | obj 2 | ... |unused|
 *   | slab_cache --> cache           +-------+-------+-------+-----+------+
 *   | freelist ----------------------------------^       |
 *   | inuse = 2          |               obj 1.next -----'-> obj 3 ... NULL
 *   | lru: on the cache's partial or full list
 *   +--------------------+
 *
 * A free object starts with a small header (struct free_object): the next
 * free object of its slab and a tag saying "I am free"; with
 * CONFIG_DEBUG_VM its remaining bytes hold POISON_FREE. Every page of a
 * slab has PG_slab and slab_cache set, so kfree() finds the cache from any
 * pointer; the first page is the pointer's pfn rounded down to the slab's
 * order, because slabs are naturally aligned buddy blocks.
 *
 * Slabs with free objects are on slabs_partial, the others on slabs_full;
 * a slab whose last object comes back is returned to the page allocator
 * at once.
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "mm/fault_inject.h"
#include "mm/kasan.h"
#include "mm/page_alloc.h"
#include "mm/poison.h"
#include "mm/slab.h"

#define SLAB_MAX_ORDER 3		/* slabs of at most 32 KiB */
#define SLAB_MIN_ALIGN 8		/* u64 fields; ASan's granule */
#define FREE_TAG 0x5ab1f3eeUL		/* ^ the object's address */

/* The start of every free object. */
struct free_object {
	void *next;		/* next free object of this slab, or NULL */
	unsigned long tag;	/* FREE_TAG ^ address, while free */
};

LIST_HEAD(slab_caches);
struct slab_stats slab_stats;
struct fault_attr failslab;

/* The cache that struct kmem_caches come from; it cannot make itself. */
static struct kmem_cache kmem_cache_boot;

/* kmalloc_caches[i] holds objects of KMALLOC_MIN_SIZE << i bytes */
static const char *const kmalloc_names[] = {
	"kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
	"kmalloc-256", "kmalloc-512", "kmalloc-1024", "kmalloc-2048",
	"kmalloc-4096",
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_names)];

/* -- free objects -------------------------------------------------------- */

/*
 * The allocator's own reads of free objects, which the sanitizer has been
 * told are dead. noinline: an inlined copy would be checked again.
 *
 * free_next - Returns: the free object after @obj on its slab's list.
 */
static __no_sanitize_address __attribute__((noinline)) void *
free_next(const void *obj)
{
	return ((const struct free_object *)obj)->next;
}

/* free_tagged - Returns: true when @obj carries the tag of a free object. */
static __no_sanitize_address __attribute__((noinline)) bool
free_tagged(const void *obj)
{
	return ((const struct free_object *)obj)->tag ==
	       (FREE_TAG ^ (uintptr_t)obj);
}

/*
 * Turn @obj (live, not poisoned) into a free object whose successor is
 * @next: header, poison pattern, then tell the sanitizer.
 */
static void make_free(struct kmem_cache *c, void *obj, void *next)
{
	struct free_object *f = obj;

	f->next = next;
	f->tag = FREE_TAG ^ (uintptr_t)obj;
	if (DEBUG_VM_ENABLED)
		memset(f + 1, POISON_FREE, c->size - sizeof(*f));
	kasan_poison(obj, c->size);
}

/* The first page of the slab that holds @addr, a pointer into a slab. */
static struct page *slab_head(const struct kmem_cache *c, const void *addr)
{
	unsigned long pfn = page_to_pfn(virt_to_page(addr));

	return pfn_to_page(pfn & ~((1UL << c->order) - 1));
}

/*
 * Is @p NULL or the start of an object in @slab of cache @c? Run on every
 * allocation and free, so without a division (a software one costs some
 * 40 instructions here): reciprocal_divide(), exact for offsets inside a
 * slab (at most 32 KiB) and object sizes up to 32 KiB.
 */
static bool object_in_slab(const struct kmem_cache *c, struct page *slab,
			   const void *p)
{
	const char *base = page_address(slab);
	uintptr_t off = (uintptr_t)p - (uintptr_t)base;
	uint32_t index;

	if (!p)
		return true;
	if (off >= (uintptr_t)c->objects * c->size)
		return false;
	index = reciprocal_divide((uint32_t)off, c->reciprocal_size);
	return index * c->size == off;
}

/*
 * A freed object, handed out again: its free-list link must still point
 * into the slab (anything else means the slab is corrupt: stop), and with
 * CONFIG_DEBUG_VM its poison must be intact (else report and go on).
 */
static void check_free_object(struct kmem_cache *c, struct page *slab,
			      void *obj)
{
	struct free_object *f = obj;
	const unsigned char *bad;

	if (!object_in_slab(c, slab, f->next) || !free_tagged(obj))
		panic("slab: free list of %s corrupt at %p (next %p)",
		      c->name, obj, f->next);
	if (!DEBUG_VM_ENABLED)
		return;
	bad = memchr_inv(f + 1, POISON_FREE, c->size - sizeof(*f));
	if (bad) {
		slab_stats.nr_poison_bad++;
		printk("slab: use after free in %s: object %p written at offset %#lx (%#x, not poison %#x)\n",
		       c->name, obj, (unsigned long)(bad - (unsigned char *)obj),
		       *bad, POISON_FREE);
	}
}

/* -- slabs --------------------------------------------------------------- */

/*
 * Get a block for a new slab of @c and string its objects on its free
 * list, lowest address first.
 * Returns: the slab's first page, or NULL when out of memory.
 */
static struct page *new_slab(struct kmem_cache *c)
{
	struct page *slab = alloc_pages(GFP_KERNEL, c->order);
	char *base;

	if (!slab)
		return NULL;
	for (unsigned long i = 0; i < 1UL << c->order; i++) {
		SetPageSlab(slab + i);
		slab[i].slab_cache = c;
	}
	slab->inuse = 0;
	slab->freelist = NULL;
	base = page_address(slab);
	for (unsigned int i = c->objects; i-- > 0;) {
		make_free(c, base + i * c->size, slab->freelist);
		slab->freelist = base + i * c->size;
	}
	/* the tail no object covers is never to be touched */
	kasan_poison(base + c->objects * c->size,
		     (PAGE_SIZE << c->order) - c->objects * c->size);
	c->nr_slabs++;
	c->nr_objects += c->objects;
	return slab;
}

/* Give an empty slab's block back to the page allocator. */
static void discard_slab(struct kmem_cache *c, struct page *slab)
{
	list_del_init(&slab->lru);
	for (unsigned long i = 0; i < 1UL << c->order; i++) {
		ClearPageSlab(slab + i);
		slab[i].slab_cache = NULL;
		slab[i].freelist = NULL;
	}
	c->nr_slabs--;
	c->nr_objects -= c->objects;
	kasan_unpoison(page_address(slab), PAGE_SIZE << c->order);
	__free_pages(slab, c->order);
}

/* -- caches -------------------------------------------------------------- */

/*
 * The smallest slab order for objects of @size bytes that wastes at most
 * an eighth of the slab; SLAB_MAX_ORDER when none does.
 * Returns: the order, or -1 when @size does not fit in SLAB_MAX_ORDER.
 */
static int slab_order(size_t size)
{
	for (int order = 0; order <= SLAB_MAX_ORDER; order++) {
		size_t bytes = PAGE_SIZE << order;

		if (size <= bytes && (bytes % size) * 8 <= bytes)
			return order;
	}
	return size <= PAGE_SIZE << SLAB_MAX_ORDER ? SLAB_MAX_ORDER : -1;
}

/*
 * Fill in @c for objects of @size bytes aligned to @align and add it to
 * slab_caches.
 * Returns: 0, or -EINVAL when @size or @align is not acceptable.
 */
static int kmem_cache_setup(struct kmem_cache *c, const char *name,
			    size_t size, size_t align)
{
	int order;

	if (size == 0 || (align & (align - 1)) || align > PAGE_SIZE)
		return -EINVAL;
	align = max(align, (size_t)SLAB_MIN_ALIGN);
	c->name = name;
	c->object_size = size;
	c->align = align;
	c->size = ALIGN(max(size, sizeof(struct free_object)), align);
	order = slab_order(c->size);
	if (order < 0)
		return -EINVAL;
	c->order = order;
	c->objects = (PAGE_SIZE << order) / c->size;
	c->reciprocal_size = reciprocal_value((uint32_t)c->size);
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_full);
	c->nr_active = c->nr_objects = c->nr_slabs = 0;
	list_add_tail(&c->list, &slab_caches);
	return 0;
}

/* kmem_cache_create - see mm/slab.h. Returns: the cache, or NULL. */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align)
{
	struct kmem_cache *c = kmem_cache_alloc(&kmem_cache_boot);

	if (!c)
		return NULL;
	if (kmem_cache_setup(c, name, size, align) < 0) {
		kmem_cache_free(&kmem_cache_boot, c);
		return NULL;
	}
	return c;
}

/* kmem_cache_destroy - see mm/slab.h. Returns: 0 or -EBUSY. */
int kmem_cache_destroy(struct kmem_cache *c)
{
	if (!c)
		return 0;
	if (c->nr_active) {
		printk("slab: kmem_cache_destroy(%s): %lu objects still in use\n",
		       c->name, c->nr_active);
		return -EBUSY;
	}
	list_del_init(&c->list);
	kmem_cache_free(&kmem_cache_boot, c);
	return 0;
}

/* kmem_cache_init - see mm/slab.h. */
void kmem_cache_init(void)
{
	BUG_ON(kmem_cache_boot.name);	/* called twice */
	kmem_cache_setup(&kmem_cache_boot, "kmem_cache",
			 sizeof(struct kmem_cache), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i],
						      KMALLOC_MIN_SIZE << i, 0);
		BUG_ON(!kmalloc_caches[i]);
	}
	BUG_ON(KMALLOC_MIN_SIZE << (ARRAY_SIZE(kmalloc_caches) - 1) !=
	       KMALLOC_MAX_SIZE);
}

/* -- allocation and freeing ---------------------------------------------- */

/* kmem_cache_alloc - see mm/slab.h. Returns: an object, or NULL. */
void *kmem_cache_alloc(struct kmem_cache *c)
{
	struct free_object *obj;
	struct page *slab;

	if (should_fail(&failslab))
		return NULL;
	if (list_empty(&c->slabs_partial)) {
		slab = new_slab(c);
		if (!slab)
			return NULL;
		list_add(&slab->lru, &c->slabs_partial);
	}
	slab = list_first_entry(&c->slabs_partial, struct page, lru);
	obj = slab->freelist;
	kasan_unpoison(obj, c->size);
	check_free_object(c, slab, obj);
	slab->freelist = obj->next;
	obj->next = NULL;
	obj->tag = 0;
	if (++slab->inuse == c->objects) {
		list_del_init(&slab->lru);
		list_add(&slab->lru, &c->slabs_full);
	}
	c->nr_active++;
	/* the padding after object_size stays dead */
	kasan_poison(obj, c->size);
	kasan_unpoison(obj, c->object_size);
	return obj;
}

/* kmem_cache_zalloc - Returns: a zeroed object, or NULL. */
void *kmem_cache_zalloc(struct kmem_cache *c)
{
	void *obj = kmem_cache_alloc(c);

	if (obj)
		memset(obj, 0, c->object_size);
	return obj;
}

/* Report a bad free of @obj, count it; the caller then ignores it. */
static void __printf(3, 4) bad_free(const char *caller, const void *obj,
				    const char *fmt, ...)
{
	char why[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	slab_stats.nr_bad_free++;
	printk("slab: %s(%p): %s\n", caller, obj, why);
}

/*
 * The slab holding @obj, which must be the start of an object (of @c,
 * when @c is not NULL).
 * Returns: the slab's first page, or NULL after reporting a bad pointer.
 */
static struct page *slab_of(struct kmem_cache *c, const void *obj,
			    const char *caller)
{
	struct page *page, *slab;

	if (!virt_addr_valid(obj)) {
		bad_free(caller, obj, "not a kernel address in RAM");
		return NULL;
	}
	page = virt_to_page(obj);
	if (!PageSlab(page)) {
		bad_free(caller, obj, "not in a slab");
		return NULL;
	}
	if (c && page->slab_cache != c) {
		bad_free(caller, obj, "object of %s, not of %s",
			 page->slab_cache->name, c->name);
		return NULL;
	}
	c = page->slab_cache;
	slab = slab_head(c, obj);
	if (!object_in_slab(c, slab, obj)) {
		bad_free(caller, obj, "not the start of an object of %s",
			 c->name);
		return NULL;
	}
	return slab;
}

/*
 * Is @obj already on the free list of @slab? Only a tagged object is
 * looked for, so a free of a live object costs no walk.
 */
static bool object_is_free(struct kmem_cache *c, struct page *slab,
			   const void *obj)
{
	if (!free_tagged(obj))
		return false;
	for (void *p = slab->freelist; p; p = free_next(p))
		if (p == obj)
			return true;
	return false;
}

/* Free @obj, an object of @slab in cache @c, unless it is already free. */
static void slab_free(struct kmem_cache *c, struct page *slab, void *obj,
		      const char *caller)
{
	if (object_is_free(c, slab, obj)) {
		bad_free(caller, obj, "double free of an object of %s",
			 c->name);
		return;
	}
	kasan_unpoison(obj, c->size);
	make_free(c, obj, slab->freelist);
	slab->freelist = obj;
	c->nr_active--;
	if (--slab->inuse == 0) {
		discard_slab(c, slab);
	} else if (slab->inuse == c->objects - 1) {	/* was full */
		list_del_init(&slab->lru);
		list_add(&slab->lru, &c->slabs_partial);
	}
}

/* kmem_cache_free - see mm/slab.h. */
void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct page *slab;

	if (!obj)
		return;
	slab = slab_of(c, obj, "kmem_cache_free");
	if (slab)
		slab_free(c, slab, obj, "kmem_cache_free");
}

/* -- kmalloc ------------------------------------------------------------- */

/* kmalloc_slab - see mm/slab.h. Returns: the cache, or NULL. */
struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int i = 0;

	if (size == 0 || size > KMALLOC_MAX_SIZE)
		return NULL;
	while ((size_t)KMALLOC_MIN_SIZE << i < size)
		i++;
	return kmalloc_caches[i];
}

/* kmalloc - see mm/slab.h. Returns: the memory, ZERO_SIZE_PTR or NULL. */
void *kmalloc(size_t size)
{
	struct kmem_cache *c;
	void *obj;

	if (size == 0)
		return ZERO_SIZE_PTR;
	c = kmalloc_slab(size);
	if (!c)
		return NULL;
	obj = kmem_cache_alloc(c);
	if (obj) {		/* only @size bytes are the caller's */
		kasan_poison(obj, c->size);
		kasan_unpoison(obj, size);
	}
	return obj;
}

/* kzalloc - Returns: @size zeroed bytes, ZERO_SIZE_PTR or NULL. */
void *kzalloc(size_t size)
{
	void *obj = kmalloc(size);

	if (!ZERO_OR_NULL_PTR(obj))
		memset(obj, 0, size);
	return obj;
}

/* kfree - see mm/slab.h. */
void kfree(const void *ptr)
{
	struct page *slab;

	if (ZERO_OR_NULL_PTR(ptr))
		return;
	slab = slab_of(NULL, ptr, "kfree");
	if (slab)
		slab_free(slab->slab_cache, slab, (void *)ptr, "kfree");
}

/* -- counters and checks ------------------------------------------------- */

/* slab_nr_pages - Returns: the pages held by all slabs of all caches. */
unsigned long slab_nr_pages(void)
{
	struct kmem_cache *c;
	unsigned long pages = 0;

	list_for_each_entry(c, &slab_caches, list)
		pages += c->nr_slabs << c->order;
	return pages;
}

/*
 * Check one slab of @c found on the list for @full slabs or not.
 * Returns: the number of problems, each printed.
 */
static int check_slab(struct kmem_cache *c, struct page *slab, bool full)
{
	unsigned long nfree = 0;
	int errors = 0;

	if (!PageSlab(slab) || slab->slab_cache != c ||
	    slab_head(c, page_address(slab)) != slab) {
		printk("slab_check: %s: slab %p is not a slab of this cache\n",
		       c->name, page_address(slab));
		return 1;
	}
	if (full ? slab->inuse != c->objects :
		   slab->inuse == 0 || slab->inuse >= c->objects) {
		printk("slab_check: %s: slab %p with %u of %u objects in use is on the %s list\n",
		       c->name, page_address(slab), slab->inuse, c->objects,
		       full ? "full" : "partial");
		errors++;
	}
	for (void *p = slab->freelist; p; p = free_next(p)) {
		if (!object_in_slab(c, slab, p) || !free_tagged(p) ||
		    ++nfree > c->objects) {
			printk("slab_check: %s: slab %p: bad free list entry %p\n",
			       c->name, page_address(slab), p);
			return errors + 1;
		}
	}
	if (nfree + slab->inuse != c->objects) {
		printk("slab_check: %s: slab %p: %lu free + %u in use != %u objects\n",
		       c->name, page_address(slab), nfree, slab->inuse,
		       c->objects);
		errors++;
	}
	return errors;
}

/*
 * Check every slab of @c and its counters.
 * Returns: the number of problems, each printed.
 */
static int check_cache(struct kmem_cache *c)
{
	unsigned long slabs = 0, active = 0;
	struct page *slab;
	int errors = 0;

	list_for_each_entry(slab, &c->slabs_partial, lru) {
		errors += check_slab(c, slab, false);
		slabs++;
		active += slab->inuse;
	}
	list_for_each_entry(slab, &c->slabs_full, lru) {
		errors += check_slab(c, slab, true);
		slabs++;
		active += slab->inuse;
	}
	if (slabs != c->nr_slabs || active != c->nr_active ||
	    c->nr_objects != slabs * c->objects) {
		printk("slab_check: %s: counters say %lu slabs, %lu/%lu objects; lists hold %lu slabs, %lu in use\n",
		       c->name, c->nr_slabs, c->nr_active, c->nr_objects,
		       slabs, active);
		errors++;
	}
	return errors;
}

/* slab_check - see mm/slab.h. Returns: true when every cache is sound. */
bool slab_check(void)
{
	struct kmem_cache *c;
	int errors = 0;

	list_for_each_entry(c, &slab_caches, list)
		errors += check_cache(c);
	return errors == 0;
}

/* slabinfo_show - print every cache's counters, one line each. */
void slabinfo_show(void)
{
	struct kmem_cache *c;

	printk("%-16s %8s %8s %7s %7s %6s\n", "cache", "active", "objects",
	       "objsize", "perslab", "pages");
	list_for_each_entry(c, &slab_caches, list)
		printk("%-16s %8lu %8lu %7zu %7u %6lu\n", c->name,
		       c->nr_active, c->nr_objects, c->size, c->objects,
		       c->nr_slabs << c->order);
}
