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
 *
 * and on topdown nr_page_table_pages counts L2 tables in use.
 *
 * The counters are system-wide. A test that wants an exact difference
 * must not fault on anything else between its two readings: its stack,
 * .data and .bss (which hold the reading buffer and stdout's) must be
 * present and written already. counters_prefault() does that; call it
 * at the start (and again in a child after fork, whose first writes make
 * private copies).
 */
#ifndef USER_LIB_COUNTERS_H
#define USER_LIB_COUNTERS_H

#include <stdbool.h>

/* One reading of /proc/vmstat; -1 for a counter the kernel lacks. */
struct vm_counters {
	long nr_free_pages;
	long pgfault;
	long page_table_pages;		/* nr_page_table_pages */
	long zero_page_maps;		/* td_zero_page_maps */
	long anon_page_allocs;		/* td_anon_page_allocs */
	long cow_copies;		/* td_cow_copies */
};

/*
 * Read /proc/vmstat (mounting /proc on Linux if needed) into @c.
 * Returns false when it cannot be read at all.
 */
bool counters_read(struct vm_counters *c);

/* True when @c came from a kernel with topdown's td_* counters. */
bool counters_topdown(const struct vm_counters *c);

/*
 * Make the program's own memory present and written: every page of
 * .data and .bss, and 64 KiB of stack below the caller's frame, so that
 * reading counters (and printing) later faults on nothing.
 */
void counters_prefault(void);

#endif /* USER_LIB_COUNTERS_H */
