/*
 * tests/user/fuzz.c - a system-call fuzzer with a model of the address
 * space it changes.
 *
 *	fuzz [SEED [OPS [MASK]]]  (defaults: seed 1, 20000 operations, all)
 *
 * MASK picks entries of the operation table in run() (bit i: entry i),
 * to narrow a failure down.
 *
 * Every operation is one system call with arguments drawn at random from
 * hostile sets: addresses 0, unaligned, just below TASK_SIZE, in the
 * kernel, wrapping; lengths 0, 1, huge, wrapping; flags with every bit;
 * file descriptors open, closed, of files, of /proc files, of the
 * console; pointers into PROT_NONE, read-only, unmapped and kernel
 * memory. The same seed gives the same run (the seed is printed).
 *
 * What is checked as it goes, each against an independent expectation:
 *  - every result is a value or -errno with errno in 1..4095 (and, for
 *    the calls whose outcome the rules decide alone, the exact result:
 *    munmap's and mprotect's argument checks, mprotect's ENOMEM/EACCES on
 *    holes and on a shared mapping of a read-only file, brk's refusals,
 *    wait4's option mask, EBADF on closed descriptors);
 *  - a new mapping's address is page-aligned, where MAP_FIXED asked, and
 *    for a placed one, in space the model says was free;
 *  - every 64 operations, /proc/self/maps agrees page by page with the
 *    model (mapped or not, permissions, shared/private, file offset);
 *  - a forked child touches one byte (read or write) of the model's
 *    space: it must die of SIGSEGV or SIGBUS exactly where the model
 *    says (nothing mapped, PROT_NONE, a write to a read-only page, a file
 *    page beyond the end), else see the byte the model predicts (0 for
 *    anonymous memory, the file's byte for a file page);
 *  - other children run hostile execve()s and munmap()s of their own
 *    address space and must end as the rules say: the exec's errno
 *    (ENOENT, ENOTDIR, ENOEXEC, EFAULT), SIGSEGV once everything, code
 *    and stack included, is unmapped;
 *  - at the end, with everything unmapped, /proc/self/maps shows only
 *    what was there before the run; /bin/runtests then checks that every
 *    page and slab object came back.
 *
 * The model is a sorted list of ranges with what was asked for them.
 * Where the rules leave the outcome open, it takes the kernel's word from
 * /proc/self/maps for that range only (a MAP_FIXED that fails after
 * unmapping, mprotect with PROT_GROWSDOWN, a stack grown by a system
 * call's copy), or accepts either answer (brk growth refused for lack of
 * memory), and the next comparison with maps checks what was done.
 *
 * Only the fuzzer's own space is ever unmapped or changed: destructive
 * calls never reach its text, data, heap or stack (those calls are still
 * made there with arguments that must fail). Memory is touched only in
 * children, and what the fuzzer's own system calls write into it (read,
 * fstat64, clock_gettime, wait4) marks those pages unknown, so the model
 * knows the content of every other page it maps.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "datafiles.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "tests/prng.h"
#include "utest.h"

#define ARENA_SIZE (16UL << 20)		/* MAP_FIXED & co. land here */
#define HEAP_ZONE (32UL << 20)		/* brk moves within this */
#define MAX_RANGES 160			/* model ranges before a reset */
#define CHECK_EVERY 64			/* operations between maps checks */
#define MAX_FDS 12			/* files the fuzzer keeps open */
#define SHARED_MARK 0x5a		/* what children write to shared pages */

#define SIGBUS 7
#define SIGSEGV 11

/* ---- the model ----------------------------------------------------- */

/* The files a range can map (all opened read-only). */
static const struct data_file {
	const char *name;
	unsigned long pages;		/* pages with data; past them SIGBUS */
	bool known;			/* its bytes are pages_txt_byte() */
} data_files[] = {
	{ "/data/pages.txt", 4, true },	/* 16 KiB */
	{ "/data/not-elf", 1, false },	/* 55 bytes */
};
#define NO_FILE (-1)

/* What was asked of a range of pages. */
struct attr {
	unsigned char prot;		/* PROT_READ | PROT_WRITE | PROT_EXEC */
	bool shared;
	int file;			/* in data_files[], or NO_FILE */
	bool maywrite;			/* false: MAP_SHARED of a read-only fd */
	bool growsdown;
	bool dirty;			/* written by a system call: unknown */
	unsigned long pgoff;		/* file page at the range's start */
};

struct range {
	unsigned long start, end;
	struct attr a;
};

static struct range model[MAX_RANGES + 4];
static int nr_ranges;

/* The index of the first range ending above @addr (nr_ranges if none). */
static int model_lookup(unsigned long addr)
{
	int i = 0;

	while (i < nr_ranges && model[i].end <= addr)
		i++;
	return i;
}

/* The range holding @addr, or NULL. */
static struct range *model_find(unsigned long addr)
{
	int i = model_lookup(addr);

	return i < nr_ranges && model[i].start <= addr ? &model[i] : NULL;
}

/* Make @addr a range boundary (split the range around it). */
static void model_split(unsigned long addr)
{
	int i = model_lookup(addr);
	struct range *r = &model[i];

	if (i == nr_ranges || r->start >= addr)
		return;
	memmove(r + 1, r, (size_t)(nr_ranges - i) * sizeof(*r));
	nr_ranges++;
	r->end = addr;
	r[1].start = addr;
	if (r[1].a.file != NO_FILE)
		r[1].a.pgoff += (addr - r->start) >> PAGE_SHIFT;
}

/* Forget [@start, @end). */
static void model_clear(unsigned long start, unsigned long end)
{
	int i, j;

	model_split(start);
	model_split(end);
	i = model_lookup(start);
	for (j = i; j < nr_ranges && model[j].end <= end; j++)
		;
	memmove(&model[i], &model[j], (size_t)(nr_ranges - j) *
		sizeof(model[0]));
	nr_ranges -= j - i;
}

/* [@start, @end) is now mapped with @a. */
static void model_insert(unsigned long start, unsigned long end,
			 const struct attr *a)
{
	int i;

	model_clear(start, end);
	i = model_lookup(start);
	memmove(&model[i + 1], &model[i], (size_t)(nr_ranges - i) *
		sizeof(model[0]));
	model[i] = (struct range){ start, end, *a };
	nr_ranges++;
}

/* Does nothing of the model lie in [@start, @end)? */
static bool model_free(unsigned long start, unsigned long end)
{
	int i = model_lookup(start);

	return i == nr_ranges || model[i].start >= end;
}

/* Mark what a system call wrote, [@start, @end), as of unknown content. */
static void model_dirty(unsigned long start, unsigned long end)
{
	start &= PAGE_MASK;
	end = PAGE_ALIGN(end);
	model_split(start);
	model_split(end);
	for (int i = model_lookup(start); i < nr_ranges &&
	     model[i].start < end; i++)
		model[i].a.dirty = true;
}

static void model_resync(unsigned long start, unsigned long end);
static bool read_maps(void);
static void dump_near(unsigned long addr);

/* ---- what is not the fuzzer's to change ----------------------------- */

/* The maps lines found at the start (text, data, heap), and zones. */
#define MAX_FOREIGN 16
static struct map_entry foreign[MAX_FOREIGN];
static int nr_foreign;
static unsigned long heap_lo, heap_hi;	/* [start, brk zone end) */
static unsigned long stack_lo;		/* the stack's zone starts here */
static unsigned long arena;		/* ARENA_SIZE of free space */
static unsigned long brk0;		/* the break at the start */
static unsigned long text_page;		/* a page of our own text */

static char maps_text[64 * 1024];

/* Would [@start, @end) touch anything that is not the fuzzer's own? */
static bool hits_foreign(unsigned long start, unsigned long end)
{
	if (end > stack_lo || (start < heap_hi && end > heap_lo))
		return true;
	for (int i = 0; i < nr_foreign; i++)
		if (start < foreign[i].end && end > foreign[i].start)
			return true;
	return false;
}

/* Would [@start, @end) overlap one of the lines found at the start? */
static bool hits_lines(unsigned long start, unsigned long end)
{
	for (int i = 0; i < nr_foreign; i++)
		if (start < foreign[i].end && end > foreign[i].start)
			return true;
	return false;
}

/* Take note of the maps before the run. */
static bool note_foreign(void)
{
	const char *line = maps_text;
	struct map_entry e;

	if (proc_read("/proc/self/maps", maps_text, sizeof(maps_text)) < 0)
		return false;
	brk0 = sys_brk(0);
	heap_lo = brk0;
	while (line && *line) {
		line = maps_parse_line(line, &e);
		if (e.start >= TASK_SIZE)
			continue;	/* [vectors]: the kernel's page, no VMA */
		if (strcmp(e.name, "[stack]") == 0) {
			/* room to grow, and its guard gap */
			stack_lo = e.start - (4UL << 20);
			continue;
		}
		if (nr_foreign == MAX_FOREIGN)
			return false;
		foreign[nr_foreign++] = e;
		if (e.start < brk0 && e.end >= brk0 && e.start < heap_lo)
			heap_lo = e.start;
	}
	heap_hi = PAGE_ALIGN(brk0) + HEAP_ZONE;
	return stack_lo != 0;
}

/* ---- randomness ----------------------------------------------------- */

static struct prng rng;

static unsigned long rnd(unsigned long n)
{
	return n ? (unsigned long)prng_below(&rng, n) : 0;
}

static bool chance(unsigned int percent)
{
	return rnd(100) < percent;
}

static unsigned long pick(const unsigned long *v, unsigned int n)
{
	return v[rnd(n)];
}

#define PICK(...) ({ static const unsigned long v_[] = { __VA_ARGS__ }; \
		     pick(v_, sizeof(v_) / sizeof(v_[0])); })

/* A page of the model, or of the arena when the model is empty. */
static unsigned long model_page(void)
{
	if (nr_ranges && chance(85)) {
		const struct range *r = &model[rnd(nr_ranges)];

		return r->start + (rnd((r->end - r->start) >> PAGE_SHIFT)
				   << PAGE_SHIFT);
	}
	return arena + (rnd(ARENA_SIZE >> PAGE_SHIFT) << PAGE_SHIFT);
}

/* An address for a call that may unmap or change what it names. */
static unsigned long any_addr(void)
{
	switch (rnd(10)) {
	case 0:
		return PICK(0, 0x1000, PAGE_OFFSET, 0xffff0000, 0xfffff000,
			    TASK_SIZE, TASK_SIZE - PAGE_SIZE, 0xffffffff);
	case 1:
		return model_page() + 1 + rnd(PAGE_SIZE - 1);	/* unaligned */
	case 2:		/* a boundary of the model */
		if (nr_ranges) {
			const struct range *r = &model[rnd(nr_ranges)];

			return chance(50) ? r->end : r->start - PAGE_SIZE;
		}
		/* fall through */
	default:
		return model_page();
	}
}

/* A length: mostly a few pages, sometimes 0, 1, huge or wrapping. */
static unsigned long any_len(unsigned long addr)
{
	switch (rnd(12)) {
	case 0:
		return PICK(0, 1, PAGE_SIZE - 1, PAGE_SIZE + 1);
	case 1:
		return PICK(0x7fffffff, 0x80000000, 0xfffff000, 0xffffffff,
			    TASK_SIZE, 0xfffffffe);
	case 2:
		return -addr + rnd(3) * PAGE_SIZE;		/* wraps */
	case 3:
		return (rnd(1024) + 1) << PAGE_SHIFT;
	default:
		return (rnd(16) + 1) << PAGE_SHIFT;
	}
}

/*
 * May a call that changes [@addr, @addr + @len) be made? Yes when it
 * stays off what is not ours, or when its arguments must fail before
 * anything is done: an unaligned start, a start at or above TASK_SIZE,
 * a length that wraps when page-aligned; for munmap and mmap (not
 * @mprotect, which changes what it finds up to TASK_SIZE) also a range
 * that runs past TASK_SIZE.
 */
static bool safe_range(unsigned long addr, unsigned long len, bool mprotect)
{
	unsigned long alen = PAGE_ALIGN(len), end = addr + alen;

	if (offset_in_page(addr) || addr >= TASK_SIZE || alen < len ||
	    end < addr)
		return true;
	if (len > TASK_SIZE - addr) {
		if (!mprotect)
			return true;
		end = TASK_SIZE;
	}
	return !hits_foreign(addr, end);
}

/* A user pointer for a call to read from or write to. */
static char goodbuf[PAGE_SIZE];

static unsigned long any_ptr(void)
{
	switch (rnd(10)) {
	case 0:
		return PICK(0, PAGE_OFFSET, 0xffff0fe0, 0xfffffff0,
			    TASK_SIZE - 8);
	case 1:
		return text_page;	/* ours, read-only */
	case 2:
	case 3:
		return (unsigned long)goodbuf + rnd(64);
	default:
		return model_page() + rnd(PAGE_SIZE);
	}
}

/* ---- bookkeeping of the run ----------------------------------------- */

static unsigned long op_nr, calls, children, faults_seen;
static const char *op_name;
static long a_[6];			/* the current call's arguments */

/* The call failed a check: say which, with everything to replay it. */
#define FUZZ_CHECK(cond, ...) do { if (!(cond)) fuzz_failed(__LINE__, \
	#cond, __VA_ARGS__); } while (0)

static unsigned long failures;
static bool verbose;			/* MASK bit 31: print every call */

static void fuzz_failed(int line, const char *cond, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (failures++ < 20)
		check_failed(__FILE__, line, "op %lu %s(%#lx, %#lx, %#lx, %#lx, "
			     "%#lx, %#lx): %s: %s", op_nr, op_name, a_[0],
			     a_[1], a_[2], a_[3], a_[4], a_[5], cond, buf);
}

/* Make the call; every result must be a value or -errno in 1..4095. */
static long call(const char *name, long nr, long a0, long a1, long a2,
		 long a3, long a4, long a5)
{
	long ret;

	op_name = name;
	a_[0] = a0; a_[1] = a1; a_[2] = a2; a_[3] = a3; a_[4] = a4; a_[5] = a5;
	ret = __syscall(nr, a0, a1, a2, a3, a4, a5);
	calls++;
	if (verbose)
		printf("# op %lu: %s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx) = %ld\n",
		       op_nr, name, a0, a1, a2, a3, a4, a5, ret);
	if (nr == __NR_mmap2 || nr == __NR_brk)	/* an address, or -errno */
		FUZZ_CHECK((unsigned long)ret < TASK_SIZE || sys_is_err(ret),
			   "result %#lx is no address", ret);
	else
		FUZZ_CHECK(ret >= -4095, "result %ld is no errno", ret);
	return ret;
}

/* ---- file descriptors ----------------------------------------------- */

static int fds[MAX_FDS];
static int fd_file[MAX_FDS];		/* data_files[] index, or NO_FILE */
static bool fd_console[MAX_FDS];	/* reading would wait for input */
static unsigned long fd_path[MAX_FDS];	/* what open() was given */
static int nr_fds;

/* A descriptor: open (of any kind), closed, or nonsense. */
static long any_fd(void)
{
	if (nr_fds && chance(70))
		return fds[rnd(nr_fds)];
	return (long)PICK(0, 1, 2, 3, 9, 63, 64, 1000, 0x7fffffff,
			  (unsigned long)-1, 0x80000000);
}

/* The slot of open descriptor @fd, or -1. */
static int fd_slot(long fd)
{
	for (int i = 0; i < nr_fds; i++)
		if (fds[i] == fd)
			return i;
	return -1;
}

static bool fd_is_ours(long fd)
{
	return fd_slot(fd) >= 0;
}

/* Would a read of @fd wait for console input? */
static bool fd_waits(long fd)
{
	int i = fd_slot(fd);

	return (fd >= 0 && fd <= 2) || (i >= 0 && fd_console[i]);
}

static void fd_add(long fd, int file, bool console, unsigned long path)
{
	fd_path[nr_fds] = path;
	fds[nr_fds] = (int)fd;
	fd_file[nr_fds] = file;
	fd_console[nr_fds] = console;
	nr_fds++;
}

/* ---- the operations ------------------------------------------------- */

/*
 * After a call that copied to or from user pointer @p: a copy just below
 * a growsdown mapping grows it, as the task's own access would (Linux's
 * fault path makes no difference between the two). The model takes the
 * kernel's word for the space between.
 */
static void after_copy(unsigned long p)
{
	int i;

	if (p >= TASK_SIZE || model_find(p))
		return;
	i = model_lookup(p);
	if (i < nr_ranges && model[i].a.growsdown)
		model_resync(p & PAGE_MASK, model[i].start);
}

/* The file mapped by the fuzzer, opened read-only once. */
static int pages_fd;

static void op_mmap(void)
{
	unsigned long addr, len, flags, pgoff = 0, prot;
	long fd = -1, ret;
	struct attr a = { .file = NO_FILE };
	int slot;

	flags = PICK(MAP_PRIVATE, MAP_SHARED, MAP_SHARED_VALIDATE, 0, 0xf);
	if (chance(60))
		flags |= MAP_ANONYMOUS;
	if (chance(25))
		flags |= MAP_FIXED;
	else if (chance(10))
		flags |= MAP_FIXED_NOREPLACE;
	if (chance(15))		/* any other bits */
		flags |= 1UL << rnd(32);
	if (chance(5))
		flags |= PICK(MAP_POPULATE, MAP_GROWSDOWN, MAP_NORESERVE,
			      MAP_SYNC, MAP_HUGETLB, MAP_LOCKED, MAP_STACK);
	prot = rnd(8);
	if (chance(5))
		prot |= 1UL << rnd(32);
	addr = chance(30) && !(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) ?
		0 : any_addr();
	len = chance(80) ? (rnd(16) + 1) << PAGE_SHIFT : any_len(addr);
	if (!(flags & MAP_ANONYMOUS)) {
		fd = chance(80) ? pages_fd : any_fd();
		pgoff = chance(85) ? rnd(8) :
			PICK(0xfffff, 0x100000, 0xfffffffe, 0xffffffff);
	}
	if ((flags & MAP_FIXED) && !safe_range(addr, len, false))
		return;
	/* a hint (or MAP_FIXED_NOREPLACE) near the heap or stack: none */
	if (!(flags & MAP_FIXED) && addr &&
	    (addr + PAGE_ALIGN(len) < addr ||
	     hits_foreign(addr & PAGE_MASK, addr + PAGE_ALIGN(len))))
		addr = 0;
	ret = call("mmap2", __NR_mmap2, (long)addr, (long)len, (long)prot,
		   (long)flags, fd, (long)pgoff);
	if (sys_is_err(ret)) {
		/* MAP_FIXED may have unmapped the range before failing */
		if ((flags & MAP_FIXED) && !offset_in_page(addr) && len &&
		    len <= TASK_SIZE - addr)
			model_resync(addr, addr + PAGE_ALIGN(len));
		return;
	}
	unsigned long start = (unsigned long)ret, end = start + PAGE_ALIGN(len);

	FUZZ_CHECK(!offset_in_page(start) && end > start && end <= TASK_SIZE,
		   "mapped %#lx-%#lx", start, end);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
		FUZZ_CHECK(start == addr, "MAP_FIXED at %#lx", start);
	if (!(flags & MAP_FIXED)) {
		FUZZ_CHECK(model_free(start, end) && !hits_lines(start, end),
			   "placed %#lx-%#lx over a mapping", start, end);
		if (hits_foreign(start, end)) {
			/* placed in the heap's or the stack's zone: not kept */
			FUZZ_CHECK(sys_munmap(start, end - start) == 0,
				   "munmap %#lx-%#lx", start, end);
			return;
		}
	}
	a.prot = prot & 7;
	a.shared = (flags & MAP_TYPE) != MAP_PRIVATE;
	if (!(flags & MAP_ANONYMOUS)) {
		slot = fd_slot(fd);
		a.file = slot >= 0 ? fd_file[slot] : NO_FILE;
		FUZZ_CHECK(a.file != NO_FILE, "mapped fd %ld, opened from %#lx "
			   "\"%.40s\"", fd, slot >= 0 ? fd_path[slot] : 0,
			   slot >= 0 && fd_path[slot] < TASK_SIZE &&
			   (fd_path[slot] < arena || fd_path[slot] >=
			    arena + ARENA_SIZE) ? (char *)fd_path[slot] : "?");
	}
	/* every file is open read-only: a shared mapping may not write */
	a.maywrite = !(a.shared && a.file != NO_FILE);
	a.growsdown = (flags & MAP_GROWSDOWN) != 0;
	a.pgoff = pgoff;
	model_insert(start, end, &a);
}

/*
 * munmap: Linux's checks decide the result alone (EINVAL for an unaligned
 * start, a start above TASK_SIZE, a length running past it or zero).
 */
static void op_munmap(void)
{
	unsigned long addr = any_addr(), len = any_len(addr);
	long want = 0, ret;

	if (!safe_range(addr, len, false))
		return;
	if (offset_in_page(addr) || addr > TASK_SIZE || len > TASK_SIZE - addr
	    || PAGE_ALIGN(len) == 0)
		want = -EINVAL;
	ret = call("munmap", __NR_munmap, (long)addr, (long)len, 0, 0, 0, 0);
	FUZZ_CHECK(ret == want, "result %ld, expected %ld", ret, want);
	if (ret == 0)
		model_clear(addr, addr + PAGE_ALIGN(len));
}

/*
 * mprotect: Linux's order (do_mprotect_pkey): both GROWS bits EINVAL;
 * unaligned EINVAL; length 0 is 0; a wrapping end ENOMEM; unknown bits
 * EINVAL; then the VMAs from start on, in order, until the end, a hole
 * (ENOMEM) or a shared mapping of a read-only file asked to be writable
 * (EACCES): what came before the error has been changed.
 */
static void op_mprotect(void)
{
	unsigned long addr = any_addr(), len = any_len(addr), prot = rnd(8);
	unsigned long end, at;
	long want = 0, ret;
	bool grows = false;

	if (chance(5))
		prot |= chance(50) ? 1UL << rnd(32) :
			PICK(PROT_GROWSDOWN, PROT_GROWSUP, 8);
	if (!safe_range(addr, len, true))
		return;
	end = addr + PAGE_ALIGN(len);
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) ==
	    (PROT_GROWSDOWN | PROT_GROWSUP) || offset_in_page(addr))
		want = -EINVAL;
	else if (len == 0)
		want = 0;
	else if (end <= addr)
		want = -ENOMEM;
	else if (prot & ~(0xfUL | PROT_GROWSDOWN | PROT_GROWSUP))
		want = -EINVAL;
	else if (prot & (PROT_GROWSDOWN | PROT_GROWSUP))
		grows = true;	/* not predicted: resynced below */
	ret = call("mprotect", __NR_mprotect, (long)addr, (long)len,
		   (long)prot, 0, 0, 0);
	if (grows) {
		model_resync(addr, end);
		return;
	}
	if (want || len == 0) {
		FUZZ_CHECK(ret == want, "result %ld, expected %ld", ret, want);
		return;
	}
	/* walk the model as the kernel walks the VMAs */
	at = addr;
	want = 0;
	for (;;) {
		struct range *r = model_find(at);

		if (!r) {
			want = -ENOMEM;
			break;
		}
		if ((prot & PROT_WRITE) && !r->a.maywrite) {
			want = -EACCES;
			break;
		}
		model_split(at);
		model_split(end);
		r = model_find(at);
		r->a.prot = prot & 7;
		at = r->end;
		if (at >= end)
			break;
	}
	FUZZ_CHECK(ret == want, "result %ld, expected %ld", ret, want);
}

/*
 * brk within the heap's zone, or anywhere hostile. Below the starting
 * break it would take the C library's heap away: only values under the
 * heap's start are tried there (refused: the break stays). Growth may be
 * refused for lack of memory; a shrink may not.
 */
static void op_brk(void)
{
	unsigned long cur = sys_brk(0), want_brk, arg;
	long ret;

	switch (rnd(6)) {
	case 0:
		arg = chance(20) ? heap_lo - PAGE_SIZE :
			PICK(0, 1, PAGE_OFFSET, 0xffffffff, TASK_SIZE, 0x8000);
		break;
	default:
		arg = PAGE_ALIGN(brk0) + rnd(HEAP_ZONE - 2 * PAGE_SIZE);
		if (chance(50))
			arg &= PAGE_MASK;
		break;
	}
	if (arg >= heap_lo && arg < brk0)
		return;
	ret = call("brk", __NR_brk, (long)arg, 0, 0, 0, 0, 0);
	if (arg < heap_lo || arg >= heap_hi)
		want_brk = cur;
	else
		want_brk = arg;
	if (arg >= heap_lo && arg <= cur) {		/* a shrink */
		FUZZ_CHECK((unsigned long)ret == want_brk,
			   "break %#lx, expected %#lx", ret, want_brk);
	} else if (arg > cur && arg < heap_hi) {	/* growth */
		FUZZ_CHECK((unsigned long)ret == arg ||
			   (unsigned long)ret == cur,
			   "break %#lx, expected %#lx or %#lx", ret, arg, cur);
	} else {
		FUZZ_CHECK((unsigned long)ret == cur,
			   "break %#lx, expected it to stay %#lx", ret, cur);
	}
	if ((unsigned long)ret > cur) {
		struct attr a = { .prot = PROT_READ | PROT_WRITE,
				  .file = NO_FILE, .maywrite = true };

		if (PAGE_ALIGN(ret) > PAGE_ALIGN(cur))
			model_insert(PAGE_ALIGN(cur), PAGE_ALIGN(ret), &a);
	} else if ((unsigned long)ret < cur) {
		model_clear(PAGE_ALIGN(ret), PAGE_ALIGN(cur));
	}
}

/* A path: a file, a /proc file, a directory, nothing, or a bad pointer. */
static const char *const paths[] = {
	"/data/pages.txt", "/proc/self/maps", "/proc/meminfo",
	"/proc/vmstat", "/dev/console", "/", "/data", "/nonexistent",
	"", "/data/pages.txt/x", "/data/not-elf",
};
#define NR_EXISTING 7		/* the first ones exist */

static void op_open(void)
{
	static char longpath[5000];
	unsigned long flags = rnd(2) ? rnd(0x200000) : (1UL << rnd(32));
	unsigned int which = (unsigned int)rnd(sizeof(paths) /
					       sizeof(paths[0]) + 2);
	unsigned long path;
	int file = NO_FILE;
	long ret;

	if (which < sizeof(paths) / sizeof(paths[0])) {
		path = (unsigned long)paths[which];
		/* nothing of the image may change: read-only, no O_CREAT */
		if (which == 0 || which == sizeof(paths) / sizeof(paths[0]) - 1) {
			flags &= ~3UL;
			file = which == 0 ? 0 : 1;
		}
		if (which >= NR_EXISTING || which == 0)
			flags &= ~0100UL;			/* O_CREAT */
		flags &= ~01000UL;				/* O_TRUNC */
	} else if (which == sizeof(paths) / sizeof(paths[0])) {
		memset(longpath, 'a', sizeof(longpath) - 1);
		path = (unsigned long)longpath;
		flags &= ~0100UL;
	} else {
		path = any_ptr();
		flags &= ~0100UL;
	}
	if (nr_fds == MAX_FDS)
		return;
	ret = call("open", __NR_open, (long)path, (long)flags, 0644, 0, 0, 0);
	after_copy(path);
	if (ret >= 0) {
		FUZZ_CHECK(!fd_is_ours(ret) && ret > 2,
			   "fd %ld already open", ret);
		fd_add(ret, file, path == (unsigned long)paths[4], path);
	}
}

static void op_close(void)
{
	long fd, ret, want = -EBADF;

	if (nr_fds > 1 && chance(80)) {
		int i = 1 + (int)rnd(nr_fds - 1);	/* pages_fd stays */

		fd = fds[i];
		nr_fds--;
		fds[i] = fds[nr_fds];
		fd_file[i] = fd_file[nr_fds];
		fd_console[i] = fd_console[nr_fds];
		fd_path[i] = fd_path[nr_fds];
		want = 0;
	} else {
		fd = (long)PICK(3, 9, 63, 64, 1000, (unsigned long)-1,
				0x7fffffff);
		if (fd_is_ours(fd))
			return;
	}
	ret = call("close", __NR_close, fd, 0, 0, 0, 0, 0);
	FUZZ_CHECK(ret == want, "result %ld, expected %ld", ret, want);
}

/* read/write/lseek/fstat64 on any descriptor, into or from any pointer. */
static void op_io(void)
{
	long fd = any_fd(), ret;
	unsigned long buf = any_ptr(), len;
	bool console = fd_waits(fd);

	len = chance(70) ? rnd(300) : any_len(buf);
	switch (rnd(4)) {
	case 0:
		if (console)		/* the console would wait for input */
			len = 0;
		ret = call("read", __NR_read, fd, (long)buf, (long)len, 0, 0, 0);
		if (!fd_is_ours(fd) && !(fd >= 0 && fd <= 2))
			FUZZ_CHECK(ret == -EBADF, "read of closed fd: %ld", ret);
		if (ret > 0) {
			FUZZ_CHECK((unsigned long)ret <= len, "read %ld", ret);
			if (buf >= (unsigned long)goodbuf + sizeof(goodbuf) ||
			    buf < (unsigned long)goodbuf)
				model_dirty(buf, buf + (unsigned long)ret);
		}
		break;
	case 1:
		if (console && len > 64)
			len = 64;
		ret = call("write", __NR_write, fd, (long)buf, (long)len, 0, 0,
			   0);
		if (ret >= 0)
			FUZZ_CHECK((unsigned long)ret <= len, "wrote %ld", ret);
		if (ret > 0 && console)	/* whatever it was: end the line */
			sys_write(1, "\n", 1);
		break;
	case 2:
		ret = call("lseek", __NR_lseek, fd, (long)any_len(0),
			   (long)rnd(6), 0, 0, 0);
		if (!fd_is_ours(fd) && !(fd >= 0 && fd <= 2))
			FUZZ_CHECK(ret == -EBADF, "lseek of closed fd: %ld", ret);
		break;
	default:
		ret = call("fstat64", __NR_fstat64, fd, (long)buf, 0, 0, 0, 0);
		if (ret == 0 && (buf < (unsigned long)goodbuf ||
				 buf >= (unsigned long)goodbuf + sizeof(goodbuf)))
			model_dirty(buf, buf + 104);
		break;
	}
	after_copy(buf);
}

/* The calls that read nothing: getpid, getppid, sched_yield, personality. */
static void op_misc(void)
{
	static long pid;
	long ret;

	switch (rnd(5)) {
	case 0:
		ret = call("getpid", __NR_getpid, 0, 0, 0, 0, 0, 0);
		if (!pid)
			pid = ret;
		FUZZ_CHECK(ret == pid && ret > 0, "pid %ld", ret);
		break;
	case 1:
		ret = call("getppid", __NR_getppid, 0, 0, 0, 0, 0, 0);
		FUZZ_CHECK(ret >= 0, "ppid %ld", ret);
		break;
	case 2:
		ret = call("sched_yield", __NR_sched_yield, 0, 0, 0, 0, 0, 0);
		FUZZ_CHECK(ret == 0, "result %ld", ret);
		break;
	case 3: {
		/* set any persona and put the old one back at once */
		long old = call("personality", __NR_personality, 0xffffffff, 0,
				0, 0, 0, 0);
		long got = call("personality", __NR_personality,
				(long)rnd(0x10000000), 0, 0, 0, 0, 0);

		FUZZ_CHECK(got == old, "personality said %ld, was %ld", got,
			   old);
		call("personality", __NR_personality, old, 0, 0, 0, 0, 0);
		break;
	}
	default: {
		unsigned long tp = any_ptr();

		ret = call("clock_gettime", __NR_clock_gettime,
			   (long)PICK(0, 1, 2, 3, 4, 5, 7, 11, 12, 100,
				      (unsigned long)-1), (long)tp, 0, 0, 0, 0);
		if (ret == 0 && (tp < (unsigned long)goodbuf ||
				 tp >= (unsigned long)goodbuf + sizeof(goodbuf)))
			model_dirty(tp, tp + 8);
		after_copy(tp);
		break;
	}
	}
}

/* Unknown system call numbers (and the ARM-private ones): ENOSYS. */
static void op_unknown(void)
{
	static const long known[] = {
		__NR_exit, __NR_fork, __NR_read, __NR_write, __NR_open,
		__NR_close, __NR_execve, __NR_lseek, __NR_getpid, __NR_brk,
		__NR_getppid, __NR_munmap, __NR_wait4, __NR_mprotect,
		__NR_personality, __NR_sched_yield, __NR_mmap2, __NR_fstat64,
		__NR_exit_group, __NR_clock_gettime, __NR_openat, __NR_clone,
		__NR_set_tid_address, __NR_set_robust_list,
		__NR_clock_gettime64,
		__NR_dup, __NR_pipe, __NR_ioctl, __NR_fcntl, __NR_dup2,
		__NR_readlink, __NR_uname, __NR__llseek, __NR_readv,
		__NR_writev, __NR_ugetrlimit, __NR_stat64, __NR_lstat64,
		__NR_getdents64, __NR_fcntl64, __NR_fstatat64,
		__NR_readlinkat, __NR_dup3, __NR_pipe2, __NR_prlimit64,
		__NR_getrandom, __NR_statx, __NR_getuid, __NR_getgid,
		__NR_geteuid, __NR_getegid, __NR_getuid32, __NR_getgid32,
		__NR_geteuid32, __NR_getegid32, __NR_gettid, __NR_sysinfo,
		__NR_prctl, __NR_rt_sigaction, __NR_rt_sigprocmask,
		__NR_getcwd, __NR_mremap, __NR_poll, __NR_nanosleep,
		__NR_clock_nanosleep, __NR_clock_nanosleep_time64,
		__NR_msync, __NR_mincore, __NR_madvise,
		__ARM_NR_set_tls, __ARM_NR_get_tls,
	};
	long nr = chance(80) ? (long)rnd(450) : (long)(0xf0000 + rnd(0x20));

	for (unsigned int i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (nr == known[i])
			return;
	call("unknown", nr, (long)any_ptr(), (long)any_len(0),
	     (long)any_ptr(), 0, 0, 0);
}

/*
 * wait4 with no child left: Linux's wait4 refuses any option outside
 * WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL
 * (EINVAL), then pid INT_MIN (ESRCH), and otherwise finds no child
 * (ECHILD).
 */
static void op_wait4(void)
{
	const unsigned long ok = 0x1 | 0x2 | 0x8 | 0x20000000 | 0x80000000 |
				 0x40000000;
	unsigned long options = chance(50) ? rnd(16) : 1UL << rnd(32);
	long pid = (long)PICK(-1, 0, 1, 99999, (unsigned long)-99999,
			      0x80000000), want, ret;

	want = options & ~ok ? -EINVAL : pid == (long)0x80000000 ? -ESRCH :
		-ECHILD;
	unsigned long status = any_ptr(), rusage = any_ptr();

	ret = call("wait4", __NR_wait4, pid, (long)status, (long)options,
		   (long)rusage, 0, 0);
	FUZZ_CHECK(ret == want, "result %ld, expected %ld", ret, want);
}

/* ---- children -------------------------------------------------------- */

/*
 * What a one-byte access at @addr must do, from the model: 0 (it works,
 * and *@val is the byte to see, -1 for "don't know"), SIGSEGV or SIGBUS.
 * -1: the model cannot say (just below a growsdown mapping).
 */
static int predict_touch(unsigned long addr, bool write, int *val)
{
	const struct range *r = model_find(addr);
	unsigned long fpage;

	*val = -1;
	if (!r) {
		for (int i = model_lookup(addr); i < nr_ranges; i++)
			if (model[i].a.growsdown &&
			    model[i].start - addr <= STACK_GUARD_GAP + ARENA_SIZE)
				return -1;
		return SIGSEGV;
	}
	if (!r->a.prot || (write && !(r->a.prot & PROT_WRITE)))
		return SIGSEGV;
	if (r->a.file != NO_FILE) {
		const struct data_file *f = &data_files[r->a.file];

		fpage = r->a.pgoff + ((addr - r->start) >> PAGE_SHIFT);
		if (fpage >= f->pages || fpage < r->a.pgoff)
			return SIGBUS;
		if (!r->a.dirty && !write && f->known)
			*val = (unsigned char)pages_txt_byte(fpage * PAGE_SIZE +
							     offset_in_page(addr));
	} else if (!r->a.dirty && !write && !r->a.shared) {
		*val = 0;
	}
	return 0;
}

/* A child reads or writes one byte; its fate must be the model's. */
static void op_touch(void)
{
	unsigned long addr = model_page() + rnd(PAGE_SIZE);
	bool write = chance(40);
	const struct range *r = model_find(addr);
	int val, status = -1;
	int want = predict_touch(addr, write, &val);
	long pid;

	op_name = write ? "touch (write)" : "touch (read)";
	a_[0] = (long)addr;
	pid = sys_fork();
	if (pid == 0) {
		volatile unsigned char *p = (volatile unsigned char *)addr;
		int got;

		if (write) {
			*p = r && r->a.shared ? SHARED_MARK : 0x33;
			got = *p;
			sys_exit_group(got == (r && r->a.shared ? SHARED_MARK :
					       0x33) ? 0 : 1);
		}
		got = *p;
		if (r && r->a.shared && r->a.file == NO_FILE && !r->a.dirty)
			sys_exit_group(got == 0 || got == SHARED_MARK ? 0 : 1);
		sys_exit_group(val < 0 || got == val ? 0 : 2);
	}
	FUZZ_CHECK(pid > 0, "fork: %ld", pid);
	if (pid <= 0)
		return;
	children++;
	FUZZ_CHECK(sys_wait4(pid, &status, 0) == pid, "wait4 lost %ld", pid);
	if ((status & 0x7f) != 0)
		faults_seen++;
	if (want < 0)
		FUZZ_CHECK((status & 0x7f) == 0 || (status & 0x7f) == SIGSEGV,
			   "status %#x", status);
	else if (want == 0)
		FUZZ_CHECK(status == 0, "status %#x, expected exit 0 (value "
			   "%d)", status, val);
	else
		FUZZ_CHECK(status == want, "status %#x, expected signal %d",
			   status, want);
	if (want >= 0 && status != (want ? want : 0) && read_maps())
		dump_near(addr);
}

/*
 * A child does something drastic to its own address space, or exec()s a
 * file that cannot run, and must end as the rules say: an exec that
 * fails returns its errno (the child exits with it: a path that is not
 * there ENOENT, a path through a regular file ENOTDIR, a file that is
 * not ELF ENOEXEC, an argv the kernel cannot read EFAULT); a child
 * that unmaps all of its memory, code and stack included, dies of
 * SIGSEGV on its next instruction.
 */
static void op_wild_child(void)
{
	static const struct { const char *path; int err; } execs[] = {
		{ "/nonexistent", ENOENT }, { "", ENOENT },
		{ "/data/pages.txt/x", ENOTDIR }, { "/data/not-elf", ENOEXEC },
	};
	static char *const bad_argv[] = { (char *)PAGE_OFFSET, NULL };
	unsigned int what = (unsigned int)rnd(5), e = (unsigned int)rnd(4);
	unsigned long p = any_ptr(), maddr = any_addr() & PAGE_MASK;
	unsigned long mlen = any_len(0);
	bool use_bad_argv = chance(50);
	int status = -1;
	long pid;

	op_name = "wild child";
	a_[0] = what;
	pid = sys_fork();
	if (pid == 0) {
		switch (what) {
		case 0:		/* exec what cannot run */
			sys_exit_group((int)-sys_execve(execs[e].path, NULL,
							NULL));
		case 1:
			sys_exit_group((int)-sys_execve("/tests/hello",
				use_bad_argv ? bad_argv :
				(char *const *)PAGE_OFFSET, NULL));
		case 2:
			sys_exit_group((int)-sys_execve((const char *)p, NULL,
							NULL));
		case 3:		/* take away everything, stack included */
			__syscall(__NR_munmap, 0, (long)TASK_SIZE, 0, 0, 0, 0);
			sys_exit_group(99);	/* never reached */
		default:
			__syscall(__NR_munmap, (long)maddr, (long)mlen, 0, 0,
				  0, 0);
			sys_exit_group(0);
		}
	}
	FUZZ_CHECK(pid > 0, "fork: %ld", pid);
	if (pid <= 0)
		return;
	children++;
	FUZZ_CHECK(sys_wait4(pid, &status, 0) == pid, "wait4 lost %ld", pid);
	switch (what) {
	case 0:
		FUZZ_CHECK(status == execs[e].err << 8, "exec %s: status %#x, "
			   "expected exit %d", execs[e].path, status,
			   execs[e].err);
		break;
	case 1:
		FUZZ_CHECK(status == EFAULT << 8, "status %#x", status);
		break;
	case 2:		/* whatever the pointer held, exec failed */
		FUZZ_CHECK((status & 0xff) == 0 && (status >> 8) > 0 &&
			   (status >> 8) < 134, "status %#x", status);
		break;
	case 3:
		FUZZ_CHECK(status == SIGSEGV, "status %#x", status);
		break;
	default:	/* lived, or unmapped its own code or stack */
		FUZZ_CHECK(status == 0 || status == SIGSEGV, "status %#x",
			   status);
		break;
	}
}

/* ---- checking the model against the kernel -------------------------- */

/* The maps lines, parsed: what the kernel says is there. */
#define MAX_LINES 1024
static struct map_entry lines[MAX_LINES];
static int nr_lines;

static bool read_maps(void)
{
	const char *line = maps_text;
	long n = proc_read("/proc/self/maps", maps_text, sizeof(maps_text));

	nr_lines = 0;
	if (n < 0 || n >= (long)sizeof(maps_text) - 1)
		return false;
	while (line && *line && nr_lines < MAX_LINES) {
		line = maps_parse_line(line, &lines[nr_lines]);
		/* the gate area ([vectors]) lies above the task's space */
		if (lines[nr_lines].start < TASK_SIZE)
			nr_lines++;
	}
	return !line || !*line;
}

/* Is this line one of the fuzzer's own (not foreign, not the stack)? */
static bool line_is_ours(const struct map_entry *e)
{
	return strcmp(e->name, "[stack]") != 0;
}

/* Is @addr in a range that was mapped before the run? */
static bool is_foreign(unsigned long addr)
{
	for (int i = 0; i < nr_foreign; i++)
		if (foreign[i].start <= addr && addr < foreign[i].end)
			return true;
	return false;
}

/* Does the kernel's line @e agree with model range @r at page @addr? */
static bool agrees(const struct map_entry *e, const struct range *r,
		   unsigned long addr)
{
	char perms[5];

	snprintf(perms, sizeof(perms), "%c%c%c%c",
		 r->a.prot & PROT_READ ? 'r' : '-',
		 r->a.prot & PROT_WRITE ? 'w' : '-',
		 r->a.prot & PROT_EXEC ? 'x' : '-', r->a.shared ? 's' : 'p');
	if (strcmp(perms, e->perms) != 0)
		return false;
	if (r->a.file == NO_FILE)
		return true;
	return strcmp(e->name, data_files[r->a.file].name) == 0 &&
	       e->offset + (addr - e->start) ==
	       (unsigned long long)r->a.pgoff * PAGE_SIZE + (addr - r->start);
}

/* After a disagreement: the model and the maps around @addr, once. */
static void dump_near(unsigned long addr)
{
	static bool dumped;

	if (dumped)
		return;
	dumped = true;
	printf("# fuzz: model near %#lx:\n", addr);
	for (int i = 0; i < nr_ranges; i++)
		if (model[i].end + (1UL << 20) > addr &&
		    model[i].start < addr + (1UL << 20))
			printf("#   %08lx-%08lx prot %d %s file %d pgoff %lx%s\n",
			       model[i].start, model[i].end, model[i].a.prot,
			       model[i].a.shared ? "shared" : "private",
			       model[i].a.file, model[i].a.pgoff,
			       model[i].a.growsdown ? " growsdown" : "");
	printf("# fuzz: maps near it:\n");
	for (int i = 0; i < nr_lines; i++)
		if (lines[i].end + (1UL << 20) > addr &&
		    lines[i].start < addr + (1UL << 20))
			printf("#   %08lx-%08lx %s %llx %s\n", lines[i].start,
			       lines[i].end, lines[i].perms, lines[i].offset,
			       lines[i].name);
}

static int compare_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/*
 * Compare the kernel's maps with the model over the whole user space:
 * cut it at every boundary of either (and of the lines found at the
 * start), and check each piece once. The stack's line and what was there
 * before the run are not the model's.
 */
static void check_maps(void)
{
	static unsigned long cuts[2 * (MAX_LINES + MAX_RANGES + MAX_FOREIGN)
				  + 8];
	unsigned int n = 0;

	op_name = "check maps";
	if (!read_maps()) {
		FUZZ_CHECK(false, "cannot read /proc/self/maps");
		return;
	}
	cuts[n++] = 0;
	cuts[n++] = TASK_SIZE;
	for (int i = 0; i < nr_lines; i++) {
		cuts[n++] = lines[i].start;
		cuts[n++] = lines[i].end;
	}
	for (int i = 0; i < nr_ranges; i++) {
		cuts[n++] = model[i].start;
		cuts[n++] = model[i].end;
	}
	for (int i = 0; i < nr_foreign; i++) {
		cuts[n++] = foreign[i].start;
		cuts[n++] = foreign[i].end;
	}
	qsort(cuts, n, sizeof(cuts[0]), compare_ulong);
	/* both lists are sorted too: walk them along with the cuts */
	int li = 0, ri = 0;

	for (unsigned int i = 0; i + 1 < n; i++) {
		unsigned long at = cuts[i], next = cuts[i + 1];
		const struct map_entry *e = NULL;
		const struct range *r = NULL;

		if (at == next || at >= TASK_SIZE)
			continue;
		while (li < nr_lines && lines[li].end <= at)
			li++;
		while (ri < nr_ranges && model[ri].end <= at)
			ri++;
		if (li < nr_lines && lines[li].start <= at)
			e = &lines[li];
		if (ri < nr_ranges && model[ri].start <= at)
			r = &model[ri];
		if ((e && !line_is_ours(e)) || (!r && is_foreign(at)))
			continue;
		a_[0] = (long)at;
		a_[1] = (long)next;
		if ((!r) != (!e) || (r && !agrees(e, r, at)))
			dump_near(at);
		if (r && !e)
			FUZZ_CHECK(false, "model has %#lx-%#lx, maps nothing",
				   at, next);
		else if (e && !r)
			FUZZ_CHECK(false, "maps has %#lx-%#lx %s %s, model "
				   "nothing", at, next, e->perms, e->name);
		else if (e && r)
			FUZZ_CHECK(agrees(e, r, at), "%#lx: maps %s %llx %s, "
				   "model prot %d %s file %d pgoff %lx", at,
				   e->perms, e->offset, e->name, r->a.prot,
				   r->a.shared ? "shared" : "private",
				   r->a.file, r->a.pgoff);
	}
}

/*
 * Where the rules leave the outcome open, take the kernel's word for
 * [@start, @end): the model gets what maps shows there.
 */
static void model_resync(unsigned long start, unsigned long end)
{
	if (end <= start || !read_maps())
		return;
	for (int i = 0; i < nr_lines; i++) {
		const struct map_entry *e = &lines[i];
		unsigned long s = e->start < start ? start : e->start;
		unsigned long t = e->end > end ? end : e->end;
		const struct range *old;
		struct attr a = { .file = NO_FILE, .maywrite = true };

		if (s >= t || !line_is_ours(e))
			continue;
		/*
		 * What maps cannot say (VM_MAYWRITE, growsdown) is the same
		 * for the whole line, one VMA: take it from any range of
		 * the model in the line (a stack that grew down keeps
		 * VM_GROWSDOWN in its new part too).
		 */
		old = NULL;
		for (int m = model_lookup(e->start); m < nr_ranges &&
		     model[m].start < e->end && !old; m++)
			old = &model[m];
		if (old)
			a = old->a;
		a.prot = (e->perms[0] == 'r' ? PROT_READ : 0) |
			 (e->perms[1] == 'w' ? PROT_WRITE : 0) |
			 (e->perms[2] == 'x' ? PROT_EXEC : 0);
		a.shared = e->perms[3] == 's';
		a.file = NO_FILE;
		for (int f = 0; f < 2; f++)
			if (strcmp(e->name, data_files[f].name) == 0)
				a.file = f;
		a.pgoff = a.file != NO_FILE ?
			(unsigned long)((e->offset + (s - e->start)) >>
					PAGE_SHIFT) : 0;
		a.dirty = true;		/* replaced or not: content unknown */
		model_insert(s, t, &a);
	}
	/* and nothing where maps shows nothing */
	for (unsigned long at = start; at < end;) {
		int li = 0;

		while (li < nr_lines && lines[li].end <= at)
			li++;
		if (li < nr_lines && lines[li].start <= at) {
			at = lines[li].end;
			continue;
		}
		unsigned long t = li < nr_lines && lines[li].start < end ?
			lines[li].start : end;

		model_clear(at, t);
		at = t;
	}
}

/* ---- the run ---------------------------------------------------------- */

/* Unmap everything the run mapped, put the break back, close the files. */
static void clean_up(void)
{
	op_name = "clean up";
	while (nr_ranges) {
		struct range r = model[nr_ranges - 1];

		if (r.start >= heap_lo && r.end <= heap_hi) {
			model_clear(r.start, r.end);
			continue;
		}
		FUZZ_CHECK(sys_munmap(r.start, r.end - r.start) == 0,
			   "munmap %#lx-%#lx", r.start, r.end);
		model_clear(r.start, r.end);
	}
	FUZZ_CHECK(sys_brk(brk0) == brk0, "brk back to %#lx", brk0);
	while (nr_fds)
		sys_close(fds[--nr_fds]);
}

/* Run @ops operations, drawn from the entries of the table in @mask. */
static void run(unsigned long ops, unsigned long mask)
{
	static void (*const table[])(void) = {
		op_mmap, op_mmap, op_mmap, op_munmap, op_munmap, op_mprotect,
		op_mprotect, op_brk, op_open, op_close, op_io, op_io, op_io,
		op_misc, op_unknown, op_wait4, op_touch, op_touch,
		op_wild_child,
	};

	for (op_nr = 0; op_nr < ops && failures < 20; op_nr++) {
		if (nr_ranges > MAX_RANGES - 8)
			clean_up();
		unsigned long i = rnd(sizeof(table) / sizeof(table[0]));

		if (mask & (1UL << i))
			table[i]();
		if (op_nr % CHECK_EVERY == CHECK_EVERY - 1)
			check_maps();
	}
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? strtoul(argv[1], NULL, 0) : 1;
	unsigned long ops = argc > 2 ? strtoul(argv[2], NULL, 0) : 20000;
	long ret;

	utest_begin("fuzz");
	printf("# fuzz: seed %lu, %lu operations (replay: fuzz %lu %lu)\n",
	       seed, ops, seed, ops);
	prng_seed(&rng, seed);
	text_page = (unsigned long)main & PAGE_MASK;
	pages_fd = (int)sys_open("/data/pages.txt", LINUX_O_RDONLY, 0);
	/* free space for the arena: where a placement would put it */
	ret = sys_mmap2(0, ARENA_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
	if (pages_fd < 0 || sys_is_err(ret) ||
	    sys_munmap((unsigned long)ret, ARENA_SIZE) || !proc_ensure() ||
	    !note_foreign()) {
		utest_diag("setup failed");
		return 1;
	}
	arena = (unsigned long)ret;
	fd_add(pages_fd, 0, false, (unsigned long)paths[0]);

	unsigned long mask = argc > 3 ? strtoul(argv[3], NULL, 0) : ~0UL >> 1;

	utest_case("random_calls_agree_with_the_model");
	verbose = (mask >> 31) & 1;
	run(ops, mask);
	check_maps();
	utest_done();

	utest_case("everything_unmapped_leaves_the_maps_as_before");
	op_nr = ops;
	clean_up();
	check_maps();
	FUZZ_CHECK(nr_lines == nr_foreign + 1, "%d lines, %d before",
		   nr_lines, nr_foreign + 1);
	utest_done();

	printf("# fuzz: seed %lu: %lu operations, %lu system calls, %lu "
	       "children (%lu killed by a fault as predicted)\n", seed, op_nr,
	       calls, children, faults_seen);
	return utest_end();
}
