/*
 * user/lib/brk.c - the heap break: brk(), and _sbrk() under newlib's
 * sbrk() and malloc().
 *
 * The kernel's brk system call answers with the break as it stands after
 * the request: the new break when it moved, the old one when it refused
 * (a failed brk has no errno), and the current one for brk(0). We keep
 * our copy of the break in cur_brk, read once from the kernel.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include "syscall.h"

static unsigned long cur_brk;	/* 0 until first asked */

/* Our copy of the break, asking the kernel the first time. */
static unsigned long current_brk(void)
{
	if (!cur_brk)
		cur_brk = sys_brk(0);
	return cur_brk;
}

/* brk(): see sys/mman.h. */
int brk(void *addr)
{
	cur_brk = sys_brk((unsigned long)addr);
	if (cur_brk != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * Move the break by @incr bytes (either way). Returns the old break, or
 * (void *)-1 with errno ENOMEM when the kernel refused or the sum wraps.
 */
void *_sbrk(ptrdiff_t incr)
{
	unsigned long old = current_brk();
	unsigned long new = old + (unsigned long)incr;

	if (incr == 0)
		return (void *)old;
	if ((incr > 0 && new < old) || (incr < 0 && new > old))
		goto fail;
	if (sys_brk(new) != new)
		goto fail;
	cur_brk = new;
	return (void *)old;
fail:
	errno = ENOMEM;
	return (void *)-1;
}
