/*
 * kernel/kernel.h - small helpers every file may use.
 *
 * Portable: included by mm/ code that is also compiled for the host, so it
 * must stay free of ARM specifics.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The structure that contains @ptr as its member @member. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

/* Round @x up/down to a multiple of @a, a power of two. */
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __unused __attribute__((unused))
#define __aligned(n) __attribute__((aligned(n)))
#define __section(s) __attribute__((section(s)))
/* Rarely run (a trace, a report): kept out of line and off the hot path. */
#define __cold __attribute__((cold, noinline))
#ifndef __always_inline	/* the host's C library may have it */
#define __always_inline inline __attribute__((always_inline))
#endif

/*
 * Division by a constant d without a divide instruction (the Cortex-A9
 * has none): r = reciprocal_value(d) = ceil(2^32 / d) once, then
 * reciprocal_divide(a, r) = (a * r) >> 32, which is a / d exactly while
 * a * (r * d - 2^32) < 2^32: for every a < 2^32 / d, since r * d - 2^32
 * < d (the slab's offsets and sizes, below 2^15 both: mm/slab.c).
 */
static inline uint32_t reciprocal_value(uint32_t d)
{
	return (uint32_t)(((1ULL << 32) + d - 1) / d);
}

static inline uint32_t reciprocal_divide(uint32_t a, uint32_t r)
{
	return (uint32_t)(((uint64_t)a * r) >> 32);
}

/* Kernel functions return 0 or a negative errno; addresses use this test. */
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-4095)

#endif /* KERNEL_KERNEL_H */
