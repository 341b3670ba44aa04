/*
 * kernel/ramfs.h - the in-memory filesystem the initramfs is unpacked
 * into. A file's contents live only in its page cache (as with Linux's
 * ramfs): the pages read(), write() and mmap() all use.
 */
#ifndef KERNEL_RAMFS_H
#define KERNEL_RAMFS_H

#include "kernel/fs.h"

/*
 * The inode at the absolute @path ("/bin/sh"), or NULL. "." and "//"
 * are not understood: paths are as the initramfs names them.
 */
struct inode *ramfs_lookup(const char *path);

/*
 * Why @path names nothing, as Linux's path walk would say before it looks
 * for the last component: -ENOENT if a directory on the way is missing,
 * -ENOTDIR if something on the way is not a directory ("/data/f.txt/x",
 * or "/data/f.txt/"), 0 if every directory on the way is there.
 */
int ramfs_walk_error(const char *path);

/*
 * A new empty inode of @mode at @path (its directory is created too if
 * missing). Returns it, or NULL when out of memory or the path is taken.
 */
struct inode *ramfs_create(const char *path, unsigned int mode);

/* Write @len bytes at @pos of @inode's page cache; 0 or -ENOMEM. */
int ramfs_fill(struct inode *inode, unsigned long pos, const void *data,
	       unsigned long len);

/*
 * The @index-th entry (from 0, in creation order) of the directory at
 * @dir: its inode, and in *@name its last component. NULL past the end.
 */
struct inode *ramfs_child(const char *dir, unsigned long index,
			  const char **name);

/* Call @fn for every inode, in creation order. */
void ramfs_for_each(void (*fn)(struct inode *inode, void *arg), void *arg);

extern const struct file_operations ramfs_file_operations;
extern const struct file_operations ramfs_dir_operations;

#endif /* KERNEL_RAMFS_H */
