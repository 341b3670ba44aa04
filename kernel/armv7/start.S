/*
 * kernel/armv7/start.S - from QEMU's jump to start_kernel().
 *
 * QEMU enters _start at its physical address (0x60010000) in Secure SVC
 * mode, with IRQ/FIQ/asynchronous aborts masked, MMU and caches off,
 * VBAR = 0 (which is flash on this board, not RAM) and no stacks. The
 * kernel is linked at its virtual address PAGE_OFFSET + 64 KiB, so until
 * the MMU is on this code may only use PC-relative addressing, and turns
 * every symbol's address into a physical one by subtracting PV_OFFSET.
 *
 *  1. park secondary cores (with -smp N every core starts here)
 *  2. VBAR -> a physical early-trap table: a fault now ends QEMU with a
 *     message instead of jumping into flash
 *  3. invalidate the TLBs, the branch predictor, the I-cache and the L1
 *     D-cache (the Cortex-A9 does not invalidate its caches at reset)
 *  4. clear .bss
 *  5. build swapper_pg_dir with 1 MiB sections: an identity map of the
 *     section we run in (so the instruction after "MMU on" can be fetched),
 *     the kernel image at PAGE_OFFSET, and the two device windows
 *  6. TTBCR = 0, TTBR0 = swapper_pg_dir, domain 0 = client, ASID 0; MMU,
 *     caches and branch prediction on; jump to the virtual address
 *  7. small stacks for the exception modes, the boot task's SVC stack,
 *     VBAR -> the real vectors, start_kernel()
 *
 * kernel/main.c then maps the rest of RAM and removes the identity map.
 */
#include "kernel/armv7/board.h"
#include "kernel/armv7/pt_regs.h"
#include "mm/armv7/pgtable-hwdef.h"

#define PAGE_OFFSET 0xC0000000
#define PV_OFFSET (PAGE_OFFSET - PHYS_OFFSET)

#define SEMIHOST_SYS_WRITE0 0x04
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20

	.syntax unified
	.section .head.text, "ax"
	.arm
	.global _start
_start:
	cpsid	aif
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	ands	r0, r0, #3			@ Aff0: which core
	bne	park

	adr	r0, early_vectors		@ physical: PC-relative
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	bl	invalidate_caches_and_tlb

	/* 4. clear .bss (at its physical address) */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	sub	r0, r0, #PV_OFFSET
	sub	r1, r1, #PV_OFFSET
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/* 5. swapper_pg_dir: r4 = its physical address, zero it */
	ldr	r4, =swapper_pg_dir
	sub	r4, r4, #PV_OFFSET
	mov	r0, r4
	add	r1, r4, #PGD_SIZE
1:	str	r2, [r0], #4
	cmp	r0, r1
	blo	1b

	ldr	r3, =SECT_KERNEL_MEM

	/* identity map of the MiB holding this code */
	adr	r0, _start
	lsr	r0, r0, #SECTION_SHIFT
	orr	r1, r3, r0, lsl #SECTION_SHIFT
	str	r1, [r4, r0, lsl #2]

	/* the image: PAGE_OFFSET + i MiB -> PHYS_OFFSET + i MiB, to _end */
	ldr	r5, =_end
	sub	r5, r5, #PAGE_OFFSET
	add	r5, r5, #SECTION_SIZE
	sub	r5, r5, #1
	lsr	r5, r5, #SECTION_SHIFT		@ r5 = MiB to map, rounded up
	add	r0, r4, #(PAGE_OFFSET >> SECTION_SHIFT) * 4
	ldr	r1, =PHYS_OFFSET
	orr	r1, r1, r3
1:	str	r1, [r0], #4
	add	r1, r1, #SECTION_SIZE
	subs	r5, r5, #1
	bne	1b

	/* the device windows (see kernel/armv7/board.h) */
	ldr	r3, =SECT_KERNEL_DEV
	ldr	r1, =V2M_PERIPH_PHYS
	orr	r1, r1, r3
	ldr	r0, =(V2M_PERIPH_VIRT >> SECTION_SHIFT) * 4
	str	r1, [r4, r0]
	ldr	r1, =A9_PERIPH_PHYS
	orr	r1, r1, r3
	ldr	r0, =(A9_PERIPH_VIRT >> SECTION_SHIFT) * 4
	str	r1, [r4, r0]

	/* 6. translation registers, then the MMU */
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR: N = 0, TTBR0 for all
	mcr	p15, 0, r0, c13, c0, 1		@ CONTEXTIDR: ASID 0 (kernel)
	orr	r0, r4, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	mov	r0, #DACR_CLIENT_D0
	mcr	p15, 0, r0, c3, c0, 0		@ DACR
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	dsb
	isb

	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	bic	r0, r0, #(1 << 1)		@ A: no alignment faults
	bic	r0, r0, #(1 << 13)		@ V: low vectors (VBAR)
	bic	r0, r0, #(3 << 28)		@ TRE, AFE: plain TEX/C/B and AP
	orr	r0, r0, #(1 << 0)		@ M: MMU on
	orr	r0, r0, #(1 << 2)		@ C: data cache
	orr	r0, r0, #(1 << 11)		@ Z: branch prediction
	orr	r0, r0, #(1 << 12)		@ I: instruction cache
	ldr	lr, =start_virtual		@ a virtual address
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bx	lr

	/* 7. from here on, virtual addresses */
start_virtual:
	cps	#MODE_IRQ
	ldr	sp, =irq_scratch + 12
	cps	#MODE_ABT
	ldr	sp, =abt_scratch + 12
	cps	#MODE_UND
	ldr	sp, =und_scratch + 12
	cps	#MODE_FIQ
	ldr	sp, =fiq_scratch + 12
	cps	#MODE_SVC
	ldr	sp, =init_stack + THREAD_SIZE

	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR: the real vector table
	isb

	mov	fp, #0				@ the end of every backtrace
	bl	start_kernel
	b	.

park:	wfi
	b	park

/*
 * Invalidate TLBs, branch predictor, I-cache, and the L1 data cache by
 * set/way, using the geometry in CCSIDR. Position independent; clobbers
 * r0-r3, r5-r9.
 */
invalidate_caches_and_tlb:
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR = level 1, data
	isb
	mrc	p15, 1, r0, c0, c0, 0		@ CCSIDR
	ubfx	r1, r0, #13, #15		@ number of sets - 1
	ubfx	r2, r0, #3, #10			@ number of ways - 1
	and	r3, r0, #7
	add	r3, r3, #4			@ set shift: log2(line bytes)
	clz	r5, r2				@ way shift: 32 - log2(ways)
	mov	r6, r2				@ way = ways - 1
1:	mov	r7, r1				@ set = sets - 1
2:	lsl	r8, r6, r5
	orr	r8, r8, r7, lsl r3		@ level 1 (bits [3:1] = 0)
	mcr	p15, 0, r8, c7, c6, 2		@ DCISW: invalidate by set/way
	subs	r7, r7, #1
	bge	2b
	subs	r6, r6, #1
	bge	1b
	dsb
	isb
	bx	lr

/*
 * Early traps: until VBAR points at the real vectors, any exception comes
 * here (physical addresses, maybe MMU off), prints which vector through
 * semihosting and stops QEMU with status 3: a boot failure, never a hang.
 */
	.align	5
early_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
	mov	r8, #\n
	b	early_trap
	.endr

early_trap:
	adr	r1, early_digit			@ write the vector number in
	add	r0, r8, #'0'
	strb	r0, [r1]
	adr	r1, early_msg
	mov	r0, #SEMIHOST_SYS_WRITE0
	svc	0x123456
	adr	r1, early_exit_block
	mov	r0, #SEMIHOST_SYS_EXIT_EXTENDED
	svc	0x123456
	b	.

	.align	2
early_exit_block:
	.word	0x20026				@ ADP_Stopped_ApplicationExit
	.word	3				@ status: boot failure
early_msg:
	.ascii	"\nboot: exception at vector "
early_digit:
	.asciz	"? before the kernel's vectors were set up\n"
	.align	2
	.ltorg

/* The boot task's kernel stack, and a few words for each exception mode. */
	.bss
	.align	13			@ THREAD_SIZE aligned
	.global init_stack
init_stack:
	.space	THREAD_SIZE
	.align	3
irq_scratch:	.space	12
abt_scratch:	.space	12
und_scratch:	.space	12
fiq_scratch:	.space	12
