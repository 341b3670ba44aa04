/*
 * mm/memlayout.h - the numbers that shape an address space.
 *
 * These are ARM Linux's values (arch/arm/include/asm/memory.h, shmparam.h,
 * mm/mmap.c), written down as plain numbers so that the portable mm code
 * and the host tests share them. No register or descriptor bit lives here.
 *
 *   0xFFFFFFFF +------------------------+
 *              | device windows (I/O)   |  IO_VIRT_BASE
 *              | ...                    |
 *              | RAM, direct-mapped     |  PAGE_OFFSET + RAM size
 *   0xC0000000 +------------------------+  PAGE_OFFSET = phys 0x60000000
 *              | (16 MiB: modules area  |
 *              |  on Linux, unused here)|
 *   0xBF000000 +------------------------+  TASK_SIZE
 *              | stack (grows down)     |
 *              | stack gap (>= 128 MiB) |
 *              +------------------------+  mmap_base (top-down layout)
 *              | mmap area, top-down    |
 *              | ...                    |
 *              | heap (brk, grows up)   |
 *              | program image          |
 *   0x00001000 +------------------------+  mmap_min_addr
 *              | never mapped (NULL)    |
 *   0x00000000 +------------------------+
 */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define offset_in_page(x) ((unsigned long)(x) & ~PAGE_MASK)

#define PAGE_OFFSET 0xC0000000UL	/* kernel virtual base */
#define TASK_SIZE 0xBF000000UL		/* PAGE_OFFSET - 16 MiB, as ARM Linux */
#define TASK_UNMAPPED_BASE 0x40000000UL	/* legacy layout: ALIGN(TASK_SIZE/3) */
#define FIRST_USER_ADDRESS (2 * PAGE_SIZE)	/* ARM: the first two pages never map */
#define DEFAULT_MMAP_MIN_ADDR 4096UL	/* /proc/sys/vm/mmap_min_addr */
#define DEFAULT_MAX_MAP_COUNT 65530	/* /proc/sys/vm/max_map_count */

/*
 * SHMLBA: shared mappings of one object must agree in their address modulo
 * SHMLBA, so that a VIPT-aliasing cache indexes them to the same lines.
 * ARM uses four pages (the largest way size of an aliasing ARM cache).
 */
#define SHMLBA (4 * PAGE_SIZE)

/* The stack: RLIMIT_STACK default and the limits ARM's mmap_base clamps to. */
#define STACK_RLIMIT_DEFAULT (8UL << 20)	/* 8 MiB */
#define MMAP_GAP_MIN (128UL << 20)		/* 128 MiB */
#define MMAP_GAP_MAX (TASK_SIZE / 6 * 5)
#define STACK_GUARD_GAP (256UL * PAGE_SIZE)	/* stack_guard_gap: 1 MiB */

/*
 * ASLR (kernel/randomize.c): the stack's top moves down by up to this
 * many pages (Linux's STACK_RND_MASK on 32 bits: 8 MiB - 4 KiB); the
 * mmap_base by up to 2^mmap_rnd_bits - 1 pages (ARM: 8 bits by default,
 * 8 to 16 allowed); the brk start up by less than 32 MiB.
 */
#define STACK_RND_PAGES 0x7ffUL
#define MMAP_RND_BITS_DEFAULT 8
#define MMAP_RND_BITS_MIN 8
#define MMAP_RND_BITS_MAX 16
#define BRK_RND_RANGE (32UL << 20)

#endif /* MM_MEMLAYOUT_H */
