/*
 * tests/host/refmodel.c - see refmodel.h. Nothing here calls mm/ code: the
 * model only shares the constants (page size, flag and errno values) and
 * the request structure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/refmodel.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "mm/mman.h"
#include "mm/vma.h"

#define NOMEM ((unsigned long)-ENOMEM)

static void ref_bug(const char *what)
{
	fprintf(stderr, "refmodel: %s\n", what);
	abort();
}

void ref_init(struct refmodel *m, int cap, int max_map_count)
{
	m->r = calloc(cap, sizeof(*m->r));
	if (!m->r)
		ref_bug("out of memory");
	m->n = 0;
	m->cap = cap;
	m->max_map_count = max_map_count;
}

void ref_destroy(struct refmodel *m)
{
	free(m->r);
	m->r = NULL;
	m->n = 0;
}

static unsigned long pages(const struct ref_region *r)
{
	return (r->end - r->start) / PAGE_SIZE;
}

/* Region @a, directly followed by @b, could be one region with it. */
static bool compatible(const struct ref_region *a, const struct ref_region *b)
{
	return a->end == b->start && a->flags == b->flags &&
	       a->file == b->file && a->pgoff + pages(a) == b->pgoff;
}

static void insert_at(struct refmodel *m, int i, struct ref_region region)
{
	if (m->n == m->cap)
		ref_bug("model full");
	memmove(&m->r[i + 1], &m->r[i], (m->n - i) * sizeof(*m->r));
	m->r[i] = region;
	m->n++;
}

static void remove_at(struct refmodel *m, int i)
{
	memmove(&m->r[i], &m->r[i + 1], (m->n - i - 1) * sizeof(*m->r));
	m->n--;
}

/* Cut region @i at @addr (inside it): two regions, offsets following. */
static void cut(struct refmodel *m, int i, unsigned long addr)
{
	struct ref_region hi = m->r[i];

	hi.start = addr;
	hi.pgoff += (addr - m->r[i].start) / PAGE_SIZE;
	m->r[i].end = addr;
	insert_at(m, i + 1, hi);
}

/*
 * May a range with token @range join a neighbour with token @nb? Pages
 * may go where there are none yet only when they are not there yet
 * either: a range without a token joins anything, one with a token only
 * its own.
 */
static bool tokens_join(unsigned long range, unsigned long nb)
{
	return !range || range == nb;
}

/* Region @i absorbs region @i + 1; the token is the first one there is. */
static void join_next(struct refmodel *m, int i)
{
	m->r[i].end = m->r[i + 1].end;
	if (!m->r[i].anon)
		m->r[i].anon = m->r[i + 1].anon;
	remove_at(m, i + 1);
}

/*
 * The new region @i, which has no pages, joins the region after it when
 * compatible, then the one before when compatible and the token it now
 * has may join that one's.
 */
static void join_new(struct refmodel *m, int i)
{
	if (i + 1 < m->n && compatible(&m->r[i], &m->r[i + 1]))
		join_next(m, i);
	if (i > 0 && compatible(&m->r[i - 1], &m->r[i]) &&
	    tokens_join(m->r[i].anon, m->r[i - 1].anon))
		join_next(m, i - 1);
}

/*
 * Region @a, directly followed by @b, would be compatible with it but for
 * the access rights: the two may share a token.
 */
static bool same_but_access(const struct ref_region *a,
			    const struct ref_region *b)
{
	unsigned long access = VM_READ | VM_WRITE | VM_EXEC;

	return a->end == b->start && a->file == b->file &&
	       !((a->flags ^ b->flags) & ~access) &&
	       a->pgoff + pages(a) == b->pgoff;
}

void ref_touch(struct refmodel *m, unsigned long addr)
{
	int i = ref_find(m, addr);
	struct ref_region *r = &m->r[i];

	if (i == m->n || r->start > addr || (r->flags & VM_SHARED) || r->anon)
		return;
	if (i + 1 < m->n && m->r[i + 1].anon && same_but_access(r, r + 1))
		r->anon = m->r[i + 1].anon;
	else if (i > 0 && m->r[i - 1].anon && same_but_access(r - 1, r))
		r->anon = m->r[i - 1].anon;
	else
		r->anon = ++m->last_anon;
}

void ref_brk_grow(struct refmodel *m, unsigned long start_brk,
		  unsigned long oldbrk, unsigned long newbrk,
		  unsigned long flags)
{
	struct ref_region heap = { oldbrk, newbrk, flags, oldbrk / PAGE_SIZE,
				   NULL, 0 };
	int i = ref_find(m, oldbrk);
	struct ref_region *below = i > 0 ? &m->r[i - 1] : NULL;

	if (!ref_range_free(m, oldbrk, newbrk))
		ref_bug("ref_brk_grow over a range that is not free");
	if (below && below->end == oldbrk && below->end > start_brk &&
	    compatible(below, &heap))
		below->end = newbrk;
	else
		insert_at(m, i, heap);
}

int ref_find(const struct refmodel *m, unsigned long addr)
{
	int i = 0;

	while (i < m->n && m->r[i].end <= addr)
		i++;
	return i;
}

bool ref_range_free(const struct refmodel *m, unsigned long start,
		    unsigned long end)
{
	int i = ref_find(m, start);

	return i == m->n || m->r[i].start >= end;
}

int ref_insert(struct refmodel *m, unsigned long start, unsigned long end,
	       unsigned long flags, const struct file *file,
	       unsigned long pgoff)
{
	struct ref_region r = { start, end, flags, pgoff, file, 0 };

	if (!ref_range_free(m, start, end))
		return -ENOMEM;
	if (!file)
		r.pgoff = start / PAGE_SIZE;
	insert_at(m, ref_find(m, start), r);
	return 0;
}

void ref_append(struct refmodel *m, unsigned long start, unsigned long end,
		unsigned long flags, const struct file *file,
		unsigned long pgoff)
{
	struct ref_region r = { start, end, flags, pgoff, file, 0 };

	if (m->n && m->r[m->n - 1].end > start)
		ref_bug("ref_append below the last region");
	if (!file)
		r.pgoff = start / PAGE_SIZE;
	insert_at(m, m->n, r);
}

void ref_map(struct refmodel *m, unsigned long start, unsigned long end,
	     unsigned long flags, const struct file *file,
	     unsigned long pgoff)
{
	struct ref_region r = { start, end, flags, pgoff, file, 0 };
	int i = ref_find(m, start);

	if (!ref_range_free(m, start, end))
		ref_bug("ref_map of a range that is not free");
	insert_at(m, i, r);
	join_new(m, i);
}

int ref_unmap(struct refmodel *m, unsigned long start, unsigned long end)
{
	int i = ref_find(m, start);

	if (i == m->n || m->r[i].start >= end)
		return 0;
	if (start > m->r[i].start && end < m->r[i].end &&
	    m->n >= m->max_map_count)
		return -ENOMEM;

	if (start > m->r[i].start) {
		cut(m, i, start);
		i++;
	}
	while (i < m->n && m->r[i].start < end) {
		if (m->r[i].end > end) {
			cut(m, i, end);
		}
		remove_at(m, i);
	}
	return 0;
}

int ref_protect(struct refmodel *m, unsigned long start, unsigned long end,
		unsigned long flags)
{
	int i = ref_find(m, start);
	struct ref_region *r = &m->r[i], mid;
	bool joins, jp, jn;

	if (i == m->n || r->start > start || end > r->end)
		ref_bug("ref_protect of a range not inside one region");
	if (r->flags == flags)
		return 0;

	mid = *r;
	mid.start = start;
	mid.end = end;
	mid.flags = flags;
	mid.pgoff = r->pgoff + (start - r->start) / PAGE_SIZE;
	/* the part brings its token (its pages) along */
	jp = start == r->start && i > 0 && compatible(&m->r[i - 1], &mid) &&
	     tokens_join(mid.anon, m->r[i - 1].anon);
	jn = end == r->end && i + 1 < m->n && compatible(&mid, &m->r[i + 1]) &&
	     tokens_join(mid.anon, m->r[i + 1].anon);
	/* both sides only if their tokens can be one: else the one below */
	if (jp && jn && m->r[i - 1].anon && m->r[i + 1].anon &&
	    m->r[i - 1].anon != m->r[i + 1].anon)
		jn = false;
	joins = jp || jn;

	/* Without a join, each cut needs room for one more region. */
	if (start > r->start) {
		if (!joins && m->n >= m->max_map_count)
			return -ENOMEM;
		cut(m, i, start);
		i++;
	}
	if (end < m->r[i].end) {
		if (!joins && m->n >= m->max_map_count)
			return -ENOMEM;
		cut(m, i, end);
	}
	m->r[i].flags = flags;
	if (jn)
		join_next(m, i);
	if (jp)
		join_next(m, i - 1);
	return 0;
}

int ref_mmap_region(struct refmodel *m, unsigned long start,
		    unsigned long end, unsigned long flags,
		    const struct file *file, unsigned long pgoff)
{
	if (ref_unmap(m, start, end))
		return -ENOMEM;
	if ((flags & VM_WRITE) && !(flags & (VM_SHARED | VM_NORESERVE)))
		flags |= VM_ACCOUNT;
	ref_map(m, start, end, flags, file, pgoff);
	return 0;
}

int ref_munmap(struct refmodel *m, unsigned long start, unsigned long len)
{
	unsigned long pages = len / PAGE_SIZE + (len % PAGE_SIZE != 0);

	if (start % PAGE_SIZE || start > TASK_SIZE || len > TASK_SIZE - start ||
	    !pages)
		return -EINVAL;
	return ref_unmap(m, start, start + pages * PAGE_SIZE);
}

/* The VM_READ/VM_WRITE/VM_EXEC bits asked for by @prot. */
static unsigned long prot_access(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* May a region with @flags be given @access? Each right has its "may". */
static bool access_allowed(unsigned long flags, unsigned long access)
{
	return (!(access & VM_READ) || (flags & VM_MAYREAD)) &&
	       (!(access & VM_WRITE) || (flags & VM_MAYWRITE)) &&
	       (!(access & VM_EXEC) || (flags & VM_MAYEXEC));
}

int ref_mprotect(struct refmodel *m, unsigned long start, unsigned long len,
		 unsigned long prot)
{
	unsigned long end, addr, access = prot_access(prot);
	unsigned long pages = len / PAGE_SIZE + (len % PAGE_SIZE != 0);

	if (start % PAGE_SIZE)
		return -EINVAL;
	if (!len)
		return 0;
	end = start + pages * PAGE_SIZE;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	/* the region holding each address in turn, from start up */
	for (addr = start; addr < end;) {
		int i = ref_find(m, addr), err;
		struct ref_region *r = &m->r[i];
		unsigned long flags, piece_end;

		if (i == m->n || r->start > addr)
			return -ENOMEM;
		if (!access_allowed(r->flags, access))
			return -EACCES;
		flags = (r->flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | access;
		if ((flags & VM_WRITE) &&
		    !(r->flags & (VM_ACCOUNT | VM_WRITE | VM_SHARED |
				  VM_NORESERVE)))
			flags |= VM_ACCOUNT;
		piece_end = r->end < end ? r->end : end;
		err = ref_protect(m, addr, piece_end, flags);
		if (err)
			return err;
		addr = piece_end;
	}
	return 0;
}

struct ref_access ref_pte_access(unsigned long flags)
{
	struct ref_access a = {
		.read = flags & (VM_READ | VM_WRITE | VM_EXEC),
		.write = (flags & VM_SHARED) && (flags & VM_WRITE),
		.exec = flags & VM_EXEC,
	};

	return a;
}

/* The lowest set bit of @mask: the step between aligned addresses. */
static unsigned long align_step(unsigned long mask)
{
	return mask & -mask;
}

static bool aligned(unsigned long addr, const struct vm_unmapped_area_info *i)
{
	return (addr & i->align_mask) == (i->align_offset & i->align_mask);
}

/*
 * The fitting gap in the window [lo_limit, hi_limit), scanning gap by gap
 * from the top or the bottom; *@above is the region just above it (NULL
 * for the gap above the last one).
 */
static unsigned long ref_fit(const struct refmodel *m,
			     const struct vm_unmapped_area_info *info,
			     unsigned long lo_limit, unsigned long hi_limit,
			     const struct ref_region **above)
{
	bool topdown = info->flags & VM_UNMAPPED_AREA_TOPDOWN;
	unsigned long need = info->length + info->align_mask;
	unsigned long step = align_step(info->align_mask);

	/* Gap k lies below region k; gap n is the one above the last. */
	for (int j = 0; j <= m->n; j++) {
		int k = topdown ? m->n - j : j;
		unsigned long gap_start = k ? m->r[k - 1].end : 0;
		unsigned long gap_end = k < m->n ? m->r[k].start : ~0UL;
		unsigned long lo = max(gap_start, lo_limit);
		unsigned long hi = min(gap_end, hi_limit);
		unsigned long addr;

		if (hi <= lo || hi - lo < need)
			continue;
		if (topdown) {
			addr = hi - info->length;
			while (!aligned(addr, info))
				addr -= step;
		} else {
			addr = lo;
			while (!aligned(addr, info))
				addr += step;
		}
		if (addr < lo || addr + info->length > hi)
			ref_bug("alignment left the gap");
		*above = k < m->n ? &m->r[k] : NULL;
		return addr;
	}
	return NOMEM;
}

/*
 * Linux 6.1's rule for stacks: when the region above the chosen gap is a
 * stack (VM_GROWSDOWN) and the placement reaches its guard gap (the
 * STACK_GUARD_GAP below its start), the window shrinks and the scan is
 * done again: top-down, the window ends where the guard gap starts once
 * the guard gap reaches into the gap's part inside the window; bottom-up,
 * it starts at the stack's end once the guard gap starts below the last
 * byte of the placement with its worst alignment shift.
 */
unsigned long ref_unmapped_area(const struct refmodel *m,
				const struct vm_unmapped_area_info *info)
{
	bool topdown = info->flags & VM_UNMAPPED_AREA_TOPDOWN;
	unsigned long need = info->length + info->align_mask;
	unsigned long lo_limit = info->low_limit, hi_limit = info->high_limit;

	if (need < info->length)
		return NOMEM;	/* does not fit in an unsigned long */

	while (true) {
		const struct ref_region *above;
		unsigned long addr, guard;

		addr = ref_fit(m, info, lo_limit, hi_limit, &above);
		if (addr == NOMEM || !above || !(above->flags & VM_GROWSDOWN))
			return addr;
		guard = above->start > STACK_GUARD_GAP ?
			above->start - STACK_GUARD_GAP : 0;
		if (topdown && guard < min(above->start, hi_limit))
			hi_limit = guard;
		else if (!topdown && guard < addr + need - 1)
			lo_limit = above->end;
		else
			return addr;
	}
}
