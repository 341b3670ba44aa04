/*
 * kernel/exec.c - execve(): replacing a task's program with an ELF file.
 *
 * As on Linux (fs/exec.c), the arguments are copied in and the file is
 * opened and its header read first; the format's loader (kernel/
 * binfmt_elf.c, load_elf_binary) then checks the file, and while it may
 * still fail cleanly it returns an errno to a task that carries on,
 * unchanged. At begin_new_exec(), the point of no return, the old address
 * space goes; a failure after it cannot be returned, and the task is
 * killed with SIGSEGV, as Linux's bprm_execve() does. The image is laid
 * out as Linux lays out a static ARM program:
 *
 *   0xBF000000 STACK_TOP = TASK_SIZE
 *              a NULL word, the file name, the environment strings, the
 *              argument strings, "v7l" (AT_PLATFORM), 16 random bytes
 *              (AT_RANDOM), auxv, envp[] and NULL, argv[] and NULL, argc
 *              <- sp (16-byte aligned)
 *              the stack VMA: the pages above plus 128 KiB, growing down
 *              to 8 MiB (RLIMIT_STACK) on faults
 *   0xB7000000 mmap_base: TASK_SIZE - 128 MiB, the top of the mmap area
 *              (an ET_DYN program is placed here, top-down)
 *              ...
 *              the heap (brk) from the page after the highest segment
 *              each PT_LOAD segment: a private file mapping, then its
 *              bss (zeroed tail of the last file page, anonymous pages)
 */
#include "kernel/binfmts.h"
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/process.h"
#include "kernel/ramfs.h"
#include "kernel/randomize.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
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
#define ELF_PLATFORM "v7l"
/* argc, argv[], envp[] with their NULLs, auxv: at most this many words */
#define TABLE_WORDS (2 * MAX_ARG_STRINGS + 64)

/* Append @s to @b's string area; -E2BIG when it does not fit. */
static int bprm_add(struct linux_binprm *b, const char *s, size_t len,
		    char **slot)
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
static int copy_user_strings(struct linux_binprm *b, unsigned long uarray,
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
		if (n == MAX_ARG_STRINGS)
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
static int copy_kernel_strings(struct linux_binprm *b,
			       const char *const *array, char **slots)
{
	int n;

	for (n = 0; array && array[n]; n++) {
		if (n == MAX_ARG_STRINGS ||
		    bprm_add(b, array[n], strlen(array[n]), &slots[n]))
			return -E2BIG;
	}
	return n;
}

/* See kernel/binfmts.h. A page never written reads as zeros. */
unsigned long kernel_read(struct file *file, void *buf, unsigned long len,
			  unsigned long pos)
{
	struct inode *inode = file_inode(file);
	unsigned long done = 0;

	if (pos >= inode->i_size)
		return 0;
	len = min(len, inode->i_size - pos);
	while (done < len) {
		unsigned long off = (pos + done) & ~PAGE_MASK;
		unsigned long n = min(len - done, PAGE_SIZE - off);
		struct page *page = find_get_page(&inode->i_data,
						  (pos + done) >> PAGE_SHIFT);

		if (page) {
			memcpy((char *)buf + done, (char *)page_address(page) +
			       off, n);
			put_page(page);
		} else {
			memset((char *)buf + done, 0, n);
		}
		done += n;
	}
	return done;
}

/* See kernel/binfmts.h. */
int open_exec(const char *path, struct file **filep)
{
	struct inode *inode = ramfs_lookup(path);

	if (!inode)	/* ENOTDIR for a file used as a directory */
		return ramfs_walk_error(path) ?: -ENOENT;
	/* root may execute a regular file with any execute bit */
	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & 0111))
		return -EACCES;
	*filep = alloc_file(inode, FMODE_READ);
	return *filep ? 0 : -ENOMEM;
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

/* See kernel/binfmts.h. */
/*
 * ASLR for the new image, decided once, from the level at this moment
 * (as Linux's load_elf_binary reads randomize_va_space once): where
 * mmap_base, the stack top and (level 2) the brk start go.
 */
static void choose_layout(struct linux_binprm *b, struct mm_struct *mm)
{
	int level = randomize_va_space;

	mm->randomize = level && !(current->personality & ADDR_NO_RANDOMIZE);
	mm->mmap_rnd = mm->randomize ? arch_mmap_rnd() : 0;
	arch_pick_mmap_layout(mm, current->personality & ADDR_COMPAT_LAYOUT);
	b->stack_top = mm->randomize ? randomize_stack_top(STACK_TOP) :
				       STACK_TOP;
	b->randomize_brk = mm->randomize && level > 1;
}

int begin_new_exec(struct linux_binprm *b)
{
	struct mm_struct *old_mm = current->mm, *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	b->point_of_no_return = true;
	/* the old image's thread-id words go with it (Linux: mm_release) */
	current->set_child_tid = NULL;
	current->clear_child_tid = NULL;
	switch_mm(old_mm ? old_mm : &init_mm, mm);
	current->mm = mm;
	if (old_mm)
		mmput(old_mm);	/* the old image's pages come back */

	mm->stack_rlimit = STACK_RLIMIT_DEFAULT;
	mm->mmap_min_addr = DEFAULT_MMAP_MIN_ADDR;
	choose_layout(b, mm);
	strncpy(current->comm, basename(b->filename), TASK_COMM_LEN - 1);
	current->comm[TASK_COMM_LEN - 1] = '\0';
	strncpy(current->exe_path, b->filename, sizeof(current->exe_path) - 1);
	current->exe_path[sizeof(current->exe_path) - 1] = '\0';
	do_close_on_exec();	/* FD_CLOEXEC descriptors (kernel/fcntl.c) */
	flush_signal_handlers(current);
	return 0;
}

/* The bytes the initial stack needs: strings, random bytes, tables. */
static unsigned long stack_bytes(const struct linux_binprm *b)
{
	return b->used + strlen(b->filename) + 1 + sizeof(ELF_PLATFORM) + 16 +
	       TABLE_WORDS * sizeof(uint32_t) + 16;
}

/* See kernel/binfmts.h. */
int setup_arg_pages(struct linux_binprm *b, bool exec_stack)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int ret;

	if (!vma)
		return -ENOMEM;
	vma->vm_end = b->stack_top;
	vma->vm_start = b->stack_top - PAGE_ALIGN(stack_bytes(b)) -
			STACK_EXPAND;
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

/* See kernel/binfmts.h. */
int create_elf_tables(struct linux_binprm *b, const struct elf_info *info,
		      unsigned long *sp_out)
{
	struct mm_struct *mm = current->mm;
	unsigned long sp = b->stack_top - sizeof(uint32_t);	/* NULL word */
	unsigned long str_argv[MAX_ARG_STRINGS], str_envp[MAX_ARG_STRINGS];
	unsigned long platform, rand_addr, execfn;
	uint32_t table[TABLE_WORDS];
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
	get_random_bytes(rnd, sizeof(rnd));	/* AT_RANDOM */
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
	AUX(AT_HWCAP, elf_hwcap);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, HZ);
	AUX(AT_PHDR, info->phdr);
	AUX(AT_PHENT, sizeof(struct elf32_phdr));
	AUX(AT_PHNUM, info->phnum);
	AUX(AT_BASE, info->base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, info->entry);
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
	mm->start_stack = sp;
	*sp_out = sp;
	return 0;
}

/*
 * The common part of execve(): @b holds the file name and strings. Opens
 * the file, reads its first bytes and hands it to the ELF loader.
 * Returns: 0 or -errno; b->point_of_no_return says whether the caller
 * still has an image to return to.
 */
static int do_execve(struct linux_binprm *b)
{
	int ret = open_exec(b->filename, &b->file);

	if (ret)
		return ret;
	kernel_read(b->file, b->buf, BINPRM_BUF_SIZE, 0);
	ret = load_elf_binary(b);
	fput(b->file);	/* the mappings hold their own references */
	b->file = NULL;
	return ret;
}

static struct linux_binprm *bprm_alloc(void)
{
	struct linux_binprm *b = kzalloc(sizeof(*b));

	if (!b)
		return NULL;
	b->strings = (char *)__get_free_pages(GFP_KERNEL, ARG_ORDER);
	if (!b->strings) {
		kfree(b);
		return NULL;
	}
	return b;
}

static void bprm_free(struct linux_binprm *b)
{
	free_pages((unsigned long)b->strings, ARG_ORDER);
	kfree(b);
}

/*
 * The end of every execve: free @b; when it failed (@ret) past the point
 * of no return, kill the task with SIGSEGV, as Linux's bprm_execve()
 * does, for there is no old image to return to. (Run as pid 1, this ends
 * the system with status 139.)
 */
static void exec_finish(struct linux_binprm *b, int ret)
{
	bool killed = ret && b->point_of_no_return;

	bprm_free(b);
	if (killed)
		force_sig(SIGSEGV);
}

int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[])
{
	struct linux_binprm *b = bprm_alloc();
	int ret;

	if (!b)
		return -ENOMEM;
	strncpy(b->filename, path, EXEC_PATH_MAX - 1);
	b->argc = copy_kernel_strings(b, argv, b->argv);
	b->envc = copy_kernel_strings(b, envp, b->envp);
	ret = b->argc < 0 ? b->argc : b->envc < 0 ? b->envc : do_execve(b);
	exec_finish(b, ret);
	return ret;
}

long sys_execve(unsigned long upath, unsigned long uargv, unsigned long uenvp)
{
	struct linux_binprm *b = bprm_alloc();
	long ret;

	if (!b)
		return -ENOMEM;
	ret = strncpy_from_user(b->filename, (const char *)upath,
				EXEC_PATH_MAX);
	if (ret >= EXEC_PATH_MAX)
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
	exec_finish(b, ret);
	return ret;
}
