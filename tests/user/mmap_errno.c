/*
 * tests/user/mmap_errno.c - every error path of mmap2, munmap, mprotect
 * and brk, as a table: (call, arguments) -> result or errno.
 *
 * Each row gives its expectation and where it comes from: Linux's
 * documentation (the man page), the kernel function that decides it
 * (6.1: ksys_mmap_pgoff, do_mmap, get_unmapped_area, do_mas_munmap,
 * do_mprotect_pkey, sys_brk), or "observed on 6.1 armmp" where we ran it.
 * The program passes unchanged on Debian's Linux 6.1 (make check-linux)
 * and is the contract topdown's system calls must meet.
 *
 * Nothing depends on where the kernel lays things out: every address is
 * relative to something the program obtains itself, the "arena" (16
 * pages it maps at start, reset before every row to this picture) or the
 * heap break:
 *
 *	arena: page 0    4    8    12   16
 *	            |RRRR|    |rrrr|    |
 *	             RW   hole  R   hole
 *
 *	break: BRK = the break when the row starts (restored after it),
 *	       BRKP = BRK rounded up to a page
 *
 * Absolute addresses are used only for the fixed facts of the ARM layout
 * (mm/memlayout.h): TASK_SIZE 0xBF000000, mmap_min_addr 4096.
 *
 * Below mmap_min_addr: one might expect EPERM (cap_mmap_addr, for a
 * task without CAP_SYS_RAWIO). On ARM that error cannot happen: ARM's
 * arch_mmap_check refuses MAP_FIXED below FIRST_USER_ADDRESS, which is
 * two pages there (the first L1 entry is kept for the vectors), with
 * EINVAL, before any other check, for root as for anyone; and a hint
 * below 4096 rounds down to "no hint". Observed on 6.1 armmp as root.
 */
#include <stdio.h>
#include <string.h>
#include "kernel/errno.h"
#include "mm/memlayout.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

#define P(n) ((n) * PAGE_SIZE)

/*
 * ARM's FIRST_USER_ADDRESS (arch/arm/include/asm/pgtable.h): two pages.
 * MAP_FIXED below it is EINVAL (arch_mmap_check in asm/mman.h).
 */
#define ARM_FIRST_USER_ADDRESS (2 * PAGE_SIZE)
#define ARENA_PAGES 16
#define RW (PROT_READ | PROT_WRITE)
#define PA (MAP_PRIVATE | MAP_ANONYMOUS)
#define SA (MAP_SHARED | MAP_ANONYMOUS)

/* The call a row makes. */
enum op { MMAP2, MUNMAP, MPROTECT, BRK };

/* What an address in a row is relative to. */
enum base {
	ABS,		/* the number itself */
	ARENA,		/* the arena's first page */
	BRK_,		/* the break when the row starts */
	BRKP,		/* that break rounded up to a page */
	START_BRK,	/* the break when the program started */
};

/* The file descriptor a mapping row passes. */
enum fd_kind {
	NOFD,		/* -1, with MAP_ANONYMOUS */
	FILE_RO,	/* this program's own file, opened O_RDONLY */
	CONSOLE,	/* fd 1: a character device without mmap */
	BADFD,		/* 999: not open */
};

/* Extra state a row needs beyond the arena. */
enum setup {
	S_NONE,
	S_FENCE,	/* a 1-page mapping at BRKP + 8 pages */
	S_GROWN,	/* the break moved up to BRKP + 4 pages */
	S_SHRUNK,	/* ... and back down to BRK */
	S_FILE_SHARED,	/* FILE_RO mapped MAP_SHARED, PROT_READ at arena+4p */
	S_FILE_PRIVATE,	/* FILE_RO mapped MAP_PRIVATE, PROT_READ there */
};

/* What the row expects. */
enum want {
	W_ERR,		/* -err */
	W_OK,		/* 0 (mmap2: some address, not an error) */
	W_AT,		/* exactly wbase + woff */
};

struct row {
	const char *name;
	enum op op;
	enum base abase;
	unsigned long addr;
	unsigned long len;
	int prot;
	int flags;
	enum fd_kind fd;
	unsigned long pgoff;
	enum setup setup;
	enum want want;
	int err;
	enum base wbase;
	unsigned long woff;
	const char *why;	/* where the expectation comes from */
};

/* The call, as a row's fields. */
#define MMAP(b, a, l, p, f, fd_, off) \
	.op = MMAP2, .abase = b, .addr = a, .len = l, .prot = p, \
	.flags = f, .fd = fd_, .pgoff = off
#define MUNMAP_(b, a, l) .op = MUNMAP, .abase = b, .addr = a, .len = l
#define MPROT(b, a, l, p) \
	.op = MPROTECT, .abase = b, .addr = a, .len = l, .prot = p
#define BRK_TO(b, a) .op = BRK, .abase = b, .addr = a

/* The expectation. */
#define ERR(e) .want = W_ERR, .err = e
#define OK .want = W_OK
#define AT(b, o) .want = W_AT, .wbase = b, .woff = o

static const struct row rows[] = {
	/* ---- mmap2: the length -------------------------------------- */
	{ "len_zero", MMAP(ABS, 0, 0, RW, PA, NOFD, 0), ERR(EINVAL),
	  .why = "do_mmap: !len; man mmap(2)" },
	{ "len_zero_bad_fd", MMAP(ABS, 0, 0, RW, MAP_PRIVATE, BADFD, 0),
	  ERR(EBADF),
	  .why = "ksys_mmap_pgoff looks the fd up before do_mmap checks len" },
	{ "len_one_byte", MMAP(ABS, 0, 1, RW, PA, NOFD, 0), OK,
	  .why = "do_mmap: PAGE_ALIGN(len)" },
	{ "len_rounds_to_zero", MMAP(ABS, 0, 0xFFFFF001, RW, PA, NOFD, 0),
	  ERR(ENOMEM), .why = "do_mmap: PAGE_ALIGN(len) == 0" },
	{ "len_max", MMAP(ABS, 0, 0xFFFFFFFF, RW, PA, NOFD, 0), ERR(ENOMEM),
	  .why = "do_mmap: PAGE_ALIGN(len) == 0" },
	{ "len_above_task_size",
	  MMAP(ABS, 0, TASK_SIZE + PAGE_SIZE, RW, PA, NOFD, 0), ERR(ENOMEM),
	  .why = "get_unmapped_area: len > TASK_SIZE" },
	{ "len_task_size", MMAP(ABS, 0, TASK_SIZE, PROT_NONE,
				PA | MAP_NORESERVE, NOFD, 0),
	  ERR(ENOMEM), .why = "no gap that large, top-down nor bottom-up" },

	/* ---- mmap2: the mapping type (flags & MAP_TYPE) -------------- */
	{ "type_none_anon", MMAP(ABS, 0, P(1), RW, MAP_ANONYMOUS, NOFD, 0),
	  ERR(EINVAL), .why = "do_mmap: anon switch default; man mmap(2)" },
	{ "type_shared_validate_anon",
	  MMAP(ABS, 0, P(1), RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, NOFD,
	       0),
	  ERR(EINVAL),
	  .why = "do_mmap: anonymous takes only SHARED or PRIVATE; "
		 "observed on 6.1 armmp" },
	{ "type_4_anon", MMAP(ABS, 0, P(1), RW, 0x04 | MAP_ANONYMOUS, NOFD, 0),
	  ERR(EINVAL), .why = "do_mmap: anon switch default" },
	{ "type_0xf_anon",
	  MMAP(ABS, 0, P(1), RW, 0x0f | MAP_ANONYMOUS, NOFD, 0), ERR(EINVAL),
	  .why = "do_mmap: anon switch default" },
	{ "private_anon", MMAP(ABS, 0, P(1), RW, PA, NOFD, 0), OK,
	  .why = "man mmap(2)" },
	{ "shared_anon", MMAP(ABS, 0, P(1), RW, SA, NOFD, 0), OK,
	  .why = "man mmap(2)" },

	/* ---- mmap2: other flags -------------------------------------- */
	{ "unknown_flag_0x40", MMAP(ABS, 0, P(1), RW, PA | 0x40, NOFD, 0), OK,
	  .why = "man mmap(2): unknown flags are ignored (not validated)" },
	{ "unknown_flag_0x800000",
	  MMAP(ABS, 0, P(1), RW, PA | 0x800000, NOFD, 0), OK,
	  .why = "man mmap(2): unknown flags are ignored" },
	{ "uninitialized_ignored",
	  MMAP(ABS, 0, P(1), RW, PA | MAP_UNINITIALIZED, NOFD, 0), OK,
	  .why = "man mmap(2): honoured only without an MMU" },
	{ "denywrite_executable_ignored",
	  MMAP(ABS, 0, P(1), RW, PA | MAP_DENYWRITE | MAP_EXECUTABLE, NOFD,
	       0),
	  OK, .why = "man mmap(2): ignored" },
	{ "growsdown_private", MMAP(ABS, 0, P(2), RW, PA | MAP_GROWSDOWN, NOFD,
				    0),
	  OK, .why = "man mmap(2)" },
	{ "growsdown_shared", MMAP(ABS, 0, P(2), RW, SA | MAP_GROWSDOWN, NOFD,
				   0),
	  ERR(EINVAL), .why = "do_mmap: shared anon with VM_GROWSDOWN" },
	{ "hugetlb_anon", MMAP(ABS, 0, P(1), RW, PA | MAP_HUGETLB, NOFD, 0),
	  ERR(EINVAL),
	  .why = "ksys_mmap_pgoff: no huge page size (armmp has no "
		 "hugetlbfs); observed on 6.1 armmp" },
	{ "populate", MMAP(ABS, 0, P(4), RW, PA | MAP_POPULATE, NOFD, 0), OK,
	  .why = "man mmap(2)" },
	{ "noreserve", MMAP(ABS, 0, P(4), RW, PA | MAP_NORESERVE, NOFD, 0), OK,
	  .why = "man mmap(2)" },
	{ "stack_flag", MMAP(ABS, 0, P(4), RW, PA | MAP_STACK, NOFD, 0), OK,
	  .why = "man mmap(2): a hint only" },
	{ "anon_ignores_fd", MMAP(ABS, 0, P(1), RW, PA, BADFD, 0), OK,
	  .why = "man mmap(2): fd ignored with MAP_ANONYMOUS" },

	/* ---- mmap2: prot --------------------------------------------- */
	{ "prot_none", MMAP(ABS, 0, P(1), PROT_NONE, PA, NOFD, 0), OK,
	  .why = "man mmap(2)" },
	{ "prot_exec_only", MMAP(ABS, 0, P(1), PROT_EXEC, PA, NOFD, 0), OK,
	  .why = "man mmap(2)" },
	{ "prot_unknown_bit", MMAP(ABS, 0, P(1), PROT_READ | 0x10, PA, NOFD,
				   0),
	  OK,
	  .why = "do_mmap never validates prot (only mprotect does); "
		 "observed on 6.1 armmp" },
	{ "prot_growsdown_bit",
	  MMAP(ABS, 0, P(1), PROT_READ | PROT_GROWSDOWN, PA, NOFD, 0), OK,
	  .why = "do_mmap ignores prot bits it does not know; "
		 "observed on 6.1 armmp" },

	/* ---- mmap2: the page offset ---------------------------------- */
	{ "pgoff_overflow_anon",
	  MMAP(ABS, 0, P(1), RW, PA, NOFD, 0xFFFFFFFF), ERR(EOVERFLOW),
	  .why = "do_mmap: pgoff + pages wraps, checked before anon/file" },
	{ "pgoff_last_anon", MMAP(ABS, 0, P(1), RW, PA, NOFD, 0xFFFFFFFE), OK,
	  .why = "do_mmap: pgoff + pages == 0xFFFFFFFF does not wrap" },

	/* ---- mmap2: MAP_FIXED ---------------------------------------- */
	{ "fixed_unaligned",
	  MMAP(ARENA, P(4) + 0x800, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(EINVAL), .why = "get_unmapped_area: offset_in_page(addr)" },
	{ "fixed_over_mapping", MMAP(ARENA, 0, P(4), RW, PA | MAP_FIXED, NOFD,
				     0),
	  AT(ARENA, 0), .why = "man mmap(2): MAP_FIXED replaces" },
	{ "fixed_in_hole", MMAP(ARENA, P(4), P(4), RW, PA | MAP_FIXED, NOFD,
				0),
	  AT(ARENA, P(4)), .why = "man mmap(2)" },
	{ "fixed_spanning", MMAP(ARENA, P(2), P(8), RW, PA | MAP_FIXED, NOFD,
				 0),
	  AT(ARENA, P(2)), .why = "man mmap(2): MAP_FIXED replaces" },
	{ "fixed_end_above_task_size",
	  MMAP(ABS, TASK_SIZE - P(1), P(2), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: addr > TASK_SIZE - len" },
	{ "fixed_at_task_size",
	  MMAP(ABS, TASK_SIZE, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: addr > TASK_SIZE - len" },
	{ "fixed_kernel_address",
	  MMAP(ABS, PAGE_OFFSET, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: addr > TASK_SIZE - len" },
	{ "fixed_wraps",
	  MMAP(ABS, 0xFFFFF000, P(2), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: addr > TASK_SIZE - len" },
	{ "fixed_len_above_task_size",
	  MMAP(ARENA, 0, 0xFFFFF000, RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: len > TASK_SIZE" },

	/* ---- mmap2: MAP_FIXED_NOREPLACE ------------------------------ */
	{ "noreplace_over_mapping",
	  MMAP(ARENA, 0, P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EEXIST), .why = "do_mmap: find_vma_intersection; man mmap(2)" },
	{ "noreplace_partial_overlap",
	  MMAP(ARENA, P(3), P(2), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EEXIST), .why = "do_mmap: find_vma_intersection" },
	{ "noreplace_overlap_at_end",
	  MMAP(ARENA, P(6), P(4), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EEXIST), .why = "do_mmap: find_vma_intersection" },
	{ "noreplace_in_hole",
	  MMAP(ARENA, P(4), P(4), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  AT(ARENA, P(4)), .why = "man mmap(2)" },
	{ "noreplace_unaligned",
	  MMAP(ARENA, P(4) + 1, P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EINVAL),
	  .why = "get_unmapped_area: offset_in_page, before the EEXIST test" },
	{ "noreplace_at_task_size",
	  MMAP(ABS, TASK_SIZE, P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(ENOMEM), .why = "get_unmapped_area: addr > TASK_SIZE - len" },

	/* ---- mmap2: hints (placement.c checks where they land) ------- */
	{ "hint_below_min_addr", MMAP(ABS, 0x800, P(1), RW, PA, NOFD, 0), OK,
	  .why = "round_hint_to_min: the hint rounds down to 0 (no hint)" },
	{ "hint_above_task_size", MMAP(ABS, PAGE_OFFSET, P(1), RW, PA, NOFD, 0),
	  OK, .why = "arch_get_unmapped_area_topdown: hint does not fit" },
	{ "hint_unaligned_free",
	  MMAP(ARENA, P(4) + 0x123, P(1), RW, PA, NOFD, 0), AT(ARENA, P(4)),
	  .why = "round_hint_to_min: hint &= PAGE_MASK; then it is free" },

	/* ---- mmap2: file mappings ------------------------------------ */
	{ "file_shared_read", MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED, FILE_RO,
				   0),
	  OK, .why = "man mmap(2)" },
	{ "file_shared_write_rdonly_fd",
	  MMAP(ABS, 0, P(1), RW, MAP_SHARED, FILE_RO, 0), ERR(EACCES),
	  .why = "do_mmap: MAP_SHARED + PROT_WRITE needs FMODE_WRITE; "
		 "man mmap(2)" },
	{ "file_private_write", MMAP(ABS, 0, P(1), RW, MAP_PRIVATE, FILE_RO, 0),
	  OK, .why = "man mmap(2): private writes are copy-on-write" },
	{ "file_type_none", MMAP(ABS, 0, P(1), PROT_READ, 0, FILE_RO, 0),
	  ERR(EINVAL), .why = "do_mmap: file switch default" },
	{ "file_shared_validate",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED_VALIDATE, FILE_RO, 0), OK,
	  .why = "man mmap(2): MAP_SHARED_VALIDATE" },
	{ "file_shared_validate_unknown",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED_VALIDATE | 0x800000,
	       FILE_RO, 0),
	  ERR(EOPNOTSUPP), .why = "do_mmap: flags & ~flags_mask; man mmap(2)" },
	{ "file_shared_validate_sync",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC,
	       FILE_RO, 0),
	  ERR(EOPNOTSUPP), .why = "man mmap(2): MAP_SYNC only for DAX files" },
	{ "file_shared_unknown_ignored",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED | 0x800000, FILE_RO, 0), OK,
	  .why = "do_mmap: MAP_SHARED drops unknown flags (LEGACY_MAP_MASK)" },
	{ "file_hugetlb",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_PRIVATE | MAP_HUGETLB, FILE_RO, 0),
	  ERR(EINVAL), .why = "ksys_mmap_pgoff: MAP_HUGETLB on a plain file" },
	{ "file_pgoff_overflow",
	  MMAP(ABS, 0, P(2), PROT_READ, MAP_PRIVATE, FILE_RO, 0xFFFFFFFF),
	  ERR(EOVERFLOW), .why = "do_mmap: pgoff + pages wraps" },
	{ "file_bad_fd", MMAP(ABS, 0, P(1), PROT_READ, MAP_PRIVATE, BADFD, 0),
	  ERR(EBADF), .why = "ksys_mmap_pgoff: fget fails; man mmap(2)" },
	{ "file_no_mmap_console",
	  MMAP(ABS, 0, P(1), PROT_READ, MAP_SHARED, CONSOLE, 0), ERR(ENODEV),
	  .why = "do_mmap: no f_op->mmap (a tty); man mmap(2)" },

	/* ---- munmap -------------------------------------------------- */
	{ "munmap_unaligned", MUNMAP_(ARENA, 0x800, P(1)), ERR(EINVAL),
	  .why = "do_mas_munmap: offset_in_page(start); man munmap(2)" },
	{ "munmap_len_zero", MUNMAP_(ARENA, 0, 0), ERR(EINVAL),
	  .why = "do_mas_munmap: end == start; man munmap(2)" },
	{ "munmap_len_one_byte", MUNMAP_(ARENA, 0, 1), OK,
	  .why = "do_mas_munmap: PAGE_ALIGN(len)" },
	{ "munmap_hole", MUNMAP_(ARENA, P(4), P(4)), OK,
	  .why = "man munmap(2): not an error if nothing is mapped" },
	{ "munmap_middle_splits", MUNMAP_(ARENA, P(1), P(2)), OK,
	  .why = "man munmap(2)" },
	{ "munmap_spanning", MUNMAP_(ARENA, P(2), P(8)), OK,
	  .why = "man munmap(2)" },
	{ "munmap_page_zero", MUNMAP_(ABS, 0, P(1)), OK,
	  .why = "do_mas_munmap: nothing there; mmap_min_addr not checked" },
	{ "munmap_at_task_size", MUNMAP_(ABS, TASK_SIZE, P(1)), ERR(EINVAL),
	  .why = "do_mas_munmap: len > TASK_SIZE - start" },
	{ "munmap_end_beyond_task_size",
	  MUNMAP_(ABS, TASK_SIZE - P(1), P(2)), ERR(EINVAL),
	  .why = "do_mas_munmap: len > TASK_SIZE - start" },
	{ "munmap_kernel_address", MUNMAP_(ABS, PAGE_OFFSET, P(1)),
	  ERR(EINVAL), .why = "do_mas_munmap: start > TASK_SIZE" },
	{ "munmap_len_huge", MUNMAP_(ARENA, 0, 0xFFFFF000), ERR(EINVAL),
	  .why = "do_mas_munmap: len > TASK_SIZE - start" },

	/* ---- mprotect ------------------------------------------------ */
	{ "mprotect_unaligned", MPROT(ARENA, 0x800, P(1), PROT_READ),
	  ERR(EINVAL), .why = "do_mprotect_pkey: start & ~PAGE_MASK" },
	{ "mprotect_len_zero", MPROT(ARENA, 0, 0, PROT_READ), OK,
	  .why = "do_mprotect_pkey: !len returns 0" },
	{ "mprotect_len_zero_unaligned", MPROT(ARENA, 1, 0, PROT_READ),
	  ERR(EINVAL), .why = "do_mprotect_pkey: alignment before !len" },
	{ "mprotect_len_zero_bad_prot", MPROT(ARENA, 0, 0, 0x10), OK,
	  .why = "do_mprotect_pkey: !len returns before arch_validate_prot" },
	{ "mprotect_len_zero_in_hole", MPROT(ARENA, P(4), 0, PROT_READ), OK,
	  .why = "do_mprotect_pkey: !len returns before the VMA lookup" },
	{ "mprotect_read", MPROT(ARENA, 0, P(4), PROT_READ), OK,
	  .why = "man mprotect(2)" },
	{ "mprotect_len_one_byte", MPROT(ARENA, 0, 1, PROT_READ), OK,
	  .why = "do_mprotect_pkey: PAGE_ALIGN(len)" },
	{ "mprotect_split_middle", MPROT(ARENA, P(1), P(2), PROT_NONE), OK,
	  .why = "man mprotect(2)" },
	{ "mprotect_second_vma", MPROT(ARENA, P(8), P(4), RW), OK,
	  .why = "man mprotect(2)" },
	{ "mprotect_hole", MPROT(ARENA, P(4), P(4), PROT_READ), ERR(ENOMEM),
	  .why = "do_mprotect_pkey: vma->vm_start > start; man mprotect(2)" },
	{ "mprotect_spanning_hole", MPROT(ARENA, P(2), P(8), PROT_READ),
	  ERR(ENOMEM), .why = "do_mprotect_pkey: next vma not contiguous" },
	{ "mprotect_start_in_hole", MPROT(ARENA, P(6), P(4), PROT_READ),
	  ERR(ENOMEM), .why = "do_mprotect_pkey: vma->vm_start > start" },
	{ "mprotect_unknown_prot", MPROT(ARENA, 0, P(4), PROT_READ | 0x10),
	  ERR(EINVAL), .why = "arch_validate_prot (generic); man mprotect(2)" },
	{ "mprotect_prot_sem", MPROT(ARENA, 0, P(4), PROT_READ | 0x8), OK,
	  .why = "arch_validate_prot accepts PROT_SEM (0x8); "
		 "observed on 6.1 armmp" },
	{ "mprotect_growsdown_plain_vma",
	  MPROT(ARENA, 0, P(4), PROT_READ | PROT_GROWSDOWN), ERR(EINVAL),
	  .why = "do_mprotect_pkey: PROT_GROWSDOWN needs VM_GROWSDOWN" },
	{ "mprotect_growsup", MPROT(ARENA, 0, P(4), PROT_READ | PROT_GROWSUP),
	  ERR(EINVAL), .why = "do_mprotect_pkey: no VM_GROWSUP on ARM" },
	{ "mprotect_grows_both",
	  MPROT(ARENA, 0, P(4), PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP),
	  ERR(EINVAL), .why = "do_mprotect_pkey: both grows bits" },
	{ "mprotect_end_wraps", MPROT(ARENA, 0, 0xFFFFF000, PROT_READ),
	  ERR(ENOMEM), .why = "do_mprotect_pkey: end <= start" },
	{ "mprotect_kernel_address", MPROT(ABS, PAGE_OFFSET, P(1), PROT_READ),
	  ERR(ENOMEM), .why = "do_mprotect_pkey: no VMA at or above start" },
	{ "mprotect_write_shared_rdonly_file",
	  MPROT(ARENA, P(4), P(1), RW), .setup = S_FILE_SHARED, ERR(EACCES),
	  .why = "do_mprotect_pkey: VM_WRITE without VM_MAYWRITE; "
		 "man mprotect(2)" },
	{ "mprotect_write_private_file",
	  MPROT(ARENA, P(4), P(1), RW), .setup = S_FILE_PRIVATE, OK,
	  .why = "private file mappings keep VM_MAYWRITE" },

	/* ---- brk ----------------------------------------------------- */
	{ "brk_query", BRK_TO(ABS, 0), AT(BRK_, 0),
	  .why = "sys_brk: brk(0) is below min_brk and returns the break" },
	{ "brk_below_start", BRK_TO(START_BRK, -P(1)), AT(BRK_, 0),
	  .why = "sys_brk: brk < min_brk returns the old break" },
	{ "brk_grow", BRK_TO(BRKP, P(4)), AT(BRKP, P(4)),
	  .why = "sys_brk returns the new break" },
	{ "brk_unaligned", BRK_TO(BRK_, 100), AT(BRK_, 100),
	  .why = "sys_brk: mm->brk = brk, not rounded" },
	{ "brk_same", BRK_TO(BRK_, 0), AT(BRK_, 0),
	  .why = "sys_brk: same page, just recorded" },
	{ "brk_shrink", BRK_TO(BRK_, 0), .setup = S_GROWN, AT(BRK_, 0),
	  .why = "sys_brk: always allow shrinking" },
	{ "brk_shrink_unmaps",
	  MMAP(BRKP, P(1), P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  .setup = S_SHRUNK, AT(BRKP, P(1)),
	  .why = "sys_brk: shrinking unmaps the pages above the break" },
	{ "brk_grown_pages_mapped",
	  MMAP(BRKP, P(1), P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  .setup = S_GROWN, ERR(EEXIST),
	  .why = "the grown heap is a VMA: NOREPLACE sees it" },
	{ "brk_into_mapping", BRK_TO(BRKP, P(9)), .setup = S_FENCE,
	  AT(BRK_, 0), .why = "sys_brk: next VMA in the way; man brk(2)" },
	{ "brk_up_to_mapping", BRK_TO(BRKP, P(8)), .setup = S_FENCE,
	  AT(BRK_, 0),
	  .why = "sys_brk: newbrk + PAGE_SIZE > vm_start_gap(next): one free "
		 "page must stay below the next VMA; observed on 6.1 armmp" },
	{ "brk_page_below_mapping", BRK_TO(BRKP, P(7)), .setup = S_FENCE,
	  AT(BRKP, P(7)), .why = "sys_brk: leaves the one-page gap" },
	{ "brk_into_stack", BRK_TO(ABS, TASK_SIZE - P(1)), AT(BRK_, 0),
	  .why = "sys_brk: mappings and the stack are in the way" },

	/* ---- MAP_FIXED at the bottom: ARM's FIRST_USER_ADDRESS ------ */
	{ "fixed_at_zero", MMAP(ABS, 0, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(EINVAL),
	  .why = "arch_mmap_check (ARM): MAP_FIXED below FIRST_USER_ADDRESS; "
		 "not EPERM, even for root: observed on 6.1 armmp" },
	{ "fixed_zero_two_pages",
	  MMAP(ABS, 0, P(2), RW, PA | MAP_FIXED, NOFD, 0), ERR(EINVAL),
	  .why = "arch_mmap_check (ARM): addr < FIRST_USER_ADDRESS" },
	{ "fixed_at_zero_len_huge",
	  MMAP(ABS, 0, 0xF0000000, RW, PA | MAP_FIXED, NOFD, 0), ERR(EINVAL),
	  .why = "get_unmapped_area: arch_mmap_check before len > TASK_SIZE" },
	{ "fixed_at_min_addr",
	  MMAP(ABS, DEFAULT_MMAP_MIN_ADDR, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  ERR(EINVAL),
	  .why = "arch_mmap_check (ARM): 4096 < FIRST_USER_ADDRESS (8192); "
		 "observed on 6.1 armmp" },
	{ "noreplace_at_zero",
	  MMAP(ABS, 0, P(1), RW, PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EINVAL),
	  .why = "do_mmap: NOREPLACE implies MAP_FIXED; arch_mmap_check" },
	{ "noreplace_at_min_addr",
	  MMAP(ABS, DEFAULT_MMAP_MIN_ADDR, P(1), RW,
	       PA | MAP_FIXED_NOREPLACE, NOFD, 0),
	  ERR(EINVAL), .why = "arch_mmap_check (ARM), as fixed_at_min_addr" },
	{ "fixed_at_first_user_address",
	  MMAP(ABS, ARM_FIRST_USER_ADDRESS, P(1), RW, PA | MAP_FIXED, NOFD, 0),
	  AT(ABS, ARM_FIRST_USER_ADDRESS),
	  .why = "the lowest page MAP_FIXED may take on ARM" },
};

static unsigned long arena;		/* first page of the arena */
static unsigned long start_brk;		/* the break at program start */
static int file_fd = -1;		/* our own program file, O_RDONLY */

/* The address @off relative to @base, given the break @brk. */
static unsigned long resolve(enum base base, unsigned long off,
			     unsigned long brk)
{
	switch (base) {
	case ARENA:
		return arena + off;
	case BRK_:
		return brk + off;
	case BRKP:
		return PAGE_ALIGN(brk) + off;
	case START_BRK:
		return start_brk + off;
	case ABS:
	default:
		return off;
	}
}

/* The file descriptor a row of kind @fd passes. */
static int resolve_fd(enum fd_kind fd)
{
	switch (fd) {
	case FILE_RO:
		return file_fd;
	case CONSOLE:
		return 1;
	case BADFD:
		return 999;
	case NOFD:
	default:
		return -1;
	}
}

/* mmap2 at @addr with offset 0; the result as an unsigned address. */
static unsigned long map_at(unsigned long addr, unsigned long len, int prot,
			    int flags, int fd)
{
	return (unsigned long)sys_mmap2(addr, len, prot, flags, fd, 0);
}

/*
 * Put the arena back in its picture (see the top of the file): RW pages
 * 0-3, read-only pages 8-11, holes at 4-7 and 12-15.
 */
static void reset_arena(void)
{
	CHECK_EQ(sys_munmap(arena, P(ARENA_PAGES)), 0);
	CHECK_EQ(map_at(arena, P(4), RW, PA | MAP_FIXED, -1), arena);
	CHECK_EQ(map_at(arena + P(8), P(4), PROT_READ, PA | MAP_FIXED, -1),
		 arena + P(8));
}

/* Build what @r->setup asks for. */
static void setup_row(const struct row *r, unsigned long brk)
{
	unsigned long top = PAGE_ALIGN(brk);
	int flags = 0;

	switch (r->setup) {
	case S_FENCE:
		CHECK_EQ(map_at(top + P(8), P(1), PROT_READ,
				PA | MAP_FIXED_NOREPLACE, -1),
			 top + P(8));
		break;
	case S_GROWN:
		CHECK_EQ(sys_brk(top + P(4)), top + P(4));
		break;
	case S_SHRUNK:
		CHECK_EQ(sys_brk(top + P(4)), top + P(4));
		CHECK_EQ(sys_brk(brk), brk);
		break;
	case S_FILE_SHARED:
		flags = MAP_SHARED;
		/* fall through */
	case S_FILE_PRIVATE:
		flags = flags ? flags : MAP_PRIVATE;
		CHECK_EQ(map_at(arena + P(4), P(1), PROT_READ,
				flags | MAP_FIXED, file_fd),
			 arena + P(4));
		break;
	case S_NONE:
		break;
	}
}

/* Make the call of row @r; returns the raw result. */
static long call_row(const struct row *r, unsigned long brk)
{
	unsigned long addr = resolve(r->abase, r->addr, brk);

	switch (r->op) {
	case MMAP2:
		return sys_mmap2(addr, r->len, r->prot, r->flags,
				 resolve_fd(r->fd), r->pgoff);
	case MUNMAP:
		return sys_munmap(addr, r->len);
	case MPROTECT:
		return sys_mprotect(addr, r->len, r->prot);
	case BRK:
		return (long)sys_brk(addr);
	}
	return -ENOSYS;
}

/* Does @got meet the row's expectation? */
static bool row_passed(const struct row *r, long got, unsigned long brk)
{
	switch (r->want) {
	case W_ERR:
		return got == -r->err;
	case W_OK:
		return r->op == MMAP2 ? !sys_is_err(got) : got == 0;
	case W_AT:
		return (unsigned long)got == resolve(r->wbase, r->woff, brk);
	}
	return false;
}

static const char *op_name[] = { "mmap2", "munmap", "mprotect", "brk" };

/* Print what the row called, what it got and what it expected. */
static void explain(const struct row *r, long got, unsigned long brk)
{
	char want[48];

	if (r->want == W_ERR)
		snprintf(want, sizeof(want), "%s", utest_errname(-r->err));
	else if (r->want == W_OK)
		snprintf(want, sizeof(want), "success");
	else
		snprintf(want, sizeof(want), "%#lx",
			 resolve(r->wbase, r->woff, brk));
	check_failed(__FILE__, __LINE__,
		     "%s(%#lx, %#lx, prot %#x, flags %#x, fd %d, pgoff %#lx) "
		     "= %s, expected %s (%s)",
		     op_name[r->op], resolve(r->abase, r->addr, brk), r->len,
		     r->prot, r->flags, resolve_fd(r->fd), r->pgoff,
		     utest_errname(got), want, r->why);
}

/* Undo what a row mapped or moved, so the next row starts clean. */
static void cleanup_row(const struct row *r, long got, unsigned long brk)
{
	if (r->op == MMAP2 && !sys_is_err(got) &&
	    !((unsigned long)got >= arena &&
	      (unsigned long)got < arena + P(ARENA_PAGES)))
		CHECK_EQ(sys_munmap((unsigned long)got, PAGE_ALIGN(r->len)), 0);
	if (r->setup == S_FENCE)
		CHECK_EQ(sys_munmap(PAGE_ALIGN(brk) + P(8), P(1)), 0);
	CHECK_EQ(sys_brk(brk), brk);
	reset_arena();
}

/* Run every row of @table as one case each. */
static void run_table(const struct row *table, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		const struct row *r = &table[i];
		unsigned long brk = sys_brk(0);
		long got;

		utest_case(r->name);
		reset_arena();
		setup_row(r, brk);
		got = call_row(r, brk);
		if (!row_passed(r, got, brk))
			explain(r, got, brk);
		cleanup_row(r, got, brk);
		utest_done();
	}
}

int main(int argc, char **argv)
{
	long ret;

	start_brk = sys_brk(0);		/* before anything could move it */
	utest_begin("mmap_errno");

	ret = sys_mmap2(0, P(ARENA_PAGES), PROT_NONE, PA, -1, 0);
	if (sys_is_err(ret)) {
		utest_diag("cannot map the arena: %s", utest_errname(ret));
		return 1;
	}
	arena = (unsigned long)ret;
	file_fd = (int)sys_open(argv[0], 0 /* O_RDONLY */, 0);
	utest_diag("arena %#lx, break %#lx, file %s fd %d", arena, start_brk,
		   argv[0], file_fd);

	run_table(rows, sizeof(rows) / sizeof(rows[0]));
	return utest_end();
}
