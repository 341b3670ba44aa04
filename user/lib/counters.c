/*
 * user/lib/counters.c - reading /proc/vmstat's page counters (see
 * counters.h) without disturbing them.
 */
#include "counters.h"
#include "procfs.h"
#include "tests/check.h"

#define PAGE_SIZE 4096UL
#define STACK_PREFAULT (64 * 1024)

/* Linux's /proc/vmstat is about 5 KiB; topdown's a few lines. */
static char vmstat_buf[16 * 1024];

/*
 * The linker's bounds (arm-none-eabi's default script): the read-only
 * segment (.text, .rodata, the unwind tables) and .data + .bss.
 */
extern char __executable_start[], __exidx_end[];
extern char __data_start[], _end[];

/* envp, at the top of the initial stack, above every frame (start.c). */
extern char **environ;

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
	c->slab_objects = value_or_none("td_slab_objects");
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

/*
 * Write the byte at @p back (what is there stays) in every page from @p
 * up to @end: present and written, without changing anything.
 */
static void rewrite_pages(volatile char *p, unsigned long end)
{
	while ((unsigned long)p < end) {
		*p = *p;
		p = (volatile char *)(((unsigned long)p + PAGE_SIZE) &
				      ~(PAGE_SIZE - 1));
	}
}

/* Read a byte of every page from @p up to @end. */
static void read_pages(const volatile char *p, unsigned long end)
{
	while ((unsigned long)p < end) {
		(void)*p;
		p = (const volatile char *)(((unsigned long)p + PAGE_SIZE) &
					    ~(PAGE_SIZE - 1));
	}
}

/* counters_prefault(): see counters.h. */
void counters_prefault(void)
{
	struct vm_counters unused;
	char here;

	read_pages(__executable_start, (unsigned long)__exidx_end);
	rewrite_pages(__data_start, (unsigned long)_end);
	/* the frames of our callers, up to the top of the stack */
	rewrite_pages(&here, (unsigned long)environ + 1);
	prefault_stack();
	counters_read(&unused);		/* and the code that reads them */
}

/* One counter of counters_check(): @want (unless ANY_DELTA) vs b - a. */
static void check_one(const char *file, int line, const char *name,
		      long a, long b, long want)
{
	if (want == ANY_DELTA || b - a == want)
		return;
	check_failed(file, line, "%s rose by %ld, expected %ld (%ld -> %ld)",
		     name, b - a, want, a, b);
}

/* counters_check(): see counters.h. */
void counters_check(const char *file, int line, const struct vm_counters *a,
		    const struct vm_counters *b, struct vm_deltas want)
{
	check_one(file, line, "pgfault", a->pgfault, b->pgfault,
		  want.faults);
	if (!counters_topdown(a))
		return;
	check_one(file, line, "td_zero_page_maps", a->zero_page_maps,
		  b->zero_page_maps, want.zero);
	check_one(file, line, "td_anon_page_allocs", a->anon_page_allocs,
		  b->anon_page_allocs, want.anon);
	check_one(file, line, "td_cow_copies", a->cow_copies, b->cow_copies,
		  want.cow);
	check_one(file, line, "nr_page_table_pages", a->page_table_pages,
		  b->page_table_pages, want.tables);
}
