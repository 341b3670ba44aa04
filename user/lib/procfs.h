/*
 * user/lib/procfs.h - reading what the kernel shows in /proc: whole
 * files, "name value" lines, and the lines of /proc/self/maps.
 *
 * topdown generates its /proc files when they are opened (the text is a
 * snapshot taken at open) and always has them. Linux has them only where
 * procfs is mounted: proc_ensure() mounts it on /proc when it is missing
 * (we run as root, as /init, under make check-linux).
 */
#ifndef USER_LIB_PROCFS_H
#define USER_LIB_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Make sure /proc/self/maps can be opened, mounting procfs on /proc
 * (Linux) if needed. Returns true when it can.
 */
bool proc_ensure(void);

/*
 * Read the whole file @path into @buf (at most @size - 1 bytes), and end
 * it with a NUL. Returns the length, or -errno (ENOENT: no such file;
 * EFBIG: it did not fit).
 */
long proc_read(const char *path, char *buf, size_t size);

/*
 * Write the text @text to the file @path (e.g. "1" to a /proc/sys
 * switch). Returns 0 or -errno.
 */
long proc_write(const char *path, const char *text);

/*
 * Find the line of @text that starts with @name followed by blanks or
 * ':' (both "pgfault 12" and "MemFree:  1234 kB" work) and store its
 * number in *@value. Returns false when there is no such line.
 */
bool proc_value(const char *text, const char *name, long *value);

/* One line of /proc/PID/maps: start-end perms offset dev inode name. */
struct map_entry {
	unsigned long start, end;
	char perms[5];			/* "rw-p" */
	unsigned long long offset;	/* 64 bits, as Linux's loff_t */
	char name[64];			/* "[stack]", "/data/pages.txt", "" */
};

/*
 * Parse the maps line at @line into @e. Returns a pointer to the next
 * line, or NULL at the end of the text.
 */
const char *maps_parse_line(const char *line, struct map_entry *e);

/*
 * Find the mapping of /proc/self/maps that contains @addr. Returns false
 * when no mapping does (or the file cannot be read).
 */
bool maps_find(unsigned long addr, struct map_entry *e);

/*
 * Find the first mapping of /proc/self/maps named @name ("[stack]").
 * Returns false when there is none.
 */
bool maps_find_name(const char *name, struct map_entry *e);

/*
 * An address where nothing is mapped and nothing will be: 256 MiB above
 * the break, in the middle of the free space between the heap (small)
 * and the mmap area (which grows down from mmap_base). Checked against
 * /proc/self/maps. Returns 0 if that address is mapped after all.
 */
unsigned long unmapped_page(void);

/*
 * /proc/PID/pagemap: 8 bytes per virtual page (the same bits on topdown
 * and Linux; Documentation/admin-guide/mm/pagemap.rst).
 */
#define PM_PRESENT (1ULL << 63)
#define PM_FILE (1ULL << 61)		/* page cache (file or shmem) */
#define PM_MMAP_EXCLUSIVE (1ULL << 56)	/* mapped once */
#define PM_PFN(e) ((unsigned long)((e) & ((1ULL << 55) - 1)))

/*
 * Read the pagemap entry of @addr in task @pid (0: self) into *@entry.
 * Returns 0 or -errno (of open, lseek or read; -EIO for a short read).
 */
long pagemap_read(int pid, unsigned long addr, uint64_t *entry);

/*
 * Find the line "@name: N kB" in the /proc/self/smaps block of the VMA
 * that starts at @start and store N in *@kb. Returns false when there is
 * no such VMA or line.
 */
bool smaps_value(unsigned long start, const char *name, long *kb);

#endif /* USER_LIB_PROCFS_H */
