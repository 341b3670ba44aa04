/*
 * tests/host/vma_util.h - helpers for the host tests of the VMA core:
 * address spaces built from a picture and layout checks against a
 * picture. The operations themselves are the real ones (mm/mmap.c's
 * mmap_region() and do_munmap(), mm/mprotect.c's do_mprotect()).
 *
 * Pictures: one character per page, from SKETCH_BASE up. A run of one
 * letter is one VMA, a space is a free page:
 *
 *	"PPPP    NNNN"	two VMAs, [BASE, BASE+4p) and [BASE+8p, BASE+12p)
 */
#ifndef TESTS_HOST_VMA_UTIL_H
#define TESTS_HOST_VMA_UTIL_H

#include "mm/vma.h"

#define SKETCH_BASE 0x100000UL

/* Page @n of a picture, as an address. */
#define PG(n) (SKETCH_BASE + (unsigned long)(n) * PAGE_SIZE)

/* Flags of an ordinary private anonymous read-write mapping. */
#define VM_RW_ANON (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | \
		    VM_MAYEXEC)
#define VM_RO_ANON (VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/*
 * Two open files for VMAs to map, distinct backing objects. They are real
 * (kernel/file.c), so that split and merge are seen to count references:
 * made before any test runs with one reference each, they must be back
 * to that one whenever a test's address space is freed (vmt_mm_free).
 */
extern struct file *vmt_file_a, *vmt_file_b;
#define FILE_A vmt_file_a
#define FILE_B vmt_file_b

/* A new empty address space: mm_alloc(), with its (fake) page table. */
struct mm_struct *vmt_mm_new(void);

/*
 * Unlink every VMA of @mm, put its file and free it, mmput() @mm, and
 * check that no VMA of any address space is left allocated and that
 * FILE_A and FILE_B hold one reference each again (leak checks).
 */
void vmt_mm_free(struct mm_struct *mm);

/* Slab objects allocated (through the wrappers) since vmt_mm_new(). */
long vmt_live_objects(void);

/*
 * A VMA [@start, @end) with @flags, @file (a reference is taken) and
 * @pgoff, linked into @mm with find_vma_links() + vma_link() (vm_pgoff is
 * kept as given). The range must be free.
 */
struct vm_area_struct *vmt_add(struct mm_struct *mm, unsigned long start,
			       unsigned long end, unsigned long flags,
			       struct file *file, unsigned long pgoff);

/*
 * The VMAs of @pic, private anonymous read-write, added with
 * insert_vm_struct(); vma['X' - 'A'] gets the VMA drawn with X.
 */
struct sketch {
	struct vm_area_struct *vma[26];
};

void sketch_build(struct mm_struct *mm, const char *pic, struct sketch *s);
#define VMA(s, letter) ((s)->vma[(letter) - 'A'])

/*
 * Does @mm's layout, from SKETCH_BASE up, match @pic (same VMAs with the
 * same bounds, letters only telling VMAs apart, no VMA outside the
 * picture)? Prints both when not. CHECK_SKETCH() records a failure.
 */
bool sketch_matches(struct mm_struct *mm, const char *pic);
#define CHECK_SKETCH(mm, pic)                                            \
	do {                                                             \
		if (!sketch_matches(mm, pic))                            \
			check_failed(__FILE__, __LINE__,                 \
				     "layout is not \"%s\"", pic);       \
	} while (0)

/* @mm's layout as a picture, into @buf (for messages). */
void sketch_draw(struct mm_struct *mm, char *buf, size_t size);

#endif /* TESTS_HOST_VMA_UTIL_H */
