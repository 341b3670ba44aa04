/*
 * kernel/console.h - the console as a file: fds 0, 1 and 2 of the first
 * task. Writes go to the UART; reads take what the UART received (raw:
 * no echo, no line editing -- that is the shell's job).
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include "kernel/fs.h"

/* Create /dev/console and start receiving (UART interrupts). */
void console_init(void);

/* An open file on the console, for a new task's fds 0-2 (NULL: OOM). */
struct file *console_open(void);

/* The UART's receive interrupt. */
void console_interrupt(void);

#endif /* KERNEL_CONSOLE_H */
