/*
 * user/lib/counters.c - reading /proc/vmstat's page counters (see
 * counters.h) without disturbing them.
 */
#include "counters.h"
#include "procfs.h"

#define PAGE_SIZE 4096UL
#define STACK_PREFAULT (64 * 1024)

/* Linux's /proc/vmstat is about 5 KiB; topdown's a few lines. */
static char vmstat_buf[16 * 1024];

/* The linker's bounds of .data and .bss (arm-none-eabi's default script). */
extern char __data_start[], _end[];

/* The counter @name of the text in vmstat_buf, or -1 when absent. */
static long value_or_none(const char *name)
{
	long v;

	return proc_value(vmstat_buf, name, &v) ? v : -1;
}

/* counters_read(): see counters.h. */
bool counters_read(struct vm_counters *c)
{
	static bool mounted;

	if (!mounted)
		mounted = proc_ensure();
	if (proc_read("/proc/vmstat", vmstat_buf, sizeof(vmstat_buf)) < 0)
		return false;
	c->nr_free_pages = value_or_none("nr_free_pages");
	c->pgfault = value_or_none("pgfault");
	c->page_table_pages = value_or_none("nr_page_table_pages");
	c->zero_page_maps = value_or_none("td_zero_page_maps");
	c->anon_page_allocs = value_or_none("td_anon_page_allocs");
	c->cow_copies = value_or_none("td_cow_copies");
	return true;
}

/* counters_topdown(): see counters.h. */
bool counters_topdown(const struct vm_counters *c)
{
	return c->zero_page_maps >= 0 && c->anon_page_allocs >= 0 &&
	       c->cow_copies >= 0;
}

/*
 * Write one byte in each page of 64 KiB of stack below our frame. Not
 * inlined, so that the array really is below the caller's frame.
 */
static void __attribute__((noinline)) prefault_stack(void)
{
	volatile char below[STACK_PREFAULT];
	unsigned long i;

	for (i = 0; i < sizeof(below); i += PAGE_SIZE / 2)
		below[i] = 0;
	below[sizeof(below) - 1] = 0;
}

/* counters_prefault(): see counters.h. */
void counters_prefault(void)
{
	volatile char *p = __data_start;

	/* a write (of what is there) to every page of .data and .bss */
	while (p < _end) {
		*p = *p;
		p = (volatile char *)(((unsigned long)p + PAGE_SIZE) &
				      ~(PAGE_SIZE - 1));
	}
	prefault_stack();
}
