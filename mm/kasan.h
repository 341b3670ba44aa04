/*
 * mm/kasan.h - hooks that tell an address sanitizer which bytes of RAM the
 * allocators consider dead, as Linux's KASAN hooks do.
 *
 * The page allocator poisons a block when it is freed and unpoisons it when
 * it is handed out; the slab does the same per object. In the host tests,
 * which are built with gcc -fsanitize=address, these map onto ASan's manual
 * poisoning interface, so a test (or the VMA code under test) that touches
 * a freed page or a freed slab object stops at once with a report and a
 * backtrace. In the kernel they compile to nothing.
 *
 * Rule for callers: write any pattern into memory BEFORE poisoning it, and
 * unpoison memory BEFORE reading or handing it out.
 *
 * This header is the one place in mm/ allowed to test a sanitizer macro
 * (__SANITIZE_ADDRESS__, which gcc defines under -fsanitize=address); the
 * allocators call the hooks unconditionally.
 */
#ifndef MM_KASAN_H
#define MM_KASAN_H

#include "kernel/kernel.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>

#define KASAN_ENABLED 1

/* Loads and stores in a function marked so are not checked by ASan. */
#define __no_sanitize_address __attribute__((no_sanitize_address))

/* Mark [addr, addr + size) dead: any access is reported. */
static inline void kasan_poison(const void *addr, size_t size)
{
	ASAN_POISON_MEMORY_REGION(addr, size);
}

/* Mark [addr, addr + size) usable again. */
static inline void kasan_unpoison(const void *addr, size_t size)
{
	ASAN_UNPOISON_MEMORY_REGION(addr, size);
}

/* Is the byte at @addr poisoned? (For tests of the hooks themselves.) */
static inline bool kasan_poisoned(const void *addr)
{
	return __asan_address_is_poisoned(addr);
}

#else /* !__SANITIZE_ADDRESS__ */

#define KASAN_ENABLED 0
#define __no_sanitize_address

static inline void kasan_poison(const void *addr, size_t size)
{
}

static inline void kasan_unpoison(const void *addr, size_t size)
{
}

static inline bool kasan_poisoned(const void *addr)
{
	return false;
}

#endif /* __SANITIZE_ADDRESS__ */

#endif /* MM_KASAN_H */
