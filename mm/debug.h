/*
 * mm/debug.h - consistency checks of the mm code that cost time, on in
 * debug builds (CONFIG_DEBUG_VM, set by the Makefile for the kernel and the
 * host tests), compiled out otherwise. Call sites never #ifdef: the macros
 * below turn into nothing when the option is off.
 *
 *   VM_CHECK(mm)     run validate_mm(mm) and panic if it found anything;
 *                    called at the end of every function that changes the
 *                    VMA list or tree.
 *   VM_CHECK_CALL(mm, start, end)
 *                    the same at the end of each system call that changed
 *                    [start, end) of an address space (mmap, munmap,
 *                    mprotect, brk).
 *   VM_BUG_ON(cond)  BUG_ON() that is only compiled in debug builds, for
 *                    conditions that would cost time to test (as Linux's).
 */
#ifndef MM_DEBUG_H
#define MM_DEBUG_H

#include "kernel/printk.h"

struct mm_struct;

int validate_mm(struct mm_struct *mm);

int validate_mm_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);

/*
 * How often the checks run (vm_check_mode). validate_mm() is O(n): about
 * 250 guest instructions per VMA on the target. A test that builds 65530
 * VMAs one mmap at a time would spend 250 * 65530^2 / 2 = 5.4e11
 * instructions in full checks, many minutes of QEMU. Hence:
 *
 *   VM_CHECK_FULL       every check is a full validate_mm() (host tests)
 *   VM_CHECK_AMORTIZED  the kernel's default: an mm of at most
 *                       VM_CHECK_SMALL VMAs (every ordinary program) is
 *                       checked in full every time. A larger one earns
 *                       VM_CHECK_CREDIT VMAs of credit per check and is
 *                       checked in full whenever its credit reaches
 *                       map_count (at least every map_count /
 *                       VM_CHECK_CREDIT checks); in between, each system
 *                       call still gets validate_mm_range() of what it
 *                       changed, O(log n).
 *   VM_CHECK_OFF        nothing (a test that builds a big tree on purpose
 *                       and validates once at the end)
 */
enum vm_check_mode {
	VM_CHECK_FULL,
	VM_CHECK_AMORTIZED,
	VM_CHECK_OFF,
};

extern enum vm_check_mode vm_check_mode;

/*
 * A full check of n VMAs costs about 250n instructions, and an mmap+munmap
 * pair runs about three checks. Checked in full every time up to
 * VM_CHECK_SMALL VMAs, a pair costs at most about 3 * 250 * 32 = 24k on
 * top of its own few thousand; above, the amortised full checks add
 * about 3 * 250 * VM_CHECK_CREDIT = 24k per pair at any n. So no count
 * of VMAs makes a pair cost more than about 60k (a threshold of 1024
 * made one cost 760k just below it).
 */
#define VM_CHECK_SMALL 32
#define VM_CHECK_CREDIT 32

/* What the checks did: for tests, and /proc/vmstat. */
struct vm_check_stats {
	unsigned long full;		/* validate_mm() runs */
	unsigned long ranged;		/* validate_mm_range() runs */
};
extern struct vm_check_stats vm_check_stats;

/* The bodies of VM_CHECK and VM_CHECK_CALL: check, panic if broken. */
void vm_check(struct mm_struct *mm, const char *func, const char *file,
	      int line);
void vm_check_call(struct mm_struct *mm, unsigned long start,
		   unsigned long end, const char *func, const char *file,
		   int line);

#ifdef CONFIG_DEBUG_VM
#define VM_CHECK(mm) vm_check((mm), __func__, __FILE__, __LINE__)
#define VM_CHECK_CALL(mm, start, end) \
	vm_check_call((mm), (start), (end), __func__, __FILE__, __LINE__)
#define VM_BUG_ON(cond) BUG_ON(cond)
#else
/* sizeof: the argument is type-checked, never evaluated. */
#define VM_CHECK(mm) ((void)sizeof(mm))
#define VM_CHECK_CALL(mm, start, end) \
	((void)sizeof(mm), (void)sizeof(start), (void)sizeof(end))
#define VM_BUG_ON(cond) ((void)sizeof(!(cond)))
#endif

#endif /* MM_DEBUG_H */
