/*
 * mm/vmstat.c - the mm event counters and their names (see vmstat.h).
 */
#include "kernel/printk.h"
#include "mm/vmstat.h"

unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

const char *const vmstat_text[NR_VM_EVENT_ITEMS] = {
	[PGFAULT] = "pgfault",
	[TD_ZERO_PAGE_MAPS] = "td_zero_page_maps",
	[TD_ANON_PAGE_ALLOCS] = "td_anon_page_allocs",
	[TD_COW_COPIES] = "td_cow_copies",
	[TD_COW_REUSES] = "td_cow_reuses",
	[TD_FILE_PAGE_MAPS] = "td_file_page_maps",
	[TD_PAGECACHE_ADDS] = "td_pagecache_adds",
	[TD_STACK_GROWS] = "td_stack_grows",
	[TD_FAULT_OOM] = "td_fault_oom",
	[TD_FAULT_SIGBUS] = "td_fault_sigbus",
	[TD_FAULT_SIGSEGV] = "td_fault_sigsegv",
	[TD_PAGES_ZAPPED] = "td_pages_zapped",
	[TD_FORK_PTES] = "td_fork_ptes",
	[TD_PTES_MOVED] = "td_ptes_moved",
};

/*
 * vmstat_show - print each counter as "name value", one a line.
 */
void vmstat_show(void)
{
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		printk("%s %lu\n", vmstat_text[i], vm_event_states[i]);
}
