/*
 * kernel/console.c - see console.h.
 *
 * Received bytes wait in a small ring until a task reads them; a reader
 * finding it empty sleeps until the UART interrupt brings more.
 *
 * Nothing is ever dropped. When the ring is full, the interrupt handler
 * leaves the next byte in the UART and masks the receive interrupt
 * ("throttled"); QEMU then takes no more from the host, so a long paste
 * or a piped script waits in the host's pipe instead of being lost.
 * The reader that makes room pulls the waiting bytes in itself and
 * unmasks the interrupt. (The kernel runs with interrupts off, so the
 * handler and a reader never interleave.)
 *
 * End of input: a Ctrl-D at the start of a line makes read() return 0,
 * as a terminal's VEOF does; anywhere else it is an ordinary byte.
 */
#include "kernel/console.h"
#include "kernel/errno.h"
#include "kernel/poll.h"
#include "kernel/printk.h"
#include "kernel/ramfs.h"
#include "kernel/sched.h"
#include "kernel/uaccess.h"
#include "kernel/uart.h"

#define RX_RING_SIZE 512
#define CTRL_D 0x04

static char rx_ring[RX_RING_SIZE];
static unsigned int rx_head, rx_tail;	/* free-running; head - tail = used */
static bool rx_throttled;		/* receive interrupt masked: ring full */
static bool at_line_start = true;	/* the last byte read ended a line */
static struct inode *console_inode;

/* Move bytes from the UART into the ring while both have some. */
static void rx_fill(void)
{
	int c;

	while (rx_head - rx_tail < RX_RING_SIZE &&
	       (c = uart_getc_nowait()) >= 0)
		rx_ring[rx_head++ % RX_RING_SIZE] = (char)c;
}

void console_interrupt(void)
{
	/*
	 * Acknowledge first, then drain: a byte that arrives after the
	 * FIFO was found empty raises the interrupt again. (The other
	 * order loses it until the next byte comes: the interrupt of a
	 * byte that arrived during the drain would be cleared unread.)
	 */
	uart_clear_rx_irq();
	rx_fill();
	if (rx_head - rx_tail == RX_RING_SIZE) {
		/* full: what else arrives waits in the UART, then the host */
		uart_disable_rx_irq();
		rx_throttled = true;
	}
	wake_up(rx_ring);
	poll_wake();
}

/* A reader took bytes: take in what waited in the UART, listen again. */
static void rx_unthrottle(void)
{
	if (!rx_throttled)
		return;
	rx_fill();
	if (rx_head - rx_tail < RX_RING_SIZE) {
		rx_throttled = false;
		uart_enable_rx_irq();	/* a byte already waiting raises it */
	}
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

		if (c == CTRL_D && at_line_start) {
			if (n == 0)	/* end of input: consumed, read is 0 */
				rx_tail++;
			break;		/* else: this read ends before it */
		}
		if (copy_to_user(ubuf + n, &c, 1)) {
			n = n ? n : (unsigned long)-EFAULT;
			break;
		}
		rx_tail++;
		n++;
		at_line_start = c == '\n' || c == '\r';
	}
	rx_unthrottle();
	return (long)n;
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

/* struct termios as Linux's TCGETS gives it (asm-generic/termbits.h) */
struct linux_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGWINSZ 0x5413
#define T_OPOST 0000001		/* c_oflag: output processing ... */
#define T_ONLCR 0000004		/* ... "\n" sent as "\r\n" */
#define T_CS8 0000060		/* c_cflag: 8 data bits */
#define T_CREAD 0000200		/* c_cflag: the receiver is on */
#define T_CLOCAL 0004000	/* c_cflag: no modem lines */
#define T_B115200 0010002
#define T_ICANON 0000002	/* c_lflag: lines edited by the terminal */
#define T_ECHO 0000010		/* c_lflag: typed bytes echoed */

/*
 * The console's one mode, as a terminal's termios says it: bytes reach
 * read() as they come (no ICANON: no line editing; VMIN 1, VTIME 0), are
 * never echoed (no ECHO) nor translated (no ICRNL), no Ctrl-C signal (no
 * ISIG); on output "\n" becomes "\r\n" (OPOST, ONLCR).
 */
static const struct linux_termios console_termios = {
	.c_oflag = T_OPOST | T_ONLCR,
	.c_cflag = T_B115200 | T_CS8 | T_CREAD | T_CLOCAL,
	.c_cc = { 3, 034, 0177, 025, 4, 0, 1 },	/* VINTR .. VMIN */
};

/*
 * ioctl on the console, as a terminal answers: TCGETS gives the mode
 * above; TCSETS, TCSETSW, TCSETSF take a mode the console has (no
 * ICANON, no ECHO: what a shell's line editor asks for, and what it puts
 * back) and refuse another with EINVAL, since the console cannot edit
 * lines or echo; TIOCGWINSZ gives 0 rows and 0 columns, as a serial
 * line's (Linux's ttyAMA0) does. EFAULT for a bad @arg; any other
 * request ENOTTY.
 */
static long console_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct linux_termios t;
	uint16_t winsize[4] = { 0, 0, 0, 0 };

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &console_termios,
				    sizeof(console_termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, (const void *)arg, sizeof(t)))
			return -EFAULT;
		return t.c_lflag & (T_ICANON | T_ECHO) ? -EINVAL : 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, winsize, sizeof(winsize)) ?
			       -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

/* Readable when a byte waits in the ring; output never waits. */
static unsigned int console_poll(struct file *file)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	if (rx_head != rx_tail)
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* No .mmap: mapping the console fails with ENODEV, as on Linux. */
static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write,
	.ioctl = console_ioctl,
	.poll = console_poll,
};

void console_init(void)
{
	console_inode = ramfs_create("/dev/console", S_IFCHR | 0600);
	if (!console_inode)
		panic("console_init: out of memory");
	console_inode->i_fop = &console_fops;
	rx_fill();		/* a byte sent before we booted waits there */
	uart_enable_rx_irq();
	uart_request_irq();
}

struct file *console_open(void)
{
	struct file *file = alloc_file(console_inode, FMODE_READ | FMODE_WRITE);

	if (file)
		file->f_flags = O_RDWR;
	return file;
}
