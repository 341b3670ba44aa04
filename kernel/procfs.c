/*
 * kernel/procfs.c - a few /proc files, as Linux has them, to look at the
 * memory of a running system from user space:
 *
 *   /proc/self/maps              the calling task's VMAs (Linux's format)
 *   /proc/self/vma_tree          its VMA tree, indented, with the gaps
 *   /proc/self/vma_tree.dot      the same as Graphviz DOT
 *   /proc/meminfo                MemTotal, MemFree (kB)
 *   /proc/vmstat                 counters: nr_free_pages, pgfault, td_*
 *                                (td_slab_objects: live slab objects)
 *   /proc/sys/vm/max_map_count   read/write, as Linux
 *   /proc/sys/vm/trace_placement read/write: 1 logs every placement
 *
 * A file's text is generated when it is opened, into a buffer the open
 * file keeps until it is closed; read() then returns it piece by piece.
 */
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/procfs.h"
#include "kernel/ramfs.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "mm/mm.h"
#include "mm/mmu.h"
#include "mm/page_alloc.h"
#include "mm/proc_maps.h"
#include "mm/slab.h"
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

/* The generated text of one open /proc file. */
struct proc_buf {
	char *text;
	size_t len;
	unsigned int order;		/* of the pages holding text */
};

struct proc_entry {
	const char *path;
	/* Write the file's text into @buf; returns its length. */
	size_t (*show)(char *buf, size_t size);
	/* Accept a number written to the file: 0 or -errno. */
	int (*store)(long value);
};

static size_t show_self_maps(char *buf, size_t size)
{
	return current->mm ? show_maps(current->mm, buf, size) : 0;
}

static size_t show_self_vma_tree(char *buf, size_t size)
{
	return current->mm ? show_vma_tree(current->mm, buf, size) : 0;
}

static size_t show_self_vma_dot(char *buf, size_t size)
{
	return current->mm ? show_vma_tree_dot(current->mm, buf, size) : 0;
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

static const struct proc_entry entries[] = {
	{ "/proc/self/maps", show_self_maps, NULL },
	{ "/proc/self/vma_tree", show_self_vma_tree, NULL },
	{ "/proc/self/vma_tree.dot", show_self_vma_dot, NULL },
	{ "/proc/meminfo", show_meminfo, NULL },
	{ "/proc/vmstat", show_vmstat, NULL },
	{ "/proc/sys/vm/max_map_count", show_max_map_count,
	  store_max_map_count },
	{ "/proc/sys/vm/trace_placement", show_trace_placement,
	  store_trace_placement },
};

static const struct proc_entry *entry_of(struct file *file)
{
	for (size_t i = 0; i < ARRAY_SIZE(entries); i++)
		if (!strcmp(entries[i].path, file->f_inode->i_name))
			return &entries[i];
	return NULL;
}

static int proc_open(struct file *file)
{
	const struct proc_entry *e = entry_of(file);
	struct proc_buf *pb;

	if (!e)
		return -ENOENT;
	if ((file->f_mode & FMODE_WRITE) && !e->store)
		return -EACCES;
	pb = kzalloc(sizeof(*pb));
	if (!pb)
		return -ENOMEM;
	for (pb->order = PROC_BUF_ORDER;; pb->order++) {
		size_t size = PAGE_SIZE << pb->order;

		pb->text = (char *)__get_free_pages(GFP_KERNEL, pb->order);
		if (!pb->text) {
			kfree(pb);
			return -ENOMEM;
		}
		pb->len = e->show(pb->text, size);
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

static long proc_read(struct file *file, char *ubuf, unsigned long len)
{
	struct proc_buf *pb = file->private_data;
	unsigned long n;

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
