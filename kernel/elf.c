/*
 * kernel/elf.c - what the headers of an ELF file allow, by Linux's rules
 * (fs/binfmt_elf.c, arch/arm/kernel/elf.c): the checks made before an
 * execve reaches its point of no return, which refuse a file with an
 * errno, and the one made on each segment after it, whose failure kills.
 *
 * Portable: host-tested with headers built field by field. Reading the
 * file and mapping it are kernel/binfmt_elf.c's.
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

/* See kernel/elf.h: the base, and what fpu_init() adds at boot. */
unsigned long elf_hwcap = ELF_HWCAP_BASE;

/* See kernel/elf.h. */
bool elf_check_arch(const struct elf32_hdr *e)
{
	uint32_t flags = e->e_flags;

	if (e->e_machine != EM_ARM)
		return false;
	/* Thumb entry points are odd; ARM ones a multiple of 4 */
	if (e->e_entry & 1) {
		if (!(elf_hwcap & HWCAP_THUMB))
			return false;
	} else if (e->e_entry & 3) {
		return false;
	}
	/* the old ABI says in e_flags what the machine must have */
	if ((flags & EF_ARM_EABI_MASK) == 0) {
		if ((flags & EF_ARM_APCS_26) && !(elf_hwcap & HWCAP_26BIT))
			return false;
		if ((flags & (EF_ARM_VFP_FLOAT | EF_ARM_SOFT_FLOAT)) ==
		    EF_ARM_VFP_FLOAT && !(elf_hwcap & HWCAP_VFP))
			return false;
	}
	return true;
}

/* See kernel/elf.h. */
int elf_check_header(const struct elf32_hdr *e, const char **why)
{
	if (memcmp(e->e_ident, ELFMAG, 4) != 0)
		return refuse(why, "not an ELF file");
	if (e->e_type != ET_EXEC && e->e_type != ET_DYN)
		return refuse(why, "not a program (e_type is not ET_EXEC or ET_DYN)");
	if (e->e_machine != EM_ARM)
		return refuse(why, "not for ARM (e_machine is not EM_ARM)");
	if (!elf_check_arch(e))
		return refuse(why, "not for this ARM (entry point alignment, or old-ABI flags)");
	if (e->e_ident[EI_OSABI] == ELFOSABI_ARM_FDPIC)
		return refuse(why, "an FDPIC program");
	return 0;
}

/* See kernel/elf.h. */
long elf_phdrs_size(const struct elf32_hdr *e, const char **why)
{
	unsigned long size = (unsigned long)e->e_phnum *
			     sizeof(struct elf32_phdr);

	if (e->e_phentsize != sizeof(struct elf32_phdr))
		return refuse(why, "program headers of an unexpected size");
	if (size == 0 || size > ELF_MIN_ALIGN)
		return refuse(why, "no program headers, or more than a page of them");
	return (long)size;
}

/* See kernel/elf.h. */
int elf_check_interp_size(const struct elf32_phdr *p, const char **why)
{
	if (p->p_filesz < 2 || p->p_filesz > ELF_INTERP_MAX)
		return refuse(why, "PT_INTERP too short or too long for a path");
	return 0;
}

/* See kernel/elf.h. */
enum elf_stack elf_stack_flags(const struct elf32_phdr *ph, int n)
{
	enum elf_stack stack = EXSTACK_DEFAULT;

	for (int i = 0; i < n; i++)
		if (ph[i].p_type == PT_GNU_STACK)
			stack = ph[i].p_flags & PF_X ? EXSTACK_ENABLE_X :
						       EXSTACK_DISABLE_X;
	return stack;
}

/* See kernel/elf.h. */
bool elf_segment_fits(const struct elf32_phdr *p)
{
	return p->p_vaddr < TASK_SIZE && p->p_filesz <= p->p_memsz &&
	       p->p_memsz <= TASK_SIZE && TASK_SIZE - p->p_memsz >= p->p_vaddr;
}

/* See kernel/elf.h. */
unsigned long elf_total_mapping_size(const struct elf32_phdr *ph, int n)
{
	unsigned long lo = ~0UL, hi = 0;
	bool any = false;

	for (int i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		lo = min(lo, ELF_PAGESTART((unsigned long)ph[i].p_vaddr));
		hi = max(hi, (unsigned long)(ph[i].p_vaddr + ph[i].p_memsz));
		any = true;
	}
	return any ? hi - lo : 0;
}

/* See kernel/elf.h. */
unsigned long elf_maximum_alignment(const struct elf32_phdr *ph, int n)
{
	unsigned long align = 0;

	for (int i = 0; i < n; i++) {
		unsigned long a = ph[i].p_align;

		if (ph[i].p_type == PT_LOAD && a && !(a & (a - 1)))
			align = max(align, a);
	}
	return ELF_PAGEALIGN(align);
}
