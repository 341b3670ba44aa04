/*
 * kernel/errno.h - error numbers, with Linux's values (asm-generic/errno-base.h
 * and errno.h), because user programs compare against exactly these.
 *
 * Kernel functions return 0 or -Exxx; system calls pass -Exxx to user space
 * in r0, where the C library turns it into errno.
 */
#ifndef KERNEL_ERRNO_H
#define KERNEL_ERRNO_H

#define EPERM 1		/* operation not permitted */
#define ENOENT 2	/* no such file or directory */
#define ESRCH 3		/* no such process */
#define EINTR 4		/* interrupted system call */
#define EIO 5		/* I/O error */
#define ENXIO 6		/* no such device or address */
#define E2BIG 7		/* argument list too long */
#define ENOEXEC 8	/* exec format error */
#define EBADF 9		/* bad file number */
#define ECHILD 10	/* no child processes */
#define EAGAIN 11	/* try again */
#define ENOMEM 12	/* out of memory */
#define EACCES 13	/* permission denied */
#define EFAULT 14	/* bad address */
#define EBUSY 16	/* device or resource busy */
#define EEXIST 17	/* file exists */
#define ENODEV 19	/* no such device */
#define ENOTDIR 20	/* not a directory */
#define EISDIR 21	/* is a directory */
#define EINVAL 22	/* invalid argument */
#define ENFILE 23	/* file table overflow */
#define EMFILE 24	/* too many open files */
#define ENOTTY 25	/* not a typewriter */
#define EFBIG 27	/* file too large */
#define ENOSPC 28	/* no space left on device */
#define ESPIPE 29	/* illegal seek */
#define EROFS 30	/* read-only file system */
#define EPIPE 32	/* broken pipe: nobody reads it */
#define ERANGE 34	/* result too large */
#define ENAMETOOLONG 36	/* file name too long */
#define ENOSYS 38	/* function not implemented */
#define EOVERFLOW 75	/* value too large for defined data type */
#define ELIBBAD 80	/* accessing a corrupted shared library (exec: a
			   PT_INTERP interpreter that is not an ARM ELF) */
#define EOPNOTSUPP 95	/* operation not supported (mmap: unknown flag
			   with MAP_SHARED_VALIDATE) */

/* The name of an errno value ("ENOMEM"), or NULL when unknown. */
const char *errno_name(int err);

/* Its message, as strerror() gives it ("Cannot allocate memory"), or NULL. */
const char *errno_message(int err);

#endif /* KERNEL_ERRNO_H */
