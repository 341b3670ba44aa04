/*
 * The scenario tests/gdb/helpers_test.sh stops in: the address space of
 * scenario_holes.h with two pages mapped through the real page tables,
 * then one top-down placement of length 0x3000 (a length no other
 * self-test asks for, so `break-placement 0x3000` stops only here).
 *
 * gdb_scenario holds what the kernel's own lookup (pte_lookup) says
 * about the two pages, for gdb to compare with its own table walk. For
 * the `tasks` command, a task that never runs ("holes", pid 4242) owns
 * the mm on the list of all tasks while the placement runs, and the mm
 * has been switched to once, so it has an ASID.
 */
#include "kernel/errno.h"
#include "kernel/sched.h"
#include "kernel/task.h"
#include "mm/memory.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/armv7/pgtable.h"
#include "mm/vma.h"
#include "tests/kernel/ktest.h"
#include "tests/kernel/scenario_holes.h"

#define RW_ADDR 0x00020000UL	/* in B (rw-p): written, its own page */
#define RO_ADDR 0xb6f05000UL	/* in E (r--p): read, the zero page */
#define GDB_LENGTH 0x3000UL

struct gdb_scenario {
	struct mm_struct *mm;
	unsigned long rw_addr, rw_phys;
	unsigned long ro_addr, ro_phys;
	unsigned long placed;
	unsigned int asid;		/* mm_live_asid() after one switch */
};

/* Not static: gdb reads it. */
struct gdb_scenario gdb_scenario;

/* On the task list only, never on the run queue: it never runs. */
static struct task_struct holes_task = {
	.pid = 4242,
	.comm = "holes",
	.state = TASK_SLEEPING,
};

/* The physical address @addr maps in @mm by pte_lookup(), or 0. */
static unsigned long kernel_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = pte_lookup(mm, addr, NULL);

	return page ? page_to_phys(page) : 0;
}

/*
 * Placement as in test_placement_trace.c, search 1, with L = 0x3000, so
 * gap_start <= 0xb6f0c000 - L = 0xb6f09000: D (its vm_end 0xb6f03000 is
 * below that), go right to F; F ends at 0xb6f0e000, above it, so G's
 * subtree is not entered (its gaps start at 0xb6f0e000 or higher); F's
 * own gap [0xb6f06000, 0xb6f0a000) fits: 0xb6f0a000 - L = 0xb6f07000.
 */
TEST(holes_with_two_mapped_pages_then_one_placement)
{
	struct gdb_scenario *s = &gdb_scenario;
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = GDB_LENGTH,
		.low_limit = 0x1000,
		.high_limit = 0xb6f0c000,
	};
	struct mm_struct *mm = mm_alloc();

	if (!mm || holes_build(mm)) {
		CHECK(!"out of memory");
		if (mm)
			mmput(mm);
		return;
	}
	s->mm = mm;
	s->rw_addr = RW_ADDR;
	s->ro_addr = RO_ADDR;
	CHECK_EQ(handle_mm_fault(mm, find_vma(mm, RW_ADDR), RW_ADDR,
				 FAULT_FLAG_USER | FAULT_FLAG_WRITE), 0);
	CHECK_EQ(handle_mm_fault(mm, find_vma(mm, RO_ADDR), RO_ADDR,
				 FAULT_FLAG_USER), 0);
	s->rw_phys = kernel_lookup(mm, RW_ADDR);
	s->ro_phys = kernel_lookup(mm, RO_ADDR);
	printk("# gdb scenario: mm %p, %#lx -> phys %#lx, %#lx -> phys %#lx\n",
	       (void *)mm, s->rw_addr, s->rw_phys, s->ro_addr, s->ro_phys);
	CHECK(s->rw_phys != 0);
	CHECK_EQ(s->ro_phys, page_to_phys(ZERO_PAGE(0)));
	switch_mm(&init_mm, mm);
	switch_mm(mm, &init_mm);
	s->asid = mm_live_asid(mm);
	CHECK(s->asid != 0);

	holes_task.mm = mm;
	list_add_tail(&holes_task.tasks, &task_list);
	s->placed = unmapped_area_topdown(mm, &info);	/* gdb stops here */
	list_del(&holes_task.tasks);
	holes_task.mm = NULL;
	CHECK_EQ(s->placed, 0xb6f07000);
	CHECK_EQ(validate_mm(mm), 0);

	s->mm = NULL;
	mmput(mm);
}
