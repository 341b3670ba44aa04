/*
 * user/lib/sys/mman.h - memory mappings: mmap, munmap, mprotect, and the
 * heap break (brk, sbrk), with Linux's constants for ARM
 * (include/uapi/asm-generic/mman-common.h and mman.h).
 *
 * These are the C library's functions: on failure they return MAP_FAILED
 * or -1 and set errno. Tests that need the raw -errno use the sys_*
 * functions of syscall.h instead.
 */
#ifndef USER_LIB_SYS_MMAN_H
#define USER_LIB_SYS_MMAN_H

#include <stddef.h>
#include <sys/types.h>

/* prot: what the pages allow. */
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_GROWSDOWN 0x01000000	/* mprotect: extend to a stack's start */
#define PROT_GROWSUP 0x02000000

/* flags: the mapping type (exactly one of the first three) ... */
#define MAP_SHARED 0x01			/* writes reach the object, others see them */
#define MAP_PRIVATE 0x02		/* writes are copy-on-write, ours only */
#define MAP_SHARED_VALIDATE 0x03	/* MAP_SHARED, rejecting unknown flags */
#define MAP_TYPE 0x0f			/* the bits of the type */

/* ... and modifiers. */
#define MAP_FIXED 0x10			/* exactly here, replacing what is there */
#define MAP_ANONYMOUS 0x20		/* no file: zero-filled memory */
#define MAP_ANON MAP_ANONYMOUS
#define MAP_GROWSDOWN 0x0100		/* a stack: grows down on faults */
#define MAP_DENYWRITE 0x0800		/* ignored */
#define MAP_EXECUTABLE 0x1000		/* ignored */
#define MAP_LOCKED 0x2000		/* mlock the pages */
#define MAP_NORESERVE 0x4000		/* no swap/commit accounting */
#define MAP_POPULATE 0x8000		/* fault every page in now */
#define MAP_NONBLOCK 0x10000		/* with MAP_POPULATE: do not block */
#define MAP_STACK 0x20000		/* a thread stack (a hint) */
#define MAP_HUGETLB 0x40000		/* huge pages */
#define MAP_SYNC 0x80000		/* DAX: only with MAP_SHARED_VALIDATE */
#define MAP_FIXED_NOREPLACE 0x100000	/* MAP_FIXED, but EEXIST if in use */
#define MAP_UNINITIALIZED 0x4000000	/* only for !MMU kernels */

/* mremap flags */
#define MREMAP_MAYMOVE 1		/* may move it when it cannot grow */
#define MREMAP_FIXED 2			/* to new_addr (with MREMAP_MAYMOVE) */
#define MREMAP_DONTUNMAP 4		/* move, leaving the old range empty */

/* msync flags */
#define MS_ASYNC 1			/* schedule the write-back */
#define MS_INVALIDATE 2			/* drop other copies */
#define MS_SYNC 4			/* write back now */

/* madvise advice (Linux's generic values, ARM's too) */
#define MADV_NORMAL 0			/* no special treatment */
#define MADV_RANDOM 1			/* expect random access */
#define MADV_SEQUENTIAL 2		/* expect sequential access */
#define MADV_WILLNEED 3			/* will need these pages */
#define MADV_DONTNEED 4			/* drop these pages now */
#define MADV_FREE 8			/* free the pages when convenient */
#define MADV_REMOVE 9			/* free the backing store (shmem) */
#define MADV_DONTFORK 10		/* fork does not copy this range */
#define MADV_DOFORK 11			/* undo MADV_DONTFORK */
#define MADV_MERGEABLE 12		/* KSM may merge these pages */
#define MADV_UNMERGEABLE 13		/* KSM may not merge them */
#define MADV_HUGEPAGE 14		/* worth backing with huge pages */
#define MADV_NOHUGEPAGE 15		/* not worth it */
#define MADV_DONTDUMP 16		/* leave out of a core dump */
#define MADV_DODUMP 17			/* undo MADV_DONTDUMP */
#define MADV_WIPEONFORK 18		/* the child gets zeroes here */
#define MADV_KEEPONFORK 19		/* undo MADV_WIPEONFORK */
#define MADV_COLD 20			/* deactivate the pages */
#define MADV_PAGEOUT 21			/* reclaim the pages */
#define MADV_POPULATE_READ 22		/* fault the pages in, readable */
#define MADV_POPULATE_WRITE 23		/* fault the pages in, writable */
#define MADV_DONTNEED_LOCKED 24		/* MADV_DONTNEED, mlocked too */
#define MADV_COLLAPSE 25		/* make huge pages now */
#define MADV_HWPOISON 100		/* poison a page (testing) */
#define MADV_SOFT_OFFLINE 101		/* soft-offline a page (testing) */

/* What mmap() returns on failure. */
#define MAP_FAILED ((void *)-1)

/*
 * Map @len bytes at @offset of @fd (or anonymous memory) with protection
 * @prot. @addr is a hint, or the exact address with MAP_FIXED. @offset
 * must be a multiple of the page size (it is passed to mmap2 in pages).
 * Returns the address, or MAP_FAILED with errno set.
 */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset);

/* Unmap the pages of [addr, addr + len). 0, or -1 with errno. */
int munmap(void *addr, size_t len);

/* Change the protection of [addr, addr + len). 0, or -1 with errno. */
int mprotect(void *addr, size_t len, int prot);

/*
 * Make the mapping [addr, addr + old_len) new_len long, in place or (with
 * MREMAP_MAYMOVE) elsewhere with its pages; with MREMAP_FIXED at the
 * fifth argument. The address, or MAP_FAILED with errno.
 */
void *mremap(void *addr, size_t old_len, size_t new_len, int flags, ...);

/* Write back [addr, addr + len) (@flags: MS_*). 0, or -1 with errno. */
int msync(void *addr, size_t len, int flags);

/*
 * Which pages of [addr, addr + len) are resident: one byte a page into
 * @vec, bit 0 set when it is. 0, or -1 with errno.
 */
int mincore(void *addr, size_t len, unsigned char *vec);

/* Advise the kernel about [addr, addr + len) (MADV_*). 0, or -1. */
int madvise(void *addr, size_t len, int advice);

/*
 * Set the heap break to @addr. 0, or -1 with errno ENOMEM when the kernel
 * refused (the break then stays where it was).
 */
int brk(void *addr);

/* newlib's sbrk() (through _sbrk in brk.c): the old break, or (void *)-1. */
void *sbrk(ptrdiff_t incr);

#endif /* USER_LIB_SYS_MMAN_H */
