/*
 * kernel/ramfs.c - see ramfs.h.
 *
 * The whole filesystem is a list of inodes, each named by its full path:
 * a few dozen files, looked up by a linear scan. Directories exist only
 * so that a path has somewhere to be; they hold nothing themselves.
 */
#include "kernel/errno.h"
#include "kernel/list.h"
#include "kernel/printk.h"
#include "kernel/ramfs.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

struct ramfs_inode {
	struct inode inode;
	struct list_head link;
	char path[64];
};

static LIST_HEAD(inodes);
static unsigned long next_ino = 1;

struct inode *ramfs_lookup(const char *path)
{
	struct ramfs_inode *ri;

	list_for_each_entry(ri, &inodes, link)
		if (!strcmp(ri->path, path))
			return &ri->inode;
	return NULL;
}

int ramfs_walk_error(const char *path)
{
	char dir[PATH_MAX];
	const char *p;

	for (p = path; *p; p++) {
		size_t n = (size_t)(p - path);
		struct inode *inode;

		if (*p != '/' || p == path)
			continue;
		if (n >= sizeof(dir))
			return -ENAMETOOLONG;
		memcpy(dir, path, n);
		dir[n] = '\0';
		inode = ramfs_lookup(dir);
		if (!inode)
			return -ENOENT;
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
	}
	return 0;
}

/* Is @path ("/a/b") directly in the directory @dir ("/a", or "/")? */
static bool in_dir(const char *path, const char *dir, const char **name)
{
	size_t n = strlen(dir);

	if (!strcmp(dir, "/"))
		n = 0;
	else if (strncmp(path, dir, n))
		return false;
	if (path[n] != '/' || !path[n + 1] || strchr(path + n + 1, '/'))
		return false;
	*name = path + n + 1;
	return true;
}

struct inode *ramfs_child(const char *dir, unsigned long index,
			  const char **name)
{
	struct ramfs_inode *ri;

	list_for_each_entry(ri, &inodes, link)
		if (in_dir(ri->path, dir, name) && index-- == 0)
			return &ri->inode;
	return NULL;
}

void ramfs_for_each(void (*fn)(struct inode *inode, void *arg), void *arg)
{
	struct ramfs_inode *ri;

	list_for_each_entry(ri, &inodes, link)
		fn(&ri->inode, arg);
}

/* Make sure the directory holding @path exists ("/a/b/c" -> "/a/b"). */
static bool make_parent(const char *path)
{
	char dir[64];
	const char *slash = path, *p;
	size_t n;

	for (p = path; *p; p++)
		if (*p == '/')
			slash = p;
	n = slash - path;
	if (n == 0)	/* in "/": the root, made with the first name in it */
		return !strcmp(path, "/") || ramfs_lookup("/") ||
		       ramfs_create("/", S_IFDIR | 0755);
	memcpy(dir, path, n);
	dir[n] = '\0';
	return ramfs_lookup(dir) || ramfs_create(dir, S_IFDIR | 0755);
}

struct inode *ramfs_create(const char *path, unsigned int mode)
{
	struct ramfs_inode *ri;

	if (path[0] != '/' || strlen(path) >= sizeof(ri->path) ||
	    ramfs_lookup(path) || !make_parent(path))
		return NULL;
	ri = kzalloc(sizeof(*ri));
	if (!ri)
		return NULL;
	strncpy(ri->path, path, sizeof(ri->path));
	ri->inode.i_ino = next_ino++;
	ri->inode.i_mode = mode;
	ri->inode.i_count = 1;		/* the filesystem's own reference */
	ri->inode.i_nlink = 1;		/* it has a name: never freed */
	ri->inode.i_name = ri->path;
	ri->inode.i_data.host = &ri->inode;
	ri->inode.i_fop = S_ISREG(mode) ? &ramfs_file_operations :
			  S_ISDIR(mode) ? &ramfs_dir_operations : NULL;
	list_add_tail(&ri->link, &inodes);
	return &ri->inode;
}

int ramfs_fill(struct inode *inode, unsigned long pos, const void *data,
	       unsigned long len)
{
	const char *src = data;

	while (len) {
		unsigned long off = offset_in_page(pos);
		unsigned long n = min(len, PAGE_SIZE - off);
		struct page *page = find_or_create_page(&inode->i_data,
							pos >> PAGE_SHIFT);

		if (!page)
			return -ENOMEM;
		memcpy((char *)page_address(page) + off, src, n);
		SetPageDirty(page);	/* as Linux's unpacking by write() */
		put_page(page);
		pos += n;
		src += n;
		len -= n;
		if (pos > inode->i_size)
			inode->i_size = pos;
	}
	return 0;
}

/*
 * read(): copy from the page cache to the user, up to the end of the
 * file. A page that was never written reads as zeros.
 */
static long ramfs_read(struct file *file, char *ubuf, unsigned long len)
{
	struct inode *inode = file->f_inode;
	unsigned long done = 0;

	if (file->f_pos >= (long long)inode->i_size)
		return 0;
	len = min(len, inode->i_size - (unsigned long)file->f_pos);
	while (done < len) {
		unsigned long pos = file->f_pos + done;
		unsigned long off = offset_in_page(pos);
		unsigned long n = min(len - done, PAGE_SIZE - off);
		struct page *page = find_get_page(&inode->i_data,
						  pos >> PAGE_SHIFT);
		unsigned long left;

		if (page) {
			left = copy_to_user(ubuf + done,
					    (char *)page_address(page) + off, n);
			put_page(page);
		} else {
			left = clear_user(ubuf + done, n);
		}
		done += n - left;
		if (left)
			break;
	}
	if (!done && len)
		return -EFAULT;
	file->f_pos += done;
	return done;
}

/* write(): into the page cache, growing the file as needed. */
static long ramfs_write(struct file *file, const char *ubuf,
			unsigned long len)
{
	struct inode *inode = file->f_inode;
	unsigned long done = 0;

	while (done < len) {
		unsigned long pos = file->f_pos + done;
		unsigned long off = offset_in_page(pos);
		unsigned long n = min(len - done, PAGE_SIZE - off);
		struct page *page = find_or_create_page(&inode->i_data,
							pos >> PAGE_SHIFT);
		unsigned long left;

		if (!page)
			return done ? (long)done : -ENOMEM;
		left = copy_from_user((char *)page_address(page) + off,
				      ubuf + done, n);
		SetPageDirty(page);
		put_page(page);
		done += n - left;
		if (pos + n - left > inode->i_size)
			inode->i_size = pos + n - left;
		if (left)
			break;
	}
	if (!done && len)
		return -EFAULT;
	file->f_pos += done;
	return done;
}

/* Any regular file may be mapped; the fault path does the rest. */
static int ramfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = ramfs_mmap,
};


/* A directory is read with getdents64 (kernel/readdir.c), never read(). */
static long ramfs_dir_read(struct file *file, char *ubuf, unsigned long len)
{
	return -EISDIR;
}

const struct file_operations ramfs_dir_operations = {
	.read = ramfs_dir_read,
};
