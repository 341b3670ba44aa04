/*
 * kernel/file.c - reference counting of open files and inodes.
 *
 *   task->files[fd] --+
 *   vma->vm_file -----+--> struct file --f_inode--> struct inode
 *   (each holds one        f_count                   i_count
 *    f_count)                                         i_data: page cache
 *
 * A file is freed with its last reference (fput), and gives up its one
 * reference on the inode then. An inode with a name in the filesystem
 * (i_nlink > 0) lives on with the filesystem when nothing has it open;
 * an unnamed one (the object behind a MAP_SHARED|MAP_ANONYMOUS mapping,
 * mm/shmem.c) is freed with its pages when its last reference goes, as
 * Linux's iput() does for an unlinked inode.
 *
 * Portable: compiled into the kernel and into the host tests.
 */
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/slab.h"

static struct kmem_cache *filp_cachep;
static struct kmem_cache *inode_cachep;

/*
 * vfs_caches_init - create the file and inode caches.
 * Panics when out of memory (at boot).
 */
void vfs_caches_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0);
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0);
	if (!filp_cachep || !inode_cachep)
		panic("vfs_caches_init: out of memory");
}

/* new_inode - Returns: an unnamed inode with one reference, or NULL. */
struct inode *new_inode(void)
{
	static unsigned long last_ino = 0x10000000;	/* apart from ramfs' */
	struct inode *inode = kmem_cache_zalloc(inode_cachep);

	if (!inode)
		return NULL;
	inode->i_ino = ++last_ino;
	inode->i_count = 1;
	inode->i_data.host = inode;
	return inode;
}

/*
 * iget - Returns: @inode, with one more reference. A named inode may be
 * at 0 (kept by its filesystem); an unnamed one at 0 is already freed.
 */
struct inode *iget(struct inode *inode)
{
	BUG_ON(inode->i_count < 0 || (inode->i_count == 0 && !inode->i_nlink));
	inode->i_count++;
	return inode;
}

/*
 * iput - drop a reference; the last one on an unnamed inode frees its
 * pages and the inode (see kernel/fs.h).
 */
void iput(struct inode *inode)
{
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count > 0 || inode->i_nlink > 0)
		return;
	truncate_inode_pages(&inode->i_data);
	kmem_cache_free(inode_cachep, inode);
}

/* alloc_file - Returns: a new open file on @inode, or NULL on OOM. */
struct file *alloc_file(struct inode *inode, unsigned int f_mode)
{
	struct file *file = kmem_cache_zalloc(filp_cachep);

	if (!file)
		return NULL;
	file->f_inode = iget(inode);
	file->f_mapping = &inode->i_data;
	file->f_op = inode->i_fop;
	file->f_mode = f_mode;
	file->f_count = 1;
	return file;
}

/* get_file - Returns: @file, with one more reference. */
struct file *get_file(struct file *file)
{
	BUG_ON(file->f_count <= 0);
	file->f_count++;
	return file;
}

/*
 * fput - drop a reference; the last one releases the file and its inode
 * reference.
 */
void fput(struct file *file)
{
	struct inode *inode = file->f_inode;

	BUG_ON(file->f_count <= 0);
	if (--file->f_count > 0)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file);
	kmem_cache_free(filp_cachep, file);
	iput(inode);
}

/* nr_files - Returns: open files in existence. */
unsigned long nr_files(void)
{
	return filp_cachep ? filp_cachep->nr_active : 0;
}

/* nr_inodes - Returns: inodes from new_inode() in existence. */
unsigned long nr_inodes(void)
{
	return inode_cachep ? inode_cachep->nr_active : 0;
}
