/*
 * kernel/uaccess.c - range checks around the user-access routines of
 * kernel/armv7/uaccess_asm.S, and the exception table they rely on.
 */
#include "kernel/arch.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"

unsigned long __copy_from_user(void *to, const void *from, unsigned long n);
unsigned long __copy_to_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void *to, unsigned long n);
long __strncpy_from_user(char *dst, const char *src, long count);
int __get_user_u32(uint32_t *val, const uint32_t *uaddr);
int __put_user_u32(uint32_t val, uint32_t *uaddr);

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok((unsigned long)from, n))
		return n;
	return __copy_from_user(to, from, n);
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok((unsigned long)to, n))
		return n;
	return __copy_to_user(to, from, n);
}

unsigned long clear_user(void *to, unsigned long n)
{
	if (!access_ok((unsigned long)to, n))
		return n;
	return __clear_user(to, n);
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	unsigned long start = (unsigned long)src;
	bool clipped = false;
	long len;

	if (count <= 0)
		return 0;
	if (start >= TASK_SIZE)
		return -EFAULT;
	/* never read past the end of user space */
	if ((unsigned long)count > TASK_SIZE - start) {
		count = TASK_SIZE - start;
		clipped = true;
	}
	len = __strncpy_from_user(dst, src, count);
	if (len == count && clipped)	/* ran into the kernel: no NUL */
		return -EFAULT;
	return len;
}

int get_user_u32(uint32_t *val, const uint32_t *uaddr)
{
	if (!access_ok((unsigned long)uaddr, sizeof(*uaddr)))
		return -EFAULT;
	return __get_user_u32(val, uaddr);
}

int put_user_u32(uint32_t val, uint32_t *uaddr)
{
	if (!access_ok((unsigned long)uaddr, sizeof(*uaddr)))
		return -EFAULT;
	return __put_user_u32(val, uaddr);
}

struct exception_table_entry {
	unsigned long insn;	/* an instruction that may fault */
	unsigned long fixup;	/* where to continue if it does */
};

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == instruction_pointer(regs)) {
			instruction_pointer_set(regs, e->fixup);
			return true;
		}
	}
	return false;
}
