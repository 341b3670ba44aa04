/*
 * mm/shmem.h - shared anonymous memory, as Linux's shmem: the pages of a
 * MAP_SHARED|MAP_ANONYMOUS mapping belong to an unnamed in-memory object
 * (an inode with a page cache), not to the mapping, so that every mapping
 * of the object - the parent's and the child's after fork - reaches the
 * same physical page through (object, index).
 */
#ifndef MM_SHMEM_H
#define MM_SHMEM_H

#include "kernel/fs.h"
#include "mm/mm_types.h"

/* The name such an object shows in maps and fault reports (as Linux). */
#define SHMEM_ZERO_NAME "/dev/zero (deleted)"

/*
 * shmem_kernel_file_setup - a new unnamed object of @size bytes (zeroes
 * until written), open read/write. @name is kept (not copied) for reports.
 * Returns: the file, with one reference, or NULL when out of memory.
 */
struct file *shmem_kernel_file_setup(const char *name, unsigned long size);

/*
 * shmem_zero_setup - back the MAP_SHARED|MAP_ANONYMOUS @vma (vm_start,
 * vm_end set) by a new object of its size: it becomes vma->vm_file (a
 * previous vm_file is put) and vm_pgoff is 0, so page i of the VMA is
 * page i of the object. Call before the VMA is linked (mmap_region).
 * The object's size is charged (vm_enough_memory) unless VM_NORESERVE.
 * Returns: 0, or -ENOMEM (then @vma is unchanged).
 */
int shmem_zero_setup(struct vm_area_struct *vma);

/* Is @file a shmem object? */
bool shmem_file(const struct file *file);

#endif /* MM_SHMEM_H */
