/*
 * kernel/armv7/switch.S - changing the running task.
 *
 * cpu_switch_to(prev, next) saves the registers a C function must
 * preserve (r4-r11), sp and the return address into prev->context, has
 * thread_notify_switch() (process.c) move the rest of the user state
 * that is kept per task (the VFP/NEON registers, ThumbEE's handler
 * base), loads next's context, puts next's thread pointer
 * (set_tls) in TPIDRURO, and returns --
 * on next's kernel stack, into whatever called cpu_switch_to() when next
 * last ran. It returns prev.
 *
 * A new task has never run: its context.pc is ret_from_fork and its sp
 * the struct pt_regs at the top of its kernel stack, so its first
 * "return" finishes the switch (schedule_tail, with prev still in r0)
 * and leaves for user mode with those registers.
 */
	.syntax	unified
	.text
	.arm

	.global	cpu_switch_to
cpu_switch_to:
	stmia	r0, {r4-r11, sp, lr}	@ struct cpu_context is first in task
	mov	r4, r0			@ saved above: free to use until the ldmia
	mov	r5, r1
	bl	thread_notify_switch	@ (prev, next): VFP, ThumbEE
	mov	r0, r4			@ returned: prev
	mov	r1, r5
	ldmia	r1, {r4-r11, sp, lr}
	ldr	r2, [r1, #40]		@ next's tp_value (process.c) ...
	mcr	p15, 0, r2, c13, c0, 3	@ ... in TPIDRURO, for its user mode
	bx	lr

	.global	ret_from_fork
ret_from_fork:
	bl	schedule_tail		@ r0: the task we switched away from
	b	ret_to_user		@ sp is at the new task's pt_regs
