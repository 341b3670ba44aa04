/*
 * tests/host/vma_util.c - see vma_util.h.
 */
#include "tests/host/test.h"
#include "tests/host/vma_util.h"
#include "mm/anon_vma.h"
#include "tests/host/shim/failslab.h"
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "mm/debug.h"
#include "mm/mm.h"

struct file *vmt_file_a, *vmt_file_b;

/* A file's mmap that accepts every mapping (mmap_region() calls it). */
static int vmt_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations vmt_file_ops = {
	.mmap = vmt_file_mmap,
};

/* An open file on a new unnamed inode; aborts when out of memory. */
static struct file *vmt_file_new(void)
{
	struct inode *inode = new_inode();
	struct file *file;

	if (!inode)
		abort();
	inode->i_fop = &vmt_file_ops;
	file = alloc_file(inode, FMODE_READ);
	if (!file)
		abort();
	iput(inode);		/* the file holds the inode now */
	return file;
}

/* After the mm boot (tests/host/shim/mm_boot.c), before any test. */
__attribute__((constructor(110))) static void vmt_files_init(void)
{
	vmt_file_a = vmt_file_new();
	vmt_file_b = vmt_file_new();
}

/* Unlink @vma from @mm, put its file, free it. */
static void vmt_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_unlink(mm, vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	unlink_anon_vmas(vma);
	vm_area_free(vma);
}

/*
 * Slab objects live when the current test's mm was made: other tests
 * (the slab's own) may leave the wrappers' count off zero.
 */
static long live_at_start;

long vmt_live_objects(void)
{
	return slab_live_objects() - live_at_start;
}

struct mm_struct *vmt_mm_new(void)
{
	struct mm_struct *mm;

	mm = mm_alloc();
	if (!mm)
		abort();
	live_at_start = slab_live_objects();
	return mm;
}

void vmt_mm_free(struct mm_struct *mm)
{
	while (mm->mmap)
		vmt_remove(mm, mm->mmap);
	CHECK_EQ(mm->map_count, 0);
	CHECK(RB_EMPTY_ROOT(&mm->mm_rb));
	CHECK_EQ(slab_live_objects(), live_at_start);
	mmput(mm);
	CHECK_EQ(vmt_file_a->f_count, 1);
	CHECK_EQ(vmt_file_b->f_count, 1);
}

struct vm_area_struct *vmt_add(struct mm_struct *mm, unsigned long start,
			       unsigned long end, unsigned long flags,
			       struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	struct rb_node **link, *parent;

	if (find_vma_links(mm, start, end, &prev, &link, &parent)) {
		fprintf(stderr, "vmt_add: [%#lx, %#lx) is not free\n", start,
			end);
		abort();
	}
	vma = vm_area_alloc(mm);
	if (!vma)
		abort();
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_file = file ? get_file(file) : NULL;
	vma->vm_pgoff = pgoff;
	vma_link(mm, vma, prev, link, parent);
	return vma;
}

void sketch_build(struct mm_struct *mm, const char *pic, struct sketch *s)
{
	size_t i = 0, n = strlen(pic);

	memset(s, 0, sizeof(*s));
	while (i < n) {
		struct vm_area_struct *vma;
		size_t j = i;

		if (pic[i] == ' ') {
			i++;
			continue;
		}
		while (j < n && pic[j] == pic[i])
			j++;
		vma = vm_area_alloc(mm);
		if (!vma || pic[i] < 'A' || pic[i] > 'Z')
			abort();
		vma->vm_start = PG(i);
		vma->vm_end = PG(j);
		vma->vm_flags = VM_RW_ANON;
		CHECK_EQ(insert_vm_struct(mm, vma), 0);
		s->vma[pic[i] - 'A'] = vma;
		i = j;
	}
}

void sketch_draw(struct mm_struct *mm, char *buf, size_t size)
{
	struct vm_area_struct *vma;
	size_t len = 0;
	int k = 0;

	/* Letters in list order; VMAs outside the picture show as '?'. */
	for (vma = mm->mmap; vma; vma = vma->vm_next, k++) {
		size_t first, last;

		if (vma->vm_start < SKETCH_BASE) {
			if (len + 1 < size)
				buf[len++] = '?';
			continue;
		}
		first = (vma->vm_start - SKETCH_BASE) / PAGE_SIZE;
		last = (vma->vm_end - SKETCH_BASE) / PAGE_SIZE;
		for (; len < first && len + 1 < size; len++)
			buf[len] = ' ';
		for (; len < last && len + 1 < size; len++)
			buf[len] = 'A' + k % 26;
	}
	buf[len] = '\0';
}

bool sketch_matches(struct mm_struct *mm, const char *pic)
{
	struct vm_area_struct *vma = mm->mmap;
	size_t i = 0, n = strlen(pic);
	bool ok = true;
	char drawn[512];

	while (i < n && ok) {
		size_t j = i;

		if (pic[i] == ' ') {
			i++;
			continue;
		}
		while (j < n && pic[j] == pic[i])
			j++;
		ok = vma && vma->vm_start == PG(i) && vma->vm_end == PG(j);
		vma = vma ? vma->vm_next : NULL;
		i = j;
	}
	if (ok && vma == NULL)
		return true;
	sketch_draw(mm, drawn, sizeof(drawn));
	printf("#   want \"%s\"\n#   have \"%s\"\n", pic, drawn);
	return false;
}
