/*
 * mm/armv7/copy_page.S - void copy_page(void *to, const void *from): copy
 * one 4 KiB page (see mm/mmu.h).
 *
 * ldmia/stmia of eight registers: 32 bytes, a whole Cortex-A9 cache line,
 * per load and per store, so a page is 128 of each: about 400
 * instructions, where a word at a time takes over 4,000.
 */
	.syntax	unified
	.text
	.arm

	.global	copy_page
	.type	copy_page, %function
copy_page:
	push	{r4-r10, lr}
	add	lr, r1, #4096		@ the end of the source
1:	ldmia	r1!, {r3-r10}
	stmia	r0!, {r3-r10}
	cmp	r1, lr
	bne	1b
	pop	{r4-r10, pc}
	.size	copy_page, . - copy_page
