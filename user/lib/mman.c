/*
 * user/lib/mman.c - the C library's mmap, munmap, mremap, mprotect, msync,
 * mincore and madvise: the raw
 * calls of syscall.h with errno set on failure.
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include "syscall.h"

/* mmap() through mmap2: see sys/mman.h. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	long ret = sys_mmap((unsigned long)addr, len, prot, flags, fd,
			    (unsigned long)offset);

	if (sys_is_err(ret)) {
		__set_errno_linux((int)-ret);
		return MAP_FAILED;
	}
	return (void *)ret;
}

/* munmap(): see sys/mman.h. */
int munmap(void *addr, size_t len)
{
	return (int)__syscall_ret(sys_munmap((unsigned long)addr, len));
}

/* mremap(): see sys/mman.h. The fifth argument only with MREMAP_FIXED
 * or MREMAP_DONTUNMAP, as glibc reads it. */
void *mremap(void *addr, size_t old_len, size_t new_len, int flags, ...)
{
	unsigned long new_addr = 0;
	long ret;

	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		va_list ap;

		va_start(ap, flags);
		new_addr = (unsigned long)va_arg(ap, void *);
		va_end(ap);
	}
	ret = sys_mremap((unsigned long)addr, old_len, new_len, flags,
			 new_addr);
	if (sys_is_err(ret)) {
		__set_errno_linux((int)-ret);
		return MAP_FAILED;
	}
	return (void *)ret;
}

/* mprotect(): see sys/mman.h. */
int mprotect(void *addr, size_t len, int prot)
{
	return (int)__syscall_ret(sys_mprotect((unsigned long)addr, len,
					       prot));
}

/* msync(): see sys/mman.h. */
int msync(void *addr, size_t len, int flags)
{
	return (int)__syscall_ret(sys_msync((unsigned long)addr, len, flags));
}

/* mincore(): see sys/mman.h. */
int mincore(void *addr, size_t len, unsigned char *vec)
{
	return (int)__syscall_ret(sys_mincore((unsigned long)addr, len, vec));
}

/* madvise(): see sys/mman.h. */
int madvise(void *addr, size_t len, int advice)
{
	return (int)__syscall_ret(sys_madvise((unsigned long)addr, len,
					      advice));
}
