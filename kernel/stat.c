/*
 * kernel/stat.c - what a file is: fstat64, stat64, lstat64, fstatat64 and
 * statx, all from the one inode behind a descriptor or a path.
 *
 * The ramfs has no owners, times or links: every file is root's (uid and
 * gid 0), all times are 0, a file has one name (st_nlink 1; a directory
 * 2), and the ramfs has no symbolic links, so lstat is stat and
 * AT_SYMLINK_NOFOLLOW changes nothing. Files of the ramfs are on device
 * 0:1, as /proc/PID/maps says; /dev/console is the character device 5:1.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/ramfs.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"

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

/* struct statx (include/uapi/linux/stat.h): the same facts, 256 bytes. */
struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct statx {
	uint32_t stx_mask;		/* what was filled in: STATX_* */
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor;
	uint32_t stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align, stx_dio_offset_align;
	uint64_t __spare3[12];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx size");
_Static_assert(__builtin_offsetof(struct statx, stx_rdev_major) == 128,
	       "struct statx stx_rdev_major");

#define STATX_BASIC_STATS 0x7ff		/* type ... blocks, without btime */
#define STATX__RESERVED 0x80000000
#define AT_STATX_SYNC_TYPE 0x6000	/* both bits: EINVAL */

/* The facts of one inode, before they go into either structure. */
struct kstat {
	unsigned long ino;
	unsigned int mode, nlink;
	unsigned int dev_major, dev_minor, rdev_major, rdev_minor;
	unsigned long size;
};

static void inode_stat(const struct inode *inode, struct kstat *k)
{
	memset(k, 0, sizeof(*k));
	k->ino = inode->i_ino;
	k->mode = inode->i_mode;
	k->nlink = S_ISDIR(inode->i_mode) ? 2 : 1;
	k->size = inode->i_size;
	if (inode->i_name)
		k->dev_minor = 1;	/* the ramfs: 0:1 */
	if (S_ISCHR(inode->i_mode)) {
		k->rdev_major = 5;	/* /dev/console */
		k->rdev_minor = 1;
	}
}

static long put_stat64(const struct kstat *k, unsigned long ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = (k->dev_major << 8) | k->dev_minor;
	st.__st_ino = st.st_ino = k->ino;
	st.st_mode = k->mode;
	st.st_nlink = k->nlink;
	st.st_rdev = (k->rdev_major << 8) | k->rdev_minor;
	st.st_size = k->size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = (k->size + 511) / 512;
	if (copy_to_user((void *)ubuf, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

/* The inode at the resolved path @path: 0 and *@out, or -errno. */
static long lookup(const char *path, struct inode **out)
{
	int err;

	*out = ramfs_lookup(path);
	if (*out)
		return 0;
	err = ramfs_walk_error(path);
	return err ? err : -ENOENT;
}

/*
 * The inode a *at() call names: @dirfd and @upath as openat takes them;
 * with AT_EMPTY_PATH in @flags, "" is the descriptor @dirfd itself
 * (which may be a pipe, with no name). 0 and *@out, or -errno.
 */
static long inode_at(unsigned long dirfd, unsigned long upath,
		     unsigned long flags, struct inode **out)
{
	char path[PATH_MAX], first[2];
	long err;

	if ((flags & AT_EMPTY_PATH) && (int)dirfd != AT_FDCWD &&
	    strncpy_from_user(first, (const char *)upath, 2) == 0) {
		struct file *file = fget(dirfd);

		if (!file)
			return -EBADF;
		*out = file->f_inode;
		return 0;
	}
	err = user_path_at(dirfd, upath, path, flags & AT_EMPTY_PATH);
	return err ? err : lookup(path, out);
}

/* fstat64(2): EBADF, EFAULT. */
long sys_fstat64(unsigned long fd, unsigned long ubuf)
{
	struct file *file = fget(fd);
	struct kstat k;

	if (!file)
		return -EBADF;
	inode_stat(file->f_inode, &k);
	return put_stat64(&k, ubuf);
}

/* stat64(2) and lstat64(2) (the same: no symbolic links here). */
long sys_stat64(unsigned long upath, unsigned long ubuf)
{
	return sys_fstatat64(AT_FDCWD, upath, ubuf, 0);
}

/*
 * fstatat64(2): a path as openat takes it; flags AT_SYMLINK_NOFOLLOW,
 * AT_NO_AUTOMOUNT, AT_EMPTY_PATH, any other bit EINVAL. ENOENT, ENOTDIR,
 * EBADF, ENAMETOOLONG, EFAULT as Linux.
 */
long sys_fstatat64(unsigned long dirfd, unsigned long upath,
		   unsigned long ubuf, unsigned long flags)
{
	struct inode *inode;
	struct kstat k;
	long err;

	if (flags & ~(unsigned long)(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT |
				     AT_EMPTY_PATH))
		return -EINVAL;
	err = inode_at(dirfd, upath, flags, &inode);
	if (err)
		return err;
	inode_stat(inode, &k);
	return put_stat64(&k, ubuf);
}

/*
 * statx(2): the same facts as fstatat64 in struct statx, whatever @mask
 * asks (STATX__RESERVED: EINVAL): stx_mask says what is there, the
 * basic stats. @flags as fstatat64 takes them, plus the sync type (both
 * bits at once: EINVAL).
 */
long sys_statx(unsigned long dirfd, unsigned long upath, unsigned long flags,
	       unsigned long mask, unsigned long ubuf)
{
	struct inode *inode;
	struct statx stx;
	struct kstat k;
	long err;

	if (flags & ~(unsigned long)(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT |
				     AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	err = inode_at(dirfd, upath, flags, &inode);
	if (err)
		return err;
	inode_stat(inode, &k);
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS;
	stx.stx_blksize = PAGE_SIZE;
	stx.stx_nlink = k.nlink;
	stx.stx_mode = k.mode;
	stx.stx_ino = k.ino;
	stx.stx_size = k.size;
	stx.stx_blocks = (k.size + 511) / 512;
	stx.stx_rdev_major = k.rdev_major;
	stx.stx_rdev_minor = k.rdev_minor;
	stx.stx_dev_major = k.dev_major;
	stx.stx_dev_minor = k.dev_minor;
	if (copy_to_user((void *)ubuf, &stx, sizeof(stx)))
		return -EFAULT;
	return 0;
}
