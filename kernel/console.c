/*
 * kernel/console.c - see console.h.
 *
 * Received bytes wait in a small ring until a task reads them; a reader
 * finding it empty sleeps until the UART interrupt brings more.
 */
#include "kernel/board.h"
#include "kernel/console.h"
#include "kernel/errno.h"
#include "kernel/gic.h"
#include "kernel/printk.h"
#include "kernel/ramfs.h"
#include "kernel/sched.h"
#include "kernel/uaccess.h"
#include "kernel/uart.h"

#define RX_RING_SIZE 512

static char rx_ring[RX_RING_SIZE];
static unsigned int rx_head, rx_tail;	/* free-running; head - tail = used */
static struct inode *console_inode;

void console_interrupt(void)
{
	int c;

	/*
	 * Acknowledge first, then drain: a byte that arrives after the
	 * FIFO was found empty raises the interrupt again. (The other
	 * order loses it until the next byte comes: the interrupt of a
	 * byte that arrived during the drain would be cleared unread.)
	 */
	uart_clear_rx_irq();
	while ((c = uart_getc_nowait()) >= 0)
		if (rx_head - rx_tail < RX_RING_SIZE)
			rx_ring[rx_head++ % RX_RING_SIZE] = (char)c;
	wake_up(rx_ring);
}

static long console_read(struct file *file, char *ubuf, unsigned long len)
{
	unsigned long n = 0;

	if (!len)
		return 0;
	while (rx_head == rx_tail)
		sleep_on(rx_ring);
	while (n < len && rx_tail != rx_head) {
		char c = rx_ring[rx_tail % RX_RING_SIZE];

		if (copy_to_user(ubuf + n, &c, 1))
			return n ? (long)n : -EFAULT;
		rx_tail++;
		n++;
	}
	return n;
}

static long console_write(struct file *file, const char *ubuf,
			  unsigned long len)
{
	char buf[128];
	unsigned long done = 0;

	while (done < len) {
		unsigned long n = min(len - done, sizeof(buf));

		if (copy_from_user(buf, ubuf + done, n))
			return done ? (long)done : -EFAULT;
		for (unsigned long i = 0; i < n; i++) {
			if (buf[i] == '\n')	/* as a tty's ONLCR */
				uart_putc('\r');
			uart_putc(buf[i]);
		}
		done += n;
	}
	return done;
}

/* No .mmap: mapping the console fails with ENODEV, as on Linux. */
static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write,
};

void console_init(void)
{
	console_inode = ramfs_create("/dev/console", S_IFCHR | 0600);
	if (!console_inode)
		panic("console_init: out of memory");
	console_inode->i_fop = &console_fops;
	uart_enable_rx_irq();
	gic_enable_irq(IRQ_UART0);
}

struct file *console_open(void)
{
	return alloc_file(console_inode, FMODE_READ | FMODE_WRITE);
}
