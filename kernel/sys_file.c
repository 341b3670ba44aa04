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


#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2


/* The file behind @fd of the current task, or NULL. */
struct file *fget(unsigned long fd)
{
	return fd < NR_OPEN ? current->files[fd] : NULL;
}

/*
 * Copy the path at user @upath into @path (PATH_MAX). Returns 0, or
 * -EFAULT, -ENAMETOOLONG, -ENOENT for "" (Linux's getname refuses it).
 */
static long get_path(char *path, unsigned long upath)
{
	long len = strncpy_from_user(path, (const char *)upath, PATH_MAX);

	if (len < 0)
		return len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;
	return 0;
}

/* See kernel/syscall.h. */
long user_path_at(unsigned long dirfd, unsigned long upath, char *path,
		  bool empty_ok)
{
	char rel[PATH_MAX];
	long err = get_path(rel, upath);
	struct file *dir;
	const char *base;
	int n;

	if (err == -ENOENT && empty_ok) {	/* AT_EMPTY_PATH: the fd itself */
		if ((int)dirfd == AT_FDCWD) {
			memcpy(path, "/", 2);
			return 0;
		}
		dir = fget(dirfd);
		if (!dir)
			return -EBADF;
		if (!dir->f_inode->i_name)
			return -ENOENT;		/* a pipe: no name to look up */
		strncpy(path, dir->f_inode->i_name, PATH_MAX - 1);
		path[PATH_MAX - 1] = '\0';
		return 0;
	}
	if (err)
		return err;
	if (rel[0] == '/' || (int)dirfd == AT_FDCWD) {
		if (rel[0] == '/') {
			memcpy(path, rel, strlen(rel) + 1);
			return 0;
		}
		base = "";		/* the working directory is "/" */
	} else {
		dir = fget(dirfd);
		if (!dir)
			return -EBADF;
		if (!S_ISDIR(dir->f_inode->i_mode))
			return -ENOTDIR;
		base = strcmp(dir->f_inode->i_name, "/") ? dir->f_inode->i_name
							 : "";
	}
	n = snprintf(path, PATH_MAX, "%s/%s", base, rel);
	return n >= PATH_MAX ? -ENAMETOOLONG : 0;
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
		file->f_flags = flags;
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
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
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
	fd = fd_install_from(file, 0, flags & O_CLOEXEC);
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
	char path[PATH_MAX];
	long err = user_path_at(dirfd, upath, path, false);

	return err ? err : do_open(path, flags, mode);
}

long sys_close(unsigned long fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	current->files[fd] = NULL;
	fd_set_cloexec(fd, false);
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

/*
 * The new position of @file for lseek's @off and @whence: 0 and *@pos,
 * or -EBADF, -ESPIPE (a pipe, the console), -EINVAL (bad @whence, or a
 * position below 0).
 */
static long do_lseek(struct file *file, long long off, unsigned long whence,
		     long long *pos)
{
	if (!file)
		return -EBADF;
	if (S_ISCHR(file->f_inode->i_mode) || S_ISFIFO(file->f_inode->i_mode))
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET: *pos = off; break;
	case SEEK_CUR: *pos = file->f_pos + off; break;
	case SEEK_END: *pos = (long long)file->f_inode->i_size + off; break;
	default: return -EINVAL;
	}
	return *pos < 0 ? -EINVAL : 0;
}

/* lseek(2): the new position; EOVERFLOW past 2 GiB (use _llseek). */
long sys_lseek(unsigned long fd, unsigned long off, unsigned long whence)
{
	struct file *file = fget(fd);
	long long pos;
	long err = do_lseek(file, (long)off, whence, &pos);

	if (err)
		return err;
	if (pos > 0x7fffffff)
		return -EOVERFLOW;
	file->f_pos = pos;
	return pos;
}

/*
 * _llseek(2), which a 32-bit C library's lseek and lseek64 call: the
 * offset in two words, the new 64-bit position written to @uresult
 * (EFAULT, and then the position is not changed). Returns 0.
 */
long sys_llseek(unsigned long fd, unsigned long off_high,
		unsigned long off_low, unsigned long uresult,
		unsigned long whence)
{
	struct file *file = fget(fd);
	long long pos, off = (long long)((uint64_t)off_high << 32 | off_low);
	long err = do_lseek(file, off, whence, &pos);

	if (err)
		return err;
	if (copy_to_user((void *)uresult, &pos, sizeof(pos)))
		return -EFAULT;
	file->f_pos = pos;
	return 0;
}

/* struct iovec of the 32-bit ABI */
struct iovec32 {
	uint32_t iov_base;
	uint32_t iov_len;
};

#define UIO_MAXIOV 1024

/*
 * readv(2) and writev(2): read() or write() of each buffer in turn,
 * stopping at a short one. A descriptor not open for it is EBADF; then
 * the vector is checked, as Linux's import_iovec: more than UIO_MAXIOV
 * entries, or a total past 2 GiB, EINVAL; the vector itself or any
 * buffer outside user space, EFAULT.
 */
static long do_rw_vec(unsigned long fd, unsigned long uvec,
		      unsigned long count, bool write)
{
	struct iovec32 iov[16];
	unsigned long done = 0, total = 0;
	struct file *file = fget(fd);

	/* as Linux's do_readv/do_writev: the descriptor first */
	if (!file || !(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (count > UIO_MAXIOV)
		return -EINVAL;
	if (!access_ok(uvec, count * sizeof(iov[0])))
		return -EFAULT;
	for (unsigned long i = 0; i < count; i += 16) {	/* check them all */
		unsigned long n = min(count - i, 16UL);

		if (copy_from_user(iov, (char *)uvec + i * sizeof(iov[0]),
				   n * sizeof(iov[0])))
			return -EFAULT;
		for (unsigned long j = 0; j < n; j++) {
			if (iov[j].iov_len > 0x7fffffff - total)
				return -EINVAL;
			total += iov[j].iov_len;
			if (!access_ok(iov[j].iov_base, iov[j].iov_len))
				return -EFAULT;
		}
	}
	for (unsigned long i = 0; i < count; i++) {
		struct iovec32 v;
		long ret;

		if (copy_from_user(&v, (char *)uvec + i * sizeof(v), sizeof(v)))
			return done ? (long)done : -EFAULT;
		if (!v.iov_len)
			continue;
		ret = write ? sys_write(fd, v.iov_base, v.iov_len)
			    : sys_read(fd, v.iov_base, v.iov_len);
		if (ret < 0)
			return done ? (long)done : ret;
		done += ret;
		if ((unsigned long)ret < v.iov_len)
			break;
	}
	return done;
}

long sys_readv(unsigned long fd, unsigned long uvec, unsigned long count)
{
	return do_rw_vec(fd, uvec, count, false);
}

long sys_writev(unsigned long fd, unsigned long uvec, unsigned long count)
{
	return do_rw_vec(fd, uvec, count, true);
}

/*
 * ioctl(2): the file's own ioctl (the console's terminal requests,
 * kernel/console.c); a file without one is not a terminal: ENOTTY, as
 * Linux answers a terminal request on a file. EBADF.
 */
long sys_ioctl(unsigned long fd, unsigned long cmd, unsigned long arg)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	if (!file->f_op || !file->f_op->ioctl)
		return -ENOTTY;
	return file->f_op->ioctl(file, cmd, arg);
}

/*
 * readlinkat(2): the ramfs has no symbolic links; the one link topdown
 * has is /proc/self/exe, the program the task runs (what execve was
 * given). @bufsiz <= 0 is EINVAL; a name that is not a link EINVAL; one
 * that is not there ENOENT (or ENOTDIR, ENAMETOOLONG, EFAULT for the
 * path). Returns the bytes copied, without a NUL, cut at @bufsiz.
 */
long sys_readlinkat(unsigned long dirfd, unsigned long upath,
		    unsigned long ubuf, unsigned long bufsiz)
{
	char path[PATH_MAX];
	long err;
	size_t len;

	if ((long)bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dirfd, upath, path, false);
	if (err)
		return err;
	if (strcmp(path, "/proc/self/exe")) {
		if (ramfs_lookup(path))
			return -EINVAL;
		err = ramfs_walk_error(path);
		return err ? err : -ENOENT;
	}
	len = min(strlen(current->exe_path), (size_t)bufsiz);
	if (copy_to_user((void *)ubuf, current->exe_path, len))
		return -EFAULT;
	return len;
}

long sys_readlink(unsigned long upath, unsigned long ubuf, unsigned long bufsiz)
{
	return sys_readlinkat(AT_FDCWD, upath, ubuf, bufsiz);
}
