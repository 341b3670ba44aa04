/*
 * Host tests of brk (do_brk) and vm_brk_flags in mm/mmap.c, by Linux's
 * rules (mm/mmap.c, SYSCALL_DEFINE1(brk)): below start_brk nothing
 * changes and the old break comes back; inside the same page only the
 * number moves; shrinking unmaps the whole pages above the new break;
 * growing needs one free page between the new break and the next
 * mapping (its stack guard gap included), and extends the heap VMA.
 *
 * The address space of these tests, one character per page:
 *
 *   0x10000                  0x1f000 0x20000 = start_brk
 *   T T T T T T T T T T T T T T T    .       heap ->
 *
 *   T: the program's text, PROT_READ|PROT_EXEC
 */
#include "tests/host/mmap_util.h"

#define BRK0 0x20000UL
#define HEAP (RWA)	/* VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT */

static struct mm_struct *brk_mm(void)
{
	struct mm_struct *mm = mmap_mm_new(false);

	mmap_anon(mm, 0x10000, BRK0 - PG(1) - 0x10000, PROT_READ | PROT_EXEC,
		  MAP_PRIVATE | MAP_FIXED);
	mm->start_brk = mm->brk = BRK0;
	return mm;
}

TEST(brk_grows_shrinks_and_reads_zero)
{
	struct mem_snapshot s, before;
	struct mm_struct *mm;
	unsigned char v;

	mem_snap(&s);
	mm = brk_mm();
	mem_snap(&before);
	/* brk(0) and anything below start_brk: the break, unchanged */
	CHECK_EQ(do_brk(mm, 0), BRK0);
	CHECK_EQ(do_brk(mm, BRK0 - 1), BRK0);
	CHECK_EQ(mm->brk, BRK0);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX });

	/* the first byte needs a page */
	CHECK_EQ(do_brk(mm, BRK0 + 0x10), BRK0 + 0x10);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, BRK0 + PG(1), HEAP });
	/* same page: only the number moves */
	CHECK_EQ(do_brk(mm, BRK0 + 0xff0), BRK0 + 0xff0);
	CHECK_EQ(mm->brk, BRK0 + 0xff0);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, BRK0 + PG(1), HEAP });
	/* growing extends the one heap VMA */
	CHECK_EQ(do_brk(mm, BRK0 + 0x3456), BRK0 + 0x3456);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, BRK0 + PG(4), HEAP });
	for (int i = 0; i < 4; i++)
		CHECK_EQ(user_write(mm, BRK0 + PG(i), 0x50 + i), 0);
	CHECK_EQ(pages_used_since(&before), 4);

	/* shrinking unmaps the pages wholly above the new break */
	CHECK_EQ(do_brk(mm, BRK0 + 0x1800), BRK0 + 0x1800);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, BRK0 + PG(2), HEAP });
	CHECK_EQ(pages_used_since(&before), 2);
	/* ... and memory that comes back reads zero */
	CHECK_EQ(do_brk(mm, BRK0 + PG(4)), BRK0 + PG(4));
	CHECK_EQ(user_read(mm, BRK0 + PG(2), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(user_read(mm, BRK0 + PG(3), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(user_read(mm, BRK0 + PG(1), &v), 0);
	CHECK_EQ(v, 0x51);
	/* back to start_brk: no heap at all */
	CHECK_EQ(do_brk(mm, BRK0), BRK0);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX });
	CHECK_EQ(pages_used_since(&before), 0);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Shrinking over memory that is no longer mapped, as Linux 6.1's brk()
 * (it looks for a VMA in [PAGE_ALIGN(new), PAGE_ALIGN(old)) first):
 *
 *   BRK0   +1p    +2p    +3p    +4p
 *   hhhhhhhhhhhhhhhhhhhhhhhhhhhhh      after brk(+4p): the heap
 *   .      .      .      .             munmap of all four pages
 *   brk(+1p): nothing mapped in [+1p, +4p): the break stays at +4p
 *   .      .      N      .             N: a mapping of its own at +2p
 *   brk(+1p): N is in [+1p, +4p): the break moves, N is unmapped
 */
TEST(brk_shrink_over_unmapped_heap_keeps_the_break)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = brk_mm();
	CHECK_EQ(do_brk(mm, BRK0 + PG(4)), BRK0 + PG(4));
	CHECK_EQ(do_munmap(mm, BRK0, PG(4)), 0);
	CHECK_EQ(do_brk(mm, BRK0 + PG(1)), BRK0 + PG(4));
	CHECK_EQ(mm->brk, BRK0 + PG(4));
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX });
	mmap_anon(mm, BRK0 + PG(2), PG(1), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	CHECK_EQ(do_brk(mm, BRK0 + PG(1)), BRK0 + PG(1));
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * Growing stops one page short of the next mapping, or of the guard gap
 * below a stack; a failed brk returns the old break.
 *
 *   BRK0          0x2f000  0x30000
 *   heap ...      .        N           N: any mapping
 *
 *   BRK0                   0x100000          0x200000
 *   heap ...               guard gap (1 MiB)  S S S S   S: MAP_GROWSDOWN
 */
TEST(brk_keeps_a_page_below_the_next_mapping)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = brk_mm();
	mmap_anon(mm, 0x30000, PG(1), PROT_READ, MAP_PRIVATE | MAP_FIXED);
	CHECK_EQ(do_brk(mm, 0x2f000), 0x2f000);
	CHECK_EQ(do_brk(mm, 0x2f001), 0x2f000);
	CHECK_EQ(do_brk(mm, 0x30000), 0x2f000);
	CHECK_EQ(do_brk(mm, 0x40000), 0x2f000);
	CHECK_EQ(mm->brk, 0x2f000);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, 0x2f000, HEAP },
		   { 0x30000, 0x31000, R });

	do_munmap(mm, 0x30000, PG(1));
	mmap_anon(mm, 0x200000, PG(4), PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_FIXED | MAP_GROWSDOWN);
	CHECK_EQ(do_brk(mm, 0xff000), 0xff000);
	CHECK_EQ(do_brk(mm, 0xff001), 0xff000);
	CHECK_EQ(do_brk(mm, 0x100000), 0xff000);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX }, { BRK0, 0xff000, HEAP },
		   { 0x200000, 0x204000, RWA | VM_GROWSDOWN });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/* brk is charged like any private writable memory: not more than RAM. */
TEST(brk_larger_than_ram_fails)
{
	unsigned long ram = page_alloc_zone()->managed_pages;
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = brk_mm();
	CHECK_EQ(do_brk(mm, BRK0 + PG(ram + 1)), BRK0);
	CHECK_EQ(do_brk(mm, BRK0 + PG(ram)), BRK0 + PG(ram));
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX },
		   { BRK0, BRK0 + PG(ram), HEAP });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/* The break may reach TASK_SIZE exactly, never beyond. */
TEST(brk_at_the_top_of_user_space)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = mmap_mm_new(false);
	mm->start_brk = mm->brk = TASK_SIZE - PG(4);
	CHECK_EQ(do_brk(mm, TASK_SIZE + 1), TASK_SIZE - PG(4));
	CHECK_EQ(do_brk(mm, TASK_SIZE), TASK_SIZE);
	CHECK_VMAS(mm, { TASK_SIZE - PG(4), TASK_SIZE, HEAP });
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}

/*
 * vm_brk_flags (the ELF loader's bss): only VM_EXEC may be asked for;
 * what was there is replaced. The heap that follows is a VMA of its own
 * although it has the bss's flags: Linux 6.1's brk grows only a VMA that
 * reaches above start_brk (seen on Linux by tests/diff/run.sh: "[heap]"
 * starts at start_brk, the bss stays apart; 4.x merged them). Growing
 * again extends the heap's VMA.
 *
 *   0x1e000  0x1f000  BRK0
 *   b        b        h h h ->     b: bss from vm_brk_flags, h: heap
 */
TEST(vm_brk_flags_and_a_heap_of_its_own_above_the_bss)
{
	struct mem_snapshot s;
	struct mm_struct *mm;

	mem_snap(&s);
	mm = brk_mm();
	CHECK_EQ(vm_brk_flags(mm, 0x1e000, PG(2), VM_WRITE), -EINVAL);
	CHECK_EQ(vm_brk_flags(mm, 0x1e000, 0, 0), 0);
	CHECK_EQ(vm_brk_flags(mm, 0x1000, PG(1), 0), -EINVAL);
	CHECK_EQ(vm_brk_flags(mm, 0x1e000, ~0UL - 10, 0), -ENOMEM);
	CHECK_VMAS(mm, { 0x10000, 0x1f000, RX });
	/* over the last text page, and one page more; unaligned length */
	CHECK_EQ(vm_brk_flags(mm, 0x1e000, PG(1) + 1, 0), 0);
	CHECK_VMAS(mm, { 0x10000, 0x1e000, RX }, { 0x1e000, BRK0, HEAP });
	CHECK_EQ(do_brk(mm, BRK0 + PG(2)), BRK0 + PG(2));
	CHECK_VMAS(mm, { 0x10000, 0x1e000, RX }, { 0x1e000, BRK0, HEAP },
		   { BRK0, BRK0 + PG(2), HEAP });
	CHECK_EQ(do_brk(mm, BRK0 + PG(3)), BRK0 + PG(3));
	CHECK_VMAS(mm, { 0x10000, 0x1e000, RX }, { 0x1e000, BRK0, HEAP },
		   { BRK0, BRK0 + PG(3), HEAP });

	/* with VM_EXEC: a VMA of its own */
	CHECK_EQ(vm_brk_flags(mm, 0x40000, PG(1), VM_EXEC), 0);
	CHECK_EQ(find_vma(mm, 0x40000)->vm_flags, HEAP | VM_EXEC);
	CHECK_EQ(mm->map_count, 4);
	mmput(mm);
	CHECK_MEM_RESTORED(&s);
}
