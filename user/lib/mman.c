/*
 * user/lib/mman.c - the C library's mmap, munmap and mprotect: the raw
 * calls of syscall.h with errno set on failure.
 */
#include <errno.h>
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

/* mprotect(): see sys/mman.h. */
int mprotect(void *addr, size_t len, int prot)
{
	return (int)__syscall_ret(sys_mprotect((unsigned long)addr, len,
					       prot));
}
