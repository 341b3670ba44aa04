/*
 * tests/pictures/trace_capture.c - the console of the picture program:
 * the kernel's printk() writes into a buffer, so that the placement trace
 * of mm/unmapped_area.c can be read back as the search path. (It replaces
 * the host tests' tests/host/shim/shim.c; panic() is the host shim's,
 * tests/host/shim/console.c.)
 */
#include <stdio.h>
#include <string.h>
#include "kernel/uart.h"
#include "tests/pictures/pictures.h"

static char buf[64 * 1024];
static size_t used;
static bool capturing;

/* The UART's transmitter: the buffer while capturing, else stdout. */
void uart_putc(char c)
{
	if (c == '\r')
		return;
	if (!capturing) {
		putchar(c);
		return;
	}
	if (used < sizeof(buf) - 1) {
		buf[used++] = c;
		buf[used] = '\0';
	}
}

void trace_capture_start(void)
{
	used = 0;
	buf[0] = '\0';
	capturing = true;
}

/* The trace lines this reads: see placement_begin(), visit() and
 * placement_found()/placement_fail() in mm/unmapped_area.c. */
int trace_capture_parse(struct search_path *path)
{
	char *line = buf, *next;
	unsigned long a, b;
	bool begun = false;

	capturing = false;
	memset(path, 0, sizeof(*path));
	for (; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (sscanf(line, "placement: unmapped_area_topdown: length %lx, low_limit %lx, high_limit %lx",
			   &path->length, &path->low_limit,
			   &path->high_limit) == 3)
			begun = true;
		else if (sscanf(line, "placement:   at [%lx, %lx)", &a, &b) == 2 &&
			 path->nr_visits < MAX_VISITS)
			path->visit[path->nr_visits++] = a;
		else if (sscanf(line, "placement:   chose %lx", &a) == 1)
			path->chosen = a;
	}
	return begun && path->nr_visits ? 0 : -1;
}
