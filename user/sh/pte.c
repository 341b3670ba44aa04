/*
 * user/sh/pte.c - pte ADDR [PID]: the two descriptors the MMU reads to
 * translate ADDR in the shell's address space (or in process PID's),
 * and what they let user mode do, as the kernel shows them in
 * /proc/PID/pagetable (kernel/armv7/ptdump.c, which decodes them):
 *
 *   pte: 0xb6fff000 in this shell: L1 index 0xb6f, L2 index 0xff
 *     L1 b6f00000 6116a401 page table 6116a400, domain 0
 *     L2 b6fff000 6116455f small page 61164000: user r--, kernel r--, XN, nG
 *   => present: user r--
 *
 * That file is topdown's own. Linux shows no one a task's descriptors:
 * /proc/PID/pagemap has, per page, the frame number and Linux's flags
 * (present, swapped, file, exclusive), in one format for every
 * architecture. Under Linux, pte says so.
 */
#include <stdio.h>
#include <string.h>
#include "kernel/errno.h"
#include "sh.h"
#include "syscall.h"

#define PAGE_OFFSET 0xc0000000UL	/* the kernel's half starts here */
#define GATE_MIB 0xfff00000UL		/* the vectors page's MiB */

/* What pte looks for in the file, and what it found. */
struct pte_search {
	char want_l1[12], want_l2[12];	/* "L1 b6f00000", "L2 b6fff000" */
	char l1[128], l2[128];		/* the lines found, or "" */
};

/* Keep @line if it is one of the two lines @s looks for. */
static void match_line(struct pte_search *s, const char *line)
{
	if (!strncmp(line, s->want_l1, strlen(s->want_l1)))
		snprintf(s->l1, sizeof(s->l1), "%s", line);
	else if (!strncmp(line, s->want_l2, strlen(s->want_l2)))
		snprintf(s->l2, sizeof(s->l2), "%s", line);
}

/*
 * Read the file at @fd line by line (it may be long: a line per mapped
 * page) and keep the lines @s wants. Returns 0 or -errno.
 */
static long scan_lines(long fd, struct pte_search *s)
{
	char buf[512], line[128];
	size_t len = 0;
	long n, i;

	while ((n = sys_read((int)fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (len < sizeof(line) - 1)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			match_line(s, line);
			len = 0;
		}
	}
	return n;
}

/* The user's rights from a decoded L2 line ("... user r--, ..."). */
static const char *user_rights(const char *line, char buf[4])
{
	const char *p = strstr(line, "user ");

	if (!p || strlen(p) < 8)
		return "?";
	memcpy(buf, p + 5, 3);
	buf[3] = '\0';
	return buf;
}

/* pte ADDR [PID] */
int cmd_pte(int argc, char **argv)
{
	struct pte_search s = { .l1 = "", .l2 = "" };
	char dir[24], path[48], rights[4];
	unsigned long addr, mib, page;
	long fd, err;

	if (!parse_addr(argv[1], &addr) ||
	    !parse_pid_dir("pte", argc > 2 ? argv[2] : "self", dir,
			   sizeof(dir)))
		return 1;
	mib = addr & ~0xfffffUL;
	page = addr & ~(PAGE - 1);
	if (addr >= PAGE_OFFSET && mib != GATE_MIB) {
		printf("pte: %#lx is in the kernel's half (from 0x%08lx): its "
		       "entries are the same in every task and user mode may "
		       "use none of them; gdb's ptwalk shows them\n", addr,
		       PAGE_OFFSET);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/pagetable", dir);
	fd = sys_open(path, LINUX_O_RDONLY, 0);
	if (fd < 0) {
		if (argc > 2 && fd == -ENOENT)
			printf("pte: no process %s (%s: ENOENT)\n", argv[2],
			       path);
		else
			printf("pte: %s: %s (topdown's file; Linux shows no "
			       "task its descriptors, /proc/PID/pagemap has "
			       "its frame numbers)\n", path,
			       errno_name((int)fd) ? errno_name((int)fd) :
			       "error");
		return 1;
	}
	snprintf(s.want_l1, sizeof(s.want_l1), "L1 %08lx", mib);
	snprintf(s.want_l2, sizeof(s.want_l2), "L2 %08lx", page);
	err = scan_lines(fd, &s);
	sys_close((int)fd);
	if (err < 0)
		return report_error("pte", err);

	printf("pte: %#lx in %s%s: L1 index %#lx, L2 index %#lx\n", addr,
	       argc > 2 ? "process " : "this shell", argc > 2 ? argv[2] : "",
	       mib >> 20, (page >> 12) & 0xff);
	if (!s.l1[0]) {
		printf("  L1 %08lx 00000000: no L2 table for this MiB\n"
		       "=> not present: an access is a translation fault "
		       "(section), which the kernel's fault handler "
		       "resolves or reports\n", mib);
		return 0;
	}
	printf("  %s\n", s.l1);
	if (!strstr(s.l1, "page table"))
		return 0;		/* a section: no second level */
	if (!s.l2[0]) {
		printf("  L2 %08lx 00000000: no entry for this page\n"
		       "=> not present: an access is a translation fault "
		       "(page), which the kernel's fault handler resolves "
		       "or reports\n", page);
		return 0;
	}
	printf("  %s\n", s.l2);
	if (strstr(s.l2, "small page"))
		printf("=> present: user %s\n", user_rights(s.l2, rights));
	return 0;
}
