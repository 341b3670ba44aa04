/*
 * kernel/uaccess.h - touching user memory from the kernel, safely.
 *
 * A system call's pointer arguments come from user space and may point
 * anywhere: at the kernel, at nothing, at memory not yet faulted in. So:
 *
 *  1. access_ok(): the whole range must lie below TASK_SIZE (checked
 *     before any access, so a user pointer can never reach the kernel);
 *  2. the copy itself runs in kernel/uaccess.S, whose every load/store
 *     of user memory has an entry in the exception table: if it faults
 *     and the fault handler cannot resolve the fault (demand paging),
 *     the copy stops there and reports how much was left.
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include "kernel/kernel.h"
#include "mm/memlayout.h"

struct pt_regs;

/* Is [@addr, @addr + @size) entirely user space? (No wrap-around.) */
static inline bool access_ok(unsigned long addr, unsigned long size)
{
	return size <= TASK_SIZE && addr <= TASK_SIZE - size;
}

/*
 * Copy @n bytes between kernel @to/@from and user memory. Return the
 * number of bytes NOT copied: 0 on success (as Linux).
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);

/* Zero @n bytes of user memory; returns the number not cleared. */
unsigned long clear_user(void *to, unsigned long n);

/*
 * Copy a NUL-terminated string of at most @count bytes (with the NUL)
 * from user @src. Returns its length without the NUL; @count if no NUL
 * came within @count bytes (then @dst is not terminated); -EFAULT.
 */
long strncpy_from_user(char *dst, const char *src, long count);

/* Read/write one 32-bit word of user memory: 0 or -EFAULT. */
int get_user_u32(uint32_t *val, const uint32_t *uaddr);
int put_user_u32(uint32_t val, uint32_t *uaddr);

/*
 * The exception table: for a faulting instruction in the user-access
 * code, where to continue. Called by the abort handlers for kernel-mode
 * faults; returns true if @regs now points at a fixup.
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* KERNEL_UACCESS_H */
