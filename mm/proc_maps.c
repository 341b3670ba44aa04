/*
 * mm/proc_maps.c - /proc/PID/maps: the VMAs of an address space, one a
 * line, exactly as Linux prints them (fs/proc/task_mmu.c), so that tools
 * and tests read both kernels the same way.
 */
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "mm/memlayout.h"
#include "mm/mmu.h"
#include "mm/proc_maps.h"
#include "mm/vma.h"

/* The prefix of a line is padded to this width when a name follows. */
#define MAPS_NAME_COLUMN (25 + 4 * 6 - 1)

/* See mm/proc_maps.h. */
const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_file) {
		const char *name = file_inode(vma->vm_file)->i_name;

		return name ? name : "";
	}
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/*
 * The file offset of @vma's first byte. It takes 64 bits, as Linux's
 * loff_t: a 32-bit vm_pgoff counts pages, so it reaches 16 TiB.
 */
static unsigned long long vma_file_offset(const struct vm_area_struct *vma)
{
	return (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
}

/* show_maps_line - see mm/proc_maps.h. */
size_t show_maps_line(char *buf, size_t size, size_t len,
			unsigned long start, unsigned long end,
			const char perms[5], unsigned long long offset,
			unsigned int minor, unsigned long ino, const char *name)
{
	size_t first = len;

	len += snprintf(buf + len, size - len, "%08lx-%08lx %s %08llx 00:%02x %lu ",
			start, end, perms, offset, minor, ino);
	if (len >= size)
		return len;
	if (name) {
		int pad = MAPS_NAME_COLUMN - (int)(len - first);

		len += snprintf(buf + len, size - len, "%*s %s", pad > 0 ? pad : 0,
				"", name);
	}
	if (len + 1 < size) {
		buf[len++] = '\n';
		buf[len] = '\0';
	}
	return len;
}

/* See mm/proc_maps.h. */
size_t show_map_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		    char *buf, size_t size, size_t len)
{
	unsigned long flags = vma->vm_flags;
	unsigned long long offset = 0;
	unsigned long ino = 0;
	unsigned int minor = 0;
	char perms[5] = {
		flags & VM_READ ? 'r' : '-',
		flags & VM_WRITE ? 'w' : '-',
		flags & VM_EXEC ? 'x' : '-',
		flags & VM_MAYSHARE ? 's' : 'p',
		'\0',
	};

	if (vma->vm_file) {
		offset = vma_file_offset(vma);
		ino = file_inode(vma->vm_file)->i_ino;
		minor = 1;	/* our one in-memory filesystem */
	}
	return show_maps_line(buf, size, len, vma->vm_start, vma->vm_end, perms,
			 offset, minor, ino, vma_name(mm, vma));
}

/* See mm/proc_maps.h. */
size_t show_map_gate(char *buf, size_t size, size_t len)
{
	unsigned long gate = gate_area_start();

	return show_maps_line(buf, size, len, gate, gate + PAGE_SIZE, "r-xp", 0, 0,
			 0, gate_area_name());
}

/* See mm/proc_maps.h. */
size_t show_maps(struct mm_struct *mm, char *buf, size_t size)
{
	struct vm_area_struct *vma;
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (vma = mm->mmap; vma && len + 1 < size; vma = vma->vm_next)
		len = show_map_vma(mm, vma, buf, size, len);
	/* last, as Linux: the arch's page above TASK_SIZE every task has */
	if (gate_area_start() && len + 1 < size)
		len = show_map_gate(buf, size, len);
	return len < size ? len : (size ? size - 1 : 0);
}

/* The name of each node of /proc/PID/vma_tree.dot: its maps name. */
static const char *dot_vma_name(const struct vma_dot_marks *marks,
				const struct vm_area_struct *vma)
{
	/* vma_name() only reads: the cast drops the callback's const */
	return vma_name((struct mm_struct *)marks->data,
			(struct vm_area_struct *)vma);
}

/* See mm/proc_maps.h. */
size_t show_vma_tree_dot_named(struct mm_struct *mm, char *buf, size_t size)
{
	struct vma_dot_marks marks = { .name = dot_vma_name, .data = mm };

	return show_vma_tree_dot_marked(mm, &marks, buf, size);
}
