/*
 * mm/debug.h - consistency checks of the mm code that cost time, on in
 * debug builds (CONFIG_DEBUG_VM, set by the Makefile for the kernel and the
 * host tests), compiled out otherwise. Call sites never #ifdef: the macros
 * below turn into nothing when the option is off.
 *
 *   VM_CHECK(mm)     run validate_mm(mm) and panic if it found anything;
 *                    called at the end of every function that changes the
 *                    VMA list or tree.
 *   VM_BUG_ON(cond)  BUG_ON() that is only compiled in debug builds, for
 *                    conditions that would cost time to test (as Linux's).
 */
#ifndef MM_DEBUG_H
#define MM_DEBUG_H

#include "kernel/printk.h"

struct mm_struct;

int validate_mm(struct mm_struct *mm);

/*
 * A run-time switch for VM_CHECK, true by default. validate_mm() is O(n):
 * a test that builds 65530 VMAs turns the checks off while it builds,
 * then calls validate_mm() once itself.
 */
extern bool vm_checks_enabled;

#ifdef CONFIG_DEBUG_VM
#define VM_CHECK(mm)                                                       \
	do {                                                               \
		if (vm_checks_enabled && validate_mm(mm))                  \
			panic("VM_CHECK failed in %s (%s:%d)", __func__,   \
			      __FILE__, __LINE__);                         \
	} while (0)
#define VM_BUG_ON(cond) BUG_ON(cond)
#else
/* sizeof: the argument is type-checked, never evaluated. */
#define VM_CHECK(mm) ((void)sizeof(mm))
#define VM_BUG_ON(cond) ((void)sizeof(!(cond)))
#endif

#endif /* MM_DEBUG_H */
