/*
 * kernel/randomize.h - address-space layout randomization (ASLR), as
 * Linux 6.1 does it on ARM (kernel/randomize.c).
 */
#ifndef KERNEL_RANDOMIZE_H
#define KERNEL_RANDOMIZE_H

#include "kernel/kernel.h"

struct mm_struct;

/*
 * /proc/sys/kernel/randomize_va_space: 0 nothing, 1 the mmap_base and
 * the stack, 2 the brk start too. Linux starts at 2; topdown at 0, so
 * that runs repeat exactly (sysctl.kernel.randomize_va_space=2 on the
 * command line, or the sysctl, turn it on). Read at each execve.
 */
extern int randomize_va_space;

/* /proc/sys/vm/mmap_rnd_bits: how many bits of pages mmap_base moves by. */
extern int mmap_rnd_bits;

/* personality(2)'s flag that turns ASLR off for the next execve */
#define ADDR_NO_RANDOMIZE 0x0040000

/* A random number, from the kernel's generator (kernel/sys_misc.c). */
uint32_t get_random_u32(void);

/* mmap_base's random offset: a whole number of pages below 2^bits. */
unsigned long arch_mmap_rnd(void);

/* @top lowered by a random number of pages, up to STACK_RND_PAGES. */
unsigned long randomize_stack_top(unsigned long top);

/* A random page-aligned address in [@start, @start + @range). */
unsigned long randomize_page(unsigned long start, unsigned long range);

#endif /* KERNEL_RANDOMIZE_H */
