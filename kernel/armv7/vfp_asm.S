/*
 * kernel/armv7/vfp_asm.S - the only kernel code that touches the VFP/NEON
 * registers: storing them to memory and loading them back (for
 * kernel/armv7/vfp.c). The rest of the kernel is built soft-float
 * (-mfloat-abi=soft) and never uses them, so while a task is in the
 * kernel its floating-point state stays in the registers, untouched.
 *
 * The memory layout (struct vfp_state in vfp.c):
 *
 *   +0    d0 .. d15      16 x 8 bytes
 *   +128  d16 .. d31     16 x 8 bytes (VFPv3-D32 / NEON only)
 *   +256  FPSCR          4 bytes
 *
 * vfp_save_state(state, d32)  stores them (d16-d31 only if d32 != 0)
 * vfp_load_state(state, d32)  loads them
 */
	.syntax	unified
	.arm
	.fpu	neon
	.text

	.global	vfp_save_state
vfp_save_state:
	vstmia	r0, {d0-d15}
	cmp	r1, #0
	addne	r2, r0, #128
	vstmiane r2, {d16-d31}
	vmrs	r2, fpscr
	str	r2, [r0, #256]
	bx	lr

	.global	vfp_load_state
vfp_load_state:
	vldmia	r0, {d0-d15}
	cmp	r1, #0
	addne	r2, r0, #128
	vldmiane r2, {d16-d31}
	ldr	r2, [r0, #256]
	vmsr	fpscr, r2
	bx	lr

/*
 * vfp_enable() -> FPSID: give cp10 and cp11 (VFP and Advanced SIMD) full
 * access at PL0 and PL1 in CPACR, then turn the unit on (FPEXC.EN).
 * vfp_id(which) reads MVFR0 (0) or MVFR1 (1), which say how many
 * registers there are and what they can do.
 */
	.global	vfp_enable
vfp_enable:
	mrc	p15, 0, r0, c1, c0, 2		@ CPACR
	orr	r0, r0, #(0xf << 20)		@ cp10, cp11: full access
	mcr	p15, 0, r0, c1, c0, 2
	isb					@ before any VFP instruction
	mov	r0, #(1 << 30)			@ FPEXC.EN
	vmsr	fpexc, r0
	vmrs	r0, fpsid
	bx	lr

	.global	vfp_id
vfp_id:
	cmp	r0, #0
	vmrseq	r0, mvfr0
	vmrsne	r0, mvfr1
	bx	lr
