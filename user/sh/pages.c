/*
 * user/sh/pages.c - the commands about the pages under the mappings:
 * which are there (mincore, pagemap) and which to drop or fetch
 * (madvise).
 *
 *	madvise ADDR LEN ADVICE	advise the kernel (dontneed, willneed ...)
 *	mincore ADDR LEN	one mark per page: # resident, . not
 *	pagemap ADDR [LEN [PID]]	per page, the frame it sits on
 *
 * mincore and /proc/PID/pagemap are Linux's own interfaces, the same on
 * every architecture (pte, in pte.c, shows topdown's ARM descriptors).
 * pagemap names the frame of the zero page, which this shell finds once
 * the way a user program can: it maps a page, reads it, and asks
 * pagemap where the page sits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sh.h"
#include "sys/mman.h"
#include "syscall.h"

#define MINCORE_MAX_PAGES 4096		/* 16 MiB of marks at most */
#define MINCORE_PER_LINE 64
#define PAGEMAP_MAX_PAGES 256		/* lines pagemap prints at most */

/* The advice madvise knows by name: Linux's MADV_* (sys/mman.h). */
static const struct advice {
	const char *name;
	int advice;
} advices[] = {
	{ "normal", MADV_NORMAL }, { "random", MADV_RANDOM },
	{ "sequential", MADV_SEQUENTIAL }, { "willneed", MADV_WILLNEED },
	{ "dontneed", MADV_DONTNEED }, { "free", MADV_FREE },
	{ "remove", MADV_REMOVE }, { "dontfork", MADV_DONTFORK },
	{ "dofork", MADV_DOFORK }, { "mergeable", MADV_MERGEABLE },
	{ "unmergeable", MADV_UNMERGEABLE }, { "hugepage", MADV_HUGEPAGE },
	{ "nohugepage", MADV_NOHUGEPAGE }, { "dontdump", MADV_DONTDUMP },
	{ "dodump", MADV_DODUMP }, { "wipeonfork", MADV_WIPEONFORK },
	{ "keeponfork", MADV_KEEPONFORK }, { "cold", MADV_COLD },
	{ "pageout", MADV_PAGEOUT }, { "populate_read", MADV_POPULATE_READ },
	{ "populate_write", MADV_POPULATE_WRITE },
};

#define NR_ADVICES (sizeof(advices) / sizeof(advices[0]))

/* ADDR and LEN, the first two arguments of each command here. */
static bool parse_range(char **argv, unsigned long *addr, unsigned long *len)
{
	return parse_addr(argv[1], addr) && parse_number(argv[2], len);
}

/* madvise ADDR LEN ADVICE */
int cmd_madvise(int argc, char **argv)
{
	unsigned long addr, len, i;
	long ret;

	if (!parse_range(argv, &addr, &len))
		return 1;
	for (i = 0; i < NR_ADVICES; i++)
		if (!strcmp(argv[3], advices[i].name))
			break;
	if (i == NR_ADVICES) {
		printf("madvise: what is \"%s\"? (normal, random, sequential, "
		       "willneed, dontneed, free, remove, dontfork, dofork, "
		       "populate_read, populate_write, ...)\n", argv[3]);
		return 1;
	}
	ret = sys_madvise(addr, len, advices[i].advice);
	if (ret)
		return report_error("madvise", ret);
	printf("madvise: %#lx-%#lx %s: ok\n", addr, addr + len, argv[3]);
	return 0;
}

/* mincore ADDR LEN */
int cmd_mincore(int argc, char **argv)
{
	static unsigned char vec[MINCORE_MAX_PAGES];
	unsigned long addr, len, pages, i, resident = 0;
	long ret;

	if (!parse_range(argv, &addr, &len))
		return 1;
	pages = len / PAGE + (len % PAGE != 0);
	if (pages > MINCORE_MAX_PAGES) {
		printf("mincore: at most %d pages at a time\n",
		       MINCORE_MAX_PAGES);
		return 1;
	}
	ret = sys_mincore(addr, len, vec);
	if (ret)
		return report_error("mincore", ret);
	for (i = 0; i < pages; i++) {
		if (i % MINCORE_PER_LINE == 0)
			printf("%s0x%08lx ", i ? "\n" : "", addr + i * PAGE);
		printf("%c", vec[i] & 1 ? '#' : '.');
		resident += vec[i] & 1;
	}
	printf("%smincore: %lu of %lu page%s resident (#)\n", pages ? "\n" : "",
	       resident, pages, pages == 1 ? "" : "s");
	return 0;
}

/*
 * The frame of the zero page, found once: a read of a fresh private
 * anonymous page maps it. 0 if it could not be found.
 */
static unsigned long zero_pfn(void)
{
	static unsigned long pfn;
	static bool known;
	uint64_t entry;
	long p;

	if (known)
		return pfn;
	p = sys_mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(p))
		return 0;
	(void)*(volatile unsigned char *)p;
	if (pagemap_read(0, (unsigned long)p, &entry) == 0 &&
	    (entry & PM_PRESENT)) {
		pfn = PM_PFN(entry);
		known = true;
	}
	sys_munmap((unsigned long)p, PAGE);
	return pfn;
}

/* One line of pagemap: the page's address, its entry, and what it says. */
static void show_entry(unsigned long addr, uint64_t e)
{
	printf("0x%08lx %016llx", addr, (unsigned long long)e);
	if (!(e & PM_PRESENT)) {
		printf(" not present%s\n", e & (1ULL << 62) ? " (swapped)" : "");
		return;
	}
	printf(" pfn %#lx present%s%s", PM_PFN(e),
	       e & PM_FILE ? " file/shared" : "",
	       e & PM_MMAP_EXCLUSIVE ? " exclusive" : "");
	if (PM_PFN(e) && PM_PFN(e) == zero_pfn())
		printf(" (the zero page)");
	printf("\n");
}

/* pagemap ADDR [LEN [PID]] */
int cmd_pagemap(int argc, char **argv)
{
	unsigned long addr, len = 1, a, end, pages;
	char dir[24];
	int pid = 0;
	uint64_t e;
	long ret;

	if (!parse_addr(argv[1], &addr) ||
	    (argc > 2 && !parse_number(argv[2], &len)) ||
	    (argc > 3 && !parse_pid_dir("pagemap", argv[3], dir, sizeof(dir))))
		return 1;
	if (argc > 3 && strcmp(argv[3], "self"))
		pid = (int)strtoul(argv[3], NULL, 10);
	addr &= ~(PAGE - 1);
	end = addr + len;
	if (end < addr || len == 0) {
		printf("pagemap: LEN must be at least 1 and stay below 4 GiB\n");
		return 1;
	}
	pages = (end - addr + PAGE - 1) / PAGE;
	if (pages > PAGEMAP_MAX_PAGES) {
		printf("pagemap: at most %d pages at a time\n",
		       PAGEMAP_MAX_PAGES);
		return 1;
	}
	printf("pagemap: address    entry (bit 63 present, 61 file/shared, "
	       "56 exclusive, 0-54 pfn)\n");
	for (a = addr; pages--; a += PAGE) {
		ret = pagemap_read(pid, a, &e);
		if (ret == -ENOENT && pid) {
			printf("pagemap: no process %s (ENOENT)\n", argv[3]);
			return 1;
		}
		if (ret)
			return report_error("pagemap", ret);
		show_entry(a, e);
	}
	return 0;
}
