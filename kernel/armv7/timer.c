/*
 * kernel/armv7/timer.c - the Cortex-A9 private timer gives the scheduler its
 * tick; the global timer, a 64-bit counter at PERIPHCLK (100 MHz on
 * QEMU), is the monotonic clock.
 */
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"
#include "kernel/timer.h"

/* The private timer (PRIVATE_TIMER_BASE). */
struct a9_private_timer {
	volatile uint32_t load;		/* 0x00 reload value */
	volatile uint32_t counter;	/* 0x04 counts down */
	volatile uint32_t control;	/* 0x08 */
	volatile uint32_t isr;		/* 0x0c event flag, write 1 to clear */
};

/* The global timer (GLOBAL_TIMER_BASE). */
struct a9_global_timer {
	volatile uint32_t counter_lo;	/* 0x00 */
	volatile uint32_t counter_hi;	/* 0x04 */
	volatile uint32_t control;	/* 0x08 */
};

#define PT_ENABLE (1u << 0)
#define PT_AUTO_RELOAD (1u << 1)
#define PT_IRQ_ENABLE (1u << 2)
#define GT_ENABLE (1u << 0)

static struct a9_private_timer *const ptimer =
	(struct a9_private_timer *)PRIVATE_TIMER_BASE;
static struct a9_global_timer *const gtimer =
	(struct a9_global_timer *)GLOBAL_TIMER_BASE;

volatile unsigned long jiffies;

void timer_init(void)
{
	gtimer->control = GT_ENABLE;

	ptimer->control = 0;
	ptimer->isr = 1;
	ptimer->load = GLOBAL_TIMER_HZ / HZ - 1;	/* same PERIPHCLK */
	ptimer->control = PT_ENABLE | PT_AUTO_RELOAD | PT_IRQ_ENABLE;
	gic_enable_irq(IRQ_PRIVATE_TIMER);
}

void timer_interrupt(void)
{
	ptimer->isr = 1;
	jiffies++;
}

uint64_t get_cycles(void)
{
	uint32_t hi, lo;

	do {			/* the two halves must belong together */
		hi = gtimer->counter_hi;
		lo = gtimer->counter_lo;
	} while (gtimer->counter_hi != hi);
	return ((uint64_t)hi << 32) | lo;
}

uint64_t clock_monotonic_ns(void)
{
	return get_cycles() * (1000000000ull / GLOBAL_TIMER_HZ);
}
