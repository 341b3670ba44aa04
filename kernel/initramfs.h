/*
 * kernel/initramfs.h - unpacking the initramfs into the ramfs at boot.
 */
#ifndef KERNEL_INITRAMFS_H
#define KERNEL_INITRAMFS_H

#include "kernel/kernel.h"

/*
 * Create a ramfs file or directory for every member of the newc archive
 * at @archive (@size bytes, already validated), then give its memory back
 * to the page allocator. Returns the number of files, or -ENOMEM.
 */
int unpack_initramfs(const void *archive, size_t size, unsigned long phys);

#endif /* KERNEL_INITRAMFS_H */
