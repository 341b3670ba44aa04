/*
 * Host tests of mm/vmstat.c: every counter has its /proc/vmstat name,
 * the names the issue and the benchmarks rely on are spelt as they are.
 */
#include "mm/vmstat.h"
#include "tests/host/test.h"

TEST(every_counter_has_a_distinct_name)
{
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++) {
		CHECK(vmstat_text[i] != NULL);
		for (int j = 0; j < i; j++)
			if (vmstat_text[i] && vmstat_text[j] &&
			    !strcmp(vmstat_text[i], vmstat_text[j]))
				check_failed(__FILE__, __LINE__,
					     "%d and %d are both \"%s\"", i, j,
					     vmstat_text[i]);
	}
	CHECK_STREQ(vmstat_text[PGFAULT], "pgfault");
	CHECK_STREQ(vmstat_text[TD_ZERO_PAGE_MAPS], "td_zero_page_maps");
	CHECK_STREQ(vmstat_text[TD_ANON_PAGE_ALLOCS], "td_anon_page_allocs");
	CHECK_STREQ(vmstat_text[TD_COW_COPIES], "td_cow_copies");
}

TEST(count_vm_events_adds_to_one_counter_only)
{
	unsigned long before[NR_VM_EVENT_ITEMS];

	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		before[i] = global_vm_event(i);
	count_vm_event(TD_COW_COPIES);
	count_vm_events(TD_STACK_GROWS, 3);
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		CHECK_EQ(global_vm_event(i) - before[i],
			 i == TD_COW_COPIES ? 1 : i == TD_STACK_GROWS ? 3 : 0);
	/* put them back: other tests count these */
	vm_event_states[TD_COW_COPIES] = before[TD_COW_COPIES];
	vm_event_states[TD_STACK_GROWS] = before[TD_STACK_GROWS];
}
