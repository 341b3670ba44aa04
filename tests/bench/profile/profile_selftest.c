/*
 * tests/bench/profile/profile_selftest.c - the program selftest.py profiles:
 * functions whose instruction counts are known by construction, in ARM
 * and in Thumb state, called from Thumb (main) by BL and BLX.
 *
 *   phase loop      count_loop (ARM): 1 + 2 * 100 + 1 = 202 instructions
 *   phase nested    outer (Thumb): push, bl inner, bl inner, pop = 4;
 *                   inner (Thumb): 1 + 2 * 10 + 1 = 22, twice
 *   phase syscall   getpid_arm (ARM): push, mov, svc, pop = 4, plus the
 *                   kernel's getpid, reached through the SVC vector
 *
 * The counts the plugin gives for these functions must be exactly these
 * (a timer interrupt may add kernel instructions to any phase: the checks
 * allow for what the kernel did, never for a user instruction more).
 */
#include "profile.h"

void count_loop(void);
void outer(void);
void inner(void);
long getpid_arm(void);

__asm__(
	"	.syntax unified\n"
	"	.text\n"
	"	.arm\n"
	"	.align 2\n"
	"	.global count_loop\n"
	"	.type count_loop, %function\n"
	"count_loop:\n"
	"	mov r0, #100\n"
	"1:	subs r0, r0, #1\n"
	"	bne 1b\n"
	"	bx lr\n"
	"	.size count_loop, . - count_loop\n"
	"	.global getpid_arm\n"
	"	.type getpid_arm, %function\n"
	"getpid_arm:\n"
	"	push {r7, lr}\n"
	"	mov r7, #20\n"			/* __NR_getpid */
	"	svc #0\n"
	"	pop {r7, pc}\n"
	"	.size getpid_arm, . - getpid_arm\n"
	"	.thumb\n"
	"	.align 2\n"
	"	.global outer\n"
	"	.type outer, %function\n"
	"	.thumb_func\n"
	"outer:\n"
	"	push {r4, lr}\n"
	"	bl inner\n"
	"	bl inner\n"
	"	pop {r4, pc}\n"
	"	.size outer, . - outer\n"
	"	.global inner\n"
	"	.type inner, %function\n"
	"	.thumb_func\n"
	"inner:\n"
	"	movs r0, #10\n"
	"1:	subs r0, r0, #1\n"
	"	bne 1b\n"
	"	bx lr\n"
	"	.size inner, . - inner\n");

int main(void)
{
	profile_begin("loop", 1);
	count_loop();
	profile_end();

	profile_begin("nested", 1);
	outer();
	profile_end();

	profile_begin("syscall", 1);
	getpid_arm();
	profile_end();
	return 0;
}
