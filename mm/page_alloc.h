/*
 * mm/page_alloc.h - the physical page allocator: a binary buddy allocator
 * over all RAM the kernel does not occupy, one struct page per 4 KiB frame.
 *
 * Portable: the same code runs in the kernel (RAM at physical 0x60000000,
 * mapped at PAGE_OFFSET) and in the host tests (a malloc'd arena that
 * pretends to be that RAM).
 *
 * Boot sequence (the ARM boot code, and tests/host/shim/mem.c):
 *
 *	page_alloc_init(0x60000000, (void *)PAGE_OFFSET, ram_bytes >> PAGE_SHIFT);
 *	page_alloc_reserve(0x60000000, __pa(_end));	// kernel image
 *	page_alloc_reserve(initrd_start, initrd_end);	// if there is one
 *	page_alloc_free_all();		// mem_map is carved out here
 *	kmem_cache_init();		// mm/slab.h
 *
 * No locking: the kernel runs on one CPU and never allocates from an
 * interrupt handler.
 */
#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include "kernel/kernel.h"
#include "kernel/list.h"
#include "mm/memlayout.h"

typedef unsigned long phys_addr_t;

/*
 * Orders 0 .. MAX_ORDER-1: blocks of 1 page (4 KiB) up to 1024 pages
 * (4 MiB). A block of order n starts at a pfn that is a multiple of 2^n,
 * so its physical address is aligned to its size (RAM starts 512 MiB
 * aligned): a task's 16 KiB L1 table is simply an order-2 block.
 */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))

/*
 * gfp_t: how to allocate. There is only one kind of memory and nobody
 * sleeps, so the one flag that matters is __GFP_ZERO.
 */
typedef unsigned int gfp_t;
#define GFP_KERNEL 0x0u		/* an ordinary allocation */
#define __GFP_ZERO 0x1u		/* fill the block with zeroes */

/*
 * page->flags bits. Test and change them with PageReserved(page),
 * SetPageReserved(page), ClearPageReserved(page), and so on.
 */
enum pageflags {
	PG_reserved,	/* never managed: kernel image, mem_map, initramfs */
	PG_buddy,	/* first page of a free block (order in page->order) */
	PG_slab,	/* belongs to a slab (page->slab_cache) */
	PG_poisoned,	/* free and filled with PAGE_POISON (CONFIG_DEBUG_VM) */
	PG_zero,	/* the shared zero page: mapped read-only, never freed */
	PG_seen,	/* scratch mark used by page_alloc_check() only */
	PG_dirty,	/* page cache: written since it was read in (by write(),
			 * or a first write fault through a shared mapping); no
			 * writeback here, so it stays set (smaps Dirty) */
};

struct kmem_cache;

/*
 * One physical frame. mem_map[] holds one per frame of RAM, in pfn order.
 *
 * 32 bytes on ARM. The first page of an allocated block carries its
 * reference count and order; the other pages of the block have _refcount
 * 0. While the block is free, its first page has PG_buddy and sits on
 * free_area[order].
 */
struct page {
	unsigned long flags;		/* PG_* bits */
	int _refcount;			/* page_count(): users of the block */
	int _mapcount;			/* page_mapcount(): PTEs mapping it
					 * (0 = unmapped; Linux stores -1) */
	struct list_head lru;		/* on a free list (PG_buddy), or on a
					 * cache's slab list (PG_slab) */
	unsigned short order;		/* block order: while PG_buddy, or of
					 * the allocation this page heads */
	unsigned short inuse;		/* PG_slab: objects handed out */
	union {
		struct {		/* page cache and anonymous pages */
			void *mapping;	/* owning object (opaque for now) */
			unsigned long index;	/* offset in it, in pages */
		};
		struct {		/* slab pages */
			struct kmem_cache *slab_cache;	/* owning cache */
			void *freelist;	/* first free object of the slab */
		};
	};
};

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{									\
	return page->flags & (1UL << (bit));				\
}									\
static inline void SetPage##name(struct page *page)			\
{									\
	page->flags |= 1UL << (bit);					\
}									\
static inline void ClearPage##name(struct page *page)			\
{									\
	page->flags &= ~(1UL << (bit));					\
}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Poisoned, PG_poisoned)
PAGEFLAG(Zero, PG_zero)
PAGEFLAG(Seen, PG_seen)
PAGEFLAG(Dirty, PG_dirty)

/* A list of free blocks of one order. */
struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on free_list */
};

#define NR_BOOT_RESERVED 8	/* page_alloc_reserve() calls before start */

/*
 * struct zone - all the allocator's state: the RAM it manages, its
 * mem_map, the free lists and the counters that tests read.
 *
 * There is one zone (page_alloc_zone()). Host tests may make a private one
 * current for a while with page_alloc_use_zone(). A zone must not move
 * once initialised: its list heads are linked to pages.
 */
struct zone {
	/* RAM: frames [base_pfn, base_pfn + spanned_pages) */
	unsigned long base_pfn;
	unsigned long spanned_pages;
	char *virt_base;		/* where base_pfn is mapped */
	struct page *mem_map;		/* NULL until page_alloc_free_all() */
	unsigned long mem_map_pages;	/* frames mem_map itself occupies */

	struct free_area free_area[MAX_ORDER];
	unsigned long nr_free;		/* free pages in all free_area[] */
	unsigned long managed_pages;	/* pages ever given to the buddy lists */

	/* reservations recorded before page_alloc_free_all(), in pfns */
	struct {
		unsigned long start, end;
	} reserved[NR_BOOT_RESERVED];
	int nr_reserved;
	bool started;			/* page_alloc_free_all() has run */

	/* what went wrong, for tests and the free command */
	unsigned long nr_bad_free;	/* bad frees reported and ignored */
	unsigned long nr_poison_bad;	/* free pages found written to */
	unsigned long poison_pfn;	/* ... the last such page */
	unsigned long poison_offset;	/* ... and the first bad byte in it */
};

/* -- boot ---------------------------------------------------------------- */

/*
 * page_alloc_init - describe RAM to the current zone: @nr_pages frames from
 * physical @phys_base, mapped at kernel virtual @virt_base. Nothing is free
 * yet. @phys_base and @virt_base must be page aligned.
 */
void page_alloc_init(phys_addr_t phys_base, void *virt_base,
		     unsigned long nr_pages);

/*
 * page_alloc_reserve - keep physical [@start, @end) (rounded out to whole
 * pages) out of the allocator. Call between page_alloc_init() and
 * page_alloc_free_all(); ranges may overlap.
 * Returns: 0, -EINVAL (empty or not inside RAM), -ENOSPC (more than
 * NR_BOOT_RESERVED ranges) or -EBUSY (page_alloc_free_all() already ran).
 */
int page_alloc_reserve(phys_addr_t start, phys_addr_t end);

/*
 * page_alloc_free_all - place mem_map in the lowest free hole of RAM that
 * is big enough, then give every frame that is neither reserved nor
 * mem_map to the buddy lists.
 * Returns: 0, or -ENOMEM when no hole can hold mem_map.
 */
int page_alloc_free_all(void);

/*
 * free_reserved_range - after boot, give reserved frames in physical
 * [@start, @end) (rounded in to whole pages) to the allocator, e.g. an
 * initramfs that has been copied. mem_map frames are never freed.
 * Returns: the number of pages freed.
 */
unsigned long free_reserved_range(phys_addr_t start, phys_addr_t end);

/* The current zone. */
struct zone *page_alloc_zone(void);

/*
 * page_alloc_use_zone - make @zone the one every call works on (for host
 * tests that boot a private RAM). Returns: the previous zone.
 */
struct zone *page_alloc_use_zone(struct zone *zone);

/* -- allocation ---------------------------------------------------------- */

/*
 * alloc_pages - a block of 2^@order contiguous frames, aligned to its size,
 * with a reference count of 1; zeroed when @gfp has __GFP_ZERO.
 * Returns: the first page of the block, or NULL when no block of that
 * order is free, @order >= MAX_ORDER, or fail_page_alloc says so.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/* One frame: alloc_pages(@gfp, 0). */
static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/*
 * __free_pages - give back the block of @order that @page heads. The
 * caller must hold the last reference (page_count() == 1), the block must
 * be unmapped and have no ->mapping. Anything else is reported as a
 * "bad_page:" line, counted in zone->nr_bad_free and otherwise ignored.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)

/*
 * __get_free_pages - like alloc_pages(), but returns the block's kernel
 * virtual address. Returns: the address, or 0 when out of memory.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);

/* One zeroed frame by its address, or 0 when out of memory. */
unsigned long get_zeroed_page(gfp_t gfp);

/* Give back the block of @order at kernel virtual @addr (0 is ignored). */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

/* -- references ---------------------------------------------------------- */

/* The number of references held on the block @page heads. */
static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

/* The number of page table entries that map @page. */
static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount;
}

/*
 * Take one more reference on the allocated block @page heads. A page that
 * is not the head of an allocated block is reported as by __free_pages()
 * (in the debug build: the release build only counts, on every fault).
 */
#ifdef CONFIG_DEBUG_VM
void get_page(struct page *page);
#else
static inline void get_page(struct page *page)
{
	page->_refcount++;
}
#endif

/*
 * Drop a reference on the block @page heads; the last one frees the whole
 * block, with the order it was allocated with, under the checks of
 * __free_pages(). Reserved pages and the zero page are never freed: the
 * last reference on one is reported as a bad free.
 */
void put_page(struct page *page);

/* -- frames, addresses and struct pages ---------------------------------- */

bool pfn_valid(unsigned long pfn);		/* is @pfn a frame of RAM? */
bool virt_addr_valid(const void *addr);		/* in the RAM mapping? */
/*
 * The conversions between a frame and its struct page, inline (every
 * fault and every unmapped page does one): mem_map indexed by the frame
 * number, as Linux's flat memory model. The zone is mm/internal.h's;
 * only these need it outside mm/.
 */
extern struct zone *mem_zone;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return mem_zone->base_pfn + (unsigned long)(page - mem_zone->mem_map);
}

/* @pfn must be valid */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_zone->mem_map + (pfn - mem_zone->base_pfn);
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

/* @phys must be RAM */
static inline struct page *phys_to_page(phys_addr_t phys)
{
	return pfn_to_page(phys >> PAGE_SHIFT);
}

/* The kernel mapping of @page's frame. */
static inline void *page_address(const struct page *page)
{
	return mem_zone->virt_base + (page - mem_zone->mem_map) * PAGE_SIZE;
}

/* The page holding @addr, which must be in the RAM mapping. */
static inline struct page *virt_to_page(const void *addr)
{
	uintptr_t off = (uintptr_t)addr - (uintptr_t)mem_zone->virt_base;

	return mem_zone->mem_map + off / PAGE_SIZE;
}

/* -- counters and checks ------------------------------------------------- */

/* Free pages, over all orders. */
unsigned long nr_free_pages(void);

/* Free blocks of exactly @order (Linux: /proc/buddyinfo). */
unsigned long nr_free_blocks(unsigned int order);

/*
 * page_alloc_check - verify the free lists against mem_map: every listed
 * block aligned to its order, inside RAM, marked PG_buddy with that order
 * and listed once; no two free buddies of one order (merging complete);
 * no free block overlapping another, a reserved page or a used page; the
 * counts add up. Prints one line per problem.
 * Returns: true when everything holds.
 */
bool page_alloc_check(void);

/* Memory in pages, as a `free` command shows it (Linux: si_meminfo). */
struct meminfo {
	unsigned long totalram;		/* frames of RAM */
	unsigned long freeram;		/* on the free lists */
	unsigned long reservedram;	/* kernel, mem_map, initramfs ... */
	unsigned long slabram;		/* held by slabs */
};

/* Count the pages of the current zone by kind, into @mi. */
void si_meminfo(struct meminfo *mi);

/* Print si_meminfo() in KiB, and free blocks per order. */
void show_mem(void);

#endif /* MM_PAGE_ALLOC_H */
