/*
 * kernel/armv7/board.h - the vexpress-a9 board (V2P-CA9 on the V2M motherboard)
 * as QEMU models it: where RAM and the devices are, and where the kernel
 * maps the devices. All physical addresses of the board live here.
 *
 * Physical map (the parts we use):
 *   0x10000000  V2M system registers (SYS_24MHZ counter at +0x5C)
 *   0x10009000  UART0, PL011
 *   0x10011000  SP804 dual timer (GIC ID 34)
 *   0x1E000000  Cortex-A9 private region: SCU +0x0000, GIC CPU interface
 *               +0x0100, global timer +0x0200, private timer/watchdog
 *               +0x0600 (GIC ID 29), GIC distributor +0x1000, L2C-310
 *               +0xA000
 *   0x60000000  RAM (128 MiB by default, QEMU's -m)
 */
#ifndef KERNEL_ARMV7_BOARD_H
#define KERNEL_ARMV7_BOARD_H

#define PHYS_OFFSET 0x60000000	/* RAM starts here; PAGE_OFFSET maps it */
#define KERNEL_LOAD_OFFSET 0x10000	/* kernel image at RAM + 64 KiB */
#define INITRAMFS_PHYS 0x61000000	/* QEMU's loader puts the cpio here */
#define RAM_SIZE_MAX (512UL << 20)	/* what fits below the I/O windows */

/*
 * The device windows: each 1 MiB region of devices is mapped with one
 * section at a fixed kernel virtual address (Device memory, never user).
 */
#define V2M_PERIPH_PHYS 0x10000000
#define V2M_PERIPH_VIRT 0xF8000000
#define A9_PERIPH_PHYS 0x1E000000
#define A9_PERIPH_VIRT 0xF8100000

#define V2M_IO(off) (V2M_PERIPH_VIRT + (off))
#define A9_IO(off) (A9_PERIPH_VIRT + (off))

#define UART0_BASE V2M_IO(0x9000)
#define SYSREG_BASE V2M_IO(0x0000)
#define SP804_BASE V2M_IO(0x11000)
#define SCU_BASE A9_IO(0x0000)
#define GIC_CPU_BASE A9_IO(0x0100)
#define GLOBAL_TIMER_BASE A9_IO(0x0200)
#define PRIVATE_TIMER_BASE A9_IO(0x0600)
#define GIC_DIST_BASE A9_IO(0x1000)

#define IRQ_PRIVATE_TIMER 29	/* PPI */
#define IRQ_SP804 34		/* SPI 2 */
#define IRQ_UART0 37		/* SPI 5 */

#define GLOBAL_TIMER_HZ 100000000	/* PERIPHCLK 100 MHz on QEMU */

#endif /* KERNEL_ARMV7_BOARD_H */
