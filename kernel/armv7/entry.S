/*
 * kernel/armv7/entry.S - the exception vectors, and entering and leaving the
 * kernel.
 *
 * Whatever the exception, the kernel handles it in SVC mode, on the
 * current task's kernel stack, with the interrupted context saved there as
 * a struct pt_regs (kernel/armv7/pt_regs.h). From user mode that stack is empty
 * (its top is in sp_svc); from the kernel the frame goes below the
 * interrupted code's stack, padded to keep 8-byte alignment (a leaf
 * function may run with sp only 4-byte aligned).
 *
 * The exception modes (IRQ, abort, undefined, FIQ) have no stack, just
 * three words of scratch each (kernel/armv7/start.S) where r0, the resume address
 * and the interrupted CPSR wait while we switch to SVC mode. Interrupts
 * stay masked throughout: the kernel is not preemptible.
 */
#include "kernel/armv7/pt_regs.h"

/*
 * Unwind information for gdb (.debug_frame): in a vector, once the frame
 * is built, the interrupted context is the pt_regs at sp. So the "caller"
 * of the C handler is the interrupted code: its pc is the frame's pc
 * (DWARF register 15 as the return column, and a signal frame: that pc
 * is the instruction to resume, not a return address), its sp, lr and
 * r0-r12 are the frame's. `bt` from a system call or a fault then ends
 * at the user's (or the interrupted kernel code's) pc.
 */
	.cfi_sections .debug_frame

.macro	frame_cfi
	.cfi_def_cfa sp, 0
	.cfi_offset r0, 0
	.cfi_offset r1, 4
	.cfi_offset r2, 8
	.cfi_offset r3, 12
	.cfi_offset r4, 16
	.cfi_offset r5, 20
	.cfi_offset r6, 24
	.cfi_offset r7, 28
	.cfi_offset r8, 32
	.cfi_offset r9, 36
	.cfi_offset r10, 40
	.cfi_offset r11, 44
	.cfi_offset r12, 48
	.cfi_offset r13, S_SP
	.cfi_offset r14, S_LR
	.cfi_offset r15, S_PC
.endm

/*
 * The table VBAR points at: one instruction per exception. The offsets are
 * the architecture's; reset never comes through VBAR (QEMU starts us at
 * _start) and 0x14 is the Hyp trap, unused without virtualization.
 */
	.syntax unified
	.section .vectors, "ax"
	.arm
	.align	5
	.global	vectors
vectors:
	b	vector_bad		@ 0x00 reset
	b	vector_und		@ 0x04 undefined instruction
	b	vector_svc		@ 0x08 supervisor call (svc #0: syscall)
	b	vector_pabt		@ 0x0c prefetch abort (instruction fetch)
	b	vector_dabt		@ 0x10 data abort (load/store)
	b	vector_bad		@ 0x14 not used
	b	vector_irq		@ 0x18 IRQ
	b	vector_fiq		@ 0x1c FIQ

	.text

/*
 * In the exception mode: park r0, the resume address (lr_<mode> minus
 * @correction) and SPSR in this mode's scratch, then switch to SVC mode
 * with r0 pointing at that scratch.
 */
.macro	enter_from_exception_mode correction
	sub	lr, lr, #\correction
	stmia	sp, {r0, lr}
	mrs	lr, spsr
	str	lr, [sp, #8]
	mov	r0, sp
	cps	#MODE_SVC
.endm

/*
 * In SVC mode, r0 -> {r0, pc, cpsr} of the interrupted context, all other
 * registers still the interrupted ones: build the pt_regs frame and leave
 * sp pointing at it.
 */
.macro	build_frame
	sub	sp, sp, #S_FRAME_SIZE
	tst	sp, #4
	subne	sp, sp, #4		@ 8-byte align the frame
	stmib	sp, {r1-r12}
	ldmia	r0, {r4-r6}		@ interrupted r0, pc, cpsr
	add	r7, sp, #S_FRAME_SIZE
	addne	r7, r7, #4		@ r7 = sp before the frame
	str	r4, [sp, #S_R0]
	str	r4, [sp, #S_OLD_R0]
	add	r8, sp, #S_PC
	stmia	r8, {r5, r6}		@ pc, cpsr
	and	r8, r6, #MODE_MASK
	cmp	r8, #MODE_USR
	addeq	r8, sp, #S_SP
	stmiaeq	r8, {sp, lr}^		@ from user: the user's sp and lr
	strne	r7, [sp, #S_SP]		@ from the kernel: SVC sp and lr
	strne	lr, [sp, #S_LR]
.endm

/* One vector: save the context, call @handler(regs), return through it. */
.macro	vector name, correction, handler
\name:
	.cfi_startproc
	.cfi_signal_frame
	.cfi_return_column r15
	enter_from_exception_mode \correction
	build_frame
	frame_cfi
	mov	r0, sp
	bl	\handler
	b	ret_from_exception
	.cfi_endproc
.endm

	/*
	 * The corrections make pc the instruction to resume: the faulting
	 * one for aborts, the interrupted one for IRQ. For an undefined
	 * instruction pc stays the next one (lr_und is 4 or 2 bytes past it,
	 * ARM or Thumb): do_undefined() works out which.
	 */
	vector	vector_dabt, 8, do_data_abort
	vector	vector_pabt, 4, do_prefetch_abort
	vector	vector_irq, 4, do_irq
	vector	vector_und, 0, do_undefined
	vector	vector_fiq, 4, do_bad_exception
	vector	vector_bad, 4, do_bad_exception

/*
 * svc #0 from user mode: a system call. We are already in SVC mode, on the
 * task's empty kernel stack; lr_svc is the instruction after the svc and
 * SPSR the user's CPSR. The number is in r7, arguments in r0-r5, and the
 * result goes back in the frame's r0.
 */
vector_svc:
	.cfi_startproc
	.cfi_signal_frame
	.cfi_return_column r15
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0-r12}
	add	r8, sp, #S_SP
	stmia	r8, {sp, lr}^		@ the user's banked sp and lr
	mrs	r8, spsr
	str	lr, [sp, #S_PC]
	str	r8, [sp, #S_PSR]
	str	r0, [sp, #S_OLD_R0]
	frame_cfi
	mov	r0, sp
	bl	do_svc
	b	ret_from_exception
	.cfi_endproc

/*
 * Leave the kernel through the frame at sp: to user mode, or back into
 * the kernel code that was interrupted.
 */
	.global	ret_from_exception
ret_from_exception:
	ldr	r1, [sp, #S_PSR]
	and	r2, r1, #MODE_MASK
	cmp	r2, #MODE_USR
	beq	ret_to_user
	msr	spsr_cxsf, r1
	ldmia	sp, {r0-pc}^		@ also restores sp and CPSR

	.global	ret_to_user
ret_to_user:
	mov	r0, sp
	bl	exit_to_user_mode	@ the last word before user mode (C)
	ldr	r1, [sp, #S_PSR]
	ldr	lr, [sp, #S_PC]
	msr	spsr_cxsf, r1
	ldmia	sp, {r0-lr}^		@ r0-r12, the user's sp and lr
	add	sp, sp, #S_FRAME_SIZE
	movs	pc, lr			@ pc = lr, CPSR = SPSR: user mode
