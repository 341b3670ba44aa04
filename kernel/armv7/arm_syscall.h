/*
 * kernel/armv7/arm_syscall.h - ARM Linux's private system calls (numbers
 * from __ARM_NR_BASE, 0xf0000, kernel/unistd.h) and the thread pointer
 * two of them keep.
 */
#ifndef KERNEL_ARMV7_ARM_SYSCALL_H
#define KERNEL_ARMV7_ARM_SYSCALL_H

#include "kernel/kernel.h"
#include "kernel/armv7/pt_regs.h"

/* Run the private call the registers @regs ask for (r7 >= 0xf0000). */
void arm_syscall(struct pt_regs *regs);

/*
 * The current task's thread pointer: what user mode reads in TPIDRURO
 * (mrc p15, 0, rN, c13, c0, 3) and the C library finds its thread's data
 * by. Kept per task, loaded at every switch (kernel/armv7/switch.S),
 * inherited by fork, 0 after exec (kernel/armv7/process.c).
 */
void set_tls(uint32_t value);
uint32_t get_tls(void);

#endif /* KERNEL_ARMV7_ARM_SYSCALL_H */
