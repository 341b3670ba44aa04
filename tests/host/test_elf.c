/*
 * Host tests of kernel/elf.c: headers assembled here field by field (ELF
 * gABI and the ARM supplement), one defect at a time, against Linux's
 * rules (fs/binfmt_elf.c, arch/arm/kernel/elf.c). What the loader then
 * does with a whole file is tests/user/exec_hostile.c's, on both kernels.
 */
#include "tests/host/test.h"
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "mm/memlayout.h"

/*
 * A typical static program's header: EABI version 5, soft float, a
 * Thumb entry point, three program headers right after it.
 */
static void good(struct elf32_hdr *e)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->e_ident, ELFMAG, 4);
	e->e_ident[EI_CLASS] = ELFCLASS32;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_type = ET_EXEC;
	e->e_machine = EM_ARM;
	e->e_entry = 0x8101;
	e->e_phoff = sizeof(struct elf32_hdr);
	e->e_flags = 0x05000000 | EF_ARM_SOFT_FLOAT;
	e->e_phentsize = sizeof(struct elf32_phdr);
	e->e_phnum = 3;
}

static int check(const struct elf32_hdr *e)
{
	const char *why = NULL;
	int ret = elf_check_header(e, &why);

	CHECK(ret == 0 || why != NULL);
	return ret;
}

TEST(accepts_arm_programs_exec_and_dyn)
{
	struct elf32_hdr e;

	good(&e);
	CHECK_EQ(check(&e), 0);
	e.e_entry = 0x8100;		/* ARM state, a multiple of 4 */
	CHECK_EQ(check(&e), 0);
	e.e_type = ET_DYN;		/* a static-pie loads too */
	CHECK_EQ(check(&e), 0);
}

TEST(refuses_what_is_not_an_arm_program)
{
	struct elf32_hdr e;
	const char *why;

	good(&e);
	e.e_ident[1] = 'X';
	CHECK_EQ(elf_check_header(&e, &why), -ENOEXEC);
	CHECK_STREQ(why, "not an ELF file");

	good(&e);
	e.e_type = 1;			/* ET_REL */
	CHECK_EQ(check(&e), -ENOEXEC);
	e.e_type = 4;			/* ET_CORE */
	CHECK_EQ(check(&e), -ENOEXEC);

	good(&e);
	e.e_machine = 3;		/* EM_386 */
	CHECK_EQ(elf_check_header(&e, &why), -ENOEXEC);
	CHECK_STREQ(why, "not for ARM (e_machine is not EM_ARM)");

	good(&e);
	e.e_ident[EI_OSABI] = ELFOSABI_ARM_FDPIC;
	CHECK_EQ(check(&e), -ENOEXEC);
}

TEST(class_and_byte_order_are_not_checked_as_on_linux)
{
	struct elf32_hdr e;

	/* Linux reads the fields as its own; only what they say counts */
	good(&e);
	e.e_ident[EI_CLASS] = 2;
	e.e_ident[EI_DATA] = 2;
	CHECK_EQ(check(&e), 0);
	/* a big-endian file's e_type 2 reads as 0x0200 */
	e.e_type = 0x0200;
	CHECK_EQ(check(&e), -ENOEXEC);
}

TEST(elf_check_arch_entry_alignment)
{
	struct elf32_hdr e;

	good(&e);
	e.e_entry = 0x8102;		/* even but not a multiple of 4 */
	CHECK(!elf_check_arch(&e));
	CHECK_EQ(check(&e), -ENOEXEC);
	e.e_entry = 0x8103;		/* odd: Thumb, any alignment */
	CHECK(elf_check_arch(&e));
}

TEST(elf_check_arch_old_abi_flags)
{
	struct elf32_hdr e;

	good(&e);
	e.e_flags = EF_ARM_APCS_26;	/* no EABI version: the flags count */
	CHECK(!elf_check_arch(&e));
	e.e_flags = EF_ARM_VFP_FLOAT;	/* VFP, which the base lacks */
	CHECK(!(elf_hwcap & HWCAP_VFP));
	CHECK(!elf_check_arch(&e));
	elf_hwcap |= HWCAP_VFP;		/* as fpu_init() adds it on ARM */
	CHECK(elf_check_arch(&e));
	elf_hwcap = ELF_HWCAP_BASE;
	e.e_flags = EF_ARM_VFP_FLOAT | EF_ARM_SOFT_FLOAT;
	CHECK(elf_check_arch(&e));
	e.e_flags = 0;
	CHECK(elf_check_arch(&e));
	/* with an EABI version the old flags mean nothing */
	e.e_flags = 0x05000000 | EF_ARM_APCS_26;
	CHECK(elf_check_arch(&e));
}

TEST(program_header_table_up_to_a_page)
{
	struct elf32_hdr e;
	const char *why;

	good(&e);
	CHECK_EQ(elf_phdrs_size(&e, &why), 3 * 32);
	e.e_phnum = 128;		/* 4096 bytes: the most Linux reads */
	CHECK_EQ(elf_phdrs_size(&e, &why), 4096);
	e.e_phnum = 129;
	CHECK_EQ(elf_phdrs_size(&e, &why), -ENOEXEC);
	e.e_phnum = 0xffff;
	CHECK_EQ(elf_phdrs_size(&e, &why), -ENOEXEC);
	e.e_phnum = 0;
	CHECK_EQ(elf_phdrs_size(&e, &why), -ENOEXEC);
	CHECK_STREQ(why, "no program headers, or more than a page of them");

	good(&e);
	e.e_phentsize = 56;		/* ELF64's */
	CHECK_EQ(elf_phdrs_size(&e, &why), -ENOEXEC);
	CHECK_STREQ(why, "program headers of an unexpected size");
}

TEST(interp_path_sizes)
{
	struct elf32_phdr p = { .p_type = PT_INTERP };
	const char *why;

	p.p_filesz = 2;			/* "/" and its NUL */
	CHECK_EQ(elf_check_interp_size(&p, &why), 0);
	p.p_filesz = 1;
	CHECK_EQ(elf_check_interp_size(&p, &why), -ENOEXEC);
	p.p_filesz = 4096;
	CHECK_EQ(elf_check_interp_size(&p, &why), 0);
	p.p_filesz = 4097;
	CHECK_EQ(elf_check_interp_size(&p, &why), -ENOEXEC);
}

TEST(stack_flags_from_pt_gnu_stack)
{
	struct elf32_phdr ph[2] = {
		{ .p_type = PT_LOAD, .p_flags = PF_R | PF_X },
		{ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W },
	};

	CHECK_EQ(elf_stack_flags(ph, 1), EXSTACK_DEFAULT);
	CHECK_EQ(elf_stack_flags(ph, 2), EXSTACK_DISABLE_X);
	ph[1].p_flags |= PF_X;
	CHECK_EQ(elf_stack_flags(ph, 2), EXSTACK_ENABLE_X);
}

TEST(segment_fits_below_task_size)
{
	struct elf32_phdr p = { PT_LOAD, 0x1000, 0x11000, 0x11000, 0x10, 0x20,
				PF_R | PF_W, 0x1000 };

	CHECK(elf_segment_fits(&p));
	p.p_filesz = 0x21;		/* more file bytes than memory */
	CHECK(!elf_segment_fits(&p));
	p.p_filesz = 0x10;
	p.p_memsz = 0xffff0000;		/* more than TASK_SIZE */
	CHECK(!elf_segment_fits(&p));
	p.p_memsz = TASK_SIZE - 0x11000;	/* ends exactly at TASK_SIZE */
	CHECK(elf_segment_fits(&p));
	p.p_memsz++;
	CHECK(!elf_segment_fits(&p));
	p.p_memsz = 0x20;
	p.p_vaddr = TASK_SIZE;		/* BAD_ADDR */
	CHECK(!elf_segment_fits(&p));
	p.p_vaddr = 0xb0000000;		/* would wrap past 4 GiB */
	p.p_memsz = 0x60000000;
	CHECK(!elf_segment_fits(&p));
}

TEST(total_mapping_size_spans_the_loads)
{
	struct elf32_phdr ph[3] = {
		{ .p_type = PT_LOAD, .p_vaddr = 0x100, .p_memsz = 0x300 },
		{ .p_type = PT_GNU_STACK, .p_vaddr = 0x90000000 },
		{ .p_type = PT_LOAD, .p_vaddr = 0x1000, .p_memsz = 0x20 },
	};

	/* from the page of the lowest (0) to the end of the highest */
	CHECK_EQ(elf_total_mapping_size(ph, 3), 0x1020);
	CHECK_EQ(elf_total_mapping_size(ph + 1, 1), 0);
	/* empty segments at one page start span nothing */
	ph[0].p_vaddr = 0x1000;
	ph[0].p_memsz = 0;
	ph[2].p_memsz = 0;
	CHECK_EQ(elf_total_mapping_size(ph, 3), 0);
}

TEST(maximum_alignment_of_the_loads)
{
	struct elf32_phdr ph[3] = {
		{ .p_type = PT_LOAD, .p_align = 0x1000 },
		{ .p_type = PT_GNU_STACK, .p_align = 0x100000 },
		{ .p_type = PT_LOAD, .p_align = 0x10000 },
	};

	CHECK_EQ(elf_maximum_alignment(ph, 3), 0x10000);
	ph[2].p_align = 0x18000;	/* not a power of two: ignored */
	CHECK_EQ(elf_maximum_alignment(ph, 3), 0x1000);
	ph[0].p_align = 4;		/* rounded up to a page */
	CHECK_EQ(elf_maximum_alignment(ph, 3), 0x1000);
	ph[0].p_align = 0;
	CHECK_EQ(elf_maximum_alignment(ph, 3), 0);
}
