/*
 * mm/vm_check.c - when the VMA checks of mm/debug.h run, and the cheap
 * local check that covers the gaps between full ones.
 *
 * validate_mm() (mm/validate.c) recomputes everything and costs O(n).
 * validate_mm_range() looks only at what one system call can have
 * touched: the VMAs in and next to the range it changed, and the path
 * from each of them to the root of the tree, whose rb_subtree_gap values
 * are exactly what a missed or wrong gap update would leave stale. It
 * costs O(k log n) for k VMAs in the range.
 */
#include "kernel/printk.h"
#include "mm/debug.h"
#include "mm/vma_internal.h"
#include "mm/vma.h"

enum vm_check_mode vm_check_mode = VM_CHECK_FULL;
struct vm_check_stats vm_check_stats;

/* Report one broken invariant found by the local check. */
static int __printf(1, 2) bad(const char *fmt, ...)
{
	va_list ap;

	printk("validate_mm_range: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	return 1;
}

/* One VMA near the changed range: its shape, links, and path to the root. */
static int check_one(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node *node;
	int bugs = 0, depth = 0;

	if (vma->vm_mm != mm)
		bugs += bad("VMA %08lx belongs to another mm", vma->vm_start);
	if (vma->vm_start >= vma->vm_end || offset_in_page(vma->vm_start) ||
	    offset_in_page(vma->vm_end))
		bugs += bad("bad range [%08lx, %08lx)", vma->vm_start,
			    vma->vm_end);
	if (vma->vm_next && vma->vm_next->vm_prev != vma)
		bugs += bad("[%08lx...): next's vm_prev is not back to it",
			    vma->vm_start);
	if (vma->vm_next && vma->vm_next->vm_start < vma->vm_end)
		bugs += bad("[%08lx, %08lx) overlaps the next VMA at %08lx",
			    vma->vm_start, vma->vm_end, vma->vm_next->vm_start);
	if (!vma->vm_next && mm->highest_vm_end != vma->vm_end)
		bugs += bad("highest_vm_end %08lx, last VMA ends at %08lx",
			    mm->highest_vm_end, vma->vm_end);
	/* Every subtree gap on the way up must agree with its children. */
	for (node = &vma->vm_rb; node; node = rb_parent(node)) {
		struct vm_area_struct *v =
			rb_entry(node, struct vm_area_struct, vm_rb);

		if (v->rb_subtree_gap != vma_compute_subtree_gap(v))
			bugs += bad("[%08lx, %08lx) rb_subtree_gap %lx, its own gap and children say %lx",
				    v->vm_start, v->vm_end, v->rb_subtree_gap,
				    vma_compute_subtree_gap(v));
		if (++depth > 128) {
			bugs += bad("path from %08lx to the root is a cycle",
				    vma->vm_start);
			break;
		}
	}
	return bugs;
}

/* See mm/debug.h. */
int validate_mm_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	struct vm_area_struct *vma, *prev;
	int bugs = 0, n = 0;

	vm_check_stats.ranged++;
	vma = find_vma_prev(mm, start, &prev);
	if (prev)
		vma = prev;	/* the neighbour below takes part too */
	if (!vma && mm->mmap)
		bugs += bad("find_vma(%08lx) found nothing, but there are VMAs",
			    start);
	/* Up to and including the first VMA at or above @end. */
	for (; vma; vma = vma->vm_next) {
		bugs += check_one(mm, vma);
		if (vma->vm_start >= end || ++n > mm->map_count)
			break;
	}
	if (bugs) {
		bad("%d broken invariant(s) around [%08lx, %08lx) in mm %p",
		    bugs, start, end, (void *)mm);
		dump_vma_tree(mm);
	}
	return bugs;
}

/*
 * Should this check be a full one? Always in FULL mode and for small mms;
 * for a large mm in AMORTIZED mode, once its credit reaches map_count.
 */
static bool full_check_due(struct mm_struct *mm)
{
	if (vm_check_mode == VM_CHECK_FULL || mm->map_count <= VM_CHECK_SMALL)
		return true;
	mm->vm_check_credit += VM_CHECK_CREDIT;
	if (mm->vm_check_credit < (unsigned long)mm->map_count)
		return false;
	mm->vm_check_credit = 0;
	return true;
}

static int full_check(struct mm_struct *mm)
{
	vm_check_stats.full++;
	return validate_mm(mm);
}

/* See mm/debug.h. */
void vm_check(struct mm_struct *mm, const char *func, const char *file,
	      int line)
{
	if (vm_check_mode == VM_CHECK_OFF || !full_check_due(mm))
		return;
	if (full_check(mm))
		panic("VM_CHECK failed in %s (%s:%d)", func, file, line);
}

/* See mm/debug.h. */
void vm_check_call(struct mm_struct *mm, unsigned long start,
		   unsigned long end, const char *func, const char *file,
		   int line)
{
	int bugs;

	if (vm_check_mode == VM_CHECK_OFF)
		return;
	bugs = full_check_due(mm) ? full_check(mm)
				  : validate_mm_range(mm, start, end);
	if (bugs)
		panic("VM_CHECK_CALL failed in %s (%s:%d)", func, file, line);
}
