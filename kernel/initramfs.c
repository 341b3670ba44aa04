/*
 * kernel/initramfs.c - as Linux does at boot: the cpio archive the boot
 * loader (here QEMU's generic loader) left in RAM is unpacked into the
 * in-memory filesystem, and the archive's pages are freed.
 */
#include "kernel/cpio.h"
#include "kernel/errno.h"
#include "kernel/initramfs.h"
#include "kernel/printk.h"
#include "kernel/ramfs.h"
#include "kernel/string.h"
#include "mm/page_alloc.h"

/* "./bin/sh", "bin/sh" -> "/bin/sh"; "." -> "" (the root: skip it). */
static void absolute_path(const char *name, char *out, size_t size)
{
	while (name[0] == '.' && (name[1] == '/' || name[1] == '\0'))
		name += name[1] ? 2 : 1;
	while (*name == '/')
		name++;
	snprintf(out, size, "%s%s", *name ? "/" : "", name);
}

int unpack_initramfs(const void *archive, size_t size, unsigned long phys)
{
	struct cpio_entry e;
	size_t offset = 0;
	int files = 0;
	unsigned long kib = 0;

	while (cpio_next(archive, size, &offset, &e) > 0) {
		char path[64];
		struct inode *inode;

		absolute_path(e.name, path, sizeof(path));
		if (!path[0])
			continue;
		switch (e.mode & CPIO_S_IFMT) {
		case CPIO_S_IFDIR:
			if (!ramfs_lookup(path) &&
			    !ramfs_create(path, S_IFDIR | (e.mode & 07777)))
				return -ENOMEM;
			break;
		case CPIO_S_IFREG:
			inode = ramfs_create(path, S_IFREG | (e.mode & 07777));
			if (!inode || ramfs_fill(inode, 0, e.data, e.size))
				return -ENOMEM;
			files++;
			kib += (e.size + 1023) / 1024;
			break;
		default:
			printk("initramfs: %s: not a file or directory, skipped\n",
			       path);
		}
	}
	printk("initramfs: %d files, %lu KiB, unpacked into the ramfs; "
	       "%lu KiB of archive freed\n", files, kib,
	       free_reserved_range(phys, phys + size) * (PAGE_SIZE / 1024));
	return files;
}
