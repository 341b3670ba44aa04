/*
 * kernel/timer.h - time: the periodic tick and a monotonic clock. A
 * portable contract; the Cortex-A9's timers implement it
 * (kernel/armv7/timer.c).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/kernel.h"

#define HZ 100			/* ticks per second */

extern volatile unsigned long jiffies;	/* ticks since timer_init() */

void timer_init(void);

/* The timer interrupt: acknowledge it and count a tick. */
void timer_interrupt(void);

/* Nanoseconds since boot. */
uint64_t clock_monotonic_ns(void);

/*
 * A raw free-running count (the Cortex-A9 global timer at 100 MHz:
 * under ICOUNT=1, ten per guest instruction).
 */
uint64_t get_cycles(void);

#endif /* KERNEL_TIMER_H */
