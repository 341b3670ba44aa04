/*
 * tests/kernel/kcatch_arm.S - kcatch_arm(): remember the callee-saved registers,
 * sp and the return address, so the exception handler can "return again"
 * from this call (see tests/kernel/kcatch.h).
 */
	.syntax unified
	.text
	.arm
	.global	kcatch_arm
kcatch_arm:
	stmia	r0, {r4-r11, sp, lr}
	ldr	r1, =kcatch_armed
	str	r0, [r1]
	ldr	r1, =trap_catcher	@ kernel/trap.c calls us from now on
	ldr	r2, =kcatch_handle
	str	r2, [r1]
	mov	r0, #0
	bx	lr
