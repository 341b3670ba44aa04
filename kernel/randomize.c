/*
 * kernel/randomize.c - where ASLR draws its numbers, with the ranges of
 * Linux 6.1 on 32-bit ARM:
 *
 *   mmap_base  TASK_SIZE - gap - (0 .. 2^mmap_rnd_bits - 1 pages)
 *   stack top  TASK_SIZE - (0 .. 0x7ff pages)
 *   brk start  end of the image + (0 .. 32 MiB - 1 page), level 2 only
 *
 * exec decides once per image (kernel/exec.c): level 0, or the task's
 * personality ADDR_NO_RANDOMIZE (setarch -R), gives the fixed layout.
 * The numbers come from the kernel's generator, a xorshift seeded by
 * the free-running counter and stirred with it at every draw, so each
 * boot differs unless QEMU counts instructions (ICOUNT=1).
 */
#include "kernel/randomize.h"
#include "kernel/syscall.h"
#include "mm/memlayout.h"

int randomize_va_space;
int mmap_rnd_bits = MMAP_RND_BITS_DEFAULT;

uint32_t get_random_u32(void)
{
	uint32_t v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

unsigned long arch_mmap_rnd(void)
{
	return (get_random_u32() & ((1UL << mmap_rnd_bits) - 1)) << PAGE_SHIFT;
}

unsigned long randomize_stack_top(unsigned long top)
{
	return PAGE_ALIGN(top) -
	       ((get_random_u32() & STACK_RND_PAGES) << PAGE_SHIFT);
}

unsigned long randomize_page(unsigned long start, unsigned long range)
{
	unsigned long pages;

	if (start & ~PAGE_MASK) {	/* the part below the next page goes */
		range -= PAGE_ALIGN(start) - start;
		start = PAGE_ALIGN(start);
	}
	if (start > ~0UL - range)	/* no wrap past the top */
		range = ~0UL - start;
	pages = range >> PAGE_SHIFT;
	if (!pages)
		return start;
	return start + ((get_random_u32() % pages) << PAGE_SHIFT);
}
