/*
 * mm/mman.h - what user space says to mmap, mprotect and friends, and how
 * the kernel turns it into vm_flags.
 *
 * The numbers are Linux's for ARM (include/uapi/asm-generic/mman-common.h
 * and mman.h): user programs pass exactly these, and user/lib/sys/mman.h
 * repeats them for the C library. The helpers below are those of Linux's
 * include/linux/mman.h. Portable.
 */
#ifndef MM_MMAN_H
#define MM_MMAN_H

#include "mm/mm_types.h"

/* prot: what the pages allow */
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_SEM 0x8			/* atomic ops: accepted, no effect on ARM */
#define PROT_GROWSDOWN 0x01000000	/* mprotect: down to a stack's start */
#define PROT_GROWSUP 0x02000000		/* mprotect: no upward stacks on ARM */

/* flags: the mapping type, exactly one of the first three ... */
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03	/* MAP_SHARED, unknown flags refused */
#define MAP_TYPE 0x0f

/* ... and the modifiers */
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_GROWSDOWN 0x0100
#define MAP_DENYWRITE 0x0800		/* ignored */
#define MAP_EXECUTABLE 0x1000		/* ignored */
#define MAP_LOCKED 0x2000
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000		/* a hint: ignored */
#define MAP_HUGETLB 0x40000		/* refused: no huge pages here */
#define MAP_SYNC 0x80000		/* VM_SYNC; MAP_SHARED_VALIDATE refuses it */
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_UNINITIALIZED 0x4000000	/* no-MMU kernels only: ignored */

/* mremap flags */
#define MREMAP_MAYMOVE 1		/* may move it when it cannot grow */
#define MREMAP_FIXED 2			/* move it to new_addr (with MAYMOVE) */
#define MREMAP_DONTUNMAP 4		/* move, and leave the old VMA empty */

/* msync flags (ARM's, the generic values) */
#define MS_ASYNC 1			/* schedule the write-back */
#define MS_INVALIDATE 2			/* drop other copies */
#define MS_SYNC 4			/* write back now */

/* madvise advice (the generic values, ARM's too) */
#define MADV_NORMAL 0
#define MADV_RANDOM 1			/* VM_RAND_READ */
#define MADV_SEQUENTIAL 2		/* VM_SEQ_READ */
#define MADV_WILLNEED 3			/* read a file into the page cache */
#define MADV_DONTNEED 4			/* drop the pages now */
#define MADV_FREE 8			/* anonymous pages may go */
#define MADV_REMOVE 9			/* punch a hole in a shmem object */
#define MADV_DONTFORK 10		/* VM_DONTCOPY */
#define MADV_DOFORK 11
#define MADV_MERGEABLE 12		/* VM_MERGEABLE (KSM) */
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE 14		/* no THP on ARM without LPAE: EINVAL */
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP 16		/* VM_DONTDUMP */
#define MADV_DODUMP 17
#define MADV_WIPEONFORK 18		/* VM_WIPEONFORK */
#define MADV_KEEPONFORK 19
#define MADV_COLD 20			/* no LRU here: accepted, no effect */
#define MADV_PAGEOUT 21			/* no swap here: accepted, no effect */
#define MADV_POPULATE_READ 22		/* fault in, as reads */
#define MADV_POPULATE_WRITE 23		/* fault in, as writes */
#define MADV_DONTNEED_LOCKED 24		/* DONTNEED, VM_LOCKED allowed */
#define MADV_COLLAPSE 25		/* THP: EINVAL */
#define MADV_HWPOISON 100		/* memory-failure testing: EINVAL */
#define MADV_SOFT_OFFLINE 101

/*
 * The flags every file accepts with MAP_SHARED_VALIDATE (Linux's
 * LEGACY_MAP_MASK; a file may add its own through mmap_supported_flags,
 * none of ours does). Others, MAP_SYNC and MAP_FIXED_NOREPLACE among
 * them, give EOPNOTSUPP there; plain MAP_SHARED silently drops them.
 */
#define LEGACY_MAP_MASK                                                      \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS |              \
	 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | \
	 MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK |           \
	 MAP_STACK | MAP_HUGETLB)

/*
 * The flags of a heap or bss VMA (brk, the ELF loader's vm_brk_flags()):
 * ARM's VM_DATA_DEFAULT_FLAGS for a task without READ_IMPLIES_EXEC.
 */
#define VM_DATA_DEFAULT_FLAGS                                                \
	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/*
 * calc_vm_prot_bits - the access vm_flags for the PROT_* bits of @prot.
 * Bits it does not know (PROT_SEM, 0x10 ...) are ignored: mmap never
 * validates prot, mprotect does so first (arch_validate_prot).
 * Returns: VM_READ/VM_WRITE/VM_EXEC as asked.
 */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/*
 * calc_vm_flag_bits - the vm_flags that MAP_* modifiers of @flags ask for.
 * MAP_SYNC asks for synchronous page faults on a DAX file. We have no DAX
 * file, and with MAP_SHARED_VALIDATE a file mapping refuses it
 * (LEGACY_MAP_MASK), but as in Linux 6.1 the flag is turned into VM_SYNC
 * for everything else, anonymous and private mappings, and plain
 * MAP_SHARED: mmap computes vm_flags before it drops what MAP_SHARED does
 * not know. VM_SYNC does nothing here but what it does in Linux for such
 * a mapping: a VMA with it merges only with VMAs that have it too.
 * Returns: VM_GROWSDOWN, VM_LOCKED and VM_SYNC as asked.
 */
static inline unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return ((flags & MAP_GROWSDOWN) ? VM_GROWSDOWN : 0) |
	       ((flags & MAP_LOCKED) ? VM_LOCKED : 0) |
	       ((flags & MAP_SYNC) ? VM_SYNC : 0);
}

/*
 * arch_validate_prot - may mprotect() be asked for @prot? The generic
 * rule, which ARM uses: only PROT_READ, PROT_WRITE, PROT_EXEC, PROT_SEM.
 * Returns: true if so.
 */
static inline bool arch_validate_prot(unsigned long prot)
{
	return (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) == 0;
}

#endif /* MM_MMAN_H */
