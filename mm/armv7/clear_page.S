/*
 * mm/armv7/clear_page.S - void clear_page(void *addr): zero one 4 KiB
 * page (see mm/mmu.h).
 *
 * Eight zeroed registers and stmia: each store writes 32 bytes, a whole
 * cache line of the Cortex-A9, so a page is 128 stores. The loop does two
 * a round: 64 rounds of 4 instructions, about 270 in all, where a word at
 * a time takes over 3,000.
 */
	.syntax	unified
	.text
	.arm

	.global	clear_page
	.type	clear_page, %function
clear_page:
	push	{r4-r7, lr}
	mov	r1, #0
	mov	r2, #0
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	ip, #0
	add	lr, r0, #4096		@ the end: PAGE_SIZE further
1:	stmia	r0!, {r1-r7, ip}
	stmia	r0!, {r1-r7, ip}
	cmp	r0, lr
	bne	1b
	pop	{r4-r7, pc}
	.size	clear_page, . - clear_page
