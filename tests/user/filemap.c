/*
 * tests/user/filemap.c - file mappings and the page cache: one physical
 * page per page of a file, seen by read(), write() and every mapping.
 *
 * Files (tests/user/datafiles.h): /data/pages.txt is only read;
 * /data/scratch is written and put back as it was at the end. Both are
 * 4 pages of known text.
 *
 *	read_matches_file	read() and fstat64 see the known content
 *	private_reads_file	a MAP_PRIVATE mapping shows the file
 *	private_write_copies	a write to a MAP_PRIVATE page copies it
 *				(td_cow_copies +1 per page, nothing else):
 *				the mapping sees the write, the file, read()
 *				and another mapping do not
 *	shared_two_processes	parent and child each map /data/scratch
 *				MAP_SHARED (the child with its own mmap) and
 *				see each other's writes; read() sees both
 *	write_seen_by_mappings	write() shows in a shared mapping, and in a
 *				private one that has not written that page
 *				(it maps the page-cache page until it writes;
 *				Linux does the same), not in one that has
 *	changes_persist		after munmap and close, the file keeps what
 *				was written through the shared mapping
 *	colour_alignment	with a VIPT-aliasing cache (topdown with
 *				CACHE_ALIAS=on), two processes mapping the
 *				same file page MAP_SHARED get addresses of
 *				the same colour (mod SHMLBA, 4 pages); skipped
 *				when the cache does not alias (Linux on the
 *				A9, and topdown by default)
 *	offset_past_4g_in_maps	/proc/self/maps prints the file offset in 64
 *				bits, (loff_t)vm_pgoff << PAGE_SHIFT as Linux's
 *				show_map_vma: mmap2 at page 0x100001 shows
 *				100001000, and the pieces an mprotect or munmap
 *				cuts from it show their own offsets
 *	split_crosses_4g	a mapping at page 0xffffe (offset ffffe000):
 *				the piece split off at its third page starts
 *				at offset 100000000, exactly 4 GiB
 *	offset_near_16t_in_maps	page 0xfffff000, offset fffff000000: mmap2's
 *				pgoff is 32 bits of pages, so the offset takes
 *				44 bits (Linux allows it: below
 *				MAX_LFS_FILESIZE, and tmpfs/ramfs files may be
 *				mapped past their end)
 *
 * Counter windows as in lazy.c: pgfault is not checked here, because
 * Linux maps file pages around a faulting one (fault-around) and topdown
 * need not; the td_* counters are, on topdown.
 */
#include <string.h>
#include "counters.h"
#include "datafiles.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "procfs.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define PAGES "/data/pages.txt"
#define SCRATCH "/data/scratch"
#define LEN DATA_FILE_SIZE
#define RW (PROT_READ | PROT_WRITE)

/* Turn-taking with a child (a MAP_SHARED anonymous page). */
static struct {
	int parent, child;
	unsigned long addr;
} *turns;

/* open(2) @path with Linux flags @flags; records a failure if it fails. */
static int open_file(const char *path, int flags)
{
	long fd = sys_open(path, flags, 0);

	if (fd < 0)
		check_failed(__FILE__, __LINE__, "open %s: %s", path,
			     utest_errname(fd));
	return (int)fd;
}

/* mmap2 @len bytes of @fd at page @pgoff; 0 (and a failure) on error. */
static unsigned long map_file(int fd, int prot, int flags,
			      unsigned long pgoff)
{
	long ret = sys_mmap2(0, LEN - pgoff * PAGE_SIZE, prot, flags, fd,
			     pgoff);

	if (sys_is_err(ret)) {
		check_failed(__FILE__, __LINE__, "mmap: %s",
			     utest_errname(ret));
		return 0;
	}
	return (unsigned long)ret;
}

/* The first offset where @p differs from the file @byte_of, or LEN. */
static unsigned long first_difference(const volatile char *p,
				      char (*byte_of)(unsigned long))
{
	unsigned long i;

	for (i = 0; i < LEN; i++)
		if (p[i] != byte_of(i))
			break;
	return i;
}

/* read(2) @len bytes at offset @off of @path into @buf. */
static bool pread_file(const char *path, unsigned long off, char *buf,
		       unsigned long len)
{
	long fd = sys_open(path, LINUX_O_RDONLY, 0);
	bool ok;

	ok = fd >= 0 && sys_lseek((int)fd, (long)off, 0) == (long)off &&
	     sys_read((int)fd, buf, len) == (long)len;
	if (fd >= 0)
		sys_close((int)fd);
	return ok;
}

/* Does the file @path hold @text at @off? */
static bool file_has(const char *path, unsigned long off, const char *text)
{
	char buf[32];
	size_t len = strlen(text);

	return pread_file(path, off, buf, len) && memcmp(buf, text, len) == 0;
}

/* Does the file @path hold its original bytes @byte_of in [off, off + len)? */
static bool file_original(const char *path, unsigned long off,
			  unsigned long len, char (*byte_of)(unsigned long))
{
	char buf[32];
	unsigned long i;

	if (len > sizeof(buf) || !pread_file(path, off, buf, len))
		return false;
	for (i = 0; i < len; i++)
		if (buf[i] != byte_of(off + i))
			return false;
	return true;
}

/* read() and fstat64 see the file as written into the image. */
static void test_read_matches(void)
{
	static char buf[LEN + 1];
	struct linux_stat64 st;
	int fd = open_file(PAGES, LINUX_O_RDONLY);
	long n, total = 0;

	if (fd < 0)
		return;
	CHECK_EQ(sys_fstat64(fd, &st), 0);
	CHECK_EQ(st.st_size, LEN);
	while ((n = sys_read(fd, buf + total, sizeof(buf) - total)) > 0)
		total += n;
	CHECK_EQ(total, LEN);
	CHECK_EQ(first_difference(buf, pages_txt_byte), LEN);
	sys_close(fd);
}

/* A private mapping shows the file; faulting it in copies nothing. */
static void test_private_reads(void)
{
	struct vm_counters a, b;
	int fd = open_file(PAGES, LINUX_O_RDONLY);
	unsigned long m, diff;

	if (fd < 0)
		return;
	m = map_file(fd, PROT_READ, MAP_PRIVATE, 0);
	sys_close(fd);			/* the mapping keeps the file */
	if (!m)
		return;
	counters_read(&a);
	diff = first_difference((char *)m, pages_txt_byte);
	counters_read(&b);
	CHECK_EQ(diff, LEN);
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA, .tables = ANY_DELTA);
	CHECK_EQ(sys_munmap(m, LEN), 0);
}

/*
 * A write to a private mapping copies the page (one copy per page
 * written, whether it had been read before or not); the copy is the
 * mapping's alone.
 */
static void test_private_write_copies(void)
{
	struct vm_counters a, b;
	int fd = open_file(PAGES, LINUX_O_RDONLY);
	unsigned long m, other;
	char c;

	if (fd < 0)
		return;
	m = map_file(fd, RW, MAP_PRIVATE, 0);
	other = map_file(fd, PROT_READ, MAP_PRIVATE, 0);
	sys_close(fd);
	if (!m || !other)
		return;
	c = *(volatile char *)(m + PAGE_SIZE + 10);	/* page 1: mapped */
	CHECK_EQ(c, pages_txt_byte(PAGE_SIZE + 10));
	counters_read(&a);
	*(volatile char *)(m + PAGE_SIZE + 10) = '#';	/* page 1 */
	*(volatile char *)(m + 2 * PAGE_SIZE + 20) = '$';	/* page 2 */
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = 2, .cow = 2, .tables = ANY_DELTA);
	CHECK_EQ(*(volatile char *)(m + PAGE_SIZE + 10), '#');
	CHECK_EQ(*(volatile char *)(m + 2 * PAGE_SIZE + 20), '$');
	CHECK_EQ(*(volatile char *)(other + PAGE_SIZE + 10),
		 pages_txt_byte(PAGE_SIZE + 10));
	/* the rest of the copies is the file's */
	*(volatile char *)(m + PAGE_SIZE + 10) = pages_txt_byte(PAGE_SIZE + 10);
	*(volatile char *)(m + 2 * PAGE_SIZE + 20) =
		pages_txt_byte(2 * PAGE_SIZE + 20);
	CHECK_EQ(first_difference((char *)m, pages_txt_byte), LEN);
	CHECK_EQ(sys_munmap(m, LEN), 0);
	CHECK_EQ(sys_munmap(other, LEN), 0);
	CHECK(file_original(PAGES, PAGE_SIZE, 32, pages_txt_byte));
	CHECK(file_original(PAGES, 2 * PAGE_SIZE, 32, pages_txt_byte));
}

/* Child: map the scratch file ourselves; write, and see the parent's. */
static void child_shared(unsigned long unused)
{
	int fd = open_file(SCRATCH, LINUX_O_RDWR);
	unsigned long m = fd < 0 ? 0 : map_file(fd, RW, MAP_SHARED, 0);
	volatile char *p = (volatile char *)m;

	if (!m)
		return;
	sys_close(fd);
	CHECK_EQ(first_difference(p, scratch_byte), LEN);
	memcpy((char *)p + 2 * PAGE_SIZE + 100, "child!", 6);
	turns->child = 1;
	if (!utest_await(&turns->parent, 1))
		sys_exit_group(2);
	CHECK(memcmp((char *)p + PAGE_SIZE + 200, "parent", 6) == 0);
	CHECK_EQ(sys_munmap(m, LEN), 0);
}

/*
 * Two processes map the file MAP_SHARED, each with its own mmap, and see
 * each other's writes; read() sees them too; writing in place copies
 * nothing.
 */
static void test_shared_two_processes(void)
{
	struct vm_counters a, b;
	int fd = open_file(SCRATCH, LINUX_O_RDWR), status;
	unsigned long m = fd < 0 ? 0 : map_file(fd, RW, MAP_SHARED, 0);
	volatile char *p = (volatile char *)m;
	long pid;

	if (!m)
		return;
	sys_close(fd);
	turns->parent = turns->child = 0;
	pid = utest_fork();
	if (pid == 0) {
		child_shared(0);
		utest_child_exit();
	}
	CHECK(utest_await(&turns->child, 1));
	CHECK(memcmp((char *)p + 2 * PAGE_SIZE + 100, "child!", 6) == 0);
	counters_prefault();			/* our copies after fork */
	counters_read(&a);
	memcpy((char *)p + PAGE_SIZE + 200, "parent", 6);
	counters_read(&b);
	CHECK_DELTAS(&a, &b, .faults = ANY_DELTA, .tables = ANY_DELTA);
	turns->parent = 1;
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK(file_has(SCRATCH, 2 * PAGE_SIZE + 100, "child!"));
	CHECK(file_has(SCRATCH, PAGE_SIZE + 200, "parent"));
	CHECK_EQ(sys_munmap(m, LEN), 0);
}

/*
 * write() reaches the page cache: a shared mapping sees it, a private
 * one sees it on a page it has not written, not on one it has.
 */
static void test_write_seen_by_mappings(void)
{
	int fd = open_file(SCRATCH, LINUX_O_RDWR);
	unsigned long shared, priv, off = 3 * PAGE_SIZE + 300;
	volatile char *s, *q;

	if (fd < 0)
		return;
	shared = map_file(fd, PROT_READ, MAP_SHARED, 0);
	priv = map_file(fd, RW, MAP_PRIVATE, 0);
	if (!shared || !priv)
		return;
	s = (volatile char *)shared;
	q = (volatile char *)priv;
	CHECK_EQ(q[off], scratch_byte(off));	/* page 3: mapped, not copied */
	q[100] = 'p';				/* page 0: copied */
	CHECK_EQ(sys_lseek(fd, (long)off, 0), (long)off);
	CHECK_EQ(sys_write(fd, "WRITE!", 6), 6);
	CHECK_EQ(sys_lseek(fd, 101, 0), 101);
	CHECK_EQ(sys_write(fd, "w", 1), 1);
	CHECK(memcmp((char *)s + off, "WRITE!", 6) == 0);
	CHECK(memcmp((char *)q + off, "WRITE!", 6) == 0);
	CHECK_EQ(s[101], 'w');
	CHECK_EQ(q[101], scratch_byte(101));	/* our copy, from before */
	CHECK_EQ(q[100], 'p');
	CHECK_EQ(s[100], scratch_byte(100));
	sys_close(fd);
	CHECK_EQ(sys_munmap(shared, LEN), 0);
	CHECK_EQ(sys_munmap(priv, LEN), 0);
}

/*
 * What was written (through mappings and write()) is the file's content
 * after every mapping and descriptor is gone; then put it back.
 */
static void test_changes_persist(void)
{
	static char orig[LEN];
	unsigned long i;
	int fd;

	CHECK(file_has(SCRATCH, PAGE_SIZE + 200, "parent"));
	CHECK(file_has(SCRATCH, 2 * PAGE_SIZE + 100, "child!"));
	CHECK(file_has(SCRATCH, 3 * PAGE_SIZE + 300, "WRITE!"));
	CHECK(file_has(SCRATCH, 101, "w"));
	for (i = 0; i < LEN; i++)
		orig[i] = scratch_byte(i);
	fd = open_file(SCRATCH, LINUX_O_WRONLY);
	if (fd < 0)
		return;
	CHECK_EQ(sys_write(fd, orig, LEN), LEN);
	sys_close(fd);
	CHECK(file_original(SCRATCH, PAGE_SIZE + 200, 6, scratch_byte));
	CHECK(file_original(SCRATCH, 96, 8, scratch_byte));
}

/*
 * Does the data cache alias (SHMLBA colouring on)? Linux refuses a
 * MAP_FIXED shared file mapping whose address is not congruent to its
 * file offset mod SHMLBA then (arch_get_unmapped_area, ARM), and allows
 * it otherwise. Probe with page 0 of @fd at an address of colour 1.
 */
static bool cache_aliases(int fd)
{
	long area = sys_mmap2(0, 2 * SHMLBA, PROT_NONE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long at;
	long ret;

	if (sys_is_err(area))
		return false;
	at = (((unsigned long)area + SHMLBA - 1) & ~(SHMLBA - 1)) + PAGE_SIZE;
	ret = sys_mmap2(at, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED, fd,
			0);
	sys_munmap((unsigned long)area, 2 * SHMLBA);
	if (ret != -EINVAL && ret != (long)at)
		check_failed(__FILE__, __LINE__, "probe: %s",
			     utest_errname(ret));
	return ret == -EINVAL;
}

/* Child: shift the free space by one page, then map file page 1. */
static void child_colour(unsigned long fd)
{
	long pad = sys_mmap2(0, PAGE_SIZE, PROT_READ,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(!sys_is_err(pad));
	turns->addr = map_file((int)fd, PROT_READ, MAP_SHARED, 1);
}

/*
 * Two processes map page 1 of the file MAP_SHARED: both addresses have
 * the colour of file page 1 (address mod SHMLBA == 1 page).
 */
static void test_colour_alignment(void)
{
	int fd = open_file(SCRATCH, LINUX_O_RDONLY);
	unsigned long mine;

	if (fd < 0)
		return;
	if (!cache_aliases(fd)) {
		sys_close(fd);
		utest_skip("the data cache does not alias (boot topdown "
			   "with CACHE_ALIAS=on to test colouring)");
		return;
	}
	mine = map_file(fd, PROT_READ, MAP_SHARED, 1);
	turns->addr = 0;
	CHECK_EXITED(utest_in_child(child_colour, (unsigned long)fd), 0);
	utest_diag("page 1 mapped at %#lx here, %#lx in the child", mine,
		   turns->addr);
	CHECK_EQ(mine % SHMLBA, PAGE_SIZE);
	CHECK_EQ(turns->addr % SHMLBA, PAGE_SIZE);
	CHECK_EQ(sys_munmap(mine, LEN - PAGE_SIZE), 0);
	sys_close(fd);
	utest_done();
}

/*
 * Does /proc/self/maps show [@start, @end) of PAGES with @perms at file
 * offset @offset? Records a failure at the caller's @line if not.
 */
static void check_maps_line(int line, unsigned long start, unsigned long end,
			    const char *perms, unsigned long long offset)
{
	struct map_entry e;

	if (!maps_find(start, &e)) {
		check_failed(__FILE__, line, "%#lx is not in maps", start);
		return;
	}
	if (e.start != start || e.end != end || strcmp(e.perms, perms) ||
	    e.offset != offset || strcmp(e.name, PAGES))
		check_failed(__FILE__, line,
			     "maps: %08lx-%08lx %s %08llx %s, expected "
			     "%08lx-%08lx %s %08llx %s", e.start, e.end,
			     e.perms, e.offset, e.name, start, end, perms,
			     offset, PAGES);
}

#define CHECK_MAPS_LINE(start, end, perms, offset) \
	check_maps_line(__LINE__, start, end, perms, offset)

/*
 * mmap2 @pages pages of PAGES read-only and private at page @pgoff, far
 * past its end (it is never touched). Returns the address, or 0 (and a
 * failure) when the file or the mapping cannot be had.
 */
static unsigned long map_far(unsigned long pages, unsigned long pgoff)
{
	int fd = open_file(PAGES, LINUX_O_RDONLY);
	long ret;

	if (fd < 0)
		return 0;
	ret = sys_mmap2(0, pages * PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd,
			pgoff);
	sys_close(fd);
	if (sys_is_err(ret)) {
		check_failed(__FILE__, __LINE__, "mmap2 at page %#lx: %s",
			     pgoff, utest_errname(ret));
		return 0;
	}
	return (unsigned long)ret;
}

/*
 * Page 0x100001: offset 0x100001000, past 4 GiB. Then
 *
 *	AAA	r--p 100001000
 *	ABA	mprotect(middle, PROT_NONE): 100001000, 100002000, 100003000
 *	 BA	munmap(first page): 100002000, 100003000
 */
static void test_offset_past_4g(void)
{
	unsigned long m;

	if (!proc_ensure()) {
		check_failed(__FILE__, __LINE__, "no /proc/self/maps");
		return;
	}
	m = map_far(3, 0x100001);
	if (!m)
		return;
	CHECK_MAPS_LINE(m, m + 3 * PAGE_SIZE, "r--p", 0x100001000ULL);
	CHECK_EQ(sys_mprotect(m + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	CHECK_MAPS_LINE(m, m + PAGE_SIZE, "r--p", 0x100001000ULL);
	CHECK_MAPS_LINE(m + PAGE_SIZE, m + 2 * PAGE_SIZE, "---p",
			0x100002000ULL);
	CHECK_MAPS_LINE(m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE, "r--p",
			0x100003000ULL);
	CHECK_EQ(sys_munmap(m, PAGE_SIZE), 0);
	CHECK_MAPS_LINE(m + PAGE_SIZE, m + 2 * PAGE_SIZE, "---p",
			0x100002000ULL);
	CHECK_MAPS_LINE(m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE, "r--p",
			0x100003000ULL);
	CHECK_EQ(sys_munmap(m + PAGE_SIZE, 2 * PAGE_SIZE), 0);
}

/*
 * Page 0xffffe: offset 0xffffe000, below 4 GiB; its third page is at
 * 0x100000000. Splitting there, and cutting the front:
 *
 *	AAA	r--p ffffe000
 *	AAB	mprotect(third, PROT_NONE): ffffe000, 100000000
 *	 AB	munmap(first page): fffff000, 100000000
 */
static void test_split_crosses_4g(void)
{
	unsigned long m;

	if (!proc_ensure()) {
		check_failed(__FILE__, __LINE__, "no /proc/self/maps");
		return;
	}
	m = map_far(3, 0xffffe);
	if (!m)
		return;
	CHECK_MAPS_LINE(m, m + 3 * PAGE_SIZE, "r--p", 0xffffe000ULL);
	CHECK_EQ(sys_mprotect(m + 2 * PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	CHECK_MAPS_LINE(m, m + 2 * PAGE_SIZE, "r--p", 0xffffe000ULL);
	CHECK_MAPS_LINE(m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE, "---p",
			0x100000000ULL);
	CHECK_EQ(sys_munmap(m, PAGE_SIZE), 0);
	CHECK_MAPS_LINE(m + PAGE_SIZE, m + 2 * PAGE_SIZE, "r--p",
			0xfffff000ULL);
	CHECK_MAPS_LINE(m + 2 * PAGE_SIZE, m + 3 * PAGE_SIZE, "---p",
			0x100000000ULL);
	CHECK_EQ(sys_munmap(m + PAGE_SIZE, 2 * PAGE_SIZE), 0);
}

/* Page 0xfffff000: offset 0xfffff000000, 16 TiB less 16 MiB. */
static void test_offset_near_16t(void)
{
	unsigned long m;

	if (!proc_ensure()) {
		check_failed(__FILE__, __LINE__, "no /proc/self/maps");
		return;
	}
	m = map_far(1, 0xfffff000);
	if (!m)
		return;
	CHECK_MAPS_LINE(m, m + PAGE_SIZE, "r--p", 0xfffff000000ULL);
	CHECK_EQ(sys_munmap(m, PAGE_SIZE), 0);
}

int main(void)
{
	long ret;

	utest_begin("filemap");
	ret = sys_mmap2(0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		return 1;
	}
	turns = (void *)ret;
	counters_prefault();
	utest_run("read_matches_file", test_read_matches);
	utest_run("private_reads_file", test_private_reads);
	utest_run("private_write_copies", test_private_write_copies);
	utest_run("shared_two_processes", test_shared_two_processes);
	utest_run("write_seen_by_mappings", test_write_seen_by_mappings);
	utest_run("changes_persist", test_changes_persist);
	utest_run("offset_past_4g_in_maps", test_offset_past_4g);
	utest_run("split_crosses_4g", test_split_crosses_4g);
	utest_run("offset_near_16t_in_maps", test_offset_near_16t);
	utest_case("colour_alignment");
	test_colour_alignment();
	return utest_end();
}
