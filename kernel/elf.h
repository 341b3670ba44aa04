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
#define EI_OSABI 7
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ELFOSABI_ARM_FDPIC 65	/* FDPIC: binfmt_elf_fdpic's, not ours */
#define ET_EXEC 2
#define ET_DYN 3
#define EM_ARM 40

/* e_flags (ARM ELF supplement) */
#define EF_ARM_EABI_MASK 0xff000000	/* 0: no EABI version (old ABI) */
#define EF_ARM_APCS_26 0x08		/* old ABI: 26-bit addressing */
#define EF_ARM_VFP_FLOAT 0x400		/* old ABI: VFP floating point */
#define EF_ARM_SOFT_FLOAT 0x200

/*
 * The hardware capabilities the kernel passes in AT_HWCAP (Linux's
 * HWCAP_* bits), which elf_check_arch also consults: elf_hwcap starts as
 * ELF_HWCAP_BASE, HWCAP_HALF | THUMB | FAST_MULT | EDSP | TLS (no 26-bit
 * mode; no SWP, which ARMv7 with the multiprocessing extensions leaves
 * undefined, and Linux 6.1 does not claim either), and the arch adds what
 * it has beyond at boot (cpu_features_init(): VFP, VFPv3, NEON, VFPD32
 * and THUMBEE on QEMU's Cortex-A9, as Linux 6.1 says there).
 */
#define HWCAP_THUMB 0x4
#define HWCAP_26BIT 0x8
#define HWCAP_VFP 0x40
#define HWCAP_NEON 0x1000
#define HWCAP_VFPv3 0x2000
#define HWCAP_VFPv3D16 0x4000		/* VFPv3 with 16 d registers only */
#define HWCAP_VFPv4 0x10000
#define HWCAP_VFPD32 0x80000		/* 32 d registers */
#define ELF_HWCAP_BASE 0x8096

extern unsigned long elf_hwcap;

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

#define PT_NULL 0
#define PT_LOAD 1
#define PT_INTERP 3
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

/* Linux reads at most one page of program headers (ELF_MIN_ALIGN). */
#define ELF_MIN_ALIGN 4096
#define ELF_PAGESTART(v) ((v) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v) ((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v) (((v) + ELF_MIN_ALIGN - 1) & \
			  ~(unsigned long)(ELF_MIN_ALIGN - 1))

/* Linux's PATH_MAX: the longest PT_INTERP, with its NUL. */
#define ELF_INTERP_MAX 4096

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

/*
 * The checks of Linux's load_elf_binary() before the point of no return
 * and of its segment loop, as pure functions of the headers (host-tested;
 * kernel/binfmt_elf.c reads the file and maps). On refusal *@why says
 * why, for the message the loader prints.
 */

/*
 * elf_check_header - is @e the header of an ARM program we may load: the
 * magic, ET_EXEC or ET_DYN, ARM's elf_check_arch (EM_ARM; an entry point
 * that is Thumb (odd) or a multiple of 4; for the old ABI, no 26-bit
 * APCS and VFP only with HWCAP_VFP), and not FDPIC? The class and byte
 * order are not looked at: fields that read wrong fail these checks.
 * Returns: 0 or -ENOEXEC.
 */
int elf_check_header(const struct elf32_hdr *e, const char **why);

/*
 * elf_check_arch - ARM's test of e_machine, e_entry and e_flags alone
 * (what the interpreter's header must pass too). Returns: true if it does.
 */
bool elf_check_arch(const struct elf32_hdr *e);

/*
 * elf_phdrs_size - the size in bytes of @e's program header table, as
 * Linux's load_elf_phdrs() accepts it: entries of 32 bytes, at least one,
 * at most one page (128 headers). Returns: the size, or -ENOEXEC.
 */
long elf_phdrs_size(const struct elf32_hdr *e, const char **why);

/*
 * elf_check_interp_size - may PT_INTERP @p name a path: 2 to
 * ELF_INTERP_MAX bytes with its NUL? Returns: 0 or -ENOEXEC.
 */
int elf_check_interp_size(const struct elf32_phdr *p, const char **why);

/* What PT_GNU_STACK says about the stack (Linux's EXSTACK_*). */
enum elf_stack { EXSTACK_DEFAULT, EXSTACK_DISABLE_X, EXSTACK_ENABLE_X };

/* elf_stack_flags - the last PT_GNU_STACK of @ph[0..@n)'s wish. */
enum elf_stack elf_stack_flags(const struct elf32_phdr *ph, int n);

/*
 * elf_segment_fits - Linux's check of a PT_LOAD after mapping it: its
 * address below TASK_SIZE, p_filesz <= p_memsz, and its whole memory
 * below TASK_SIZE without wrapping. Returns: true if it passes (false is
 * load_elf_binary's EINVAL).
 */
bool elf_segment_fits(const struct elf32_phdr *p);

/*
 * elf_total_mapping_size - the span of @ph[0..@n)'s PT_LOADs, from the
 * page of the lowest to the end of the highest: what an ET_DYN maps at
 * once to find room for all of them. Returns: the span, 0 without any.
 */
unsigned long elf_total_mapping_size(const struct elf32_phdr *ph, int n);

/*
 * elf_maximum_alignment - the largest power-of-two p_align of @ph[0..@n)'s
 * PT_LOADs (others are ignored, as invalid), rounded up to a page: 0
 * when there is none.
 */
unsigned long elf_maximum_alignment(const struct elf32_phdr *ph, int n);

#endif /* KERNEL_ELF_H */
