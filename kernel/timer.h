/*
 * kernel/timer.h - time: the periodic tick and a monotonic clock.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "kernel/kernel.h"

#define HZ 100			/* ticks per second */

extern volatile unsigned long jiffies;	/* ticks since timer_init() */

void timer_init(void);

/* The timer interrupt: acknowledge it and count a tick. */
void timer_interrupt(void);

/* Nanoseconds since boot, from the Cortex-A9 global timer (100 MHz). */
uint64_t clock_monotonic_ns(void);

/* Raw global timer count: under ICOUNT=1, ten per guest instruction. */
uint64_t global_timer_count(void);

#endif /* KERNEL_TIMER_H */
