/*
 * kernel/cpio.c - see cpio.h.
 */
#include "kernel/cpio.h"
#include "kernel/errno.h"
#include "kernel/string.h"

#define NEWC_HEADER_SIZE 110
#define NEWC_FIELD(n) (6 + 8 * (n))	/* offset of the n-th field */
#define FIELD_MODE 1
#define FIELD_FILESIZE 6
#define FIELD_NAMESIZE 11

/* Eight hex digits at @p; false if any is not a hex digit. */
static bool hex8(const char *p, unsigned long *val)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return false;
	}
	*val = v;
	return true;
}

int cpio_next(const void *archive, size_t size, size_t *offset,
	      struct cpio_entry *e)
{
	const char *base = archive, *hdr = base + *offset;
	unsigned long mode, filesize, namesize;
	size_t name_at, data_at;

	if (*offset > size || size - *offset < NEWC_HEADER_SIZE ||
	    memcmp(hdr, "070701", 6) != 0 ||
	    !hex8(hdr + NEWC_FIELD(FIELD_MODE), &mode) ||
	    !hex8(hdr + NEWC_FIELD(FIELD_FILESIZE), &filesize) ||
	    !hex8(hdr + NEWC_FIELD(FIELD_NAMESIZE), &namesize) ||
	    namesize == 0)
		return -EINVAL;

	name_at = *offset + NEWC_HEADER_SIZE;
	if (namesize > size - name_at || base[name_at + namesize - 1] != '\0')
		return -EINVAL;
	data_at = ALIGN(name_at + namesize, 4);
	if (data_at > size || filesize > size - data_at)
		return -EINVAL;

	e->name = base + name_at;
	e->mode = mode;
	e->data = base + data_at;
	e->size = filesize;
	*offset = ALIGN(data_at + filesize, 4);
	if (*offset > size)
		*offset = size;
	return strcmp(e->name, "TRAILER!!!") != 0;
}

size_t cpio_length(const void *archive, size_t max)
{
	struct cpio_entry e;
	size_t offset = 0;
	int ret;

	while ((ret = cpio_next(archive, max, &offset, &e)) > 0)
		;
	return ret == 0 ? offset : 0;
}
