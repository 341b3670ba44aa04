/*
 * kernel/fork.c - making tasks: the task structure and its kernel stack,
 * fork(), and the first user process.
 */
#include "kernel/console.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/syscall.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

#define THREAD_ORDER 1		/* 8 KiB kernel stacks */

static struct kmem_cache *task_cachep;
static int next_pid = 1;

/*
 * A new task, not yet runnable: a zeroed task_struct, a kernel stack, a
 * pid, a place on the task list. When it is first switched to, it starts
 * in ret_from_fork and leaves for user mode with task_pt_regs(task).
 * Returns NULL when out of memory.
 */
static struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *task;
	struct page *stack;

	if (!task_cachep) {
		task_cachep = kmem_cache_create("task_struct", sizeof(*task), 0);
		if (!task_cachep)
			return NULL;
	}
	task = kmem_cache_zalloc(task_cachep);
	if (!task)
		return NULL;
	stack = alloc_pages(GFP_KERNEL, THREAD_ORDER);
	if (!stack) {
		kmem_cache_free(task_cachep, task);
		return NULL;
	}
	task->stack = page_address(stack);
	task->pid = next_pid++;
	strncpy(task->comm, comm, TASK_COMM_LEN - 1);
	task->state = TASK_SLEEPING;		/* until wake_up_process() */
	INIT_LIST_HEAD(&task->children);
	INIT_LIST_HEAD(&task->sibling);
	INIT_LIST_HEAD(&task->run_list);
	list_add_tail(&task->tasks, &task_list);
	init_thread_context(task);
	return task;
}

void release_task(struct task_struct *task)
{
	list_del(&task->tasks);
	list_del(&task->sibling);
	__free_pages(virt_to_page(task->stack), THREAD_ORDER);
	kmem_cache_free(task_cachep, task);
}

int last_pid(void)
{
	return next_pid - 1;
}

struct task_struct *find_task(int pid)
{
	struct task_struct *task;

	list_for_each_entry(task, &task_list, tasks)
		if (task->pid == pid)
			return task;
	return NULL;
}

/* fork(): a copy of the current process, sharing its open files. */
/*
 * The new process of fork() and clone(): a copy of the current one with
 * its own address space. Returns: the child (runnable), or NULL.
 */
static struct task_struct *copy_process(void)
{
	struct task_struct *child = alloc_task(current->comm);

	if (!child)
		return NULL;
	child->mm = dup_mm(current->mm);
	if (!child->mm) {
		release_task(child);
		return NULL;
	}
	child->personality = current->personality;
	copy_thread(child, current);	/* fork() returns 0 in the child */
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (current->files[fd])
			child->files[fd] = get_file(current->files[fd]);
	child->close_on_exec = current->close_on_exec;
	memcpy(child->sigaction, current->sigaction, sizeof(child->sigaction));
	child->blocked = current->blocked;
	memcpy(child->exe_path, current->exe_path, sizeof(child->exe_path));
	child->parent = current;
	list_add_tail(&child->sibling, &current->children);
	return child;
}

long sys_fork(void)
{
	struct task_struct *child = copy_process();

	if (!child)
		return -ENOMEM;
	wake_up_process(child);
	return child->pid;
}

/*
 * clone(2) as C libraries use it for fork(): a new process (no CLONE_VM)
 * that reports SIGCHLD, with Linux's extras for a thread library's
 * bookkeeping:
 *   CLONE_PARENT_SETTID   the child's pid at @ptid, in the parent
 *   CLONE_CHILD_SETTID    the child's pid at @ctid, in the child
 *   CLONE_CHILD_CLEARTID  0 at @ctid when the child exits, if others
 *                         still use its address space (threads: never)
 *   CLONE_SETTLS          the child's thread pointer is @tls
 * and @newsp, when not 0, the child's stack pointer. ARM's argument order
 * (Linux's CLONE_BACKWARDS): flags, newsp, ptid, tls, ctid. Threads
 * (CLONE_VM, CLONE_THREAD, ...) and exit signals other than SIGCHLD are
 * beyond topdown: ENOSYS, so the caller knows it got no thread.
 */
long sys_clone(unsigned long flags, unsigned long newsp, unsigned long ptid,
	       unsigned long tls, unsigned long ctid)
{
	const unsigned long known = CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
				    CLONE_CHILD_CLEARTID | CLONE_SETTLS;
	struct task_struct *child;

	if ((flags & CSIGNAL) != SIGCHLD || (flags & ~(CSIGNAL | known)))
		return -ENOSYS;
	child = copy_process();
	if (!child)
		return -ENOMEM;
	if (newsp)
		thread_set_user_sp(child, newsp);
	if (flags & CLONE_SETTLS)
		thread_set_tls(child, tls);
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = (uint32_t *)ctid;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = (uint32_t *)ctid;
	/* as Linux, a bad pointer here is no error: the write is skipped */
	if (flags & CLONE_PARENT_SETTID)
		put_user_u32(child->pid, (uint32_t *)ptid);
	wake_up_process(child);
	return child->pid;
}

int start_init(const char *path, const char *const argv[],
	       const char *const envp[])
{
	struct task_struct *init = alloc_task("init");
	struct task_struct *idle = current;
	struct file *console;
	int ret;

	if (!init)
		return -ENOMEM;
	console = console_open();
	if (!console) {
		release_task(init);
		return -ENOMEM;
	}
	init->files[0] = console;		/* stdin, stdout, stderr */
	init->files[1] = get_file(console);
	init->files[2] = get_file(console);
	init->parent = &idle_task;
	list_add_tail(&init->sibling, &idle_task.children);

	current = init;			/* exec works on the current task */
	ret = kernel_execve(path, argv, envp);
	current = idle;
	switch_mm(init->mm ? init->mm : &init_mm, &init_mm);
	if (ret) {
		for (int fd = 0; fd < 3; fd++)
			fput(init->files[fd]);
		release_task(init);
		return ret;
	}
	wake_up_process(init);
	return 0;
}
