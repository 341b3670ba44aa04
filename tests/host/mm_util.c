/*
 * tests/host/mm_util.c - see mm_util.h.
 */
#include "kernel/errno.h"
#include "mm/shmem.h"
#include "mm/slab.h"
#include "tests/host/mm_util.h"

struct fault_report mmt_report;
unsigned long mmt_faults;

/* mmt_new - Returns: a new empty mm. */
struct mm_struct *mmt_new(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm) {
		fprintf(stderr, "mmt_new: mm_alloc failed\n");
		abort();
	}
	return mm;
}

/* mmt_map - see mm_util.h. Returns: the new VMA. */
struct vm_area_struct *mmt_map(struct mm_struct *mm, unsigned long start,
			       unsigned long len, unsigned long flags,
			       struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		abort();
	vma->vm_start = start;
	vma->vm_end = start + len;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vma->vm_pgoff = pgoff;
	if (file)
		vma->vm_file = get_file(file);
	else if ((flags & VM_SHARED) && shmem_zero_setup(vma))
		abort();
	if (insert_vm_struct(mm, vma)) {
		fprintf(stderr, "mmt_map: [%#lx, %#lx) is not free\n", start,
			start + len);
		abort();
	}
	return vma;
}

/* Make access @kind at @addr happen, faulting once at most. */
static int user_access(struct mm_struct *mm, unsigned long addr,
		       enum fake_access kind)
{
	unsigned int flags = FAULT_FLAG_USER;
	int fault;

	if (kind == FAKE_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (kind == FAKE_EXEC)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (fake_access_ok(mm, addr, kind))
		return 0;
	mmt_faults++;
	fault = do_user_fault(mm, addr, flags, &mmt_report);
	if (fault)
		return fault;
	if (!fake_access_ok(mm, addr, kind)) {
		check_failed(__FILE__, __LINE__,
			     "access %d at %#lx: fault fixed, access faults again",
			     kind, addr);
		return -1;
	}
	return 0;
}

int user_read(struct mm_struct *mm, unsigned long addr, unsigned char *val)
{
	int ret = user_access(mm, addr, FAKE_READ);

	if (!ret)
		*val = *fake_user_byte(mm, addr);
	return ret;
}

int user_write(struct mm_struct *mm, unsigned long addr, unsigned char val)
{
	int ret = user_access(mm, addr, FAKE_WRITE);

	if (!ret)
		*fake_user_byte(mm, addr) = val;
	return ret;
}

int user_exec(struct mm_struct *mm, unsigned long addr)
{
	return user_access(mm, addr, FAKE_EXEC);
}

int user_read32(struct mm_struct *mm, unsigned long addr, uint32_t *val)
{
	int ret = user_access(mm, addr, FAKE_READ);

	if (!ret)
		memcpy(val, fake_user_byte(mm, addr), sizeof(*val));
	return ret;
}

int user_write32(struct mm_struct *mm, unsigned long addr, uint32_t val)
{
	int ret = user_access(mm, addr, FAKE_WRITE);

	if (!ret)
		memcpy(fake_user_byte(mm, addr), &val, sizeof(val));
	return ret;
}

/* mmt_pte - Returns: the page mapped at @addr, or NULL. */
struct page *mmt_pte(struct mm_struct *mm, unsigned long addr, bool *writable)
{
	pgprot_t prot;
	struct page *page = pte_lookup(mm, addr & PAGE_MASK, &prot);

	if (writable)
		*writable = page && pgprot_writable(prot);
	return page;
}

/* cache_active - Returns: objects in use in the cache @name. */
unsigned long cache_active(const char *name)
{
	struct kmem_cache *cache;

	list_for_each_entry(cache, &slab_caches, list)
		if (!strcmp(cache->name, name))
			return cache->nr_active;
	return 0;
}

/* All objects handed out by the kmalloc-* caches. */
static unsigned long kmalloc_active(void)
{
	struct kmem_cache *cache;
	unsigned long n = 0;

	list_for_each_entry(cache, &slab_caches, list)
		if (!strncmp(cache->name, "kmalloc-", 8))
			n += cache->nr_active;
	return n;
}

void mem_snap(struct mem_snapshot *s)
{
	s->free = nr_free_pages();
	s->slab = slab_nr_pages();
	s->vmas = cache_active("vm_area_struct");
	s->mms = nr_mms();
	s->tables = cache_active("pte_table");
	s->files = nr_files();
	s->inodes = nr_inodes();
	s->kmalloc = kmalloc_active();
	s->zero_map = page_mapcount(ZERO_PAGE(0));
	s->bad_free = page_alloc_zone()->nr_bad_free + slab_stats.nr_bad_free;
}

long pages_used_since(const struct mem_snapshot *s)
{
	return (long)(s->free - nr_free_pages()) -
	       (long)(slab_nr_pages() - s->slab);
}

void mem_check_restored(const struct mem_snapshot *s, const char *file,
			int line)
{
	struct mem_snapshot now;

	mem_snap(&now);
#define SAME(field)							\
	do {								\
		if (now.field != s->field)				\
			check_failed(file, line, "%s: %ld now, %ld before", \
				     #field, (long)now.field,		\
				     (long)s->field);			\
	} while (0)
	SAME(free);
	SAME(slab);
	SAME(vmas);
	SAME(mms);
	SAME(tables);
	SAME(files);
	SAME(inodes);
	SAME(kmalloc);
	SAME(zero_map);
	SAME(bad_free);
#undef SAME
	if (!page_alloc_check())
		check_failed(file, line, "page_alloc_check() failed");
	if (!slab_check())
		check_failed(file, line, "slab_check() failed");
}

static int test_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations test_file_ops = {
	.mmap = test_file_mmap,
};

/* mmt_file_new - see mm_util.h. Returns: the open file. */
struct file *mmt_file_new(const char *name, unsigned long npages,
			  unsigned long size)
{
	struct inode *inode = new_inode();
	struct file *file;

	if (!inode)
		abort();
	inode->i_mode = S_IFREG | 0644;
	inode->i_nlink = 1;
	inode->i_size = size;
	inode->i_name = name;
	inode->i_fop = &test_file_ops;
	for (unsigned long p = 0; p < npages; p++) {
		struct page *page = find_or_create_page(&inode->i_data, p);
		unsigned char *bytes;

		if (!page)
			abort();
		bytes = page_address(page);
		for (unsigned long i = 0; i < PAGE_SIZE; i++)
			bytes[i] = p * PAGE_SIZE + i < size ?
					   mmt_file_byte(p, i) : 0;
		put_page(page);
	}
	file = alloc_file(inode, FMODE_READ | FMODE_WRITE);
	iput(inode);
	if (!file)
		abort();
	return file;
}

/* mmt_file_close - put @file and remove its inode with its pages. */
void mmt_file_close(struct file *file)
{
	struct inode *inode = iget(file_inode(file));

	fput(file);
	inode->i_nlink = 0;
	iput(inode);
}
