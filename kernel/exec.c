/*
 * kernel/exec.c - execve(): replacing a task's program with an ELF file.
 *
 * The new address space is built beside the old one, which stays intact
 * until everything has worked: a failed execve returns its errno to a
 * task that can carry on. The image is laid out as Linux lays out a
 * static ARM program (fs/binfmt_elf.c, fs/exec.c):
 *
 *   0xBF000000 STACK_TOP = TASK_SIZE
 *              a NULL word, the file name, the environment strings, the
 *              argument strings, "v7l" (AT_PLATFORM), 16 random bytes
 *              (AT_RANDOM), auxv, envp[] and NULL, argv[] and NULL, argc
 *              <- sp (16-byte aligned)
 *              the stack VMA: the pages above plus 128 KiB, growing down
 *              to 8 MiB (RLIMIT_STACK) on faults
 *   0xB7000000 mmap_base: TASK_SIZE - 128 MiB, the top of the mmap area
 *              ...
 *              the heap (brk) from the page after the highest segment
 *              each PT_LOAD segment: a private file mapping, then its
 *              bss (zeroed tail of the last file page, anonymous pages)
 */
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/ramfs.h"
#include "kernel/sched.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "mm/armv7/pgtable.h"
#include "mm/mm.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"
#include "mm/vma.h"

#define STACK_TOP TASK_SIZE
#define STACK_EXPAND (128UL << 10)	/* Linux's initial stack_expand */
#define ARG_ORDER 3			/* 32 KiB for argument strings */
#define ARG_BYTES (PAGE_SIZE << ARG_ORDER)
#define MAX_ARGS 128			/* per argv and per envp */
#define PATH_MAX 64
#define ELF_PLATFORM "v7l"
/* HWCAP_SWP | HALF | THUMB | FAST_MULT | EDSP | TLS: no VFP for users */
#define ELF_HWCAP 0x8097

/* The program being started: its strings, kept in the kernel. */
struct bprm {
	char filename[PATH_MAX];
	char *strings;			/* ARG_BYTES of packed strings */
	unsigned long used;
	int argc, envc;
	char *argv[MAX_ARGS];
	char *envp[MAX_ARGS];
};

/* Append @s to @b's string area; -E2BIG when it does not fit. */
static int bprm_add(struct bprm *b, const char *s, size_t len, char **slot)
{
	if (len + 1 > ARG_BYTES - b->used)
		return -E2BIG;
	*slot = b->strings + b->used;
	memcpy(*slot, s, len);
	(*slot)[len] = '\0';
	b->used += len + 1;
	return 0;
}

/*
 * Copy a user NULL-terminated array of strings into @b. Returns the
 * count, -EFAULT, or -E2BIG.
 */
static int copy_user_strings(struct bprm *b, unsigned long uarray,
			     char **slots)
{
	int n;

	if (!uarray)
		return 0;	/* Linux takes a NULL argv/envp as empty */
	for (n = 0;; n++) {
		uint32_t uptr;
		long len;

		if (get_user_u32(&uptr, (uint32_t *)uarray + n))
			return -EFAULT;
		if (!uptr)
			return n;
		if (n == MAX_ARGS)
			return -E2BIG;
		len = strncpy_from_user(b->strings + b->used, (char *)uptr,
					ARG_BYTES - b->used);
		if (len < 0)
			return len;
		if ((unsigned long)len == ARG_BYTES - b->used)
			return -E2BIG;
		slots[n] = b->strings + b->used;
		b->used += len + 1;
	}
}

/* Copy a kernel NULL-terminated array of strings into @b. */
static int copy_kernel_strings(struct bprm *b, const char *const *array,
			       char **slots)
{
	int n;

	for (n = 0; array && array[n]; n++) {
		if (n == MAX_ARGS || bprm_add(b, array[n], strlen(array[n]),
					      &slots[n]))
			return -E2BIG;
	}
	return n;
}

/*
 * Read the first page of @inode (where the ELF headers are) into @buf.
 * Returns the number of bytes.
 */
static unsigned long read_headers(struct inode *inode, void *buf)
{
	unsigned long len = min(inode->i_size, PAGE_SIZE);
	struct page *page = find_get_page(&inode->i_data, 0);

	if (!page)
		return 0;
	memcpy(buf, page_address(page), len);
	put_page(page);
	return len;
}

static unsigned long elf_prot(uint32_t p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Map one PT_LOAD segment into @mm: the file part privately (copy on
 * write), then the bss: anonymous pages past the file's last page.
 */
static int map_segment(struct mm_struct *mm, struct file *file,
		       const struct elf32_phdr *p)
{
	unsigned long start = p->p_vaddr & PAGE_MASK;
	unsigned long file_end = PAGE_ALIGN(p->p_vaddr + p->p_filesz);
	unsigned long mem_end = PAGE_ALIGN(p->p_vaddr + p->p_memsz);
	unsigned long prot = elf_prot(p->p_flags), populate, addr;

	if (p->p_filesz) {
		addr = do_mmap(mm, file, start, file_end - start, prot,
			       MAP_PRIVATE | MAP_FIXED,
			       (p->p_offset & PAGE_MASK) >> PAGE_SHIFT,
			       &populate);
		if (IS_ERR_VALUE(addr))
			return (long)addr;
	} else {
		file_end = start;
	}
	if (mem_end > file_end)
		return vm_brk_flags(mm, file_end, mem_end - file_end,
				    prot & PROT_EXEC ? VM_EXEC : 0);
	return 0;
}

/* The stack VMA: @bytes of arguments at the top, plus 128 KiB. */
static int setup_stack(struct mm_struct *mm, unsigned long bytes,
		       bool exec_stack)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int ret;

	if (!vma)
		return -ENOMEM;
	vma->vm_end = STACK_TOP;
	vma->vm_start = STACK_TOP - PAGE_ALIGN(bytes) - STACK_EXPAND;
	vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
			VM_MAYEXEC | VM_GROWSDOWN | VM_ACCOUNT |
			(exec_stack ? VM_EXEC : 0);
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	ret = insert_vm_struct(mm, vma);
	if (ret)
		vm_area_free(vma);
	return ret;
}

/* Push @len bytes of @data below *@sp (user memory of the current mm). */
static int push(unsigned long *sp, const void *data, unsigned long len)
{
	*sp -= len;
	return copy_to_user((void *)*sp, data, len) ? -EFAULT : 0;
}

/* 16 bytes for AT_RANDOM: a simple generator seeded by the clock. */
static void random_bytes(uint8_t out[16])
{
	static uint32_t state;

	if (!state)
		state = (uint32_t)global_timer_count() | 1;
	for (int i = 0; i < 16; i++) {
		state ^= state << 13;	/* xorshift32 */
		state ^= state >> 17;
		state ^= state << 5;
		out[i] = (uint8_t)state;
	}
}

/*
 * Lay out the initial stack in the (current) new address space, exactly
 * in Linux's order; return the initial sp through @sp_out.
 */
static int create_elf_tables(struct mm_struct *mm, struct bprm *b,
			     const struct elf_image *img,
			     unsigned long *sp_out)
{
	unsigned long sp = STACK_TOP - sizeof(uint32_t);	/* NULL word */
	unsigned long str_argv[MAX_ARGS], str_envp[MAX_ARGS], execfn;
	unsigned long platform, rand_addr;
	uint32_t table[2 * MAX_ARGS + 64];
	uint8_t rnd[16];
	int n = 0, ret = 0;

	ret |= push(&sp, b->filename, strlen(b->filename) + 1);
	execfn = sp;
	/* strings go below one another, last first: they end up in order */
	for (int i = b->envc - 1; i >= 0; i--) {
		ret |= push(&sp, b->envp[i], strlen(b->envp[i]) + 1);
		str_envp[i] = sp;
	}
	mm->env_start = sp;
	mm->env_end = execfn;
	for (int i = b->argc - 1; i >= 0; i--) {
		ret |= push(&sp, b->argv[i], strlen(b->argv[i]) + 1);
		str_argv[i] = sp;
	}
	mm->arg_start = sp;
	mm->arg_end = mm->env_start;
	ret |= push(&sp, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	platform = sp;
	random_bytes(rnd);
	ret |= push(&sp, rnd, sizeof(rnd));
	rand_addr = sp;
	if (ret)
		return -EFAULT;

	table[n++] = b->argc;
	for (int i = 0; i < b->argc; i++)
		table[n++] = str_argv[i];
	table[n++] = 0;
	for (int i = 0; i < b->envc; i++)
		table[n++] = str_envp[i];
	table[n++] = 0;
#define AUX(type, val) (table[n++] = (type), table[n++] = (val))
	AUX(AT_HWCAP, ELF_HWCAP);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, HZ);
	AUX(AT_PHDR, img->phdr_addr);
	AUX(AT_PHENT, sizeof(struct elf32_phdr));
	AUX(AT_PHNUM, img->ehdr.e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->ehdr.e_entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, rand_addr);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX
	sp = (sp - n * sizeof(uint32_t)) & ~15UL;	/* STACK_ROUND */
	if (copy_to_user((void *)sp, table, n * sizeof(uint32_t)))
		return -EFAULT;
	*sp_out = sp;
	return 0;
}

/*
 * Build the new address space for @b from @file, with it current (so the
 * stack can be written and faults land in it). 0 or -errno; on failure
 * the caller puts the old one back.
 */
static int build_image(struct mm_struct *mm, struct file *file,
		       struct bprm *b, const struct elf_image *img,
		       unsigned long *sp)
{
	unsigned long brk = 0, strings;
	int ret;

	mm->stack_rlimit = STACK_RLIMIT_DEFAULT;
	mm->mmap_min_addr = DEFAULT_MMAP_MIN_ADDR;
	arch_pick_mmap_layout(mm, current->personality & ADDR_COMPAT_LAYOUT);
	for (int i = 0; i < img->nr_load; i++) {
		const struct elf32_phdr *p = &img->phdr[i];

		ret = map_segment(mm, file, p);
		if (ret)
			return ret;
		/* Linux's padzero: the bss part of the last file page */
		if (p->p_memsz > p->p_filesz && p->p_filesz &&
		    (p->p_flags & PF_W)) {
			unsigned long z = p->p_vaddr + p->p_filesz;

			if (clear_user((void *)z, PAGE_ALIGN(z) - z))
				return -EFAULT;
		}
		if (i == 0)
			mm->start_code = p->p_vaddr;
		if (p->p_flags & PF_X)
			mm->end_code = p->p_vaddr + p->p_filesz;
		else if (!mm->start_data)
			mm->start_data = p->p_vaddr;
		mm->end_data = p->p_vaddr + p->p_filesz;
		brk = max(brk, (unsigned long)(p->p_vaddr + p->p_memsz));
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);

	strings = b->used + strlen(b->filename) + 1 + sizeof(ELF_PLATFORM) +
		  16 + (2 * MAX_ARGS + 64) * sizeof(uint32_t) + 16;
	ret = setup_stack(mm, strings, img->exec_stack);
	if (ret)
		return ret;
	ret = create_elf_tables(mm, b, img, sp);
	mm->start_stack = *sp;
	return ret;
}

/* "/bin/sh" -> "sh", for the task's name. */
static const char *basename(const char *path)
{
	const char *base = path;

	for (; *path; path++)
		if (*path == '/')
			base = path + 1;
	return base;
}

/* The common part of execve(): @b holds the file name and strings. */
static int do_execve(struct bprm *b)
{
	struct inode *inode = ramfs_lookup(b->filename);
	struct mm_struct *old_mm = current->mm, *mm;
	struct elf_image img;
	struct file *file;
	struct pt_regs *regs;
	unsigned long sp = 0;
	const char *why;
	void *hdr;
	int ret;

	if (!inode)
		return -ENOENT;
	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & 0111))
		return -EACCES;
	hdr = (void *)__get_free_pages(GFP_KERNEL, 0);
	if (!hdr)
		return -ENOMEM;
	ret = elf_check(hdr, read_headers(inode, hdr), inode->i_size, &img,
			&why);
	free_pages((unsigned long)hdr, 0);
	if (ret) {
		printk("exec %s: refused: %s\n", b->filename, why);
		return ret;
	}

	file = alloc_file(inode, FMODE_READ);
	mm = file ? mm_alloc() : NULL;
	if (!mm) {
		if (file)
			fput(file);
		return -ENOMEM;
	}
	/* the new space becomes current while it is built */
	switch_mm(old_mm ? old_mm : &init_mm, mm);
	current->mm = mm;
	ret = build_image(mm, file, b, &img, &sp);
	fput(file);		/* the mappings hold their own references */
	if (ret) {
		current->mm = old_mm;
		switch_mm(mm, old_mm ? old_mm : &init_mm);
		mmput(mm);
		return ret;
	}
	if (old_mm)
		mmput(old_mm);

	strncpy(current->comm, basename(b->filename), TASK_COMM_LEN - 1);
	current->comm[TASK_COMM_LEN - 1] = '\0';
	regs = task_pt_regs(current);
	memset(regs, 0, sizeof(*regs));
	regs->sp = sp;
	regs->pc = img.ehdr.e_entry & ~1u;
	regs->cpsr = MODE_USR | (img.ehdr.e_entry & 1 ? PSR_T_BIT : 0);
	return 0;
}

static struct bprm *bprm_alloc(void)
{
	struct bprm *b = kzalloc(sizeof(*b));

	if (!b)
		return NULL;
	b->strings = (char *)__get_free_pages(GFP_KERNEL, ARG_ORDER);
	if (!b->strings) {
		kfree(b);
		return NULL;
	}
	return b;
}

static void bprm_free(struct bprm *b)
{
	free_pages((unsigned long)b->strings, ARG_ORDER);
	kfree(b);
}

int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[])
{
	struct bprm *b = bprm_alloc();
	int ret;

	if (!b)
		return -ENOMEM;
	strncpy(b->filename, path, PATH_MAX - 1);
	b->argc = copy_kernel_strings(b, argv, b->argv);
	b->envc = copy_kernel_strings(b, envp, b->envp);
	ret = b->argc < 0 ? b->argc : b->envc < 0 ? b->envc : do_execve(b);
	bprm_free(b);
	return ret;
}

long sys_execve(unsigned long upath, unsigned long uargv, unsigned long uenvp)
{
	struct bprm *b = bprm_alloc();
	long ret;

	if (!b)
		return -ENOMEM;
	ret = strncpy_from_user(b->filename, (const char *)upath, PATH_MAX);
	if (ret >= PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (ret == 0)
		ret = -ENOENT;		/* the empty path names nothing */
	if (ret > 0) {
		b->argc = ret = copy_user_strings(b, uargv, b->argv);
		if (ret >= 0)
			b->envc = ret = copy_user_strings(b, uenvp, b->envp);
		if (ret >= 0)
			ret = do_execve(b);
	}
	bprm_free(b);
	return ret;
}
