/*
 * mm/vma.h - the VMA core: the list and gap tree of an address space, the
 * lookups, merging and splitting of regions, and the search for a free
 * range (placement). Portable: the same code runs in the kernel and in the
 * host tests.
 *
 * Conventions, the same as Linux's (mm/mmap.c of the 4.x kernels):
 *  - Where Linux reads current->mm, these functions take the mm as their
 *    first argument, so tests can work on any address space.
 *  - Actions return 0 or a negative errno; lookups return a pointer or
 *    NULL; the placement functions return an address, or a negative errno
 *    cast to unsigned long (test it with IS_ERR_VALUE()).
 *  - Addresses and lengths are page aligned; a VMA is [vm_start, vm_end).
 *  - Locking: none yet; the caller owns the mm (one CPU, no preemption
 *    inside mm code). Where Linux holds mmap_sem, we hold nothing.
 *  - Functions that change the list or tree end with VM_CHECK(mm) (see
 *    mm/debug.h): in debug builds every invariant is checked after them.
 *
 * The gap of a VMA is the free space just below it: vm_start minus the
 * vm_end of the previous VMA, or minus 0 for the lowest. rb_subtree_gap is
 * the largest gap of any VMA in a node's subtree (see mm/mm_types.h).
 */
#ifndef MM_VMA_H
#define MM_VMA_H

#include "kernel/kernel.h"
#include "mm/memlayout.h"
#include "mm/mm_types.h"

/* ---------------------------------------------------------------------
 * Allocation (mm/vma.c)
 */

/*
 * Create the kmem_cache of struct vm_area_struct, at boot (mm_core_init()
 * calls it). Calling it again does nothing.
 */
void vma_cache_init(void);

/*
 * mm_vma_init - make @mm an empty address space: no VMAs, empty tree,
 * map_count 0, highest_vm_end 0, max_map_count DEFAULT_MAX_MAP_COUNT.
 * The other fields of @mm (layout, page table, brk) are the caller's.
 */
void mm_vma_init(struct mm_struct *mm);

/*
 * vm_area_alloc - a new VMA for @mm, zeroed (on no list or tree, no
 * flags, no file), with vm_mm set.
 * Returns: the VMA, or NULL when out of memory.
 */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);

/*
 * vm_area_dup - a new VMA with every field of @orig (range, flags, pgoff,
 * file, mm, anon_vma) but on no list or tree and with no anon_vma chain
 * links. It takes no reference on the file and makes no links: the
 * caller does, with get_file() and anon_vma_clone() or anon_vma_fork().
 * Returns: the copy, or NULL when out of memory.
 */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);

/*
 * vm_area_free - give back a VMA that is on no list or tree and has no
 * anon_vma links (unlink_anon_vmas). NULL is ok.
 */
void vm_area_free(struct vm_area_struct *vma);

/* The number of pages of @vma. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* ---------------------------------------------------------------------
 * Lookups (mm/vma.c), all O(log n) walks of the tree
 */

/*
 * find_vma - the lowest VMA of @mm that ends above @addr: the one that
 * contains @addr, or else the first one above it.
 * Returns: that VMA, or NULL when every VMA ends at or below @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * find_vma_prev - find_vma(), and in *@pprev the VMA before the result
 * (NULL if the result is the lowest); when no VMA ends above @addr,
 * *@pprev is the highest VMA of @mm (NULL if @mm has none).
 * Returns: what find_vma() returns.
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);

/*
 * find_vma_intersection - the lowest VMA of @mm that overlaps
 * [@start, @end).
 * Returns: that VMA, or NULL when the range is free.
 */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);

/*
 * find_vma_links - where a VMA for the free range [@addr, @end) would go:
 * in *@pprev the VMA that would precede it in the list (NULL if none), in
 * *@rb_link the empty child slot of the tree and in *@rb_parent its parent
 * node (NULL for the root slot), ready for vma_link().
 * Returns: 0, or -ENOMEM if some VMA overlaps the range (then nothing is
 * written to the out-parameters).
 */
int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   struct vm_area_struct **pprev, struct rb_node ***rb_link,
		   struct rb_node **rb_parent);

/* ---------------------------------------------------------------------
 * Adding and removing VMAs (mm/vma.c)
 */

/*
 * vma_link - put @vma into @mm's list after @prev and into the tree at
 * (@rb_link, @rb_parent), as found by find_vma_links() for @vma's range
 * with no change to @mm since. Updates the gaps of @vma and of the VMA
 * after it, highest_vm_end and map_count. Does not check max_map_count.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
	      struct vm_area_struct *prev, struct rb_node **rb_link,
	      struct rb_node *rb_parent);

/*
 * insert_vm_struct - link @vma (vm_start, vm_end set) into @mm at its
 * place. An anonymous VMA (vm_file NULL) gets vm_pgoff = vm_start >>
 * PAGE_SHIFT, Linux's convention that lets anonymous neighbours merge.
 * Returns: 0, or -ENOMEM if @vma's range overlaps a VMA of @mm (@mm is
 * then unchanged).
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * vma_unlink - take @vma out of @mm's list and tree; update the gap of the
 * VMA after it, highest_vm_end and map_count. Does not free @vma.
 */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * vma_compute_subtree_gap - the rb_subtree_gap @vma should hold: the
 * largest of its own gap and its children's rb_subtree_gap (one level:
 * the children's values are taken as they are).
 * Returns: that gap, in bytes.
 */
unsigned long vma_compute_subtree_gap(struct vm_area_struct *vma);

/*
 * vma_gap_update - recompute @vma's rb_subtree_gap after its own gap
 * changed (its vm_start, or the vm_end of the VMA before it, moved), and
 * carry the change up the tree as far as it goes.
 */
void vma_gap_update(struct vm_area_struct *vma);

/* ---------------------------------------------------------------------
 * Changing the shape of VMAs (mm/vma_merge.c)
 */

/*
 * vma_adjust - give @vma the range [@start, @end) and vm_pgoff @pgoff,
 * keeping the list, tree, gaps, highest_vm_end and map_count exact.
 *
 * With @insert (split_vma()): @insert, not yet linked, is the other part
 * of the split and is linked into the mm.
 * Without: @vma may grow upwards over the VMAs after it: each one that
 * [@start, @end) covers entirely is unlinked, its file put and it is
 * freed, and one it covers in part loses that part (its vm_start and
 * vm_pgoff move up). @vma may shrink: the space it gives up becomes free.
 *
 * A VMA that grows over another's pages and has no anon_vma takes that
 * one's (anon_vma_clone); a VMA that is removed drops its links.
 *
 * Preconditions: @start < @end, both page aligned; @start is not below the
 * end of the VMA before @vma.
 * Returns: 0, or -ENOMEM when the anon_vma cannot be cloned (then
 * nothing has changed).
 */
int vma_adjust(struct vm_area_struct *vma, unsigned long start,
	       unsigned long end, unsigned long pgoff,
	       struct vm_area_struct *insert);

/*
 * can_vma_merge_before - may a range ending where @vma starts, with
 * @vm_flags, @anon_vma, @file and page offset @vm_pgoff for its own end
 * (where @vma's data would continue), become the start of @vma?
 * can_vma_merge_after - may a range starting where @vma ends, with
 * @vm_flags, @anon_vma, @file and page offset @vm_pgoff, become the end
 * of @vma? (brk asks it of the one VMA it may grow, mmap_region() and
 * vma_merge() of the neighbours.)
 *
 * Both need equal flags and file, page offsets that run on, and
 * anon_vmas that can be one: see is_mergeable_anon_vma() in
 * mm/vma_merge.c. @anon_vma is the range's: NULL for a new mapping, the
 * VMA's own for one that mprotect changes.
 */
bool can_vma_merge_before(const struct vm_area_struct *vma,
			  unsigned long vm_flags, const struct anon_vma *anon_vma,
			  const struct file *file, unsigned long vm_pgoff);
bool can_vma_merge_after(const struct vm_area_struct *vma,
			 unsigned long vm_flags, const struct anon_vma *anon_vma,
			 const struct file *file, unsigned long vm_pgoff);

/*
 * vma_merge - make [@addr, @end) with (@vm_flags, @anon_vma, @file,
 * @pgoff) part of an existing VMA, if one next to it is compatible, in
 * one of the eight ways drawn above its definition. mprotect() uses it;
 * mmap_region() has its own, slightly different, choice (mm/mmap.c).
 *
 * @prev is the VMA before @addr (NULL if none), or the VMA containing
 * @addr when the range starts inside it (mprotect). The range is free
 * (mmap, brk), or it is the start or the whole of the VMA after @prev, or
 * a part of @prev above its start (mprotect); it never spans two VMAs.
 *
 * Two VMAs can merge when they touch, have equal vm_flags, the same
 * vm_file, contiguous vm_pgoff (the page offset goes on where the
 * other ends) and anon_vmas that can be one. Anonymous VMAs keep
 * vm_pgoff = vm_start >> PAGE_SHIFT, so for them the page offset
 * condition holds whenever they touch.
 *
 * Returns: the VMA that now covers [@addr, @end), or NULL when no
 * neighbour can take the range or no memory is left for the anon_vma
 * links of the merge (then @mm is unchanged). VMAs that the
 * merge makes redundant are unlinked, their file reference is dropped
 * (fput) and they are freed; the caller's reference on @file is neither
 * taken nor dropped.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 unsigned long pgoff);

/*
 * vma_merge_new_range - for a new mapping of the free range [@addr,
 * @end) with (@vm_flags, @file, @pgoff) and no pages yet, grow a
 * neighbour over it, as Linux 6.1's mmap_region() does before it makes
 * a VMA: NNNN (the VMA after @prev) is asked first; then PPPP (@prev) is
 * asked with NNNN's anon_vma when NNNN could take the range, since PPPP
 * would then absorb NNNN as well (case 1), else with none (case 2). So
 * unlike vma_merge(), a PPPP without an anon_vma never absorbs an NNNN
 * with one: NNNN grows down alone (case 3).
 * Returns: the VMA that now covers the range, or NULL (no neighbour can
 * take it, or no memory for the anon_vma links; @mm unchanged).
 */
struct vm_area_struct *vma_merge_new_range(struct mm_struct *mm,
					   struct vm_area_struct *prev,
					   unsigned long addr, unsigned long end,
					   unsigned long vm_flags,
					   struct file *file, unsigned long pgoff);

/*
 * __split_vma - cut @vma in two at @addr (vm_start < @addr < vm_end, page
 * aligned), without looking at max_map_count. The new VMA is the part
 * below @addr if @new_below, else the part above; @vma keeps the other
 * part. Both keep @vma's flags and file, with vm_pgoff adjusted; the new
 * VMA takes its own reference on the file (get_file), so that each VMA
 * drops one when it goes, and the same anon_vma and links (anon_vma_clone).
 * Returns: 0, or -ENOMEM when out of memory (@mm unchanged).
 */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below);

/*
 * split_vma - __split_vma(), refused when @mm already has max_map_count
 * VMAs.
 * Returns: 0, or -ENOMEM when map_count >= max_map_count or when out of
 * memory (@mm unchanged).
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);

/* ---------------------------------------------------------------------
 * Placement (mm/unmapped_area.c)
 */

/*
 * A placement request. We want a range [addr, addr + length) that
 *  - overlaps no VMA,
 *  - lies within [low_limit, high_limit),
 *  - has (addr & align_mask) == (align_offset & align_mask).
 * VM_UNMAPPED_AREA_TOPDOWN in flags asks for the highest such range,
 * otherwise the lowest is wanted.
 */
struct vm_unmapped_area_info {
	unsigned long flags;
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
	unsigned long align_mask;
	unsigned long align_offset;
};

#define VM_UNMAPPED_AREA_TOPDOWN 1

/*
 * unmapped_area - bottom-up placement: the lowest free gap whose part
 * inside [low_limit, high_limit) is at least length + align_mask long,
 * starting at the bottom of that part, moved up to the alignment.
 * O(log n): whole subtrees whose rb_subtree_gap is too small are skipped.
 * Returns: the address, or -ENOMEM (as unsigned long) when no gap fits.
 */
unsigned long unmapped_area(struct mm_struct *mm,
			    struct vm_unmapped_area_info *info);

/*
 * unmapped_area_topdown - top-down placement: the highest such gap, and
 * the highest aligned address in its part inside the limits.
 * Returns: the address, or -ENOMEM (as unsigned long).
 */
unsigned long unmapped_area_topdown(struct mm_struct *mm,
				    struct vm_unmapped_area_info *info);

/*
 * vm_unmapped_area - unmapped_area_topdown() if @info->flags has
 * VM_UNMAPPED_AREA_TOPDOWN, else unmapped_area().
 * Returns: the address, or -ENOMEM (as unsigned long).
 */
unsigned long vm_unmapped_area(struct mm_struct *mm,
			       struct vm_unmapped_area_info *info);

/*
 * Instrumentation of the placement searches. With trace_placement set,
 * each search prints its request, every tree node it visits with the
 * decision taken there, and the address chosen (boot option
 * TRACE=placement). placement_stats counts the tree nodes visited.
 */
extern bool trace_placement;

struct placement_stats {
	unsigned long searches;		/* searches since boot */
	unsigned long last_visits;	/* nodes visited by the last one */
	unsigned long total_visits;	/* nodes visited by all of them */
};

extern struct placement_stats placement_stats;

/* ---------------------------------------------------------------------
 * Checking (mm/validate.c)
 */

/*
 * validate_mm - recompute every invariant of @mm's VMAs from scratch:
 * each VMA page aligned, non-empty and owned by @mm; the list sorted
 * without overlap, with vm_prev mirroring vm_next; the tree's in-order
 * walk equal to the list; the red-black rules and parent pointers; every
 * rb_subtree_gap; map_count equal to the forward and backward counts;
 * highest_vm_end. Prints each broken invariant and then the tree.
 * Returns: the number of broken invariants, 0 if all hold.
 */
int validate_mm(struct mm_struct *mm);

/*
 * dump_vma_tree - print @mm's tree, one VMA a line, children indented
 * under their parent:
 *	[start, end) gap=... subtree_gap=... red|black
 */
void dump_vma_tree(struct mm_struct *mm);

/*
 * show_vma_tree - the same picture as dump_vma_tree(), into @buf (at most
 * @size bytes, NUL-terminated); show_vma_tree_dot - as Graphviz DOT.
 * Returns: the length written.
 */
size_t show_vma_tree(struct mm_struct *mm, char *buf, size_t size);
size_t show_vma_tree_dot(struct mm_struct *mm, char *buf, size_t size);

/*
 * What a caller adds to the DOT picture: a title (NULL: map_count,
 * highest_vm_end and mmap_base), a name for each node (its first label
 * line, e.g. "[heap]"; NULL or "" for none), for each node extra label
 * text (DOT escapes, e.g. "\\nvisit 1") and attributes (", color=blue"),
 * for each edge attributes, and lines for the legend (each ending in
 * "\\l", left-justified); the callbacks may be NULL, their strings empty.
 */
struct vma_dot_marks {
	const char *title;
	const char *(*name)(const struct vma_dot_marks *marks,
			    const struct vm_area_struct *vma);
	void (*node)(const struct vma_dot_marks *marks,
		     const struct vm_area_struct *vma, char *label,
		     size_t label_size, char *attrs, size_t attrs_size);
	const char *(*edge)(const struct vma_dot_marks *marks,
			    const struct vm_area_struct *parent,
			    const struct vm_area_struct *child);
	const char *legend;
	const void *data;	/* the caller's */
};

/*
 * show_vma_tree_dot_marked - show_vma_tree_dot() with @marks (may be NULL)
 * added. Returns: the length written.
 */
size_t show_vma_tree_dot_marked(struct mm_struct *mm,
				const struct vma_dot_marks *marks, char *buf,
				size_t size);

#endif /* MM_VMA_H */
