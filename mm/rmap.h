/*
 * mm/rmap.h - how many PTEs map a page, and what kind of page it is.
 *
 * Linux keeps a reverse map (which PTEs map a page) and its count,
 * page->_mapcount; the names below are Linux's, but topdown keeps only
 * the count: every set_pte_at() that maps a page is paired with
 * page_add_rmap(), every PTE removed or replaced with page_remove_rmap().
 * (Linux stores the count minus one; struct page here stores it as is.)
 */
#ifndef MM_RMAP_H
#define MM_RMAP_H

#include "kernel/printk.h"
#include "mm/page_alloc.h"

/* One more PTE maps @page. */
static inline void page_add_rmap(struct page *page)
{
	page->_mapcount++;
}

/* One PTE less maps @page. */
static inline void page_remove_rmap(struct page *page)
{
	BUG_ON(page->_mapcount <= 0);
	page->_mapcount--;
}

/*
 * Is @page an anonymous page: made by a fault for one address space's
 * private memory (fresh, or a copy), owned by the PTEs that map it? The
 * other pages a PTE can map are page-cache pages (page->mapping set) and
 * the zero page.
 */
static inline bool PageAnon(const struct page *page)
{
	return !page->mapping && !PageZero(page);
}

#endif /* MM_RMAP_H */
