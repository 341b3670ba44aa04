/*
 * kernel/elf.h - the parts of the ELF format (System V gABI, ARM EABI
 * supplement) that loading a static ARM executable needs.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include "kernel/kernel.h"

#define EI_NIDENT 16
#define ELFMAG "\177ELF"
#define EI_CLASS 4
#define EI_DATA 5
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_ARM 40

struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;
	uint32_t e_phoff;
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

#define PT_LOAD 1
#define PT_PHDR 6
#define PT_GNU_STACK 0x6474e551

#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4

struct elf32_phdr {
	uint32_t p_type;
	uint32_t p_offset;
	uint32_t p_vaddr;
	uint32_t p_paddr;
	uint32_t p_filesz;
	uint32_t p_memsz;
	uint32_t p_flags;
	uint32_t p_align;
};

#define ELF_MAX_PHNUM 16

/* Auxiliary vector types (the ones the initial stack carries). */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_EXECFN 31

/* What elf_check() learned about an executable it accepted. */
struct elf_image {
	struct elf32_hdr ehdr;
	struct elf32_phdr phdr[ELF_MAX_PHNUM];
	int nr_load;			/* PT_LOAD headers, in phdr[] order */
	unsigned long phdr_addr;	/* where the headers are mapped, or 0 */
	bool exec_stack;		/* PT_GNU_STACK asks for PF_X */
};

/*
 * Check that the first @len bytes of a file (@len >= its headers) are a
 * static ARM executable we can load from a file of @file_size bytes, and
 * fill @img. On refusal, *@why says why, for the message the caller
 * prints. Returns 0 or -ENOEXEC.
 */
int elf_check(const void *buf, unsigned long len, unsigned long file_size,
	      struct elf_image *img, const char **why);

#endif /* KERNEL_ELF_H */
