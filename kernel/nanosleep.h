/*
 * kernel/nanosleep.h - the timer tick's part in the sleeping calls
 * (kernel/nanosleep.c).
 */
#ifndef KERNEL_NANOSLEEP_H
#define KERNEL_NANOSLEEP_H

/* A tick: sleepers look at the clock. */
void nanosleep_tick(void);

#endif /* KERNEL_NANOSLEEP_H */
