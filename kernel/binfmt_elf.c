/*
 * kernel/binfmt_elf.c - load_elf_binary(): an ELF program replaces the
 * current image, step by step as Linux 6.1 does it (fs/binfmt_elf.c, in
 * the version Debian ships, whose segments are loaded by elf_load()).
 * What a bad file gets depends on the step that finds the fault:
 *
 *   the header: magic, type, machine, entry alignment,   ENOEXEC
 *     old-ABI flags, FDPIC (elf_check_header)
 *   the program headers: entry size, count, a page      ENOEXEC
 *     at most; a short read                             ENOEXEC
 *   PT_INTERP: its size; reading it; no NUL at the end  ENOEXEC, EIO
 *     opening the interpreter                           ENOENT, EACCES
 *     reading its header                                EIO
 *     its header and program headers                    ELIBBAD
 *   ---- begin_new_exec(): the point of no return --------------------
 *   the stack VMA                                       ENOMEM   \
 *   each PT_LOAD (elf_load): the mmap of its file       EINVAL,   |
 *     pages, MAP_FIXED_NOREPLACE for the first          ENOMEM,   | the
 *     of an ET_EXEC; its bss                            EEXIST    | task
 *   each PT_LOAD after mapping it (elf_segment_fits)    EINVAL    | gets
 *   the entry point below TASK_SIZE                     EINVAL    | SIGSEGV
 *   the initial stack                                   EFAULT   /
 *
 * Nothing checks a segment against the size of the file: pages past its
 * end are mapped all the same, and a touch there is SIGBUS. Segments may
 * overlap and come in any order: all but the first are MAP_FIXED, so a
 * later one replaces what an earlier one mapped. Clearing the partial
 * page of a bss may fail (a read-only segment, a page past the end of the
 * file); Debian's 6.1 ignores that, and so does this loader.
 *
 * topdown loads no interpreter: a file with a good PT_INTERP is refused
 * with ENOEXEC, after the checks Linux makes on the interpreter.
 */
#include "kernel/binfmts.h"
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/randomize.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/uaccess.h"
#include "mm/mm_types.h"
#include "mm/mman.h"
#include "mm/mmap.h"
#include "mm/slab.h"

#define BAD_ADDR(x) ((unsigned long)(x) >= TASK_SIZE)

/*
 * Read exactly @len bytes at @pos of @file (Linux's elf_read).
 * Returns: 0, or -EIO when the file ends first.
 */
static int elf_read(struct file *file, void *buf, unsigned long len,
		    unsigned long pos)
{
	return kernel_read(file, buf, len, pos) == len ? 0 : -EIO;
}

/*
 * The program header table of a file whose header @e passed
 * elf_check_header(), read into a new kmalloc() buffer (*@phdrs).
 * Returns: 0, or -ENOEXEC (a bad table, or a short read: Linux's
 * load_elf_phdrs() fails alike for both).
 */
static int load_elf_phdrs(const struct elf32_hdr *e, struct file *file,
			  struct elf32_phdr **phdrs, const char **why)
{
	long size = elf_phdrs_size(e, why);

	if (size < 0)
		return (int)size;
	*phdrs = kmalloc(size);
	if (!*phdrs) {
		*why = "no memory for the program headers";
		return -ENOEXEC;
	}
	if (elf_read(file, *phdrs, size, e->e_phoff)) {
		kfree(*phdrs);
		*phdrs = NULL;
		*why = "the program headers lie past the end of the file";
		return -ENOEXEC;
	}
	return 0;
}

/*
 * The interpreter PT_INTERP @p of @b's file names, opened into *@interp
 * with its header in @ih. Returns: 0, -ENOEXEC, -EIO, or open_exec()'s
 * errno.
 */
static int open_interpreter(struct linux_binprm *b, const struct elf32_phdr *p,
			    struct file **interp, struct elf32_hdr *ih,
			    const char **why)
{
	struct file *file = b->file;
	char *path;
	int ret = elf_check_interp_size(p, why);

	if (ret)
		return ret;
	path = kmalloc(p->p_filesz);
	if (!path)
		return -ENOMEM;
	ret = elf_read(file, path, p->p_filesz, p->p_offset);
	if (ret) {
		*why = "PT_INTERP lies past the end of the file";
		goto out_free_path;
	}
	ret = -ENOEXEC;
	if (path[p->p_filesz - 1] != '\0') {
		*why = "PT_INTERP is not a NUL-terminated path";
		goto out_free_path;
	}
	printk("exec %s: its interpreter is %s\n", b->filename, path);
	ret = open_exec(path, interp);
	if (ret) {
		*why = "PT_INTERP names no interpreter that can be run";
		goto out_free_path;
	}
	ret = elf_read(*interp, ih, sizeof(*ih), 0);
	if (ret) {
		*why = "the interpreter is shorter than an ELF header";
		fput(*interp);
		*interp = NULL;
	}
out_free_path:
	kfree(path);
	return ret;
}

/*
 * Linux's checks of the interpreter @ih (of @interp) before the point of
 * no return. Returns: -ELIBBAD when it is no ARM ELF interpreter, else
 * -ENOEXEC: topdown does not load interpreters.
 */
static int check_interpreter(struct file *interp, const struct elf32_hdr *ih,
			     const char **why)
{
	struct elf32_phdr *iph;
	const char *ignored;

	if (memcmp(ih->e_ident, ELFMAG, 4) != 0 || !elf_check_arch(ih) ||
	    ih->e_ident[EI_OSABI] == ELFOSABI_ARM_FDPIC) {
		*why = "the interpreter is not an ARM ELF file";
		return -ELIBBAD;
	}
	if (load_elf_phdrs(ih, interp, &iph, &ignored)) {
		*why = "the interpreter's program headers are bad";
		return -ELIBBAD;
	}
	kfree(iph);
	*why = "a dynamically linked program: topdown loads no interpreter";
	return -ENOEXEC;
}

/* PF_R/W/X as PROT_* (Linux's make_prot, without arch hooks on ARM). */
static unsigned long make_prot(uint32_t p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Linux's vm_mmap(): the mmap of @len bytes of @file at byte @offset,
 * which must be page aligned and not wrap. Returns: the address or
 * -errno.
 */
static unsigned long vm_mmap(struct mm_struct *mm, struct file *file,
			     unsigned long addr, unsigned long len,
			     unsigned long prot, unsigned long flags,
			     unsigned long offset)
{
	unsigned long populate;

	if (offset + PAGE_ALIGN(len) < offset || offset_in_page(offset))
		return -EINVAL;
	if ((prot & PROT_READ) && (current->personality & READ_IMPLIES_EXEC))
		prot |= PROT_EXEC;
	return do_mmap(mm, file, addr, len, prot, flags, offset >> PAGE_SHIFT,
		       &populate);
}

/*
 * Map the file pages of segment @p at @addr (elf_map). For the first
 * segment of an ET_DYN, @total_size reserves room for all of them, and
 * what lies past this segment's pages is given back. Returns: the
 * address, or -errno.
 */
static unsigned long elf_map(struct mm_struct *mm, struct file *file,
			     unsigned long addr, const struct elf32_phdr *p,
			     unsigned long prot, unsigned long flags,
			     unsigned long total_size)
{
	unsigned long size = p->p_filesz + ELF_PAGEOFFSET(p->p_vaddr);
	unsigned long off = p->p_offset - ELF_PAGEOFFSET(p->p_vaddr);
	unsigned long map;

	addr = ELF_PAGESTART(addr);
	size = ELF_PAGEALIGN(size);
	if (!size)
		return addr;	/* no file bytes: no mapping, no error */
	if (total_size) {
		total_size = ELF_PAGEALIGN(total_size);
		map = vm_mmap(mm, file, addr, total_size, prot, flags, off);
		if (!BAD_ADDR(map))
			do_munmap(mm, map + size, total_size - size);
	} else {
		map = vm_mmap(mm, file, addr, size, prot, flags, off);
	}
	if ((flags & MAP_FIXED_NOREPLACE) && map == (unsigned long)-EEXIST)
		printk("exec: a segment at %08lx is requested, but the memory "
		       "is mapped already\n", addr);
	return map;
}

/* Zero from @addr to the end of its page (Linux's padzero). 0 or -EFAULT. */
static int padzero(unsigned long addr)
{
	unsigned long n = ELF_PAGEOFFSET(addr);

	if (n && clear_user((void *)addr, ELF_MIN_ALIGN - n))
		return -EFAULT;
	return 0;
}

/*
 * Load segment @p at @addr (Linux's elf_load): its file pages, then the
 * bss: the rest of the last file page zeroed (a failure is ignored), and
 * anonymous pages up to p_memsz. A segment without file bytes maps only
 * zeroed memory, from the start of its first page. Returns: the address
 * of its mapping, or -errno.
 */
static unsigned long elf_load(struct mm_struct *mm, struct file *file,
			      unsigned long addr, const struct elf32_phdr *p,
			      unsigned long prot, unsigned long flags,
			      unsigned long total_size)
{
	unsigned long map, zero_start, zero_end;
	int err;

	if (p->p_filesz) {
		map = elf_map(mm, file, addr, p, prot, flags, total_size);
		if (BAD_ADDR(map))
			return map;
		zero_start = map + ELF_PAGEOFFSET(p->p_vaddr) + p->p_filesz;
		zero_end = map + ELF_PAGEOFFSET(p->p_vaddr) + p->p_memsz;
		if (p->p_memsz > p->p_filesz)
			padzero(zero_start);
	} else {
		map = zero_start = ELF_PAGESTART(addr);
		zero_end = zero_start + ELF_PAGEOFFSET(p->p_vaddr) + p->p_memsz;
	}
	if (p->p_memsz > p->p_filesz) {
		zero_start = ELF_PAGEALIGN(zero_start);
		zero_end = ELF_PAGEALIGN(zero_end);
		err = vm_brk_flags(mm, zero_start, zero_end - zero_start,
				   prot & PROT_EXEC ? VM_EXEC : 0);
		if (err)
			map = err;
	}
	return map;
}

/*
 * Where an ET_DYN without interpreter goes: where mmap puts it (a hint of
 * 0: returns 0). With segments aligned to more than a page, Linux maps
 * the first one at once to find that place, gives it back and returns
 * the place rounded down to @align, for a MAP_FIXED_NOREPLACE there.
 * Returns: the load address, 0, or -errno.
 */
static unsigned long place_dyn(struct mm_struct *mm, struct file *file,
			       const struct elf32_phdr *p, unsigned long prot,
			       unsigned long flags, unsigned long total_size,
			       unsigned long align)
{
	unsigned long where;

	if (align <= ELF_MIN_ALIGN)
		return 0;
	where = elf_load(mm, file, 0, p, prot, flags, total_size);
	if (BAD_ADDR(where))
		return where;
	do_munmap(mm, where, total_size);
	return where & ~(align - 1);
}

/* What the segment loop found out, for the new mm and the auxv. */
struct elf_layout {
	unsigned long load_bias;	/* ET_DYN: where it went, less vaddr */
	unsigned long phdr_addr;	/* the headers' address, or 0 */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long elf_brk;		/* the highest segment's end */
};

/*
 * Map every PT_LOAD of @e's @ph into the current (new) mm, Linux's loop:
 * an ET_EXEC's first segment MAP_FIXED_NOREPLACE, an ET_DYN's first where
 * mmap places the whole image, every other one MAP_FIXED relative to
 * the first. Returns: 0, or -errno with *@why set.
 */
static int map_segments(struct file *file, const struct elf32_hdr *e,
			const struct elf32_phdr *ph, struct elf_layout *l,
			const char **why)
{
	struct mm_struct *mm = current->mm;
	bool first = true;

	*l = (struct elf_layout){ .start_code = ~0UL };
	for (int i = 0; i < e->e_phnum; i++) {
		const struct elf32_phdr *p = &ph[i];
		unsigned long prot = make_prot(p->p_flags);
		unsigned long flags = MAP_PRIVATE, total_size = 0, map, k;
		unsigned long align;

		if (p->p_type != PT_LOAD)
			continue;
		if (!first) {
			flags |= MAP_FIXED;
		} else if (e->e_type == ET_EXEC) {
			flags |= MAP_FIXED_NOREPLACE;
		} else {
			total_size = elf_total_mapping_size(ph, e->e_phnum);
			if (!total_size) {
				*why = "an ET_DYN whose segments span nothing";
				return -EINVAL;
			}
			align = elf_maximum_alignment(ph, e->e_phnum);
			map = place_dyn(mm, file, p, prot, flags, total_size,
					align);
			if (BAD_ADDR(map)) {
				*why = "no room for the program";
				return IS_ERR_VALUE(map) ? (int)map : -EINVAL;
			}
			if (align > ELF_MIN_ALIGN)
				flags |= MAP_FIXED_NOREPLACE;
			l->load_bias = ELF_PAGESTART(map - p->p_vaddr);
		}

		map = elf_load(mm, file, l->load_bias + p->p_vaddr, p, prot,
			       flags, total_size);
		if (BAD_ADDR(map)) {
			*why = "a segment cannot be mapped there";
			return IS_ERR_VALUE(map) ? (int)map : -EINVAL;
		}
		if (first && e->e_type == ET_DYN)
			l->load_bias += map -
				ELF_PAGESTART(l->load_bias + p->p_vaddr);
		first = false;

		/* the headers' own address, as Linux finds it (AT_PHDR) */
		if (p->p_offset <= e->e_phoff &&
		    e->e_phoff < p->p_offset + p->p_filesz)
			l->phdr_addr = e->e_phoff - p->p_offset + p->p_vaddr;
		k = p->p_vaddr;
		if ((p->p_flags & PF_X) && k < l->start_code)
			l->start_code = k;
		if (l->start_data < k)
			l->start_data = k;
		if (!elf_segment_fits(p)) {
			*why = "a segment beyond TASK_SIZE, or with more file bytes than memory";
			return -EINVAL;
		}
		k = p->p_vaddr + p->p_filesz;
		if ((p->p_flags & PF_X) && l->end_code < k)
			l->end_code = k;
		if (l->end_data < k)
			l->end_data = k;
		l->elf_brk = max(l->elf_brk,
				 (unsigned long)(p->p_vaddr + p->p_memsz));
	}
	return 0;
}

/*
 * After the point of no return: the stack, the segments, the break, the
 * entry point, the initial stack and registers. Returns: 0 or -errno
 * (*@why set), which kills the task.
 */
static int build_image(struct linux_binprm *b, const struct elf32_hdr *e,
		       const struct elf32_phdr *ph, enum elf_stack stack,
		       const char **why)
{
	struct mm_struct *mm = current->mm;
	struct elf_layout l;
	struct elf_info info;
	unsigned long entry, sp;
	int ret;

	ret = setup_arg_pages(b, stack == EXSTACK_ENABLE_X);
	if (ret) {
		*why = "no memory for the stack";
		return ret;
	}
	ret = map_segments(b->file, e, ph, &l, why);
	if (ret)
		return ret;

	mm->start_code = l.start_code + l.load_bias;
	mm->end_code = l.end_code + l.load_bias;
	mm->start_data = l.start_data + l.load_bias;
	mm->end_data = l.end_data + l.load_bias;
	mm->start_brk = mm->brk = ELF_PAGEALIGN(l.elf_brk + l.load_bias);
	if (b->randomize_brk)	/* ASLR level 2 (kernel/randomize.c) */
		mm->start_brk = mm->brk = randomize_page(mm->brk, BRK_RND_RANGE);

	entry = e->e_entry + l.load_bias;
	if (BAD_ADDR(entry)) {
		*why = "the entry point is beyond TASK_SIZE";
		return -EINVAL;
	}
	info = (struct elf_info){
		.phdr = l.phdr_addr + l.load_bias,	/* biased even if 0 */
		.phnum = e->e_phnum,
		.entry = entry,
	};
	ret = create_elf_tables(b, &info, &sp);
	if (ret) {
		*why = "the initial stack cannot be written";
		return ret;
	}
	start_thread(task_pt_regs(current), entry, sp);
	return 0;
}

/*
 * load_elf_binary - replace the current task's image with the ELF
 * program @b->file, whose first bytes are in @b->buf. Before the point of
 * no return a refusal changes nothing; after it, b->point_of_no_return
 * is set and the caller kills the task (see the table at the top).
 * Prints why a file is refused or fails. Returns: 0 or -errno.
 */
int load_elf_binary(struct linux_binprm *b)
{
	const struct elf32_hdr *e = (const struct elf32_hdr *)b->buf;
	struct elf32_phdr *ph = NULL;
	struct file *interp = NULL;
	struct elf32_hdr ih;
	enum elf_stack stack;
	const char *why = "";
	int ret;

	ret = elf_check_header(e, &why);
	if (!ret)
		ret = load_elf_phdrs(e, b->file, &ph, &why);
	for (int i = 0; !ret && i < e->e_phnum; i++) {
		if (ph[i].p_type != PT_INTERP)
			continue;
		ret = open_interpreter(b, &ph[i], &interp, &ih, &why);
		break;		/* only the first counts */
	}
	if (ret)
		goto out;
	stack = elf_stack_flags(ph, e->e_phnum);
	if (interp) {
		ret = check_interpreter(interp, &ih, &why);
		goto out;
	}

	ret = begin_new_exec(b);
	if (ret) {
		why = "no memory for a new address space";
		goto out;
	}
	ret = build_image(b, e, ph, stack, &why);
out:
	if (interp)
		fput(interp);
	kfree(ph);
	if (ret && b->point_of_no_return)
		printk("exec %s: %s (%s) after the point of no return: "
		       "killed by SIGSEGV\n", b->filename, why,
		       errno_name(ret));
	else if (ret)
		printk("exec %s: refused (%s): %s\n", b->filename,
		       errno_name(ret), why);
	return ret;
}
