/*
 * kernel/armv7/uaccess_asm.S - the only kernel code that loads from or stores
 * to user addresses. Each such instruction is listed in __ex_table with
 * a fixup: if it faults and the fault cannot be resolved, the abort
 * handler resumes at the fixup instead (kernel/uaccess.c), which returns
 * the number of bytes left.
 *
 * A word at a time where both sides are word-aligned, four a round for
 * __clear_user (exec clears the rest of the last data page and copies
 * argv and the environment: a byte at a time, __clear_user alone was a
 * fifth of an execve), else a byte at a time. Each fixup knows how many
 * bytes are still to do (r3, less the stores of a round already done),
 * so it returns exactly what was not done: a faulting store stores
 * nothing.
 *
 * Every access to user memory is an *unprivileged* one (ldrt, ldrbt,
 * strt, strbt): the MMU checks it against the page's user permissions,
 * as if the task itself had made it, although the CPU is in SVC mode.
 * So the kernel can reach exactly what the task could: not a PROT_NONE
 * page (its entry, AP2 1 AP 01, lets privileged code read it, which a
 * plain ldrb would), not a read-only page for a write; a write to a
 * private writable page that is still read-only for copy on write takes
 * the same permission fault the task would take, the fault handler
 * gives the page, and the store is retried. ARM Linux on ARMv7 gets the
 * same result another way: it makes a PROT_NONE entry invalid, and its
 * read-only entries (AP2 1 AP 11) refuse privileged writes as well; we
 * keep PROT_NONE entries valid (mm/armv7/protection_map.c says why), so
 * the checking has to be done by the accesses themselves.
 * The T forms have only post-indexed addressing, so the loops walk
 * their pointers.
 */
#include "kernel/armv7/pt_regs.h"

	.syntax	unified
	.text
	.arm

/* An instruction that may fault on a user address, and where to go then. */
.macro	user fixup, insn:vararg
9999:	\insn
	.pushsection __ex_table, "a"
	.align	2
	.long	9999b, \fixup
	.popsection
.endm

#define EFAULT 14

/*
 * unsigned long __copy_from_user(void *to, const void *from, unsigned long n)
 * and __copy_to_user: the number of bytes not copied (r3 in the fixup).
 */
	.global	__copy_from_user
__copy_from_user:
	mov	r3, r2			@ r3 = bytes left
	orr	ip, r0, r1
	tst	ip, #3
	bne	2f			@ not both aligned: bytes
1:	cmp	r3, #4
	blo	2f
	user	bytes_left, ldrt ip, [r1], #4
	str	ip, [r0], #4
	sub	r3, r3, #4
	b	1b
2:	cmp	r3, #0
	beq	3f
	user	bytes_left, ldrbt ip, [r1], #1
	strb	ip, [r0], #1
	sub	r3, r3, #1
	b	2b
3:	mov	r0, #0
	bx	lr

	.global	__copy_to_user
__copy_to_user:
	mov	r3, r2
	orr	ip, r0, r1
	tst	ip, #3
	bne	2f
1:	cmp	r3, #4
	blo	2f
	ldr	ip, [r1], #4
	user	bytes_left, strt ip, [r0], #4
	sub	r3, r3, #4
	b	1b
2:	cmp	r3, #0
	beq	3f
	ldrb	ip, [r1], #1
	user	bytes_left, strbt ip, [r0], #1
	sub	r3, r3, #1
	b	2b
3:	mov	r0, #0
	bx	lr

/* unsigned long __clear_user(void *to, unsigned long n) */
	.global	__clear_user
__clear_user:
	mov	r3, r1
	mov	ip, #0
1:	tst	r0, #3			@ bytes up to a word boundary
	beq	5f
	cmp	r3, #0
	beq	4f
	user	bytes_left, strbt ip, [r0], #1
	sub	r3, r3, #1
	b	1b
5:	cmp	r3, #16			@ then four words a round; a fault in
	blo	2f			@ the k-th store: 4(k-1) more were done
	user	bytes_left, strt ip, [r0], #4
	user	done_4, strt ip, [r0], #4
	user	done_8, strt ip, [r0], #4
	user	done_12, strt ip, [r0], #4
	sub	r3, r3, #16
	b	5b
2:	cmp	r3, #4			@ then words
	blo	3f
	user	bytes_left, strt ip, [r0], #4
	sub	r3, r3, #4
	b	2b
3:	cmp	r3, #0			@ then the last bytes
	beq	4f
	user	bytes_left, strbt ip, [r0], #1
	sub	r3, r3, #1
	b	3b
4:	mov	r0, #0
	bx	lr

/*
 * long __strncpy_from_user(char *dst, const char *src, long count):
 * length without the NUL, count if none came, -EFAULT (-14) on a fault.
 */
	.global	__strncpy_from_user
__strncpy_from_user:
	mov	r3, #0			@ r3 = bytes copied
1:	cmp	r3, r2
	beq	2f
	user	efault, ldrbt ip, [r1], #1
	strb	ip, [r0, r3]
	cmp	ip, #0
	beq	2f
	add	r3, r3, #1
	b	1b
2:	mov	r0, r3
	bx	lr

/* int __get_user_u32(uint32_t *val, const uint32_t *uaddr) */
	.global	__get_user_u32
__get_user_u32:
	user	efault, ldrt ip, [r1]
	str	ip, [r0]
	mov	r0, #0
	bx	lr

/* int __put_user_u32(uint32_t val, uint32_t *uaddr) */
	.global	__put_user_u32
__put_user_u32:
	user	efault, strt r0, [r1]
	mov	r0, #0
	bx	lr

/* Fixups: the copies report what was left, the others -EFAULT. */
done_12:				@ __clear_user's four-word round
	sub	r3, r3, #4
done_8:
	sub	r3, r3, #4
done_4:
	sub	r3, r3, #4
bytes_left:
	mov	r0, r3
	bx	lr

efault:
	mvn	r0, #(EFAULT - 1)	@ r0 = -EFAULT
	bx	lr
