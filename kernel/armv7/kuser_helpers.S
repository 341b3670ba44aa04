/*
 * kernel/armv7/kuser_helpers.S - the page ARM Linux maps at 0xffff0000 in
 * every task ("[vectors]" in /proc/PID/maps), whose top holds the "kernel
 * user helpers": short routines at fixed addresses that a C library built
 * for any ARM calls instead of instructions its CPU may lack. The
 * addresses, the calling conventions and the version word are ARM Linux's
 * ABI; topdown implements them for ARMv7 (one core):
 *
 *   0xffff0f60  __kuser_cmpxchg64(const u64 *old, const u64 *new,
 *                                 volatile u64 *ptr): 0 (and C set) when
 *               *ptr was *old and is now *new, else nonzero (C clear)
 *   0xffff0fa0  __kuser_memory_barrier(): a full barrier (dmb)
 *   0xffff0fc0  __kuser_cmpxchg(u32 old, u32 new, volatile u32 *ptr):
 *               0 (C set) when *ptr was old and is now new, else nonzero
 *   0xffff0fe0  __kuser_get_tls(): the thread pointer (set_tls, TPIDRURO)
 *   0xffff0ffc  __kuser_helper_version: how many 32-byte slots there are
 *               below 0x1000 (5)
 *
 * Each helper may use r0-r3, ip and the flags, returns with bx lr, and
 * fits its 32-byte slot (8 instructions; cmpxchg64 has two slots). One
 * core: an exclusive load/store pair is all the compare-and-swaps need
 * (Linux's uniprocessor build has no barrier in them either); the barrier
 * helper is a real dmb. The rest of the page is undefined instructions: a
 * jump there is a SIGILL, not a slide into a helper. mm/armv7/mmu_init.c
 * maps the page, user read and execute, into the kernel half every task
 * shares. (.fill pads each slot, .org checks: the assembler stops if a
 * helper outgrows its slot.)
 */
	.syntax	unified
	.arm
	.section .rodata.kuser, "a"
	.balign	4096

	.global	kuser_page
kuser_page:
	.fill	0xf60 / 4, 4, 0xe7fddef1	@ undefined instructions

kuser_cmpxchg64:			@ 0xffff0f60
	push	{r4-r7}
	ldrd	r4, r5, [r0]		@ the old value
	ldrd	r6, r7, [r1]		@ the new one
1:	ldrexd	r0, r1, [r2]
	eors	r3, r0, r4		@ equal to old? (Z set if both halves)
	eorseq	r3, r1, r5
	strexdeq r3, r6, r7, [r2]	@ then try to store new: r3 = 0 if done
	teqeq	r3, #1			@ lost the reservation: again
	beq	1b
	rsbs	r0, r3, #0		@ 0 and C set if stored, else nonzero
	pop	{r4-r7}
	bx	lr

	.fill	(kuser_page + 0xfa0 - .) / 4, 4, 0xe7fddef1
	.org	kuser_page + 0xfa0
kuser_memory_barrier:			@ 0xffff0fa0
	dmb
	bx	lr

	.fill	(kuser_page + 0xfc0 - .) / 4, 4, 0xe7fddef1
	.org	kuser_page + 0xfc0
kuser_cmpxchg:				@ 0xffff0fc0
1:	ldrex	r3, [r2]
	subs	r3, r3, r0		@ 0 if *ptr == old
	strexeq	r3, r1, [r2]		@ then store new: r3 = 0 if done
	teqeq	r3, #1			@ lost the reservation: again
	beq	1b
	rsbs	r0, r3, #0		@ 0 and C set if stored, else nonzero
	bx	lr

	.fill	(kuser_page + 0xfe0 - .) / 4, 4, 0xe7fddef1
	.org	kuser_page + 0xfe0
kuser_get_tls:				@ 0xffff0fe0
	mrc	p15, 0, r0, c13, c0, 3	@ TPIDRURO
	bx	lr

	.fill	(kuser_page + 0xffc - .) / 4, 4, 0xe7fddef1
	.org	kuser_page + 0xffc
kuser_helper_version:			@ 0xffff0ffc
	.word	(0x1000 - 0xf60) / 32
	.size	kuser_page, . - kuser_page
