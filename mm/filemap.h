/*
 * mm/filemap.h - the page cache: the pages holding a file's (or a shared
 * anonymous object's) contents, one physical page per (object, index).
 *
 * Every mapping of a file, every read() and write() goes through the same
 * page, so a MAP_SHARED write is seen by read() and by every other task
 * mapping the page. Portable.
 */
#ifndef MM_FILEMAP_H
#define MM_FILEMAP_H

#include "kernel/kernel.h"

struct page;
struct inode;

/*
 * The cached pages of one object, by page index (pages[i] holds bytes
 * [i * PAGE_SIZE, (i+1) * PAGE_SIZE) of it, or is NULL).
 */
struct address_space {
	struct inode *host;		/* the object the pages belong to */
	struct page **pages;		/* kmalloc'd array of nr_slots */
	unsigned long nr_slots;
	unsigned long nrpages;		/* pages cached now */
};

/*
 * The page at @index, with a reference taken for the caller, or NULL if
 * it is not cached.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index);

/*
 * The page at @index with a reference for the caller; when it is not
 * cached, a new zeroed page is added first. NULL when out of memory.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index);

/* Drop every cached page (the object is going away). */
void truncate_inode_pages(struct address_space *mapping);

#endif /* MM_FILEMAP_H */
