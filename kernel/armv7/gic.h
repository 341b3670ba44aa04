/*
 * kernel/armv7/gic.h - the Cortex-A9's interrupt controller (ARM GIC v1).
 */
#ifndef KERNEL_ARMV7_GIC_H
#define KERNEL_ARMV7_GIC_H

#include "kernel/kernel.h"

void gic_init(void);
void gic_enable_irq(unsigned int irq);

/* The pending interrupt's ID (1023: none), acknowledging it. */
unsigned int gic_ack_irq(void);
void gic_end_irq(unsigned int irq);

#define IRQ_SPURIOUS 1023

#endif /* KERNEL_ARMV7_GIC_H */
