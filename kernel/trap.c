/*
 * kernel/trap.c - acting on a fault the arch has classified (see
 * kernel/trap.h): a user task's fatal fault is reported in full and
 * the task killed; a kernel fault on a user address in a user copy is
 * fixed up silently (an EFAULT), before anything is printed; any other
 * kernel fault is reported and stops the kernel.
 */
#include "kernel/arch.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "mm/proc_maps.h"
#include "mm/slab.h"

trap_catcher_fn trap_catcher;

/* The kill report shows at most this much of the task's maps. */
#define REPORT_MAPS_SIZE 4096

static const char *access_name(const struct fault_info *fi)
{
	if (fi->flags & FAULT_FLAG_INSTRUCTION)
		return "execute";
	return fi->flags & FAULT_FLAG_WRITE ? "write" : "read";
}

/*
 * Print the task's maps, as /proc/PID/maps would show them: the whole
 * lines that fit in REPORT_MAPS_SIZE bytes, and how many VMAs did not.
 */
static void show_task_maps(struct mm_struct *mm)
{
	char *buf = kmalloc(REPORT_MAPS_SIZE);
	int shown = 0;
	size_t len;

	if (!buf)
		return;
	len = show_maps(mm, buf, REPORT_MAPS_SIZE);
	printk("  maps of the task:\n");
	for (char *line = buf; len > 0 && *line; shown++) {
		char *end = strchr(line, '\n');

		if (!end)	/* cut short by the buffer's end */
			break;
		*end = '\0';
		printk("    %s\n", line);
		line = end + 1;
	}
	if (shown < mm->map_count)
		printk("    ... and %d more VMAs (/proc/PID/maps has them all)\n",
		       mm->map_count - shown);
	kfree(buf);
}

/*
 * A user task's fault nobody could fix: tell the console everything a
 * student needs to see why, then end the task as killed by the signal.
 */
static void __noreturn kill_task(struct pt_regs *regs,
				 const struct fault_info *fi)
{
	const struct fault_report *r = &fi->report;
	const struct fault_kind *k = fi->kind;
	const char *name = k->status_name(fi->status);

	if (fi->sig == SIGKILL)
		printk("\nOut of memory: no page for task %d (%s) at %08lx: killed\n",
		       current->pid, current->comm, fi->addr);
	printk("\ntask %d (%s): %s at address %08lx, pc %08lx: %s\n",
	       current->pid, current->comm, signal_name(fi->sig), fi->addr,
	       instruction_pointer(regs),
	       fi->have_report ? fault_reason_str(r->reason) : name);
	printk("  %s access; %s: %s %08lx (%s 0x%02x)\n", access_name(fi),
	       name, k->status_reg, fi->status, k->code_name,
	       k->status_code(fi->status));
	if (fi->have_report && r->has_vma)
		printk("  VMA %08lx-%08lx flags %04lx pgoff %lx %s\n",
		       r->vm_start, r->vm_end, r->vm_flags, r->vm_pgoff,
		       r->vm_file ? r->vm_file : "(anonymous)");
	else
		printk("  no VMA\n");
	if (current->mm)
		show_task_maps(current->mm);
	force_sig(fi->sig);
}

/* The one-line decoded report of a kernel fault, and the raw registers. */
static void report_kernel_fault(const struct pt_regs *regs,
				const struct fault_info *fi)
{
	const struct fault_kind *k = fi->kind;
	const char *how = fi->flags & FAULT_FLAG_INSTRUCTION ? "fetching" :
			  fi->flags & FAULT_FLAG_WRITE ? "writing" : "reading";
	char what = k->what[0];

	if (what >= 'a' && what <= 'z')	/* "Data abort in ..." */
		what -= 'a' - 'A';
	printk("%c%s in %s mode at pc %08lx: %s, %s address %08lx\n", what,
	       k->what + 1, regs_mode_name(regs), instruction_pointer(regs),
	       k->status_name(fi->status), how, fi->addr);
	printk("  %s %08lx (%s 0x%02x)  %s %08lx\n", k->status_reg,
	       fi->status, k->code_name, k->status_code(fi->status),
	       k->addr_reg, fi->addr);
}

void fault_act(struct pt_regs *regs, struct fault_info *fi,
	       enum fault_verdict verdict)
{
	switch (verdict) {
	case FAULT_HANDLED:
		return;
	case FAULT_SIGNAL:
		kill_task(regs, fi);
	case FAULT_FIXUP:
		break;
	}
	if (fixup_exception(regs))	/* a bad user pointer in a syscall */
		return;
	report_kernel_fault(regs, fi);
	die_or_catch(fi->kind->what, regs, fi->vector, fi->status, fi->addr);
}

void die(const char *what, struct pt_regs *regs)
{
	show_regs(regs);
	panic("%s in kernel mode", what);
}

void die_or_catch(const char *what, struct pt_regs *regs, int vector,
		  unsigned long status, unsigned long addr)
{
	if (trap_catcher && trap_catcher(regs, vector, status, addr)) {
		printk("  (expected by a self-test: caught, going on)\n");
		return;
	}
	die(what, regs);
}
