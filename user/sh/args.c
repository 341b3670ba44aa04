/*
 * user/sh/args.c - reading the shell's arguments: numbers with units,
 * addresses (with "$" for the last mmap), protections; and saying which
 * errno a command got.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "sh.h"
#include "sys/mman.h"

unsigned long last_map;			/* what "$" stands for */
bool last_map_set;
unsigned long start_brk;

/*
 * A number with an optional unit ("3p", "8k", "0x1000", "1m"). Returns
 * false (and says why) for anything else, or on overflow.
 */
bool parse_number(const char *s, unsigned long *out)
{
	unsigned long long v, unit = 1;
	char *end;

	if (!*s || *s == '-' || *s == '+')
		goto bad;
	v = strtoull(s, &end, 0);
	switch (*end) {
	case 'k': case 'K':
		unit = 1024;
		break;
	case 'm': case 'M':
		unit = 1024 * 1024;
		break;
	case 'g': case 'G':
		unit = 1024 * 1024 * 1024;
		break;
	case 'p': case 'P':
		unit = PAGE;
		break;
	case '\0':
		break;
	default:
		goto bad;
	}
	if (unit != 1 && end[1] != '\0')
		goto bad;
	v *= unit;
	if (v > 0xffffffffULL)
		goto bad;
	*out = (unsigned long)v;
	return true;
bad:
	printf("not a number: %s (try 4096, 0x1000, 4k, 1p, 1m)\n", s);
	return false;
}

/* An address: a number, or "$" (the last mmap), "$+N", "$-N". */
bool parse_addr(const char *s, unsigned long *out)
{
	unsigned long n = 0;

	if (s[0] != '$')
		return parse_number(s, out);
	if (!last_map_set) {
		printf("$: no mmap yet\n");
		return false;
	}
	if (s[1] && (s[1] != '+' && s[1] != '-'))
		goto bad;
	if (s[1] && !parse_number(s + 2, &n))
		return false;
	*out = s[1] == '-' ? last_map - n : last_map + n;
	return true;
bad:
	printf("not an address: %s (try 0xb6ffd000, $, $+4k)\n", s);
	return false;
}

/* PROT as "rw-", "r-x", "rw", "none". False if @s is not one. */
bool parse_prot(const char *s, int *prot)
{
	int p = 0;

	if (strcmp(s, "none") == 0) {
		*prot = PROT_NONE;
		return true;
	}
	for (; *s; s++) {
		if (*s == 'r')
			p |= PROT_READ;
		else if (*s == 'w')
			p |= PROT_WRITE;
		else if (*s == 'x')
			p |= PROT_EXEC;
		else if (*s != '-')
			return false;
	}
	*prot = p;
	return true;
}

/* "rwx" for @prot into @buf (4 bytes). */
const char *prot_str(int prot, char *buf)
{
	buf[0] = prot & PROT_READ ? 'r' : '-';
	buf[1] = prot & PROT_WRITE ? 'w' : '-';
	buf[2] = prot & PROT_EXEC ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

/*
 * The /proc directory of process @s ("self", or a pid in decimal) into
 * @buf (@size bytes). Returns false (and says why) if @s is neither.
 */
bool parse_pid_dir(const char *cmd, const char *s, char *buf, size_t size)
{
	const char *p;

	if (strcmp(s, "self") == 0) {
		snprintf(buf, size, "/proc/self");
		return true;
	}
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (!*s || *p || p - s > 9 || s[0] == '0') {
		printf("%s: not a pid: %s (a number from ps, or self)\n", cmd, s);
		return false;
	}
	snprintf(buf, size, "/proc/%s", s);
	return true;
}

/* Say that command @cmd failed with the raw result @ret (-errno). */
int report_error(const char *cmd, long ret)
{
	const char *name = errno_name((int)ret);

	if (name)
		printf("%s: %s\n", cmd, name);
	else
		printf("%s: error %ld\n", cmd, ret);
	return 1;
}
