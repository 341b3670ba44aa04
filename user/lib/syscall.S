/*
 * user/lib/syscall.S - the one place where a newlib program enters the
 * kernel.
 *
 * The Linux ARM EABI system-call convention:
 *
 *	r7      system-call number
 *	r0..r5  up to six arguments
 *	svc #0  enter the kernel (the immediate is ignored under EABI)
 *	r0      result: a value, or -errno in [-4095, -1]
 *
 * A C call passes its first four arguments in r0..r3 and the rest on the
 * stack, so this function shifts the number out of r0 and loads the last
 * three arguments from the stack. r4, r5 and r7 are callee-saved (and r7
 * is the Thumb frame pointer), which is why this is an assembly function
 * rather than inline asm.
 */
	.syntax unified
	.thumb

/*
 * long __syscall(long nr, long a0, long a1, long a2, long a3, long a4,
 *                long a5)
 *
 * Returns what the kernel put in r0, unchanged: a value or -errno.
 */
	.text
	.global	__syscall
	.type	__syscall, %function
	.thumb_func
__syscall:
	push	{r4, r5, r7, lr}	@ 16 bytes: a3 is now at sp + 16
	mov	r7, r0			@ the number
	mov	r0, r1			@ a0
	mov	r1, r2			@ a1
	mov	r2, r3			@ a2
	ldr	r3, [sp, #16]		@ a3
	ldr	r4, [sp, #20]		@ a4
	ldr	r5, [sp, #24]		@ a5
	svc	#0
	pop	{r4, r5, r7, pc}
	.size	__syscall, . - __syscall

	.section .note.GNU-stack, "", %progbits
