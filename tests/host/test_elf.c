/*
 * Host tests of kernel/elf.c: executables assembled here field by field
 * (ELF gABI and the ARM supplement), one defect at a time.
 */
#include "tests/host/test.h"
#include "kernel/elf.h"
#include "kernel/errno.h"

struct image {
	struct elf32_hdr ehdr;
	struct elf32_phdr phdr[4];
};

/*
 * A typical static program: text at 0x8000 (the headers inside it, at
 * file offset 0), data+bss at 0x18000 in the file's second page.
 */
static void good(struct image *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->ehdr.e_ident, ELFMAG, 4);
	im->ehdr.e_ident[EI_CLASS] = ELFCLASS32;
	im->ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	im->ehdr.e_type = ET_EXEC;
	im->ehdr.e_machine = EM_ARM;
	im->ehdr.e_entry = 0x8101;		/* Thumb entry: bit 0 set */
	im->ehdr.e_phoff = sizeof(struct elf32_hdr);
	im->ehdr.e_phentsize = sizeof(struct elf32_phdr);
	im->ehdr.e_phnum = 3;
	im->phdr[0] = (struct elf32_phdr){ PT_LOAD, 0, 0x8000, 0x8000,
					   0x1200, 0x1200, PF_R | PF_X, 0x10000 };
	im->phdr[1] = (struct elf32_phdr){ PT_LOAD, 0x1200, 0x19200, 0x19200,
					   0x100, 0x2000, PF_R | PF_W, 0x10000 };
	im->phdr[2] = (struct elf32_phdr){ PT_GNU_STACK, 0, 0, 0, 0, 0,
					   PF_R | PF_W, 16 };
}

#define FILE_SIZE 0x2000

static int check(struct image *im, const char **why)
{
	struct elf_image img;

	return elf_check(im, sizeof(*im), FILE_SIZE, &img, why);
}

TEST(accepts_a_static_arm_executable)
{
	struct image im;
	struct elf_image img;
	const char *why = NULL;

	good(&im);
	CHECK_EQ(elf_check(&im, sizeof(im), FILE_SIZE, &img, &why), 0);
	CHECK_EQ(img.nr_load, 2);
	CHECK_EQ(img.phdr[1].p_vaddr, 0x19200);
	/* headers at file offset 52 lie in the first segment: 0x8000 + 52 */
	CHECK_EQ(img.phdr_addr, 0x8000 + 52);
	CHECK(!img.exec_stack);
	im.phdr[2].p_flags |= PF_X;
	CHECK_EQ(elf_check(&im, sizeof(im), FILE_SIZE, &img, &why), 0);
	CHECK(img.exec_stack);
}

TEST(headers_not_loaded_means_no_at_phdr)
{
	struct image im;
	struct elf_image img;
	const char *why;

	good(&im);
	im.phdr[0].p_offset = 0x1000;	/* text starts after the headers */
	im.phdr[0].p_vaddr = 0x9000;
	im.phdr[0].p_filesz = im.phdr[0].p_memsz = 0x200;
	im.ehdr.e_entry = 0x9001;
	CHECK_EQ(elf_check(&im, sizeof(im), FILE_SIZE, &img, &why), 0);
	CHECK_EQ(img.phdr_addr, 0);
}

TEST(refuses_each_defect)
{
	struct image im;
	const char *why;

	good(&im);
	im.ehdr.e_ident[1] = 'X';
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "not an ELF file");

	good(&im);
	im.ehdr.e_machine = 3;			/* EM_386 */
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "not for ARM (e_machine is not EM_ARM)");

	good(&im);
	im.ehdr.e_type = 3;			/* ET_DYN */
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.ehdr.e_ident[EI_CLASS] = 2;		/* 64-bit */
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.ehdr.e_phnum = 200;
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.phdr[1].p_filesz = 0x3000;		/* more than memsz */
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.phdr[1].p_offset = 0x1f80;		/* past the end of the file */
	im.phdr[1].p_vaddr = 0x19f80;
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "segment runs past the end of the file");

	good(&im);
	im.phdr[1].p_vaddr = 0x8200;		/* inside the text segment */
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "segments overlap or are out of order");

	good(&im);
	im.phdr[1].p_vaddr = 0xbeffff00;	/* runs into the kernel */
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "segment outside user space");

	good(&im);
	im.phdr[1].p_vaddr = 0x19300;		/* offset 0x200 != vaddr 0x300 */
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.ehdr.e_entry = 0xc0000000;
	CHECK_EQ(check(&im, &why), -ENOEXEC);

	good(&im);
	im.phdr[0].p_type = im.phdr[1].p_type = 4;	/* PT_NOTE only */
	CHECK_EQ(check(&im, &why), -ENOEXEC);
	CHECK_STREQ(why, "nothing to load (no PT_LOAD segment)");
}

TEST(truncated_files_are_refused)
{
	struct image im;
	struct elf_image img;
	const char *why;

	good(&im);
	CHECK_EQ(elf_check(&im, 20, FILE_SIZE, &img, &why), -ENOEXEC);
	/* the header fits, the program headers do not */
	CHECK_EQ(elf_check(&im, sizeof(im.ehdr) + 10, FILE_SIZE, &img, &why),
		 -ENOEXEC);
	CHECK_STREQ(why, "program headers outside the file");
}

TEST(segments_may_share_a_page_as_on_linux)
{
	struct image im;
	const char *why;

	good(&im);
	im.phdr[1].p_vaddr = 0x9200;		/* right after text, same page */
	CHECK_EQ(check(&im, &why), 0);
}
