/*
 * mm/unmapped_area.c - placement: find a free range for a new mapping, in
 * O(log n), using the rb_subtree_gap of the VMA tree.
 *
 * Policy lives elsewhere: the caller (get_unmapped_area and the arch code)
 * fills a struct vm_unmapped_area_info with the length, the limits and the
 * alignment (ARM's cache colouring asks for align_mask = PAGE_MASK &
 * (SHMLBA - 1) and align_offset = pgoff << PAGE_SHIFT); this file only
 * searches.
 *
 * The gaps searched are the gap below each VMA, [vm_end of the previous
 * VMA (or 0), vm_start), and the gap above the highest VMA,
 * [highest_vm_end, infinity). A gap is usable when its part inside
 * [low_limit, high_limit) is at least length + align_mask long: then an
 * aligned start exists whatever the gap's own alignment.
 *
 * A stack (VM_GROWSDOWN) claims 1 MiB below its vm_start, the stack guard
 * gap (vm_start_gap()): the searches never hand it out (Linux since 4.12;
 * only MAP_FIXED may go there). As in Linux 6.1, whose maple tree keeps
 * the plain gaps between VMAs, the search itself looks at plain gaps
 * (rb_subtree_gap is the plain gap too); when the gap it chose turns out
 * to run into a stack's guard gap, the search is done again with its
 * window cut at that guard gap. So top-down, everything above the guard
 * gap's start is given up, not only the gap just below the stack: a small
 * VMA inside the guard gap does not make a hole above it usable.
 */
#include <stdarg.h>
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/debug.h"
#include "mm/mmap.h"
#include "mm/vma_internal.h"
#include "mm/vma.h"

bool trace_placement;
struct placement_stats placement_stats;

/*
 * One line of the placement trace, when @tracing: a variable of the
 * function it is used in. The search is compiled twice (see
 * unmapped_area_topdown()), with tracing true for a lesson and false
 * for everything else, so that the search that runs outside a lesson has
 * no trace line, and no test of the flag, left in it.
 */
#define trace(...)                              \
	do {                                    \
		if (unlikely(tracing))          \
			trace_line(__VA_ARGS__); \
	} while (0)

static void __cold __printf(1, 2) trace_line(const char *fmt, ...)
{
	va_list ap;

	printk("placement: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
}

/* Trace a new search's request. */
static inline void placement_begin(bool tracing, const char *fn,
				   const struct vm_unmapped_area_info *info)
{
	trace("%s: length %#lx, low_limit %#lx, high_limit %#lx, align_mask %#lx, align_offset %#lx",
	      fn, info->length, info->low_limit, info->high_limit,
	      info->align_mask, info->align_offset);
}

/* A search ends having visited @visits nodes: count it. */
static void placement_end(unsigned long visits)
{
	placement_stats.searches++;
	placement_stats.last_visits = visits;
	placement_stats.total_visits += visits;
}

/*
 * The trace of one step of the search onto @vma: @how (what brought the
 * search there, if anything), then the node and its gap. Cold and out of
 * line.
 */
static void __cold trace_step(const char *how,
			      const struct vm_area_struct *vma)
{
	if (how)
		trace_line("  %s", how);
	trace_line("  at [%#lx, %#lx): gap below it [%#lx, %#lx), subtree_gap %#lx",
		   vma->vm_start, vma->vm_end, vma_prev_end(vma), vma->vm_start,
		   vma->rb_subtree_gap);
}

/*
 * The search steps onto @vma: count it in *@visits, the caller's own
 * count (the statistics, global, are updated once at the end of the
 * search: two loads and stores less at every node), and trace the step
 * (@how: NULL at the root, else what brought the search here).
 *
 * The debug kernel keeps it, go_left() and go_right() functions of their
 * own: gdb's placement-next breaks on them, and finds there the node in
 * hand (in the search around them, inlined, gdb cannot always tell which
 * step it stands at).
 */
#ifdef CONFIG_DEBUG_VM
#define __visit_inline __attribute__((noinline))
#else
#define __visit_inline inline
#endif
static __visit_inline struct vm_area_struct *visit(bool tracing,
					   unsigned long *visits,
					   const char *how,
					   struct vm_area_struct *vma)
{
	(*visits)++;
	if (unlikely(tracing))
		trace_step(how, vma);
	return vma;
}

/*
 * A step down into the left or right subtree, @vma its root: a visit(),
 * its trace line saying why. (Written out, not calling visit(): GCC then
 * keeps the search's every value in a register, 150 instructions less for
 * a search among 30k VMAs. gdb's placement-next breaks on all three.)
 */
static __visit_inline struct vm_area_struct *go_left(bool tracing,
					     unsigned long *visits,
					     struct vm_area_struct *vma)
{
	(*visits)++;
	if (unlikely(tracing)) {
		trace_line("  go left: subtree_gap %#lx there",
			   vma->rb_subtree_gap);
		trace_step(NULL, vma);
	}
	return vma;
}

static __visit_inline struct vm_area_struct *go_right(bool tracing,
					      unsigned long *visits,
					      struct vm_area_struct *vma)
{
	(*visits)++;
	if (unlikely(tracing)) {
		trace_line("  go right: subtree_gap %#lx there",
			   vma->rb_subtree_gap);
		trace_step(NULL, vma);
	}
	return vma;
}

static struct vm_area_struct *rb_to_vma(struct rb_node *node)
{
	return rb_entry(node, struct vm_area_struct, vm_rb);
}

/* Trace why the search fails and return -ENOMEM. */
static inline unsigned long placement_fail(bool tracing, const char *why)
{
	trace("  -ENOMEM: %s", why);
	return -ENOMEM;
}

/*
 * Trace the address chosen and return it. @next, the VMA just above the
 * chosen gap (NULL above them all), becomes find_vma()'s mm->mmap_cache:
 * mmap_region() then finds the new VMA's neighbours and tree slot next to
 * it, without a walk (links_near() in mm/vma.c).
 */
static inline unsigned long placement_found(bool tracing,
					    struct mm_struct *mm,
					    struct vm_area_struct *next,
					    unsigned long addr)
{
	trace("  chose %#lx", addr);
	if (next)
		mm->mmap_cache = next;
	return addr;
}

/* Trace why [@gap_start, @gap_end) is not usable (see gap_usable()). */
#define trace_nofit(...)                          \
	do {                                      \
		if (unlikely(tracing))            \
			nofit_line(__VA_ARGS__);  \
	} while (0)

static void __cold nofit_line(unsigned long gap_start, unsigned long gap_end,
		       unsigned long low_limit, unsigned long high_limit,
		       unsigned long length)
{
	if (gap_start > high_limit)
		trace_line("  the gap below does not fit: it starts at %#lx, above %#lx",
			   gap_start, high_limit);
	else if (gap_end < low_limit)
		trace_line("  the gap below does not fit: it ends at %#lx, below %#lx",
			   gap_end, low_limit);
	else if (gap_end <= gap_start)
		trace_line("  the gap below does not fit: there is none");
	else
		trace_line("  the gap below does not fit: %#lx is less than %#lx",
			   gap_end - gap_start, length);
}

/*
 * Is [@gap_start, @gap_end) usable: at least @length long, starting at or
 * below @high_limit and ending at or above @low_limit (the limits as the
 * searches below adjust them)?
 */
static inline bool gap_usable(unsigned long gap_start, unsigned long gap_end,
			      unsigned long low_limit, unsigned long high_limit,
			      unsigned long length)
{
	/* The size first: most gaps the search stands on are too small. */
	return gap_end > gap_start && gap_end - gap_start >= length &&
	       gap_start <= high_limit && gap_end >= low_limit;
}

/* May the left subtree of @vma hold a gap of @length (by its subtree_gap)? */
static inline bool may_fit_left(const struct vm_area_struct *vma,
				unsigned long length)
{
	const struct rb_node *left = vma->vm_rb.rb_left;

	return left && rb_entry(left, struct vm_area_struct, vm_rb)
				       ->rb_subtree_gap >= length;
}

/* May the right subtree of @vma hold a gap of @length? */
static inline bool may_fit_right(const struct vm_area_struct *vma,
				 unsigned long length)
{
	const struct rb_node *right = vma->vm_rb.rb_right;

	return right && rb_entry(right, struct vm_area_struct, vm_rb)
					->rb_subtree_gap >= length;
}

/*
 * unmapped_area - see mm/vma.h.
 *
 * The search, with L = length + align_mask:
 *   - high_limit becomes the highest gap_start that can work (the gap must
 *     leave L bytes below the caller's high_limit), low_limit the lowest
 *     gap_end (L bytes above the caller's low_limit);
 *   - a gap [gap_start, gap_end) is usable iff gap_end - gap_start >= L,
 *     gap_end >= low_limit and gap_start <= high_limit;
 *   - the wanted gap is the lowest usable one.
 *
 * Invariants of the loop, with vma the node it stands on:
 *   1. no gap below vma's subtree is usable: each one was checked, or
 *      skipped with a subtree that could not hold a usable one (we only
 *      go right or up after the left side is done);
 *   2. we enter a subtree only if its rb_subtree_gap >= L: a subtree
 *      without a big enough gap is never walked. A walk into a subtree
 *      can still fail, along one root-to-leaf path, because of the
 *      limits. So a search visits O(log n) nodes (and is done again for
 *      each stack whose guard gap it runs into: there are few);
 *   3. gaps are met in address order: once a gap starts above high_limit,
 *      every later one does too, and the search can stop.
 * The gap above highest_vm_end comes after all the others.
 *
 * @bottom stands for info->low_limit: the stack rule of unmapped_area()
 * raises it and searches again.
 */
static __always_inline unsigned long
lowest_fit(struct mm_struct *mm, const struct vm_unmapped_area_info *info,
	   unsigned long bottom, struct vm_area_struct **next,
	   unsigned long *visits, const bool tracing)
{
	struct vm_area_struct *vma, *resume = NULL;
	unsigned long length, low_limit, high_limit, gap_start, gap_end;

	*next = NULL;
	/* Room for the mapping and for the worst alignment shift. */
	length = info->length + info->align_mask;
	if (length < info->length)
		return placement_fail(tracing, "length + align_mask overflows");

	/* The search limits, as above. */
	if (info->high_limit < length)
		return placement_fail(tracing, "high_limit is below the length");
	high_limit = info->high_limit - length;
	if (bottom > high_limit)
		return placement_fail(tracing, "the limits are closer than the length");
	low_limit = bottom + length;
	trace("  want a gap of %#lx with gap_start <= %#lx, gap_end >= %#lx",
	      length, high_limit, low_limit);

	if (RB_EMPTY_ROOT(&mm->mm_rb))
		goto check_highest;
	vma = visit(tracing, visits, NULL, rb_to_vma(mm->mm_rb.rb_node));
	if (vma->rb_subtree_gap < length) {
		trace("  no gap in the tree is that large");
		goto check_highest;
	}

	while (true) {
		/*
		 * Lower gaps first: the left subtree, if it may hold one.
		 * Every gap there ends at or below the vm_end of the node
		 * just before this one, so when that is below low_limit none
		 * can be used. (Linux tests this node's gap_end: the mirror
		 * image of the shortcut in unmapped_area_topdown().)
		 */
		gap_end = vma->vm_start;
		if (vma_prev_end(vma) >= low_limit && vma->vm_rb.rb_left) {
			struct vm_area_struct *left =
				rb_to_vma(vma->vm_rb.rb_left);

			if (left->rb_subtree_gap >= length) {
				/* where to come back to if nothing there fits */
				if (gap_usable(vma_prev_end(vma), gap_end,
					       low_limit, high_limit, length) ||
				    (vma->vm_rb.rb_right &&
				     rb_to_vma(vma->vm_rb.rb_right)->rb_subtree_gap >=
					     length))
					resume = vma;
				vma = go_left(tracing, visits, left);
				continue;
			}
		}

		gap_start = vma_prev_end(vma);
check_current:
		/* Then the gap below this node. */
		if (gap_start > high_limit)
			return placement_fail(tracing, "the gaps from here on start above high_limit");
		if (gap_usable(gap_start, gap_end, low_limit, high_limit,
			       length)) {
			trace("  the gap below fits");
			goto found;
		}
		trace_nofit(gap_start, gap_end, low_limit, high_limit, length);

		/* Then the right subtree, if it may hold one. */
		if (vma->vm_rb.rb_right) {
			struct vm_area_struct *right =
				rb_to_vma(vma->vm_rb.rb_right);

			if (right->rb_subtree_gap >= length) {
				vma = go_right(tracing, visits, right);
				continue;
			}
		}

		/*
		 * This subtree is done. Next: the first ancestor we reach from
		 * its left, its own gap and right subtree; at once when the
		 * way down passed a left turn that may fit (resume), as in
		 * unmapped_area_topdown().
		 */
		if (resume) {
			vma = visit(tracing, visits,
				    "climb up to the last left turn that may fit",
				    resume);
			resume = NULL;
			gap_start = vma_prev_end(vma);
			gap_end = vma->vm_start;
			goto check_current;
		}
		while (true) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev)) {
				trace("  back at the root: try above the tree");
				goto check_highest;
			}
			vma = visit(tracing, visits, "climb up", rb_to_vma(rb_parent(prev)));
			if (prev == vma->vm_rb.rb_left) {
				gap_start = vma_prev_end(vma);
				gap_end = vma->vm_start;
				goto check_current;
			}
		}
	}

check_highest:
	/* The gap above the highest VMA, unbounded above. */
	gap_start = mm->highest_vm_end;
	gap_end = ~0UL;
	if (gap_start > high_limit)
		return placement_fail(tracing, "highest_vm_end is above high_limit");
	trace("  the gap above highest_vm_end %#lx fits", gap_start);
	goto found_highest;

found:
	*next = vma;
found_highest:
	/* The bottom of the usable part of the gap, then aligned up. */
	if (gap_start < bottom) {
		trace("  its start %#lx raised to low_limit %#lx", gap_start,
		      bottom);
		gap_start = bottom;
	}
	if (info->align_mask) {
		unsigned long shift = (info->align_offset - gap_start) &
				      info->align_mask;

		trace("  colour: plus (align_offset %#lx - %#lx) & align_mask %#lx = %#lx is %#lx",
		      info->align_offset, gap_start, info->align_mask, shift,
		      gap_start + shift);
		gap_start += shift;
	}

	VM_BUG_ON(gap_start + info->length > info->high_limit);
	VM_BUG_ON(gap_start + info->length > gap_end);
	return gap_start;
}

/*
 * unmapped_area - see mm/vma.h. The lowest plain gap that fits, then the
 * stack rule: when the placement, with room for the worst alignment
 * shift, runs into the guard gap of a stack just above it, that gap and
 * the stack are given up, and the search starts again at the stack's
 * vm_end (as Linux 6.1 does; the test counts length + align_mask, so it
 * may give up a gap a little early when aligning).
 */
static __always_inline unsigned long
search_bottomup(struct mm_struct *mm, const struct vm_unmapped_area_info *info,
		const bool tracing)
{
	unsigned long bottom = info->low_limit;	/* the window's, raised */
	struct vm_area_struct *next;
	unsigned long addr, visits = 0;

	placement_begin(tracing, "unmapped_area", info);
	while (true) {
		addr = lowest_fit(mm, info, bottom, &next, &visits, tracing);
		if (IS_ERR_VALUE(addr) || !next ||
		    !(next->vm_flags & VM_GROWSDOWN) ||
		    vm_start_gap(next) >=
			    addr + info->length + info->align_mask - 1)
			break;
		trace("  %#lx runs into the guard gap [%#lx, %#lx) of the stack above: search again from its vm_end %#lx",
		      addr, vm_start_gap(next), next->vm_start, next->vm_end);
		bottom = next->vm_end;
	}
	placement_end(visits);
	return IS_ERR_VALUE(addr) ? addr :
				    placement_found(tracing, mm, next, addr);
}

/* The copy that traces: see unmapped_area_topdown(). */
static unsigned long __cold search_bottomup_traced(
	struct mm_struct *mm, const struct vm_unmapped_area_info *info)
{
	return search_bottomup(mm, info, true);
}

unsigned long unmapped_area(struct mm_struct *mm,
			    struct vm_unmapped_area_info *info)
{
	if (unlikely(trace_placement))
		return search_bottomup_traced(mm, info);
	return search_bottomup(mm, info, false);
}

/*
 * unmapped_area_topdown - see mm/vma.h.
 *
 * The same usable gaps as unmapped_area() (same L, high_limit, low_limit),
 * but the wanted gap is the highest usable one, so the walk is the mirror
 * image: right subtree, the gap below this node, left subtree, climb.
 *
 * Invariants of the loop, with vma the node it stands on:
 *   1. no gap above vma's subtree is usable: each one was checked, or
 *      skipped with a subtree that could not hold a usable one;
 *   2. we enter a subtree only if its rb_subtree_gap >= L (so, as in
 *      unmapped_area(), O(log n) nodes are visited per search);
 *   3. gaps are met from the top down: once a gap ends below low_limit,
 *      every later one does too, and the search can stop. We skip a right
 *      subtree whose gaps all start above high_limit (they start above the
 *      gap of this node, which does);
 *   4. resume, when set, is the deepest node on the way down from which we
 *      went right and whose own gap or left subtree may fit: every right
 *      turn below it holds nothing, so a failed subtree climbs straight
 *      to it (the seed climbs node by node to the same result).
 * The gap above highest_vm_end is the highest of all: it is tried first.
 *
 * @top stands for info->high_limit: the stack rule of
 * unmapped_area_topdown() cuts it and searches again.
 */
static __always_inline unsigned long
highest_fit(struct mm_struct *mm, const struct vm_unmapped_area_info *info,
	    unsigned long top, struct vm_area_struct **next,
	    unsigned long *visits, const bool tracing)
{
	struct vm_area_struct *vma, *resume = NULL;
	unsigned long length, low_limit, high_limit, gap_start, gap_end;

	*next = NULL;

	/* Room for the mapping and for the worst alignment shift. */
	length = info->length + info->align_mask;
	if (length < info->length)
		return placement_fail(tracing, "length + align_mask overflows");

	/* The search limits, as above. */
	gap_end = top;
	if (gap_end < length)
		return placement_fail(tracing, "high_limit is below the length");
	high_limit = gap_end - length;
	if (info->low_limit > high_limit)
		return placement_fail(tracing, "the limits are closer than the length");
	low_limit = info->low_limit + length;
	trace("  want a gap of %#lx with gap_start <= %#lx, gap_end >= %#lx",
	      length, high_limit, low_limit);

	/* The gap above the highest VMA first. */
	gap_start = mm->highest_vm_end;
	if (gap_start <= high_limit) {
		trace("  the gap above highest_vm_end %#lx fits", gap_start);
		goto found_highest;
	}
	trace("  the gap above highest_vm_end %#lx starts above %#lx: the tree",
	      gap_start, high_limit);

	/* Without VMAs, highest_vm_end 0 always fits: kept as Linux has it. */
	if (RB_EMPTY_ROOT(&mm->mm_rb))
		return placement_fail(tracing, "no VMAs and no room above them");
	vma = visit(tracing, visits, NULL, rb_to_vma(mm->mm_rb.rb_node));
	if (vma->rb_subtree_gap < length)
		return placement_fail(tracing, "no gap in the tree is that large");

	while (true) {
		/*
		 * Higher gaps first: the right subtree, if it may hold one.
		 * Every gap there starts at or above this node's vm_end, so
		 * when vm_end is above high_limit none can be used. (Linux 4.x
		 * tests this node's gap_start here, which lets the search
		 * walk down the right spine of a big tree for nothing: each
		 * node there carries the gap below the stack, too high.)
		 */
		if (vma->vm_end <= high_limit && may_fit_right(vma, length)) {
			/*
			 * Where to come back to if nothing there fits. The
			 * cheap tests first: on a long right spine most nodes
			 * have neither a left subtree nor a gap of their own
			 * that is large enough.
			 */
			if (may_fit_left(vma, length) ||
			    gap_usable(vma_prev_end(vma), vma->vm_start,
				       low_limit, high_limit, length))
				resume = vma;
			vma = go_right(tracing, visits, rb_to_vma(vma->vm_rb.rb_right));
			continue;
		}

check_current:
		/* Then the gap below this node. */
		gap_end = vma->vm_start;
		if (gap_end < low_limit)
			return placement_fail(tracing, "the gaps from here on end below low_limit");
		gap_start = vma_prev_end(vma);
		if (gap_usable(gap_start, gap_end, low_limit, high_limit, length)) {
			trace("  the gap below fits");
			goto found;
		}
		trace_nofit(gap_start, gap_end, low_limit, high_limit, length);

		/* Then the left subtree, if it may hold one. */
		if (may_fit_left(vma, length)) {
			vma = go_left(tracing, visits, rb_to_vma(vma->vm_rb.rb_left));
			continue;
		}

		/*
		 * This subtree is done. Next: the first ancestor we reach from
		 * its right, its own gap and left subtree. The seed climbs to
		 * it node by node; when the way down passed a right turn whose
		 * gap or left subtree may fit (resume), the right turns below
		 * it were seen to hold nothing, so the climb goes there at
		 * once. (In a tree whose right spine carries the gap below the
		 * stack, that saves a walk back up the whole spine.)
		 */
		if (resume) {
			vma = visit(tracing, visits,
				    "climb up to the last right turn that may fit",
				    resume);
			resume = NULL;
			goto check_current;
		}
		while (true) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev))
				return placement_fail(tracing, "back at the root: no gap fits");
			vma = visit(tracing, visits, "climb up", rb_to_vma(rb_parent(prev)));
			if (prev == vma->vm_rb.rb_right)
				goto check_current;
		}
	}

found:
	*next = vma;
	/* The top of the usable part of the gap... */
	if (gap_end > top) {
		trace("  its end %#lx clipped to high_limit %#lx", gap_end,
		      top);
		gap_end = top;
	}

found_highest:
	/* ...minus the length, then aligned down. */
	trace("  end %#lx minus length %#lx is %#lx", gap_end, info->length,
	      gap_end - info->length);
	gap_end -= info->length;
	if (info->align_mask) {
		unsigned long shift = (gap_end - info->align_offset) &
				      info->align_mask;

		trace("  colour: minus (%#lx - align_offset %#lx) & align_mask %#lx = %#lx is %#lx",
		      gap_end, info->align_offset, info->align_mask, shift,
		      gap_end - shift);
		gap_end -= shift;
	}

	VM_BUG_ON(gap_end < info->low_limit);
	VM_BUG_ON(gap_end < gap_start);
	return gap_end;
}

/*
 * unmapped_area_topdown - see mm/vma.h. The highest plain gap that fits,
 * then the stack rule of Linux 6.1: when that gap ends at a stack whose
 * guard gap reaches into the part of the gap inside the window, the window
 * is cut at the start of the guard gap and the search starts again. Every
 * gap above that point is given up, including holes between VMAs that
 * sit inside the guard gap.
 */
static __always_inline unsigned long
search_topdown(struct mm_struct *mm, const struct vm_unmapped_area_info *info,
	       const bool tracing)
{
	unsigned long top = info->high_limit;	/* the window's, cut */
	struct vm_area_struct *next;
	unsigned long addr, visits = 0;

	placement_begin(tracing, "unmapped_area_topdown", info);
	while (true) {
		addr = highest_fit(mm, info, top, &next, &visits, tracing);
		if (IS_ERR_VALUE(addr) || !next ||
		    !(next->vm_flags & VM_GROWSDOWN) ||
		    vm_start_gap(next) >= min(next->vm_start, top))
			break;
		trace("  the gap ends at a stack at %#lx: its guard gap starts at %#lx, search again below that",
		      next->vm_start, vm_start_gap(next));
		top = vm_start_gap(next);
	}
	placement_end(visits);
	return IS_ERR_VALUE(addr) ? addr :
				    placement_found(tracing, mm, next, addr);
}

/*
 * The search is compiled twice: search_topdown(..., true), out of line,
 * traces each step for a lesson; search_topdown(..., false), the one that
 * runs otherwise, has every trace line and every test of the flag taken
 * out by the compiler (tracing is a constant there), so a lesson costs
 * the everyday search nothing.
 */
static unsigned long __cold search_topdown_traced(
	struct mm_struct *mm, const struct vm_unmapped_area_info *info)
{
	return search_topdown(mm, info, true);
}

unsigned long unmapped_area_topdown(struct mm_struct *mm,
				    struct vm_unmapped_area_info *info)
{
	if (unlikely(trace_placement))
		return search_topdown_traced(mm, info);
	return search_topdown(mm, info, false);
}

/* See mm/vma.h. */
unsigned long vm_unmapped_area(struct mm_struct *mm,
			       struct vm_unmapped_area_info *info)
{
	if (info->flags & VM_UNMAPPED_AREA_TOPDOWN)
		return unmapped_area_topdown(mm, info);
	return unmapped_area(mm, info);
}
