/*
 * kernel/procfs.c - a few /proc files, as Linux has them, to look at the
 * memory and the tasks of a running system from user space:
 *
 *   /proc/PID/maps               the task's VMAs (Linux's format)
 *   /proc/PID/status             Name, State, Tgid, Pid, PPid, Threads
 *                                (the first of Linux's lines, its format)
 *   /proc/PID/vma_tree           its VMA tree, indented, with the gaps
 *   /proc/PID/vma_tree.dot       the same as Graphviz DOT
 *   /proc/PID/pagetable          the page-table entries the MMU walks for
 *                                it (topdown's; see arch_show_page_tables)
 *   /proc/PID/smaps              each VMA's maps line, then how much of it
 *                                is resident, shared, dirty (Linux's)
 *   /proc/PID/smaps_rollup       the same figures summed over the VMAs
 *   /proc/PID/pagemap            8 bytes per virtual page: its frame and
 *                                flags (Linux's; made at each read)
 *   /proc/meminfo                MemTotal, MemFree (kB)
 *   /proc/vmstat                 counters: nr_free_pages, pgfault, td_*
 *                                (td_slab_objects: live slab objects)
 *   /proc/sys/kernel/ns_last_pid the last pid handed out (read-only here)
 *   /proc/sys/vm/max_map_count   read/write, as Linux
 *   /proc/sys/vm/trace_placement read/write: 1 logs every placement
 *   /proc/sys/kernel/trace_syscalls  read/write: 1 logs every system call
 *   /proc/sys/kernel/randomize_va_space  read/write: ASLR 0, 1, 2
 *   /proc/sys/vm/mmap_rnd_bits   read/write, 8..16: mmap_base's random bits
 *
 * PID is a number, or "self": the task that opens the file. On Linux,
 * /proc/self is a symbolic link to /proc/PID, which are directories made
 * as they are looked up. Here the files of /proc/self are the inodes of
 * the ramfs, and /proc/PID/NAME (procfs_open_task) opens the inode of
 * /proc/self/NAME showing task PID instead of the caller. The ramfs has
 * no /proc/PID directories, so they cannot be listed (and there is no
 * getdents): a program finds the pids by counting up to ns_last_pid.
 *
 * A file's text is generated when it is opened, into a buffer the open
 * file keeps until it is closed; read() then returns it piece by piece.
 * The pagemap, binary and 6 MB long, is made at each read instead.
 */
#include "kernel/errno.h"
#include "kernel/arch.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/procfs.h"
#include "kernel/ramfs.h"
#include "kernel/randomize.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall_trace.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"
#include "mm/memlayout.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/page_alloc.h"
#include "mm/proc_maps.h"
#include "mm/slab.h"
#include "mm/task_mmu.h"
#include "mm/vma.h"
#include "mm/vmstat.h"

/*
 * The text of a file is made at open into a buffer of 64 KiB, and made
 * again into one twice as large while it does not fit, up to the largest
 * block the page allocator has (4 MiB: /proc/self/maps of 65530 VMAs
 * takes 3.3 MB).
 */
#define PROC_BUF_ORDER 4
#define PROC_BUF_MAX_ORDER (MAX_ORDER - 1)

/*
 * One file. A file of /proc/PID shows one task (show_task); the others
 * show the whole system (show). A file too large to make at open (the
 * pagemap: 8 bytes for each of the 778240 pages below TASK_SIZE) is made
 * at each read instead, from the address space it was opened on
 * (read_mm).
 */
struct proc_entry {
	const char *path;
	/* Write the file's text into @buf; returns its length. */
	size_t (*show)(char *buf, size_t size);
	size_t (*show_task)(struct task_struct *task, char *buf, size_t size);
	/* Accept a number written to the file: 0 or -errno. */
	int (*store)(long value);
	/* read() of @len bytes at @file's position: the length, or -errno */
	long (*read_mm)(struct file *file, struct mm_struct *mm, char *ubuf,
			unsigned long len);
};

/* What one open /proc file keeps: its generated text, or its mm. */
struct proc_buf {
	const struct proc_entry *entry;
	char *text;
	size_t len;
	unsigned int order;		/* of the pages holding text */
	/*
	 * read_mm files: the task's address space when it was opened, held
	 * by mmgrab (the struct only). Once the task has exited or exec'd,
	 * the address space is gone and a read returns 0, as on Linux.
	 */
	struct mm_struct *mm;
};

static size_t show_task_maps(struct task_struct *task, char *buf, size_t size)
{
	/* a zombie has no address space left: an empty file, as Linux */
	return task->mm ? show_maps(task->mm, buf, size) : 0;
}

static size_t show_task_vma_tree(struct task_struct *task, char *buf,
				 size_t size)
{
	return task->mm ? show_vma_tree(task->mm, buf, size) : 0;
}

static size_t show_task_vma_dot(struct task_struct *task, char *buf,
				size_t size)
{
	return task->mm ? show_vma_tree_dot_named(task->mm, buf, size) : 0;
}

static size_t show_task_pagetable(struct task_struct *task, char *buf,
				  size_t size)
{
	return task->mm ? arch_show_page_tables(task->mm, buf, size) : 0;
}

static size_t show_task_smaps(struct task_struct *task, char *buf, size_t size)
{
	return task->mm ? show_smaps(task->mm, buf, size) : 0;
}

static size_t show_task_smaps_rollup(struct task_struct *task, char *buf,
				     size_t size)
{
	return task->mm ? show_smaps_rollup(task->mm, buf, size) : 0;
}

/*
 * read() of /proc/PID/pagemap: the entries of the pages from f_pos / 8
 * on (mm/task_mmu.h), made now, up to TASK_SIZE. As Linux: 0 once the
 * address space is gone; EINVAL for a position or length that is not a
 * multiple of 8; EFAULT when the buffer cannot be written (and then the
 * position stays).
 */
static long read_pagemap(struct file *file, struct mm_struct *mm, char *ubuf,
			 unsigned long len)
{
	uint64_t chunk[64];
	unsigned long done = 0, vpn;
	long ret = 0;

	if (!mm || !mmget_not_zero(mm))
		return 0;
	if (file->f_pos % PM_ENTRY_BYTES || len % PM_ENTRY_BYTES) {
		ret = -EINVAL;
		goto out;
	}
	if (file->f_pos / PM_ENTRY_BYTES >= mm->task_size >> PAGE_SHIFT)
		goto out;	/* at or past the end */
	vpn = file->f_pos / PM_ENTRY_BYTES;
	while (done < len) {
		size_t n = pagemap_fill(mm, vpn, chunk,
					min((len - done) / PM_ENTRY_BYTES,
					    ARRAY_SIZE(chunk)));

		if (!n)
			break;
		if (copy_to_user(ubuf + done, chunk, n * PM_ENTRY_BYTES)) {
			ret = -EFAULT;
			goto out;
		}
		done += n * PM_ENTRY_BYTES;
		vpn += n;
	}
	file->f_pos += done;
	ret = done;
out:
	mmput(mm);
	return ret;
}

/* Linux's letter and word for a task's state (fs/proc/array.c). */
static const char *task_state_name(const struct task_struct *task)
{
	switch (task->state) {
	case TASK_RUNNING: return "R (running)";
	case TASK_SLEEPING: return "S (sleeping)";
	case TASK_ZOMBIE: return "Z (zombie)";
	default: return "X (dead)";
	}
}

/*
 * /proc/PID/status: the first lines of Linux's, in its order and format
 * ("Name:\tsh"). Tgid is the pid: every task is a process of one thread.
 */
static size_t show_task_status(struct task_struct *task, char *buf,
			       size_t size)
{
	size_t len = snprintf(buf, size,
			      "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\n"
			      "PPid:\t%d\nThreads:\t1\n", task->comm,
			      task_state_name(task), task->pid, task->pid,
			      task->parent ? task->parent->pid : 0);

	return min(len, size);
}

static size_t show_meminfo(char *buf, size_t size)
{
	struct meminfo mi;

	si_meminfo(&mi);
	return snprintf(buf, size, "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n",
			mi.totalram * (PAGE_SIZE / 1024),
			mi.freeram * (PAGE_SIZE / 1024));
}

/* L2 tables of every address space: Linux's nr_page_table_pages. */
static unsigned long page_table_pages(void)
{
	struct task_struct *task;
	unsigned long n = 0;

	list_for_each_entry(task, &task_list, tasks)
		if (task->mm)
			n += mm_nr_ptes(task->mm);
	return n;
}

/* Objects handed out by every slab cache: topdown's leak detector. */
static unsigned long slab_objects(void)
{
	struct kmem_cache *c;
	unsigned long n = 0;

	list_for_each_entry(c, &slab_caches, list)
		n += c->nr_active;
	return n;
}

static size_t show_vmstat(char *buf, size_t size)
{
	size_t len = snprintf(buf, size, "nr_free_pages %lu\nnr_page_table_pages %lu\n",
			      nr_free_pages(), page_table_pages());

	for (int i = 0; i < NR_VM_EVENT_ITEMS && len < size; i++)
		len += snprintf(buf + len, size - len, "%s %lu\n",
				vmstat_text[i], global_vm_event(i));
	if (len < size)
		len += snprintf(buf + len, size - len, "td_slab_objects %lu\n",
				slab_objects());
	if (len < size)
		len += snprintf(buf + len, size - len,
				"td_placement_searches %lu\ntd_placement_visits %lu\n",
				placement_stats.searches,
				placement_stats.total_visits);
	return min(len, size);
}

int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

static size_t show_max_map_count(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", sysctl_max_map_count);
}

/* Linux reads the sysctl at every check; here every mm keeps a copy. */
static int store_max_map_count(long value)
{
	struct task_struct *task;

	if (value < 0 || value > 0x7fffffff)
		return -EINVAL;
	sysctl_max_map_count = value;
	list_for_each_entry(task, &task_list, tasks)
		if (task->mm)
			task->mm->max_map_count = value;
	return 0;
}

static size_t show_trace_placement(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", trace_placement ? 1 : 0);
}

static int store_trace_placement(long value)
{
	if (value != 0 && value != 1)
		return -EINVAL;
	trace_placement = value;
	return 0;
}

static size_t show_trace_syscalls(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", trace_syscalls ? 1 : 0);
}

static int store_trace_syscalls(long value)
{
	if (value != 0 && value != 1)
		return -EINVAL;
	trace_syscalls = value;
	return 0;
}

static size_t show_randomize_va_space(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", randomize_va_space);
}

/* Any int, as Linux's proc_dointvec: a level above 2 acts as 2. */
static int store_randomize_va_space(long value)
{
	if (value < -0x7fffffffL - 1 || value > 0x7fffffff)
		return -EINVAL;
	randomize_va_space = value;
	return 0;
}

static size_t show_mmap_rnd_bits(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", mmap_rnd_bits);
}

static int store_mmap_rnd_bits(long value)
{
	if (value < MMAP_RND_BITS_MIN || value > MMAP_RND_BITS_MAX)
		return -EINVAL;
	mmap_rnd_bits = value;
	return 0;
}

/* The last pid fork handed out, as Linux's pid namespace keeps it. */
static size_t show_ns_last_pid(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", last_pid());
}

/*
 * The files. Those of /proc/self are the ones of every /proc/PID: the
 * name after "/proc/self/" is the name after "/proc/PID/".
 */
#define SELF "/proc/self/"

static const struct proc_entry entries[] = {
	{ "/proc/self/maps", .show_task = show_task_maps },
	{ "/proc/self/status", .show_task = show_task_status },
	{ "/proc/self/vma_tree", .show_task = show_task_vma_tree },
	{ "/proc/self/vma_tree.dot", .show_task = show_task_vma_dot },
	{ "/proc/self/pagetable", .show_task = show_task_pagetable },
	{ "/proc/self/smaps", .show_task = show_task_smaps },
	{ "/proc/self/smaps_rollup", .show_task = show_task_smaps_rollup },
	{ "/proc/self/pagemap", .read_mm = read_pagemap },
	{ "/proc/meminfo", .show = show_meminfo },
	{ "/proc/vmstat", .show = show_vmstat },
	{ "/proc/sys/kernel/ns_last_pid", .show = show_ns_last_pid },
	{ "/proc/sys/kernel/trace_syscalls", .show = show_trace_syscalls,
	  .store = store_trace_syscalls },
	{ "/proc/sys/kernel/randomize_va_space", .show = show_randomize_va_space,
	  .store = store_randomize_va_space },
	{ "/proc/sys/vm/mmap_rnd_bits", .show = show_mmap_rnd_bits,
	  .store = store_mmap_rnd_bits },
	{ "/proc/sys/vm/max_map_count", .show = show_max_map_count,
	  .store = store_max_map_count },
	{ "/proc/sys/vm/trace_placement", .show = show_trace_placement,
	  .store = store_trace_placement },
};

static const struct proc_entry *entry_of(struct file *file)
{
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++)
		if (!strcmp(entries[i].path, file->f_inode->i_name))
			return &entries[i];
	return NULL;
}

/*
 * Generate the text of @e (about @task, for a file of /proc/PID) for
 * @file. Returns 0, -EACCES (writing a file that takes nothing) or
 * -ENOMEM.
 */
static int proc_fill(struct file *file, const struct proc_entry *e,
		     struct task_struct *task)
{
	struct proc_buf *pb;

	if ((file->f_mode & FMODE_WRITE) && !e->store)
		return -EACCES;
	pb = kzalloc(sizeof(*pb));
	if (!pb)
		return -ENOMEM;
	pb->entry = e;
	if (e->read_mm) {
		pb->mm = task->mm ? mmgrab(task->mm) : NULL;
		file->private_data = pb;
		return 0;
	}
	for (pb->order = PROC_BUF_ORDER;; pb->order++) {
		size_t size = PAGE_SIZE << pb->order;

		pb->text = (char *)__get_free_pages(GFP_KERNEL, pb->order);
		if (!pb->text) {
			kfree(pb);
			return -ENOMEM;
		}
		pb->len = e->show_task ? e->show_task(task, pb->text, size) :
			  e->show(pb->text, size);
		/* A show function stops one byte short of a full buffer. */
		if (pb->len + 1 < size || pb->order == PROC_BUF_MAX_ORDER) {
			pb->len = min(pb->len, size - 1);
			break;
		}
		free_pages((unsigned long)pb->text, pb->order);
	}
	file->private_data = pb;
	return 0;
}

/* open() of a file of the ramfs: /proc/self/NAME is about the caller. */
static int proc_open(struct file *file)
{
	const struct proc_entry *e = entry_of(file);

	if (!e)
		return -ENOENT;
	return proc_fill(file, e, current);
}

/*
 * The pid of "/proc/PID/..." at @path, and the name after it in *@name;
 * 0 when @path is not of that form. A pid is written as Linux's procfs
 * reads it: decimal digits, no leading zero, no sign.
 */
static int task_path_pid(const char *path, const char **name)
{
	const char *p = path + strlen("/proc/");
	int pid = 0;

	if (strncmp(path, "/proc/", 6) || *p < '1' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (pid > (0x7fffffff - 9) / 10)
			return 0;
		pid = pid * 10 + (*p - '0');
	}
	if (*p != '/')
		return 0;
	*name = p + 1;
	return pid;
}

bool procfs_task_path(const char *path)
{
	const char *name;

	return task_path_pid(path, &name) != 0;
}

int procfs_open_task(const char *path, unsigned int fmode,
		     struct file **filep)
{
	char self[PATH_MAX];
	const char *name;
	int pid = task_path_pid(path, &name);
	struct task_struct *task = pid ? find_task(pid) : NULL;
	const struct proc_entry *e;
	struct inode *inode;
	struct file *file;
	int err;

	/* a task already reaped (TASK_DEAD: freed at the next switch) is gone */
	if (!task || task->state == TASK_DEAD)
		return -ENOENT;
	if (snprintf(self, sizeof(self), SELF "%s", name) >= (int)sizeof(self))
		return -ENAMETOOLONG;
	inode = ramfs_lookup(self);
	if (!inode)
		return -ENOENT;
	file = alloc_file(inode, fmode);
	if (!file)
		return -ENOMEM;
	e = entry_of(file);
	err = e ? proc_fill(file, e, task) : -ENOENT;
	if (err) {
		fput(file);
		return err;
	}
	*filep = file;
	return 0;
}

static long proc_read(struct file *file, char *ubuf, unsigned long len)
{
	struct proc_buf *pb = file->private_data;
	unsigned long n;

	if (pb->entry->read_mm)
		return pb->entry->read_mm(file, pb->mm, ubuf, len);
	if (file->f_pos >= (long long)pb->len)
		return 0;
	n = min(len, pb->len - (unsigned long)file->f_pos);
	if (copy_to_user(ubuf, pb->text + file->f_pos, n))
		return -EFAULT;
	file->f_pos += n;
	return n;
}

/* Writing a decimal number ("65530\n") to a sysctl. */
static long proc_write(struct file *file, const char *ubuf,
		       unsigned long len)
{
	const struct proc_entry *e = entry_of(file);
	char num[24];
	long value = 0;
	unsigned long i = 0;
	bool neg = false;
	int ret;

	if (len >= sizeof(num))
		return -EINVAL;
	if (copy_from_user(num, ubuf, len))
		return -EFAULT;
	num[len] = '\0';
	if (num[0] == '-') {
		neg = true;
		i++;
	}
	if (num[i] < '0' || num[i] > '9')
		return -EINVAL;
	for (; num[i] >= '0' && num[i] <= '9'; i++)
		value = value * 10 + (num[i] - '0');
	if (num[i] && num[i] != '\n')
		return -EINVAL;
	ret = e->store(neg ? -value : value);
	return ret ? ret : (long)len;
}

static void proc_release(struct file *file)
{
	struct proc_buf *pb = file->private_data;

	if (!pb)
		return;
	if (pb->mm)
		mmdrop(pb->mm);
	free_pages((unsigned long)pb->text, pb->order);
	kfree(pb);
}

static const struct file_operations proc_fops = {
	.open = proc_open,
	.read = proc_read,
	.write = proc_write,
	.release = proc_release,
};

void procfs_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++) {
		struct inode *inode = ramfs_create(entries[i].path,
						   S_IFREG | (entries[i].store ?
							      0644 : 0444));

		if (!inode)
			panic("procfs_init: out of memory");
		inode->i_fop = &proc_fops;
	}
}
