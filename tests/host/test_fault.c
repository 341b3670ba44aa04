/*
 * Host tests of mm/fault.c: which accesses do_user_fault() refuses, with
 * which result and report, and how a stack grows.
 *
 *   0         0x10000    0x20000   0x30000   0x40000          TASK_SIZE
 *   | NULL .. | RX text  | R data  | RW heap | NONE  ...  | kernel ...
 */
#include "mm/vmstat.h"
#include "tests/host/mm_util.h"

#define TEXT 0x10000UL
#define DATA 0x20000UL
#define HEAP 0x30000UL
#define GUARD 0x40000UL

enum access { RD, WR, EX };

static int access(struct mm_struct *mm, unsigned long addr, enum access a)
{
	unsigned char c;

	switch (a) {
	case RD:
		return user_read(mm, addr, &c);
	case WR:
		return user_write(mm, addr, 1);
	default:
		return user_exec(mm, addr);
	}
}

/* Issue 7, acceptance 2, the mm side: each fatal access and its report. */
TEST(every_fatal_access_kind_gets_its_result_and_reason)
{
	static const struct {
		unsigned long addr;
		enum access a;
		int fault;
		enum fault_reason reason;
		unsigned long vm_start;		/* 0: no VMA in the report */
	} table[] = {
		{ GUARD + 8, RD, VM_FAULT_BADACCESS, FAULT_PROT_NONE, GUARD },
		{ DATA + 4, WR, VM_FAULT_BADACCESS, FAULT_WRITE_RO, DATA },
		{ TEXT, WR, VM_FAULT_BADACCESS, FAULT_WRITE_RO, TEXT },
		{ HEAP, EX, VM_FAULT_BADACCESS, FAULT_EXEC_NX, HEAP },
		{ DATA, EX, VM_FAULT_BADACCESS, FAULT_EXEC_NX, DATA },
		{ 0, RD, VM_FAULT_BADMAP, FAULT_NO_VMA, 0 },		/* NULL */
		{ 0xffc, WR, VM_FAULT_BADMAP, FAULT_NO_VMA, 0 },
		{ TEXT - 4, RD, VM_FAULT_BADMAP, FAULT_NO_VMA, 0 },	/* below */
		{ 0x50000, RD, VM_FAULT_BADMAP, FAULT_NO_VMA, 0 },	/* above all */
		{ PAGE_OFFSET, RD, VM_FAULT_BADMAP, FAULT_KERNEL_ADDR, 0 },
		{ TASK_SIZE, WR, VM_FAULT_BADMAP, FAULT_KERNEL_ADDR, 0 },
		{ 0xffff0000, EX, VM_FAULT_BADMAP, FAULT_KERNEL_ADDR, 0 },
	};
	struct mm_struct *mm = mmt_new();
	unsigned long segv = global_vm_event(TD_FAULT_SIGSEGV);

	mmt_map(mm, TEXT, PG(1), RX, NULL, 0);
	mmt_map(mm, DATA, PG(1), R, NULL, 0);
	mmt_map(mm, HEAP, PG(1), RW, NULL, 0);
	mmt_map(mm, GUARD, PG(1), NONE, NULL, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(table); i++) {
		int fault = access(mm, table[i].addr, table[i].a);

		if (fault != table[i].fault ||
		    mmt_report.reason != table[i].reason ||
		    mmt_report.has_vma != (table[i].vm_start != 0) ||
		    (mmt_report.has_vma &&
		     mmt_report.vm_start != table[i].vm_start))
			check_failed(__FILE__, __LINE__,
				     "row %u (%#lx): fault %#x reason \"%s\" vma %d:%#lx",
				     i, table[i].addr, fault,
				     fault_reason_str(mmt_report.reason),
				     mmt_report.has_vma, mmt_report.vm_start);
		CHECK_EQ(mmt_report.addr, table[i].addr);
		CHECK_EQ(mmt_report.fault, fault);
	}
	CHECK_EQ(global_vm_event(TD_FAULT_SIGSEGV) - segv, ARRAY_SIZE(table));
	/* the refused accesses mapped nothing */
	CHECK_EQ(mm_nr_ptes(mm), 0);
	/*
	 * And the allowed ones work, writing nothing in the report (only a
	 * fault that fails has one): what the last failure left is still
	 * there, byte for byte.
	 */
	struct fault_report last = mmt_report;

	CHECK_EQ(access(mm, TEXT, EX), 0);
	CHECK_EQ(access(mm, DATA, RD), 0);
	CHECK_EQ(access(mm, HEAP, WR), 0);
	CHECK(mmt_pte(mm, TEXT, NULL) && mmt_pte(mm, DATA, NULL) &&
	      mmt_pte(mm, HEAP, NULL));
	CHECK(memcmp(&last, &mmt_report, sizeof(last)) == 0);
	mmput(mm);
}

/* The reasons in words, as the kill message prints them. */
TEST(fault_reasons_read_as_the_issue_says)
{
	CHECK_STREQ(fault_reason_str(FAULT_NO_VMA), "no VMA");
	CHECK_STREQ(fault_reason_str(FAULT_WRITE_RO), "write to a read-only VMA");
	CHECK_STREQ(fault_reason_str(FAULT_EXEC_NX),
		    "execute from a non-executable VMA");
	CHECK_STREQ(fault_reason_str(FAULT_OOM), "out of memory");
	CHECK_STREQ(fault_reason_str(FAULT_BEYOND_EOF), "beyond end of file");
	CHECK_STREQ(fault_reason_str((enum fault_reason)99), "?");
}

/*
 * ARM's rule for reads: a write-only or execute-only VMA is readable
 * (the MMU cannot say otherwise). A write-only VMA is not executable.
 */
TEST(reads_are_allowed_by_any_access_flag)
{
	struct mm_struct *mm = mmt_new();

	mmt_map(mm, HEAP, PG(1), VM_WRITE | VM_MAYWRITE, NULL, 0);
	mmt_map(mm, TEXT, PG(1), VM_EXEC | VM_MAYEXEC, NULL, 0);
	CHECK_EQ(access(mm, HEAP, RD), 0);
	CHECK_EQ(access(mm, HEAP, WR), 0);
	CHECK_EQ(access(mm, HEAP, EX), VM_FAULT_BADACCESS);
	CHECK_EQ(access(mm, TEXT, RD), 0);
	CHECK_EQ(access(mm, TEXT, EX), 0);
	CHECK_EQ(access(mm, TEXT, WR), VM_FAULT_BADACCESS);
	mmput(mm);
}

#define STACK_TOP 0xbe800000UL
#define STACK (RW | VM_GROWSDOWN)

/* Largest gap below any VMA of @mm, computed from the list alone. */
static unsigned long largest_gap(struct mm_struct *mm)
{
	unsigned long prev_end = 0, max = 0;

	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next) {
		if (v->vm_start - prev_end > max)
			max = v->vm_start - prev_end;
		prev_end = v->vm_end;
	}
	return max;
}

/* The tree's root says the same as largest_gap(). */
static unsigned long root_gap(struct mm_struct *mm)
{
	return rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb)
		->rb_subtree_gap;
}

/*
 * A push below the stack grows it to the faulting page, keeping vm_pgoff
 * the page number of vm_start (an anonymous VMA) and every subtree gap
 * exact; a read of the new page gives zero.
 *
 *   before: [heap]  ....the largest gap....   [stack 4p]
 *   after:  [heap]  ....6 pages less.......   [stack 10p]
 */
TEST(a_fault_below_the_stack_grows_it)
{
	struct mem_snapshot s;
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *stack;
	unsigned long grows = global_vm_event(TD_STACK_GROWS);
	unsigned char c;

	mmt_map(mm, HEAP, PG(1), RW, NULL, 0);
	stack = mmt_map(mm, STACK_TOP - PG(4), PG(4), STACK, NULL, 0);
	CHECK_EQ(root_gap(mm), STACK_TOP - PG(4) - (HEAP + PG(1)));
	mem_snap(&s);
	CHECK_EQ(user_write(mm, STACK_TOP - PG(10) + 8, 0x99), 0);
	CHECK_EQ(stack->vm_start, STACK_TOP - PG(10));
	CHECK_EQ(stack->vm_end, STACK_TOP);
	CHECK_EQ(stack->vm_pgoff, (STACK_TOP - PG(10)) >> PAGE_SHIFT);
	CHECK_EQ(global_vm_event(TD_STACK_GROWS) - grows, 1);
	CHECK_EQ(validate_mm(mm), 0);
	CHECK_EQ(root_gap(mm), STACK_TOP - PG(10) - (HEAP + PG(1)));
	CHECK_EQ(root_gap(mm), largest_gap(mm));
	CHECK_EQ(user_read(mm, STACK_TOP - PG(9), &c), 0);	/* no fault */
	CHECK_EQ(c, 0);
	CHECK_EQ(pages_used_since(&s), 1);	/* only the page written */
	CHECK_EQ(mm->map_count, 2);
	mmput(mm);
}

/*
 * The stack may grow to exactly its rlimit, not a page more; and an
 * address below a non-stack VMA never grows anything.
 */
TEST(the_stack_does_not_grow_beyond_its_rlimit)
{
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *stack;

	mm->stack_rlimit = PG(16);
	stack = mmt_map(mm, STACK_TOP - PG(4), PG(4), STACK, NULL, 0);
	CHECK_EQ(user_write(mm, STACK_TOP - PG(17), 1), VM_FAULT_BADMAP);
	CHECK_EQ(mmt_report.reason, FAULT_STACK_LIMIT);
	CHECK(mmt_report.has_vma);
	CHECK_EQ(mmt_report.vm_start, STACK_TOP - PG(4));
	CHECK_EQ(stack->vm_start, STACK_TOP - PG(4));
	CHECK_EQ(expand_stack(stack, STACK_TOP - PG(17)), -ENOMEM);
	CHECK_EQ(user_write(mm, STACK_TOP - PG(16), 1), 0);
	CHECK_EQ(stack->vm_start, STACK_TOP - PG(16));
	CHECK_EQ(validate_mm(mm), 0);
	mmput(mm);
}

/*
 * The guard gap: the stack must stay STACK_GUARD_GAP above a VMA below
 * it - unless that one is PROT_NONE (a guard itself) or a stack.
 *
 *   [lib]<-- gap -->[stack]       prev_end + gap is the lowest new start
 */
TEST(the_stack_keeps_the_guard_gap_above_the_vma_below)
{
	struct mm_struct *mm = mmt_new();
	unsigned long lib_end = STACK_TOP - PG(8) - STACK_GUARD_GAP;
	struct vm_area_struct *lib, *stack;

	lib = mmt_map(mm, lib_end - PG(1), PG(1), R, NULL, 0);
	stack = mmt_map(mm, STACK_TOP - PG(4), PG(4), STACK, NULL, 0);
	CHECK_EQ(user_read32(mm, lib_end + STACK_GUARD_GAP - PG(1),
			     &(uint32_t){ 0 }), VM_FAULT_BADMAP);
	CHECK_EQ(mmt_report.reason, FAULT_STACK_GUARD);
	CHECK_EQ(stack->vm_start, STACK_TOP - PG(4));
	CHECK_EQ(user_write(mm, lib_end + STACK_GUARD_GAP, 1), 0);
	CHECK_EQ(stack->vm_start, lib_end + STACK_GUARD_GAP);
	CHECK_EQ(validate_mm(mm), 0);

	/* a PROT_NONE VMA below is no reason to keep away, but no overlap */
	CHECK_EQ(do_mprotect(mm, lib->vm_start, PG(1), 0, false), 0);
	CHECK_EQ(user_write(mm, lib_end + PG(2), 1), 0);
	CHECK_EQ(stack->vm_start, lib_end + PG(2));
	CHECK_EQ(expand_stack(stack, lib_end - PG(1)), -ENOMEM);
	CHECK_EQ(expand_stack(stack, lib_end), 0);
	CHECK_EQ(stack->vm_start, lib_end);
	CHECK_EQ(root_gap(mm), largest_gap(mm));
	CHECK_EQ(validate_mm(mm), 0);
	mmput(mm);
}

/* Nothing grows below mmap_min_addr (Linux: -EPERM from the LSM check). */
TEST(expand_stack_refuses_addresses_below_mmap_min_addr)
{
	struct mm_struct *mm = mmt_new();
	struct vm_area_struct *stack = mmt_map(mm, PG(4), PG(2), STACK, NULL, 0);

	CHECK_EQ(expand_stack(stack, PG(0)), -EPERM);
	CHECK_EQ(user_read32(mm, 0x10, &(uint32_t){ 0 }), VM_FAULT_BADMAP);
	CHECK_EQ(mmt_report.reason, FAULT_NO_VMA);
	CHECK_EQ(expand_stack(stack, PG(2)), 0);
	CHECK_EQ(stack->vm_start, PG(2));
	CHECK_EQ(expand_stack(stack, PG(3)), 0);	/* already there */
	CHECK_EQ(stack->vm_start, PG(2));
	mmput(mm);
}
