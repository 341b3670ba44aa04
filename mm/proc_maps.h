/*
 * mm/proc_maps.h - an address space as /proc/PID/maps shows it.
 * Portable.
 */
#ifndef MM_PROC_MAPS_H
#define MM_PROC_MAPS_H

#include "kernel/kernel.h"
#include "mm/mm_types.h"

/*
 * show_maps - one line per VMA of @mm, lowest first, in Linux's format:
 *
 *   start-end perms offset dev inode          name
 *   00010000-00018000 r-xp 00000000 00:01 3   /bin/init
 *
 * perms are r/w/x and 's' (VM_MAYSHARE) or 'p'; offset, dev and inode
 * are the file's (0 and 00:00 0 for anonymous memory); the name is the
 * file's path, "[heap]", "[stack]", or nothing. Names start in column
 * 50 as on a 32-bit Linux. Into @buf (at most @size bytes, NUL-ended).
 * Returns: the length written.
 */
size_t show_maps(struct mm_struct *mm, char *buf, size_t size);

/*
 * show_maps_line - one line of the maps at @buf + @len (of @size): the
 * range, the perms, offset, device minor and inode, and @name (NULL for
 * none) in its column.
 * Returns: the new length (>= @size when the line did not fit).
 */
size_t show_maps_line(char *buf, size_t size, size_t len,
		      unsigned long start, unsigned long end,
		      const char perms[5], unsigned long long offset,
		      unsigned int minor, unsigned long ino, const char *name);

/*
 * show_map_vma - @vma's line of show_maps(), at @buf + @len (of @size).
 * Returns: the new length (>= @size when the line did not fit).
 */
size_t show_map_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		    char *buf, size_t size, size_t len);

/*
 * show_map_gate - the line of the page above TASK_SIZE that every task
 * has (ARM: [vectors] at 0xffff0000), as show_map_vma(). Only when
 * gate_area_start() is not 0.
 */
size_t show_map_gate(char *buf, size_t size, size_t len);

/*
 * vma_name - the name column of @vma's maps line: the file's path,
 * "[heap]" (it holds the break), "[stack]" (it holds start_stack).
 * Returns: the name, or NULL for anonymous memory without one.
 */
const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * show_vma_tree_dot_named - show_vma_tree_dot() with each VMA's name
 * (vma_name()) in its node: /proc/PID/vma_tree.dot.
 * Returns: the length written.
 */
size_t show_vma_tree_dot_named(struct mm_struct *mm, char *buf, size_t size);

#endif /* MM_PROC_MAPS_H */
