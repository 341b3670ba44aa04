/*
 * Host tests of mm/proc_maps.c: show_maps() prints Linux's
 * /proc/PID/maps lines (fs/proc/task_mmu.c, show_map_vma) for a 32-bit
 * task: "start-end perms offset dev inode", the prefix padded to 48
 * characters (25 + 6 * sizeof(void *) - 1) and a blank before the name
 * when there is one, so names start in column 50; an anonymous VMA
 * without a name ends with the blank after the inode. [heap] is the VMA
 * that overlaps [start_brk, brk], [stack] the one holding start_stack,
 * shared anonymous memory is "/dev/zero (deleted)" on dev 00:01.
 *
 * The lines below are written by hand; compare with a 32-bit ARM Linux:
 *
 *   00022000-00043000 rw-p 00000000 00:00 0          [heap]
 */
#include "mm/proc_maps.h"
#include "tests/host/mmap_util.h"

/*
 *   0x10000 text r-x, 0x12000 data rw- (file page 2), 0x13000 heap,
 *   B-3p shared anon r--, B-2p anon rw-, stack below TASK_SIZE
 */
static const char expected_maps[] =
	"00010000-00012000 r-xp 00000000 00:01 1234       /bin/init\n"
	"00012000-00013000 rw-p 00002000 00:01 1234       /bin/init\n"
	"00013000-00015000 rw-p 00000000 00:00 0          [heap]\n"
	"b6ffd000-b6ffe000 r--s 00000000 00:01 77         /dev/zero (deleted)\n"
	"b6ffe000-b7000000 rw-p 00000000 00:00 0 \n"
	"befdf000-bf000000 rw-p 00000000 00:00 0          [stack]\n";

static struct mm_struct *maps_mm(struct file *file)
{
	struct mm_struct *mm = mmap_mm_new(false);
	unsigned long stack = TASK_SIZE - PG(33);

	CHECK_EQ(mmap_file(mm, file, 0x10000, PG(2), PROT_READ | PROT_EXEC,
			   MAP_PRIVATE | MAP_FIXED, 0), 0x10000);
	CHECK_EQ(mmap_file(mm, file, 0x12000, PG(1), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED, 2), 0x12000);
	mm->start_brk = mm->brk = 0x13000;
	CHECK_EQ(do_brk(mm, 0x14800), 0x14800);
	CHECK_EQ(mmap_anon(mm, 0, PG(2), PROT_READ | PROT_WRITE, MAP_PRIVATE),
		 MMAP_BASE - PG(2));
	CHECK_EQ(mmap_anon(mm, 0, PG(1), PROT_READ, MAP_SHARED),
		 MMAP_BASE - PG(3));
	find_vma(mm, MMAP_BASE - PG(3))->vm_file->f_inode->i_ino = 77;
	CHECK_EQ(mmap_anon(mm, stack, PG(33), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED | MAP_GROWSDOWN), stack);
	mm->start_stack = TASK_SIZE - 0x100;
	return mm;
}

TEST(show_maps_prints_linux_lines)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	char buf[1024];

	mem_snap(&s);
	file = mmt_file_new("/bin/init", 3, PG(3));
	file_inode(file)->i_ino = 1234;
	mm = maps_mm(file);
	CHECK_EQ(show_maps(mm, buf, sizeof(buf)), strlen(expected_maps));
	CHECK_STREQ(buf, expected_maps);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * The heap is named by where brk is, not by how the VMA was made: after
 * brk shrinks to start_brk there is none; an empty mm prints nothing.
 */
TEST(show_maps_heap_follows_brk)
{
	struct mm_struct *mm = mmap_mm_new(false);
	char buf[256];

	CHECK_EQ(show_maps(mm, buf, sizeof(buf)), 0);
	CHECK_STREQ(buf, "");
	mm->start_brk = mm->brk = 0x20000;
	CHECK_EQ(do_brk(mm, 0x21000), 0x21000);
	CHECK_EQ(mmap_anon(mm, 0x30000, PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), 0x30000);
	show_maps(mm, buf, sizeof(buf));
	CHECK_STREQ(buf,
		    "00020000-00021000 rw-p 00000000 00:00 0          [heap]\n"
		    "00030000-00031000 r--p 00000000 00:00 0 \n");
	CHECK_EQ(do_brk(mm, 0x20000), 0x20000);
	show_maps(mm, buf, sizeof(buf));
	CHECK_STREQ(buf, "00030000-00031000 r--p 00000000 00:00 0 \n");
	mmput(mm);
}

/*
 * The arch's gate area comes last, after every VMA, as on ARM Linux:
 *
 *   ffff0000-ffff1000 r-xp 00000000 00:00 0          [vectors]
 *
 * (on the target the vectors page, kernel/armv7/kuser_helpers.S; here the
 * fake MMU says where it is). A buffer that holds only the VMAs cuts it.
 */
TEST(show_maps_ends_with_the_gate_area)
{
	struct mm_struct *mm = mmap_mm_new(false);
	static const char vma[] = "00030000-00031000 r--p 00000000 00:00 0 \n";
	char buf[256];

	CHECK_EQ(mmap_anon(mm, 0x30000, PG(1), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED), 0x30000);
	fake_gate_area = 0xffff0000;
	show_maps(mm, buf, sizeof(buf));
	CHECK_STREQ(buf, "00030000-00031000 r--p 00000000 00:00 0 \n"
			 "ffff0000-ffff1000 r-xp 00000000 00:00 0          [vectors]\n");
	CHECK_EQ(show_maps(mm, buf, sizeof(vma)), strlen(vma));
	CHECK_STREQ(buf, vma);
	fake_gate_area = 0;
	mmput(mm);
}

/*
 * File offsets of 4 GiB and more are printed whole, as Linux prints its
 * loff_t ((loff_t)vm_pgoff << PAGE_SHIFT, "%08llx"), and the name stays
 * in column 50 while the prefix is shorter than 48 characters. A file
 * mapped at page 0xffffe (offset ffffe000) and split by mprotect at its
 * third page, whose offset is exactly 4 GiB; another mapping at page
 * 0xfffff000 (16 TiB less 16 MiB):
 *
 *   0x10000 AA B ... 0x20000 C
 *
 * (A 64-bit host holds these offsets in an unsigned long anyway; the
 * 32-bit truncation itself shows on the target, tests/user/filemap.c.)
 */
TEST(show_maps_prints_64_bit_offsets)
{
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	char buf[512];

	mem_snap(&s);
	mm = mmap_mm_new(false);
	file = mmt_file_new("/data/big", 3, PG(3));
	file_inode(file)->i_ino = 99;
	CHECK_EQ(mmap_file(mm, file, 0x10000, PG(3), PROT_READ,
			   MAP_PRIVATE | MAP_FIXED, 0xffffe), 0x10000);
	CHECK_EQ(do_mprotect(mm, 0x12000, PG(1), PROT_NONE, false), 0);
	CHECK_EQ(mmap_file(mm, file, 0x20000, PG(1), PROT_READ,
			   MAP_SHARED | MAP_FIXED, 0xfffff000), 0x20000);
	show_maps(mm, buf, sizeof(buf));
	CHECK_STREQ(buf,
		    "00010000-00012000 r--p ffffe000 00:01 99         /data/big\n"
		    "00012000-00013000 ---p 100000000 00:01 99        /data/big\n"
		    "00020000-00021000 r--s fffff000000 00:01 99      /data/big\n");
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}

/*
 * A buffer too small for everything gets a NUL-terminated prefix of the
 * text, and the length of what it got.
 */
TEST(show_maps_truncates_to_the_buffer)
{
	size_t full = strlen(expected_maps);
	struct mem_snapshot s;
	struct mm_struct *mm;
	struct file *file;
	char buf[1024];

	mem_snap(&s);
	file = mmt_file_new("/bin/init", 3, PG(3));
	file_inode(file)->i_ino = 1234;
	mm = maps_mm(file);
	for (size_t size = 1; size <= full + 2; size++) {
		size_t n;

		memset(buf, 'Z', sizeof(buf));
		n = show_maps(mm, buf, size);
		if (n != strlen(buf) || n != (size > full ? full : size - 1) ||
		    strncmp(buf, expected_maps, n) || buf[size] != 'Z') {
			check_failed(__FILE__, __LINE__,
				     "size %zu: got %zu bytes \"%s\"", size, n,
				     buf);
			break;
		}
	}
	CHECK_EQ(show_maps(mm, buf, 0), 0);
	mmput(mm);
	mmt_file_close(file);
	CHECK_MEM_RESTORED(&s);
}
