/*
 * tests/host/refmodel.h - a naive reference model of an address space, for
 * differential tests of the VMA core.
 *
 * The model is a sorted array of regions, changed and searched by linear
 * scans, written from the definitions of Linux's semantics (mm/vma.h, the
 * seeds) without calling or copying the code under test: if both agree
 * after a million random operations, the tree, the gaps and the merge
 * logic are very likely right.
 *
 * Each region also carries the identity of its anon_vma, as a token (0:
 * none yet), because Linux 6.1 merges two regions only when their
 * anonymous pages can share one. The model's rules, from Linux's
 * definitions: a write to a private region that has no token gives it
 * the token of a neighbour that differs from it at most in access
 * rights (the next one first), else a new token; a cut keeps the token
 * in both parts; a region with pages (a token) never joins one without;
 * a merged region keeps the first token it finds, its own first. The
 * model has no fork, so no region has inherited tokens.
 */
#ifndef TESTS_HOST_REFMODEL_H
#define TESTS_HOST_REFMODEL_H

#include <stdbool.h>
#include <stddef.h>

struct file;
struct vm_unmapped_area_info;

struct ref_region {
	unsigned long start, end;	/* [start, end), page aligned */
	unsigned long flags;
	unsigned long pgoff;		/* in pages */
	const struct file *file;
	unsigned long anon;		/* anon_vma token, 0: none */
};

struct refmodel {
	struct ref_region *r;		/* sorted by start, no overlaps */
	int n;
	int cap;
	int max_map_count;
	unsigned long last_anon;	/* the last token handed out */
};

/* An empty model that can hold @cap regions. */
void ref_init(struct refmodel *m, int cap, int max_map_count);
void ref_destroy(struct refmodel *m);

/* Index of the first region ending above @addr, or m->n if none. */
int ref_find(const struct refmodel *m, unsigned long addr);

/* Is [@start, @end) free of regions? */
bool ref_range_free(const struct refmodel *m, unsigned long start,
		    unsigned long end);

/*
 * insert_vm_struct(): add the region as is (no merging); an anonymous one
 * gets pgoff = start in pages. Returns 0, or -ENOMEM if the range is not
 * free.
 */
int ref_insert(struct refmodel *m, unsigned long start, unsigned long end,
	       unsigned long flags, const struct file *file,
	       unsigned long pgoff);

/*
 * Add a region above every region of @m (a quick way to load a large
 * model in address order); like ref_insert() otherwise.
 */
void ref_append(struct refmodel *m, unsigned long start, unsigned long end,
		unsigned long flags, const struct file *file,
		unsigned long pgoff);

/*
 * mmap into the free range [@start, @end): the new region joins each
 * neighbour that touches it and is compatible (same flags and file, page
 * offsets that run on), else stands alone. It has no pages: it joins
 * the next region whatever its token, then the one before unless that
 * has no token and what it would absorb has one.
 */
void ref_map(struct refmodel *m, unsigned long start, unsigned long end,
	     unsigned long flags, const struct file *file,
	     unsigned long pgoff);

/*
 * munmap [@start, @end): regions are cut at both ends and the inside
 * removed. Returns -ENOMEM (no change) when a region would be cut in
 * three while the count is at max_map_count, else 0.
 */
int ref_unmap(struct refmodel *m, unsigned long start, unsigned long end);

/*
 * mprotect [@start, @end), which lies inside one region, to @flags: the
 * changed part joins compatible touching neighbours; if it joins none,
 * the region is cut around it, each cut refused (-ENOMEM, the earlier
 * cut staying) at max_map_count. Tokens: the part joins a neighbour with
 * the same token, or with any token if the part has none; it joins both
 * only if their tokens are one or one of them has none. Returns 0 or
 * -ENOMEM.
 */
int ref_protect(struct refmodel *m, unsigned long start, unsigned long end,
		unsigned long flags);

/*
 * A write to the private region holding @addr made an anonymous page:
 * the region gets a token if it has none (see above). Nothing for a
 * shared region or an address outside every region.
 */
void ref_touch(struct refmodel *m, unsigned long addr);

/*
 * brk growing the heap over the free range [@oldbrk, @newbrk): the
 * region ending at @oldbrk grows over it if it reaches above
 * @start_brk and is compatible (its token does not matter: the range
 * has none), else a new region; never joined with the region above.
 */
void ref_brk_grow(struct refmodel *m, unsigned long start_brk,
		  unsigned long oldbrk, unsigned long newbrk,
		  unsigned long flags);

/*
 * The system calls' rules on top of the region operations above, as
 * Linux states them (mmap(2), munmap(2), mprotect(2) and mm/mmap.h):
 *
 * ref_mmap_region - mmap_region() of [@start, @end): what is there is
 * unmapped (ref_unmap: -ENOMEM refuses, as a split at the limit would),
 * private writable memory without VM_NORESERVE is charged (VM_ACCOUNT
 * added), then the region is mapped as ref_map() does.
 * Returns: 0 or -ENOMEM.
 */
int ref_mmap_region(struct refmodel *m, unsigned long start,
		    unsigned long end, unsigned long flags,
		    const struct file *file, unsigned long pgoff);

/*
 * ref_munmap - munmap(@start, @len): -EINVAL for an unaligned @start, an
 * empty length or a range reaching above TASK_SIZE, else ref_unmap() of
 * the page-rounded range. Returns: 0, -EINVAL or -ENOMEM.
 */
int ref_munmap(struct refmodel *m, unsigned long start, unsigned long len);

/*
 * ref_mprotect - mprotect(@start, @len, @prot): -EINVAL for an unaligned
 * start or unknown prot bits; region by region from @start up, each
 * part gets the new access (VM_ACCOUNT added when private memory first
 * becomes writable), -EACCES for an access its VM_MAY* bits refuse and
 * -ENOMEM at the first hole, the parts before it staying changed.
 * Returns: 0, -EINVAL, -EACCES or -ENOMEM.
 */
int ref_mprotect(struct refmodel *m, unsigned long start, unsigned long len,
		 unsigned long prot);

/*
 * ref_pte_access - what user mode may do through a page table entry just
 * made for a region with @flags, by Linux's semantics (before any write
 * fault): read when any of VM_READ, VM_WRITE, VM_EXEC is set (write- and
 * exec-only imply read), write only when shared and VM_WRITE (private
 * memory is copied on its first write, so it starts read-only), execute
 * exactly with VM_EXEC.
 */
struct ref_access {
	bool read, write, exec;
};

struct ref_access ref_pte_access(unsigned long flags);

/*
 * The placement search, from its definition: among the gaps between
 * regions (and the one above the last, unbounded), the highest (top-down)
 * or lowest one whose part inside [low_limit, high_limit) is at least
 * length + align_mask long; in it, the highest (lowest) address with
 * (addr & align_mask) == (align_offset & align_mask) that leaves room for
 * length. Returns the address or -ENOMEM as an unsigned long.
 */
unsigned long ref_unmapped_area(const struct refmodel *m,
				const struct vm_unmapped_area_info *info);

#endif /* TESTS_HOST_REFMODEL_H */
