/*
 * kernel/readdir.c - getdents64: the names in a directory, for readdir()
 * of any C library.
 *
 * A directory's position (f_pos) counts entries: 0 is ".", 1 is "..",
 * then the ramfs's entries of that directory in the order they were
 * made (ramfs_child). Each record is a struct linux_dirent64, 8-byte
 * aligned; d_off is the position of the next one, as lseek would take it
 * (topdown's lseek on a directory sets f_pos like any other).
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/ramfs.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];		/* NUL-terminated, padded to 8 bytes */
};

/* d_type values (include/linux/fs_types.h, DT_*) */
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8

static unsigned char dt_type(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return DT_DIR;
	case S_IFCHR: return DT_CHR;
	case S_IFIFO: return DT_FIFO;
	default: return DT_REG;
	}
}

/* The parent directory of @path ("/a/b" -> "/a", "/a" -> "/"). */
static struct inode *parent_of(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = path;
	size_t n;

	for (const char *p = path; *p; p++)
		if (*p == '/')
			slash = p;
	n = slash != path ? (size_t)(slash - path) : 1;

	memcpy(dir, path, n);
	dir[n] = '\0';
	return ramfs_lookup(dir);
}

/* Entry @pos of directory @dir: its inode and name, or NULL at the end. */
static struct inode *entry(struct inode *dir, unsigned long pos,
			   const char **name)
{
	if (pos == 0) {
		*name = ".";
		return dir;
	}
	if (pos == 1) {
		*name = "..";
		return parent_of(dir->i_name);
	}
	return ramfs_child(dir->i_name, pos - 2, name);
}

/*
 * getdents64(2): as many whole records as fit in @count bytes at @ubuf,
 * from the directory's position on. Returns the bytes written, 0 at the
 * end; EBADF, ENOTDIR, EINVAL when not even one record fits, EFAULT when
 * the first does not reach @ubuf (records already written count).
 */
long sys_getdents64(unsigned long fd, unsigned long ubuf, unsigned long count)
{
	struct file *file = fget(fd);
	unsigned long done = 0;
	struct inode *dir, *inode;
	const char *name;
	char rec[sizeof(struct linux_dirent64) + PATH_MAX + 8];

	if (!file)
		return -EBADF;
	dir = file->f_inode;
	if (!S_ISDIR(dir->i_mode) || !dir->i_name)
		return -ENOTDIR;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	while ((inode = entry(dir, file->f_pos, &name))) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
		size_t len = strlen(name);
		size_t reclen = (sizeof(*d) + len + 1 + 7) & ~7UL;

		if (done + reclen > count) {
			if (!done)
				return -EINVAL;
			break;
		}
		memset(rec, 0, reclen);
		d->d_ino = inode->i_ino;
		d->d_off = file->f_pos + 1;
		d->d_reclen = reclen;
		d->d_type = dt_type(inode->i_mode);
		memcpy(d->d_name, name, len);
		if (copy_to_user((char *)ubuf + done, rec, reclen))
			return done ? (long)done : -EFAULT;
		done += reclen;
		file->f_pos++;
	}
	return done;
}
