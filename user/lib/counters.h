/*
 * user/lib/counters.h - the page counters of /proc/vmstat, and how to
 * measure them exactly.
 *
 * Linux's counters: nr_free_pages (free physical pages), pgfault (page
 * faults handled), nr_page_table_pages. topdown's own, which Linux does
 * not have:
 *
 *	td_zero_page_maps	read faults answered with the shared zero page
 *	td_anon_page_allocs	fresh zeroed pages allocated by faults on
 *				anonymous memory
 *	td_cow_copies		private copies made by write faults (of a
 *				page-cache page, or of an anonymous page
 *				shared with another process after fork)
 *	td_slab_objects		objects handed out by all slab caches now
 *				(VMAs, mm_structs, tasks, files ...)
 *
 * and on topdown nr_page_table_pages counts L2 tables in use.
 *
 * The counters are system-wide. A test that wants an exact difference
 * must not fault on anything else between its two readings: its code,
 * stack, .data and .bss (which hold the reading buffer and stdout's)
 * must be present and written already. counters_prefault() does that;
 * call it at the start (and again in a child after fork, whose first
 * writes make private copies). Then pgfault rises by exactly the faults
 * the test makes, on topdown and on Linux alike.
 */
#ifndef USER_LIB_COUNTERS_H
#define USER_LIB_COUNTERS_H

#include <limits.h>
#include <stdbool.h>

/* One reading of /proc/vmstat; -1 for a counter the kernel lacks. */
struct vm_counters {
	long nr_free_pages;
	long pgfault;
	long page_table_pages;		/* nr_page_table_pages */
	long zero_page_maps;		/* td_zero_page_maps */
	long anon_page_allocs;		/* td_anon_page_allocs */
	long cow_copies;		/* td_cow_copies */
	long slab_objects;		/* td_slab_objects */
};

/*
 * What a test expects to change between two readings. A field left out
 * of CHECK_DELTAS() is 0: the window must not change it. ANY_DELTA: not
 * checked.
 */
struct vm_deltas {
	long faults;			/* pgfault */
	long zero;			/* td_zero_page_maps */
	long anon;			/* td_anon_page_allocs */
	long cow;			/* td_cow_copies */
	long tables;			/* nr_page_table_pages */
};

#define ANY_DELTA LONG_MIN

/*
 * Check the change from reading @a to reading @b, e.g.
 *
 *	CHECK_DELTAS(&a, &b, .faults = 4, .cow = 4);
 *
 * pgfault is checked on every kernel; the td_* counters and
 * nr_page_table_pages only on topdown (Linux counts page-table pages,
 * not L2 tables). A failure names the counter, expected and seen.
 */
#define CHECK_DELTAS(a, b, ...) \
	counters_check(__FILE__, __LINE__, (a), (b), \
		       (struct vm_deltas){ __VA_ARGS__ })

void counters_check(const char *file, int line, const struct vm_counters *a,
		    const struct vm_counters *b, struct vm_deltas want);

/*
 * Read /proc/vmstat (mounting /proc on Linux if needed) into @c.
 * Returns false when it cannot be read at all.
 */
bool counters_read(struct vm_counters *c);

/* True when @c came from a kernel with topdown's td_* counters. */
bool counters_topdown(const struct vm_counters *c);

/*
 * Make the program's own memory present: every page of its code and
 * read-only data read, every page of .data and .bss and of the stack
 * (from its top down to 64 KiB below the caller's frame) written, and
 * the counters read once, so that reading them (and printing) later
 * faults on nothing.
 */
void counters_prefault(void);

#endif /* USER_LIB_COUNTERS_H */
