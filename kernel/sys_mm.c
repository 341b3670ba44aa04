/*
 * kernel/sys_mm.c - the system calls that change an address space:
 * brk (45), munmap (91), mprotect (125), msync (144), mremap (163),
 * mmap2 (192), mincore (219), madvise (220), with the Linux ARM EABI
 * (arguments in r0-r5, a negative errno back in r0).
 *
 * These are thin: they turn a file descriptor into a file, apply the
 * task's personality, call the portable mm code (mm/mmap.c,
 * mm/mprotect.c, mm/mremap.c, mm/madvise.c) on current->mm, fault in what MAP_POPULATE asks for,
 * and check the address space afterwards (VM_CHECK_CALL, mm/debug.h).
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"
#include "mm/debug.h"
#include "mm/memory.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"

/* brk(2): the new break, or the old one when it cannot move. */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old = mm->brk, ret;

	ret = do_brk(mm, brk);
	VM_CHECK_CALL(mm, old < brk ? old : brk,
		      PAGE_ALIGN(old > brk ? old : brk));
	return ret;
}

/*
 * mmap2(2): @pgoff counts 4096-byte units (our page size). The file is
 * looked up first, so a bad descriptor is EBADF whatever else is wrong,
 * as in Linux's ksys_mmap_pgoff.
 */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long ret, populate;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	/* No huge pages here: no size to give them (Linux without
	 * hugetlbfs says the same). */
	if (flags & MAP_HUGETLB)
		return -EINVAL;
	if ((current->personality & READ_IMPLIES_EXEC) && (prot & PROT_READ))
		prot |= PROT_EXEC;

	ret = do_mmap(mm, file, addr, len, prot, flags, pgoff, &populate);
	if (!IS_ERR_VALUE(ret)) {
		VM_CHECK_CALL(mm, ret, ret + PAGE_ALIGN(len));
		/* Linux ignores what populating returns: a later touch
		 * faults again, or kills the task if memory is short. */
		if (populate)
			mm_populate(mm, ret, populate);
	}
	return ret;
}

/* munmap(2) */
long sys_munmap(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	long ret = do_munmap(mm, addr, len);

	if (!ret)
		VM_CHECK_CALL(mm, addr, addr + PAGE_ALIGN(len));
	return ret;
}

/* mprotect(2) */
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	long ret = do_mprotect(mm, addr, len, prot,
			       current->personality & READ_IMPLIES_EXEC);

	VM_CHECK_CALL(mm, addr, addr + PAGE_ALIGN(len));
	return ret;
}

/*
 * mremap(2). Both ranges are checked afterwards: the old one may have
 * shrunk, moved away or stayed (MREMAP_DONTUNMAP).
 */
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret, populate;

	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr,
			&populate);
	if (!IS_ERR_VALUE(ret)) {
		VM_CHECK_CALL(mm, addr, addr + PAGE_ALIGN(old_len));
		VM_CHECK_CALL(mm, ret, ret + PAGE_ALIGN(new_len));
		if (populate)
			mm_populate(mm, ret + PAGE_ALIGN(new_len) - populate,
				    populate);
	}
	return ret;
}

/* madvise(2). The range is checked afterwards: advice may split VMAs. */
long sys_madvise(unsigned long start, unsigned long len, unsigned long advice)
{
	struct mm_struct *mm = current->mm;
	long ret = do_madvise(mm, start, len, (int)advice);

	if (!offset_in_page(start) && start + PAGE_ALIGN(len) >= start)
		VM_CHECK_CALL(mm, start, start + PAGE_ALIGN(len));
	return ret;
}

/*
 * mincore(2), as Linux's: the range must be user space (else ENOMEM),
 * the vector too (else EFAULT); then one VMA at a time into a kernel
 * page, copied out before the next, so a hole (ENOMEM) or a vector that
 * faults (EFAULT) stops the call with what came before already written.
 */
long sys_mincore(unsigned long start, unsigned long len, unsigned long uvec)
{
	unsigned long pages;
	unsigned char *tmp;
	long ret = 0;

	if (offset_in_page(start))
		return -EINVAL;
	if (!access_ok(start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + (offset_in_page(len) != 0);
	if (!access_ok(uvec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_pages(GFP_KERNEL, 0);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		ret = do_mincore(current->mm, start, min(pages, PAGE_SIZE),
				 tmp);
		if (ret <= 0)
			break;
		if (copy_to_user((void *)uvec, tmp, ret)) {
			ret = -EFAULT;
			break;
		}
		pages -= ret;
		uvec += ret;
		start += ret << PAGE_SHIFT;
		ret = 0;
	}
	free_pages((unsigned long)tmp, 0);
	return ret;
}

/* msync(2): the checks of mm/madvise.c's do_msync; nothing changes. */
long sys_msync(unsigned long start, unsigned long len, unsigned long flags)
{
	return do_msync(current->mm, start, len, (int)flags);
}
