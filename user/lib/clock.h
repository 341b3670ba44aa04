/*
 * user/lib/clock.h - clock_gettime() for our programs.
 *
 * newlib's <time.h> declares clock_gettime() and CLOCK_MONOTONIC only for
 * targets with POSIX timers, which arm-none-eabi is not; our runtime
 * provides both (syscalls.c), on Linux's clock_gettime system call. The
 * clock ids are newlib's (CLOCK_REALTIME 1, CLOCK_MONOTONIC 4), not
 * Linux's (0, 1): the runtime translates.
 */
#ifndef USER_LIB_CLOCK_H
#define USER_LIB_CLOCK_H

#include <time.h>

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)	/* newlib's value, where it has one */
#endif

/* The time of @clock in @tp: 0, or -1 with errno (EINVAL: unknown clock). */
int clock_gettime(clockid_t clock, struct timespec *tp);

#endif /* USER_LIB_CLOCK_H */
