/*
 * kernel/cpio.h - reading a "newc" cpio archive (the initramfs format).
 *
 * Each member is a 110-byte ASCII header ("070701", then 13 fields of 8
 * hex digits), its name (NUL-terminated), padding to 4 bytes, its data,
 * padding to 4 bytes. The member named "TRAILER!!!" ends the archive.
 * Portable: host-tested.
 */
#ifndef KERNEL_CPIO_H
#define KERNEL_CPIO_H

#include "kernel/kernel.h"

struct cpio_entry {
	const char *name;	/* "bin/sh" (as stored, maybe "./bin/sh") */
	unsigned int mode;	/* type and permission bits, as stat's */
	const void *data;
	size_t size;
};

#define CPIO_S_IFMT 0170000
#define CPIO_S_IFDIR 0040000
#define CPIO_S_IFREG 0100000

/*
 * Decode the member at *@offset of the @size-byte @archive into @e and
 * advance *@offset past it. Returns 1 for a member, 0 at the trailer,
 * -EINVAL for anything malformed (bad magic, a field or the data running
 * past the end).
 */
int cpio_next(const void *archive, size_t size, size_t *offset,
	      struct cpio_entry *e);

/* The archive's length up to and including its trailer, or 0 if invalid. */
size_t cpio_length(const void *archive, size_t max);

#endif /* KERNEL_CPIO_H */
