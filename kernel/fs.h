/*
 * kernel/fs.h - files as the mm code sees them: an inode (the object,
 * with its page cache) and an open file (an inode plus a position and an
 * access mode). Portable: the mm code and its host tests use these.
 */
#ifndef KERNEL_FS_H
#define KERNEL_FS_H

#include "kernel/kernel.h"
#include "mm/filemap.h"

struct file;
struct vm_area_struct;

/* i_mode types, as stat's st_mode */
/* The longest path a system call takes, with its NUL (Linux: 4096). */
#define PATH_MAX 64

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_IFREG 0100000
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

struct inode {
	unsigned long i_ino;
	unsigned int i_mode;
	unsigned long i_size;		/* bytes */
	int i_count;			/* references: open files, mappings */
	unsigned int i_nlink;		/* names in the filesystem: 0 for an
					 * unnamed object (shared anonymous
					 * memory), freed with its last
					 * reference; iput() */
	struct address_space i_data;	/* the page cache of this object */
	const char *i_name;		/* its path ("/bin/sh"), for reports */
	const struct file_operations *i_fop;
};

/* What an open file can do; NULL members are not supported. */
struct file_operations {
	/* Called by open() once the file exists: 0 or -errno. */
	int (*open)(struct file *file);
	long (*read)(struct file *file, char *ubuf, unsigned long len);
	long (*write)(struct file *file, const char *ubuf, unsigned long len);
	/* Check and prepare a mapping of @file (mmap): 0 or -errno. */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	void (*release)(struct file *file);
	/* ioctl(2) on it: the result or -errno (NULL: ENOTTY) */
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* poll(2): the POLL* bits it is ready for now (NULL: all of them) */
	unsigned int (*poll)(struct file *file);
};

/*
 * open() flags (f_flags), Linux's ARM values. O_TRUNC is not supported
 * (ignored): the ramfs cannot yet take pages away from tasks that map
 * them.
 */
#define O_ACCMODE 03
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_DIRECTORY 040000	/* fail unless it is a directory */
#define O_NOFOLLOW 0100000
#define O_DIRECT 0200000
#define O_LARGEFILE 0400000
#define O_NOATIME 01000000
#define O_CLOEXEC 02000000	/* the descriptor's FD_CLOEXEC */

/* *at() calls: a path relative to the working directory ("/" here) */
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_NO_AUTOMOUNT 0x800
#define AT_EMPTY_PATH 0x1000	/* "" names the descriptor itself */

/* f_mode bits */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2

struct file {
	struct inode *f_inode;
	struct address_space *f_mapping;	/* &f_inode->i_data */
	const struct file_operations *f_op;
	unsigned int f_mode;		/* FMODE_READ | FMODE_WRITE */
	unsigned int f_flags;		/* open()'s O_* flags */
	long long f_pos;
	int f_count;			/* descriptors and VMAs using it */
	void *private_data;
};

/* The inode an open file is on. */
static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

/*
 * Create the slab caches of struct file and struct inode. Call once at
 * boot, after kmem_cache_init(); panics when out of memory.
 */
void vfs_caches_init(void);

/*
 * new_inode - an unnamed inode (i_nlink 0), zeroed, with one reference
 * for the caller and an empty page cache whose host is the inode.
 * Returns: the inode, or NULL when out of memory.
 */
struct inode *new_inode(void);

/*
 * iget - take one more reference on @inode (Linux: ihold()).
 * Returns: @inode.
 */
struct inode *iget(struct inode *inode);

/*
 * iput - drop a reference on @inode. When the last one goes and no name
 * refers to it (i_nlink == 0), its cached pages and the inode are freed;
 * a named inode stays with its filesystem.
 */
void iput(struct inode *inode);

/*
 * alloc_file - open @inode: a new file with one reference (f_count 1),
 * position 0, mode @f_mode (FMODE_*), the inode's i_fop as f_op and its
 * page cache as f_mapping. Takes a reference on @inode, which fput()
 * drops with the file's last one.
 * Returns: the file, or NULL when out of memory.
 */
struct file *alloc_file(struct inode *inode, unsigned int f_mode);

/*
 * get_file - take one more reference on @file (a descriptor, a VMA).
 * Returns: @file.
 */
struct file *get_file(struct file *file);

/*
 * fput - drop a reference on @file; the last one calls f_op->release
 * (if any), drops the file's inode reference and frees the file.
 */
void fput(struct file *file);

/* Live objects of the two caches (for tests and `free`). */
unsigned long nr_files(void);
unsigned long nr_inodes(void);

#endif /* KERNEL_FS_H */
