/*
 * kernel/uart.h - the serial line the console and printk() write to: a
 * portable contract, implemented by the board's driver (on vexpress-a9
 * UART0, an ARM PL011: kernel/armv7/uart.c).
 */
#ifndef KERNEL_UART_H
#define KERNEL_UART_H

#include "kernel/kernel.h"

void uart_init(void);
void uart_putc(char c);		/* waits while the transmit FIFO is full */
int uart_getc_nowait(void);	/* a received byte, or -1 when none waits */
void uart_enable_rx_irq(void);	/* interrupt when bytes arrive */
void uart_disable_rx_irq(void);	/* no more; bytes wait in the UART */
void uart_clear_rx_irq(void);
void uart_request_irq(void);	/* route its interrupt to the CPU */

#endif /* KERNEL_UART_H */
