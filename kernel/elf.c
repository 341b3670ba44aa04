/*
 * kernel/elf.c - deciding whether a file is an ARM executable we can run.
 *
 * Everything a malformed or hostile file could get wrong is checked here,
 * before any address space is touched: a refused file costs nothing.
 * Portable: host-tested with executables built byte by byte.
 */
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "kernel/string.h"
#include "mm/memlayout.h"

static int refuse(const char **why, const char *reason)
{
	*why = reason;
	return -ENOEXEC;
}

/* The checks on the ELF header itself. */
static int check_ehdr(const struct elf32_hdr *e, unsigned long len,
		      const char **why)
{
	if (len < sizeof(*e) || memcmp(e->e_ident, ELFMAG, 4) != 0)
		return refuse(why, "not an ELF file");
	if (e->e_ident[EI_CLASS] != ELFCLASS32 ||
	    e->e_ident[EI_DATA] != ELFDATA2LSB)
		return refuse(why, "not a 32-bit little-endian ELF file");
	if (e->e_type != ET_EXEC)
		return refuse(why, "not an executable (ET_EXEC): shared or relocatable");
	if (e->e_machine != EM_ARM)
		return refuse(why, "not for ARM (e_machine is not EM_ARM)");
	if (e->e_phentsize != sizeof(struct elf32_phdr))
		return refuse(why, "unexpected program header size");
	if (e->e_phnum == 0 || e->e_phnum > ELF_MAX_PHNUM)
		return refuse(why, "no program headers, or too many");
	if (e->e_phoff > len ||
	    e->e_phnum * sizeof(struct elf32_phdr) > len - e->e_phoff)
		return refuse(why, "program headers outside the file");
	return 0;
}

/* The checks on one PT_LOAD segment. */
static int check_load(const struct elf32_phdr *p, unsigned long file_size,
		      const char **why)
{
	if (p->p_filesz > p->p_memsz)
		return refuse(why, "segment with more file bytes than memory");
	if (p->p_offset > file_size || p->p_filesz > file_size - p->p_offset)
		return refuse(why, "segment runs past the end of the file");
	if (p->p_memsz == 0)
		return refuse(why, "empty segment");
	if (p->p_vaddr < FIRST_USER_ADDRESS ||
	    p->p_memsz > TASK_SIZE || p->p_vaddr > TASK_SIZE - p->p_memsz)
		return refuse(why, "segment outside user space");
	if ((p->p_vaddr & ~PAGE_MASK) != (p->p_offset & ~PAGE_MASK))
		return refuse(why, "segment address and file offset disagree modulo the page size");
	return 0;
}

int elf_check(const void *buf, unsigned long len, unsigned long file_size,
	      struct elf_image *img, const char **why)
{
	const struct elf32_phdr *ph;
	unsigned long prev_end = 0;
	int ret;

	memset(img, 0, sizeof(*img));
	ret = check_ehdr(buf, len, why);
	if (ret)
		return ret;
	memcpy(&img->ehdr, buf, sizeof(img->ehdr));
	ph = (const struct elf32_phdr *)((const char *)buf + img->ehdr.e_phoff);

	for (int i = 0; i < img->ehdr.e_phnum; i++) {
		struct elf32_phdr p;

		memcpy(&p, &ph[i], sizeof(p));	/* may be unaligned */
		if (p.p_type == PT_GNU_STACK)
			img->exec_stack = p.p_flags & PF_X;
		if (p.p_type != PT_LOAD)
			continue;
		ret = check_load(&p, file_size, why);
		if (ret)
			return ret;
		/*
		 * In address order and not overlapping. Two segments may
		 * share a page, as Linux allows: the later mapping wins it.
		 */
		if (img->nr_load && p.p_vaddr < prev_end)
			return refuse(why, "segments overlap or are out of order");
		prev_end = p.p_vaddr + p.p_memsz;
		/* the headers' own address, as Linux finds it (AT_PHDR) */
		if (p.p_offset <= img->ehdr.e_phoff &&
		    img->ehdr.e_phoff < p.p_offset + p.p_filesz)
			img->phdr_addr = img->ehdr.e_phoff - p.p_offset +
					 p.p_vaddr;
		img->phdr[img->nr_load++] = p;
	}
	if (img->nr_load == 0)
		return refuse(why, "nothing to load (no PT_LOAD segment)");
	if (img->ehdr.e_entry < FIRST_USER_ADDRESS ||
	    img->ehdr.e_entry >= TASK_SIZE)
		return refuse(why, "entry point outside user space");
	return 0;
}
