/*
 * kernel/errno.c - names of error numbers, for reports a person reads
 * ("mmap: ENOMEM"). Portable.
 */
#include "kernel/errno.h"
#include "kernel/kernel.h"

#define E(x) [x] = #x

static const char *const names[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO),
	E(E2BIG), E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM),
	E(EACCES), E(EFAULT), E(EBUSY), E(EEXIST), E(ENODEV), E(ENOTDIR),
	E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY), E(EFBIG),
	E(ENOSPC), E(ESPIPE), E(EROFS), E(EPIPE), E(ERANGE),
	E(ENAMETOOLONG),
	E(ENOSYS), E(EOVERFLOW), E(ELIBBAD), E(EOPNOTSUPP),
};

const char *errno_name(int err)
{
	if (err < 0)
		err = -err;
	if (err <= 0 || (size_t)err >= ARRAY_SIZE(names))
		return NULL;
	return names[err];
}
