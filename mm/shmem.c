/*
 * mm/shmem.c - shared anonymous memory (see shmem.h).
 *
 *   parent: vma [A, A+3p) --vm_file--+
 *                                    +--> file --> inode "/dev/zero (deleted)"
 *   child:  vma [A, A+3p) --vm_file--+             i_data: [0] [1] [2]
 *                                                          |       |
 *                                                        page    page
 *
 * A fault in either mapping looks up (object, vm_pgoff + index) in the
 * page cache (mm/memory.c: do_fault), creating a zeroed page the first
 * time, so both see one physical page. The object lives as long as some
 * VMA holds its file: the last fput() drops the inode, which, unnamed,
 * is freed with its pages (kernel/file.c: iput).
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/mmap.h"
#include "mm/shmem.h"

/*
 * mmap of the object: nothing to check or prepare, the fault path does
 * the rest. Returns: 0.
 */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations shmem_file_operations = {
	.mmap = shmem_mmap,
};

/* shmem_file - Returns: true if @file is a shmem object. */
bool shmem_file(const struct file *file)
{
	return file && file->f_op == &shmem_file_operations;
}

/*
 * shmem_kernel_file_setup - Returns: a new open file on a new unnamed
 * object of @size bytes, or NULL when out of memory.
 */
struct file *shmem_kernel_file_setup(const char *name, unsigned long size)
{
	struct inode *inode = new_inode();
	struct file *file;

	if (!inode)
		return NULL;
	inode->i_mode = S_IFREG | 0777;
	inode->i_size = size;
	inode->i_name = name;
	inode->i_fop = &shmem_file_operations;
	file = alloc_file(inode, FMODE_READ | FMODE_WRITE);
	iput(inode);		/* the file holds it now, or nobody does */
	return file;
}

/*
 * shmem_zero_setup - give @vma a new object of its size as vm_file, at
 * page offset 0.
 * Returns: 0, or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	struct file *file;

	/*
	 * The object is charged as a whole when it is made, whatever the
	 * protection, unless MAP_NORESERVE (Linux's shmem_acct_size).
	 */
	if (!(vma->vm_flags & VM_NORESERVE) &&
	    vm_enough_memory(size >> PAGE_SHIFT))
		return -ENOMEM;
	file = shmem_kernel_file_setup(SHMEM_ZERO_NAME, size);
	if (!file)
		return -ENOMEM;
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return 0;
}
