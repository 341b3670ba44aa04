/*
 * kernel/armv7/gic.c - a minimal GIC (ARM Generic Interrupt Controller, v1, as
 * in the Cortex-A9 MPCore) driver: every interrupt to CPU 0, one priority.
 *
 * The distributor decides which interrupts are enabled and where they go;
 * the CPU interface signals the highest pending one to the core, which
 * reads its ID from IAR (acknowledge) and writes it to EOIR when done.
 * IDs 0-15 are software-generated, 16-31 private to each core (the A9's
 * private timer is 29), 32 and up shared peripherals (SP804 is 34).
 */
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"

/* Distributor registers (GIC_DIST_BASE), offsets in the comments. */
struct gic_dist {
	volatile uint32_t ctlr;		/* 0x000 enable forwarding */
	volatile uint32_t typer;	/* 0x004 number of IDs */
	uint32_t reserved0[62];		/* 0x008 - 0x0fc */
	volatile uint32_t isenabler[32];	/* 0x100 set-enable, 1 bit/ID */
	volatile uint32_t icenabler[32];	/* 0x180 clear-enable */
	uint32_t reserved1[192];	/* 0x200 - 0x3fc: pending/active */
	volatile uint32_t ipriorityr[255];	/* 0x400 priority, 1 byte/ID */
	uint32_t reserved2;		/* 0x7fc */
	volatile uint32_t itargetsr[255];	/* 0x800 target CPUs, 1 byte/ID */
};

/* CPU interface registers (GIC_CPU_BASE). */
struct gic_cpu {
	volatile uint32_t ctlr;		/* 0x00 enable signalling */
	volatile uint32_t pmr;		/* 0x04 priority mask */
	volatile uint32_t bpr;		/* 0x08 binary point */
	volatile uint32_t iar;		/* 0x0c interrupt acknowledge */
	volatile uint32_t eoir;		/* 0x10 end of interrupt */
};

static struct gic_dist *const dist = (struct gic_dist *)GIC_DIST_BASE;
static struct gic_cpu *const cpu = (struct gic_cpu *)GIC_CPU_BASE;

void gic_init(void)
{
	unsigned int lines = 32 * ((dist->typer & 0x1f) + 1);

	dist->ctlr = 0;
	for (unsigned int i = 0; i < lines / 32; i++)
		dist->icenabler[i] = 0xffffffff;
	for (unsigned int i = 32 / 4; i < lines / 4; i++) {
		dist->ipriorityr[i] = 0xa0a0a0a0;	/* all the same */
		dist->itargetsr[i] = 0x01010101;	/* all to CPU 0 */
	}
	dist->ctlr = 1;
	cpu->pmr = 0xf0;	/* let every priority above 0xf0 through */
	cpu->ctlr = 1;
}

void gic_enable_irq(unsigned int irq)
{
	dist->ipriorityr[irq / 4] = 0xa0a0a0a0;
	dist->isenabler[irq / 32] = 1u << (irq % 32);
}

unsigned int gic_ack_irq(void)
{
	return cpu->iar & 0x3ff;
}

void gic_end_irq(unsigned int irq)
{
	cpu->eoir = irq;
}
