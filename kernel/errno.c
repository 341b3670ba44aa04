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

/* What the C library's strerror() says for each (glibc's words). */
#define M(x, text) [x] = text

static const char *const messages[] = {
	M(EPERM, "Operation not permitted"),
	M(ENOENT, "No such file or directory"),
	M(ESRCH, "No such process"),
	M(EINTR, "Interrupted system call"),
	M(EIO, "Input/output error"),
	M(ENXIO, "No such device or address"),
	M(E2BIG, "Argument list too long"),
	M(ENOEXEC, "Exec format error"),
	M(EBADF, "Bad file descriptor"),
	M(ECHILD, "No child processes"),
	M(EAGAIN, "Resource temporarily unavailable"),
	M(ENOMEM, "Cannot allocate memory"),
	M(EACCES, "Permission denied"),
	M(EFAULT, "Bad address"),
	M(EBUSY, "Device or resource busy"),
	M(EEXIST, "File exists"),
	M(ENODEV, "No such device"),
	M(ENOTDIR, "Not a directory"),
	M(EISDIR, "Is a directory"),
	M(EINVAL, "Invalid argument"),
	M(ENFILE, "Too many open files in system"),
	M(EMFILE, "Too many open files"),
	M(ENOTTY, "Inappropriate ioctl for device"),
	M(EFBIG, "File too large"),
	M(ENOSPC, "No space left on device"),
	M(ESPIPE, "Illegal seek"),
	M(EROFS, "Read-only file system"),
	M(EPIPE, "Broken pipe"),
	M(ERANGE, "Numerical result out of range"),
	M(ENAMETOOLONG, "File name too long"),
	M(ENOSYS, "Function not implemented"),
	M(EOVERFLOW, "Value too large for defined data type"),
	M(ELIBBAD, "Accessing a corrupted shared library"),
	M(EOPNOTSUPP, "Operation not supported"),
};

static const char *lookup(const char *const *table, size_t n, int err)
{
	if (err < 0)
		err = -err;
	if (err <= 0 || (size_t)err >= n)
		return NULL;
	return table[err];
}

const char *errno_message(int err)
{
	return lookup(messages, ARRAY_SIZE(messages), err);
}

const char *errno_name(int err)
{
	return lookup(names, ARRAY_SIZE(names), err);
}
