/*
 * kernel/sys_file.c - file descriptors and the file system calls:
 * open, openat, close, read, write, lseek, fstat64.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "kernel/procfs.h"
#include "kernel/ramfs.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"

/*
 * open() flags, Linux's ARM values. O_TRUNC is not supported (ignored):
 * the ramfs cannot yet take pages away from tasks that map them.
 */
#define O_ACCMODE 03
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_APPEND 02000

#define AT_FDCWD (-100)		/* openat(): relative to the working directory */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2


/* The file behind @fd of the current task, or NULL. */
struct file *fget(unsigned long fd)
{
	return fd < NR_OPEN ? current->files[fd] : NULL;
}

/* The lowest free descriptor now holding @file, or -EMFILE. */
int fd_install(struct file *file)
{
	for (int fd = 0; fd < NR_OPEN; fd++) {
		if (!current->files[fd]) {
			current->files[fd] = file;
			return fd;
		}
	}
	return -EMFILE;
}

/* Copy the path at user @upath into @path (PATH_MAX). Returns 0 or -errno. */
static long get_path(char *path, unsigned long upath)
{
	long len = strncpy_from_user(path, (const char *)upath, PATH_MAX);

	if (len < 0)
		return len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;		/* Linux's getname refuses "" */
	return 0;
}

/* open() of the kernel's copy of the path. */
static long do_open(const char *path, unsigned long flags, unsigned long mode)
{
	unsigned int fmode;
	struct inode *inode;
	struct file *file;
	int fd;

	switch (flags & O_ACCMODE) {
	case O_RDONLY: fmode = FMODE_READ; break;
	case O_WRONLY: fmode = FMODE_WRITE; break;
	case O_RDWR: fmode = FMODE_READ | FMODE_WRITE; break;
	default: return -EINVAL;
	}
	inode = ramfs_lookup(path);
	if (!inode && procfs_task_path(path)) {
		/* /proc/PID/NAME: made when opened, for that task */
		int err = procfs_open_task(path, fmode, &file);

		if (err)
			return err;
		goto install;
	}
	if (!inode) {
		/* a missing directory on the way, or a file used as one */
		int err = ramfs_walk_error(path);

		if (err)
			return err;
		if (!(flags & O_CREAT))
			return -ENOENT;
		inode = ramfs_create(path, S_IFREG | (mode & 0777));
		if (!inode)
			return -ENOMEM;
	}
	/* a directory is opened only to be read (do_open: O_CREAT too) */
	if (S_ISDIR(inode->i_mode) &&
	    ((fmode & FMODE_WRITE) || (flags & O_CREAT)))
		return -EISDIR;
	file = alloc_file(inode, fmode);
	if (!file)
		return -ENOMEM;
	file->f_flags = flags;
	if (file->f_op && file->f_op->open) {
		int ret = file->f_op->open(file);

		if (ret) {
			fput(file);
			return ret;
		}
	}
install:
	fd = fd_install(file);
	if (fd < 0)
		fput(file);
	return fd;
}

long sys_open(unsigned long upath, unsigned long flags, unsigned long mode)
{
	char path[PATH_MAX];
	long err = get_path(path, upath);

	return err ? err : do_open(path, flags, mode);
}

/*
 * openat(2): open() of a path relative to the directory open at @dirfd,
 * or to the working directory (always "/" here) for AT_FDCWD; an
 * absolute path ignores @dirfd. A relative path with a @dirfd that is no
 * descriptor is EBADF, one that is not a directory ENOTDIR, as Linux.
 */
long sys_openat(unsigned long dirfd, unsigned long upath, unsigned long flags,
		unsigned long mode)
{
	char path[PATH_MAX], joined[PATH_MAX];
	long err = get_path(path, upath);
	struct file *dir;
	int n;

	if (err)
		return err;
	if (path[0] == '/' || (int)dirfd == AT_FDCWD)
		return do_open(path, flags, mode);
	dir = fget(dirfd);
	if (!dir)
		return -EBADF;
	if (!S_ISDIR(dir->f_inode->i_mode))
		return -ENOTDIR;
	n = snprintf(joined, sizeof(joined), "%s/%s",
		     strcmp(dir->f_inode->i_name, "/") ? dir->f_inode->i_name : "",
		     path);
	if (n >= (int)sizeof(joined))
		return -ENAMETOOLONG;
	return do_open(joined, flags, mode);
}

long sys_close(unsigned long fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	current->files[fd] = NULL;
	fput(file);
	return 0;
}

long sys_read(unsigned long fd, unsigned long buf, unsigned long len)
{
	struct file *file = fget(fd);

	if (!file || !(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	return file->f_op->read(file, (char *)buf, len);
}

long sys_write(unsigned long fd, unsigned long buf, unsigned long len)
{
	struct file *file = fget(fd);

	if (!file || !(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	if (file->f_flags & O_APPEND)
		file->f_pos = file->f_inode->i_size;
	return file->f_op->write(file, (const char *)buf, len);
}

long sys_lseek(unsigned long fd, unsigned long off, unsigned long whence)
{
	struct file *file = fget(fd);
	long long pos;

	if (!file)
		return -EBADF;
	if (S_ISCHR(file->f_inode->i_mode))
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET: pos = (long)off; break;
	case SEEK_CUR: pos = file->f_pos + (long)off; break;
	case SEEK_END: pos = (long long)file->f_inode->i_size + (long)off; break;
	default: return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	if (pos > 0x7fffffff)
		return -EOVERFLOW;
	file->f_pos = pos;
	return pos;
}

/* struct stat64 as the ARM EABI lays it out (arch/arm asm/stat.h). */
struct stat64 {
	uint64_t st_dev;
	uint8_t __pad0[4];
	uint32_t __st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint8_t __pad3[4];
	int64_t st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;	/* 512-byte blocks */
	uint32_t st_atime, st_atime_nsec;
	uint32_t st_mtime, st_mtime_nsec;
	uint32_t st_ctime, st_ctime_nsec;
	uint64_t st_ino;
};

_Static_assert(sizeof(struct stat64) == 104, "ARM EABI stat64 size");
_Static_assert(__builtin_offsetof(struct stat64, st_size) == 48,
	       "ARM EABI stat64 st_size");

long sys_fstat64(unsigned long fd, unsigned long ubuf)
{
	struct file *file = fget(fd);
	struct stat64 st;
	struct inode *inode;

	if (!file)
		return -EBADF;
	inode = file->f_inode;
	memset(&st, 0, sizeof(st));
	st.__st_ino = st.st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = 1;
	st.st_size = inode->i_size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = (inode->i_size + 511) / 512;
	if (S_ISCHR(inode->i_mode))
		st.st_rdev = (5 << 8) | 1;	/* /dev/console is 5:1 */
	if (copy_to_user((void *)ubuf, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}
