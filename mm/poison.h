/*
 * mm/poison.h - the byte patterns freed memory is filled with when
 * CONFIG_DEBUG_VM is on, and the scan that checks them (Linux:
 * include/linux/poison.h and memchr_inv()).
 *
 * A freed page or slab object is filled with its pattern; when it is handed
 * out again the pattern must still be intact. A byte that differs was
 * written by someone holding a stale pointer: a use after free.
 */
#ifndef MM_POISON_H
#define MM_POISON_H

#include "kernel/kernel.h"

#define PAGE_POISON 0xaa	/* every byte of a free page */
#define POISON_FREE 0x6b	/* every byte of a free slab object (after
				 * the free-list header) */

#ifdef CONFIG_DEBUG_VM
#define DEBUG_VM_ENABLED 1
#else
#define DEBUG_VM_ENABLED 0
#endif

/*
 * memchr_inv - find the first byte in [@start, @start + @n) that is not @c.
 * Returns: a pointer to that byte, or NULL when all @n bytes equal @c.
 */
static inline const void *memchr_inv(const void *start, int c, size_t n)
{
	typedef unsigned long __attribute__((may_alias)) word_t;
	const unsigned char *p = start;
	const unsigned char *end = p + n;
	word_t word = (unsigned char)c * (~0UL / 0xff);

	/* bytes up to a word boundary, then whole words, then the rest */
	while (p < end && ((uintptr_t)p & (sizeof(long) - 1)))
		if (*p++ != (unsigned char)c)
			return p - 1;
	while (end - p >= (long)sizeof(word) && *(const word_t *)p == word)
		p += sizeof(word);
	for (; p < end; p++)
		if (*p != (unsigned char)c)
			return p;
	return NULL;
}

#endif /* MM_POISON_H */
