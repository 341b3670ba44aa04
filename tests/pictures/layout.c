/*
 * tests/pictures/layout.c - the scenario's address space as a layout
 * file, one "key value..." line each, which qemu/gdb/td/picture.py draws
 * as the bar (the same program draws a live task's from gdb):
 *
 *   title TEXT
 *   task_size 0xbf000000
 *   vma START END PERMS NAME        (NAME may be empty)
 *   mark ADDR WHAT                  (mmap_base, low_limit, high_limit)
 *   chosen START END                (the range the placement returned)
 */
#include "mm/proc_maps.h"
#include "mm/vma.h"
#include "tests/kernel/scenario_holes.h"
#include "tests/pictures/pictures.h"

/* "C [heap]": the README's letter, then the maps name if any. */
static void name_of(struct mm_struct *mm, struct vm_area_struct *vma,
		    char *buf, size_t size)
{
	const char *what = vma_name(mm, vma);
	char letter = '?';

	for (int i = 0; i < HOLES_NR_VMAS; i++)
		if (holes_vmas[i].start == vma->vm_start)
			letter = holes_vmas[i].name;
	snprintf(buf, size, "%c%s%s", letter, what ? " " : "",
		 what ? what : "");
}

void write_layout(FILE *out, struct mm_struct *mm,
		  const struct search_path *path)
{
	char name[32];

	fprintf(out, "title tests/kernel/scenario_holes.h: unmapped_area_topdown(length %#lx, low_limit %#lx, high_limit %#lx) returns %#lx\n",
		path->length, path->low_limit, path->high_limit,
		path->returned);
	fprintf(out, "task_size %#lx\n", mm->task_size);
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		unsigned long f = vma->vm_flags;

		name_of(mm, vma, name, sizeof(name));
		fprintf(out, "vma %#lx %#lx %c%c%c%c %s\n", vma->vm_start,
			vma->vm_end, f & VM_READ ? 'r' : '-',
			f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
			f & VM_MAYSHARE ? 's' : 'p', name);
	}
	fprintf(out, "mark %#lx mmap_base\n", mm->mmap_base);
	fprintf(out, "mark %#lx low_limit\n", path->low_limit);
	fprintf(out, "mark %#lx high_limit\n", path->high_limit);
	if (!IS_ERR_VALUE(path->returned))
		fprintf(out, "chosen %#lx %#lx\n", path->returned,
			path->returned + path->length);
}
