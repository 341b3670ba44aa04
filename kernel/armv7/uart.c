/*
 * kernel/armv7/uart.c - PL011 UART driver (ARM PrimeCell UART, DDI 0183), polled.
 */
#include "kernel/armv7/board.h"
#include "kernel/armv7/gic.h"
#include "kernel/uart.h"

/* The PL011's registers, at their offsets from the base. */
struct pl011 {
	volatile uint32_t dr;		/* 0x00 data: read = receive */
	volatile uint32_t rsr;		/* 0x04 receive status / error clear */
	uint32_t reserved0[4];		/* 0x08 - 0x14 */
	volatile uint32_t fr;		/* 0x18 flags */
	uint32_t reserved1;		/* 0x1c */
	volatile uint32_t ilpr;		/* 0x20 IrDA low-power counter */
	volatile uint32_t ibrd;		/* 0x24 integer baud rate divisor */
	volatile uint32_t fbrd;		/* 0x28 fractional baud rate divisor */
	volatile uint32_t lcr_h;	/* 0x2c line control */
	volatile uint32_t cr;		/* 0x30 control */
	volatile uint32_t ifls;		/* 0x34 interrupt FIFO level select */
	volatile uint32_t imsc;		/* 0x38 interrupt mask set/clear */
	volatile uint32_t ris;		/* 0x3c raw interrupt status */
	volatile uint32_t mis;		/* 0x40 masked interrupt status */
	volatile uint32_t icr;		/* 0x44 interrupt clear */
};

#define FR_RXFE (1u << 4)	/* receive FIFO empty */
#define FR_TXFF (1u << 5)	/* transmit FIFO full */
#define LCR_H_FEN (1u << 4)	/* FIFOs enabled */
#define LCR_H_WLEN_8 (3u << 5)	/* 8 data bits */
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)

#define UARTCLK 24000000	/* the V2M's 24 MHz reference clock */
#define BAUD 115200

static struct pl011 *const uart = (struct pl011 *)UART0_BASE;

/*
 * 115200 8N1. QEMU's model works without the divisors, hardware does
 * not: divisor = UARTCLK / (16 * baud) = 13.02, fraction 0.02 * 64 = 1.
 *
 * The FIFO setting (LCR_H.FEN) is kept as we find it, off after reset:
 * switching it flushes the receive FIFO, and by the time we run QEMU may
 * already hold a byte of piped input there (its model drops its read
 * counter on the switch; the next byte then overwrites the waiting one,
 * or on newer QEMU the byte is simply gone). Without the FIFO the UART
 * holds one byte, and QEMU takes no more from the host until it is read:
 * the flow control the console relies on (console.c).
 */
void uart_init(void)
{
	uint32_t fen = uart->lcr_h & LCR_H_FEN;

	uart->cr = 0;
	uart->ibrd = UARTCLK / (16 * BAUD);
	uart->fbrd = ((UARTCLK % (16 * BAUD)) * 64 + 8 * BAUD) / (16 * BAUD);
	uart->lcr_h = LCR_H_WLEN_8 | fen;
	uart->imsc = 0;
	uart->cr = CR_UARTEN | CR_TXE | CR_RXE;
}

void uart_putc(char c)
{
	while (uart->fr & FR_TXFF)
		;
	uart->dr = (uint8_t)c;
}

int uart_getc_nowait(void)
{
	if (uart->fr & FR_RXFE)
		return -1;
	return uart->dr & 0xff;
}

#define IMSC_RXIM (1u << 4)	/* receive interrupt */
#define IMSC_RTIM (1u << 6)	/* receive timeout interrupt */

void uart_enable_rx_irq(void)
{
	uart->imsc = IMSC_RXIM | IMSC_RTIM;
}

void uart_disable_rx_irq(void)
{
	uart->imsc = 0;
}

void uart_clear_rx_irq(void)
{
	uart->icr = IMSC_RXIM | IMSC_RTIM;
}

void uart_request_irq(void)
{
	gic_enable_irq(IRQ_UART0);
}
