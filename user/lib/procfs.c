/*
 * user/lib/procfs.c - reading /proc (see procfs.h), with the raw system
 * calls only: no stdio, no malloc, so that a test measuring page counts
 * does not disturb them by reading them.
 */
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "syscall.h"

/* /proc/self/maps is read into this; a test's maps is a few dozen lines. */
static char maps_buf[32 * 1024];

/* proc_ensure(): see procfs.h. */
bool proc_ensure(void)
{
	long fd = sys_open("/proc/self/maps", LINUX_O_RDONLY, 0);

	if (fd == -ENOENT) {
		/* Linux without procfs mounted: mount it (we are root) */
		sys_mkdir("/proc", 0555);
		sys_mount("proc", "/proc", "proc", 0, NULL);
		fd = sys_open("/proc/self/maps", LINUX_O_RDONLY, 0);
	}
	if (sys_is_err(fd))
		return false;
	sys_close((int)fd);
	return true;
}

/* proc_read(): see procfs.h. */
long proc_read(const char *path, char *buf, size_t size)
{
	long fd, n, err = 0;
	size_t len = 0;
	char extra;

	fd = sys_open(path, LINUX_O_RDONLY, 0);
	if (sys_is_err(fd))
		return fd;
	/* /proc files may come in pieces: read until the end (0) */
	while (len < size - 1) {
		n = sys_read((int)fd, buf + len, size - 1 - len);
		if (n < 0)
			err = n;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	if (!err && len == size - 1 && sys_read((int)fd, &extra, 1) > 0)
		err = -EFBIG;
	sys_close((int)fd);
	buf[len] = '\0';
	return err ? err : (long)len;
}

/* proc_write(): see procfs.h. */
long proc_write(const char *path, const char *text)
{
	long fd, n;

	fd = sys_open(path, LINUX_O_WRONLY, 0);
	if (sys_is_err(fd))
		return fd;
	n = sys_write((int)fd, text, strlen(text));
	sys_close((int)fd);
	return n < 0 ? n : 0;
}

/* proc_value(): see procfs.h. */
bool proc_value(const char *text, const char *name, long *value)
{
	size_t len = strlen(name);
	const char *line = text;

	while (*line) {
		if (strncmp(line, name, len) == 0 &&
		    (line[len] == ' ' || line[len] == ':' ||
		     line[len] == '\t')) {
			*value = strtol(line + len + 1, NULL, 10);
			return true;
		}
		line = strchr(line, '\n');
		if (!line)
			break;
		line++;
	}
	return false;
}

/* maps_parse_line(): see procfs.h. */
const char *maps_parse_line(const char *line, struct map_entry *e)
{
	char *p;
	const char *end = strchr(line, '\n');
	size_t n;
	int field;

	e->start = strtoul(line, &p, 16);
	e->end = strtoul(p + 1, &p, 16);		/* after '-' */
	while (*p == ' ')
		p++;
	memcpy(e->perms, p, 4);
	e->perms[4] = '\0';
	e->offset = strtoull(p + 4, &p, 16);
	/* skip dev and inode; the name (possibly empty) follows blanks */
	for (field = 0; field < 2; field++) {
		while (*p == ' ')
			p++;
		while (*p && *p != ' ' && *p != '\n')
			p++;
	}
	while (*p == ' ')
		p++;
	n = end ? (size_t)(end - p) : strlen(p);
	if (n >= sizeof(e->name))
		n = sizeof(e->name) - 1;
	memcpy(e->name, p, n);
	e->name[n] = '\0';
	return end ? end + 1 : NULL;
}

/*
 * Walk /proc/self/maps; return true with *@e set at the first line for
 * which @match(e, addr, name) holds.
 */
static bool maps_search(bool (*match)(const struct map_entry *,
				      unsigned long, const char *),
			unsigned long addr, const char *name,
			struct map_entry *e)
{
	const char *line = maps_buf;

	if (proc_read("/proc/self/maps", maps_buf, sizeof(maps_buf)) < 0)
		return false;
	while (line && *line) {
		line = maps_parse_line(line, e);
		if (match(e, addr, name))
			return true;
	}
	return false;
}

/* Does @e contain @addr? */
static bool contains(const struct map_entry *e, unsigned long addr,
		     const char *name)
{
	return e->start <= addr && addr < e->end;
}

/* Is @e named @name? */
static bool named(const struct map_entry *e, unsigned long addr,
		  const char *name)
{
	return strcmp(e->name, name) == 0;
}

/* maps_find(): see procfs.h. */
bool maps_find(unsigned long addr, struct map_entry *e)
{
	return maps_search(contains, addr, NULL, e);
}

/* maps_find_name(): see procfs.h. */
bool maps_find_name(const char *name, struct map_entry *e)
{
	return maps_search(named, 0, name, e);
}

/* unmapped_page(): see procfs.h. */
unsigned long unmapped_page(void)
{
	unsigned long addr = ((sys_brk(0) + 4095) & ~4095UL) + (256UL << 20);
	struct map_entry e;

	if (!proc_ensure() || maps_find(addr, &e))
		return 0;
	return addr;
}

/*
 * Write @value in base @base (10 or 16), at least @width digits with
 * leading zeros, at @out; return the end. No snprintf: see the top.
 */
static char *put_number(char *out, unsigned long value, unsigned int base,
			int width)
{
	char digits[sizeof(value) * 8];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value);
	while (n < width)
		digits[n++] = '0';
	while (n)
		*out++ = digits[--n];
	return out;
}

/* pagemap_read(): see procfs.h. */
long pagemap_read(int pid, unsigned long addr, uint64_t *entry)
{
	char path[32] = "/proc/self/pagemap";
	long fd, n;

	if (pid > 0)
		strcpy(put_number(path + 6, (unsigned long)pid, 10, 1),
		       "/pagemap");
	fd = sys_open(path, LINUX_O_RDONLY, 0);
	if (sys_is_err(fd))
		return fd;
	n = sys_lseek((int)fd, (long)(addr / 4096 * 8), 0 /* SEEK_SET */);
	if (!sys_is_err(n))
		n = sys_read((int)fd, entry, sizeof(*entry));
	sys_close((int)fd);
	if (sys_is_err(n))
		return n;
	return n == sizeof(*entry) ? 0 : -EIO;
}

/* /proc/self/smaps: about 600 bytes a VMA. */
static char smaps_buf[64 * 1024];

/* smaps_value(): see procfs.h. */
bool smaps_value(unsigned long start, const char *name, long *kb)
{
	char head[16];
	const char *block, *end;
	size_t len = strlen(name);

	if (proc_read("/proc/self/smaps", smaps_buf, sizeof(smaps_buf)) < 0)
		return false;
	strcpy(put_number(head, start, 16, 8), "-");
	block = strstr(smaps_buf, head);
	if (!block || (block != smaps_buf && block[-1] != '\n'))
		return false;
	/* the block ends where the next VMA's line (the next "VmFlags:") is */
	end = strstr(block, "VmFlags:");
	for (const char *p = strchr(block, '\n'); p && p < end; p = strchr(p, '\n')) {
		p++;
		if (!strncmp(p, name, len) && p[len] == ':') {
			*kb = strtol(p + len + 1, NULL, 10);
			return true;
		}
	}
	return false;
}
