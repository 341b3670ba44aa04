/*
 * tests/host/mmap_util.h - what the host tests of the mm system calls
 * (mm/mmap.c, mm/mprotect.c, mm/arch_mmap.c, mm/proc_maps.c) share: an
 * address space with ARM's placement policy, mmap() the way the system
 * call makes it, and a check of the whole VMA list against a table.
 *
 * The numbers the tests expect come from Linux's semantics, worked out
 * by hand in each test's comment, never from running our code.
 */
#ifndef TESTS_HOST_MMAP_UTIL_H
#define TESTS_HOST_MMAP_UTIL_H

#include "mm/mman.h"
#include "mm/mmap.h"
#include "tests/host/mm_util.h"

/* vm_flags VM_ACCOUNT: private writable memory Linux charges for. */
#define ACCT VM_ACCOUNT
#define RWA (RW | ACCT)

/* The top of the top-down area of a default mm: TASK_SIZE - 128 MiB. */
#define MMAP_BASE 0xB7000000UL

/* A new address space with ARM's top-down (or, @legacy, bottom-up) layout. */
struct mm_struct *mmap_mm_new(bool legacy);

/* mmap2() of anonymous memory (MAP_ANONYMOUS is added), no file. */
unsigned long mmap_anon(struct mm_struct *mm, unsigned long addr,
			unsigned long len, unsigned long prot,
			unsigned long flags);

/* mmap2() of @file from page @pgoff. */
unsigned long mmap_file(struct mm_struct *mm, struct file *file,
			unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long pgoff);

/* One expected VMA: its range and its complete vm_flags. */
struct vexp {
	unsigned long start, end, flags;
};

/*
 * The VMAs of @mm are exactly @exp (all of them, in order), and
 * validate_mm() finds nothing. Prints both lists when not.
 */
void vmas_check(struct mm_struct *mm, const struct vexp *exp, int n,
		const char *file, int line);

#define CHECK_VMAS(mm, ...)                                              \
	do {                                                             \
		const struct vexp __exp[] = { __VA_ARGS__ };             \
		vmas_check((mm), __exp, ARRAY_SIZE(__exp), __FILE__,     \
			   __LINE__);                                    \
	} while (0)
#define CHECK_NO_VMAS(mm) vmas_check((mm), NULL, 0, __FILE__, __LINE__)

/* An errno as the mmap-style calls return it in an unsigned long. */
#define ERR(e) ((unsigned long)-(long)(e))

#endif /* TESTS_HOST_MMAP_UTIL_H */
