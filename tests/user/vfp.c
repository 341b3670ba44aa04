/*
 * tests/user/vfp.c - floating point in user tasks: the VFP/NEON unit is
 * on, each task has its own d0-d31 and FPSCR (kept across preemption),
 * fork copies them, exec clears them, and AT_HWCAP says what there is.
 *
 * Built with hardware floating point (-mfpu=neon -mfloat-abi=softfp: VFP
 * instructions, the soft-float calling convention, so it links with the
 * same newlib runtime; the Makefile's VFP_PROGS). Without the unit on,
 * its first VFP instruction is SIGILL; without the registers saved per
 * task, the two tasks of the preemption cases see each other's values.
 *
 * hwcap                 AT_HWCAP has VFP, VFPv3, NEON and VFPD32, and
 *                       is exactly what Linux 6.1 gives on this CPU
 * registers_kept_apart  two tasks hold all 32 d registers and FPSCR
 *                       (different values in each) while they spin and
 *                       the timer switches between them (each counts the
 *                       times the other ran in between: at least 5)
 * series_in_two_tasks   each task sums a series with VFP instructions,
 *                       preempted against the other: sum 1/i^2 to
 *                       pi^2/6 - 1/N and sum 1/i^4 to pi^4/90
 * fork_copies           the child starts with the parent's registers
 * exec_starts_at_zero   a new program starts with every register 0
 *
 *	vfp [exec-check]   (exec-check: the exec'd copy, which exits 0 if
 *	                    all its registers and FPSCR are 0)
 */
#include <string.h>
#include "auxv.h"
#include "kernel/errno.h"
#include "sys/mman.h"
#include "syscall.h"
#include "utest.h"

/* Linux's AT_HWCAP bits (arch/arm/include/uapi/asm/hwcap.h) */
#define HWCAP_VFP (1 << 6)
#define HWCAP_NEON (1 << 12)
#define HWCAP_VFPv3 (1 << 13)
#define HWCAP_VFPv3D16 (1 << 14)
#define HWCAP_VFPD32 (1 << 19)

/*
 * What Linux 6.1 (Debian's armmp) puts in AT_HWCAP on QEMU's Cortex-A9,
 * seen with make check-linux: half thumb fastmult vfp edsp thumbee neon
 * vfpv3 tls vfpd32 (no swp: ARMv7 with the multiprocessing extensions
 * leaves SWP undefined).
 */
#define LINUX_A9_HWCAP 0x0008b8d6

#define NREGS 32

/*
 * The registers, in ARM state (this file is otherwise Thumb), so that
 * nothing the compiler makes runs between loading and storing them:
 *
 * vfp_load_all(regs, fpscr)     d0-d31 from regs[0..31], FPSCR
 * vfp_store_all(regs) -> fpscr  d0-d31 to regs[0..31]
 * hold_regs(in, fpscr, out, mine, other, need, max) -> seen
 *	loads d0-d31 and FPSCR from in/fpscr, then spins: each turn adds
 *	1 to *mine and looks at *other (the other task's count); a
 *	change there means the other task ran since our last
 *	look, so we were switched away and back. Stops once it has seen
 *	@need changes (or after @max turns), stores d0-d31 to out[0..31]
 *	and FPSCR to out[32], and returns the changes seen.
 * fork_regs(in, fpscr, out) -> fork()'s result
 *	loads the registers, forks (svc, r7 = 2), stores them in out[] as
 *	hold_regs does, in the parent and in the child.
 */
__asm__(
	"	.pushsection .text.vfp_asm, \"ax\", %progbits\n"
	"	.syntax unified\n"
	"	.arm\n"
	"	.fpu neon\n"
	"	.global vfp_load_all\n"
	"	.type vfp_load_all, %function\n"
	"vfp_load_all:\n"
	"	vldmia r0!, {d0-d15}\n"
	"	vldmia r0, {d16-d31}\n"
	"	vmsr fpscr, r1\n"
	"	bx lr\n"
	"	.global vfp_store_all\n"
	"	.type vfp_store_all, %function\n"
	"vfp_store_all:\n"
	"	vstmia r0!, {d0-d15}\n"
	"	vstmia r0, {d16-d31}\n"
	"	vmrs r0, fpscr\n"
	"	bx lr\n"
	"	.global hold_regs\n"
	"	.type hold_regs, %function\n"
	"hold_regs:\n"
	"	push {r4-r11, lr}\n"
	"	ldr r4, [sp, #36]\n"		/* other */
	"	ldr r5, [sp, #40]\n"		/* need */
	"	ldr r11, [sp, #44]\n"		/* max */
	"	vldmia r0!, {d0-d15}\n"
	"	vldmia r0, {d16-d31}\n"
	"	vmsr fpscr, r1\n"
	"	mov r6, #0\n"			/* changes seen */
	"	ldr r7, [r4]\n"			/* the other's count, last look */
	"	mov r8, #0\n"			/* turns */
	"1:	ldr r9, [r3]\n"
	"	add r9, r9, #1\n"
	"	str r9, [r3]\n"
	"	ldr r10, [r4]\n"
	"	cmp r10, r7\n"
	"	addne r6, r6, #1\n"
	"	movne r7, r10\n"
	"	add r8, r8, #1\n"
	"	cmp r6, r5\n"
	"	bhs 2f\n"
	"	cmp r8, r11\n"
	"	blo 1b\n"
	"2:	vstmia r2!, {d0-d15}\n"
	"	vstmia r2!, {d16-d31}\n"
	"	vmrs r9, fpscr\n"
	"	str r9, [r2]\n"
	"	mov r0, r6\n"
	"	pop {r4-r11, pc}\n"
	"	.global fork_regs\n"
	"	.type fork_regs, %function\n"
	"fork_regs:\n"
	"	push {r4, r7, lr}\n"
	"	vldmia r0!, {d0-d15}\n"
	"	vldmia r0, {d16-d31}\n"
	"	vmsr fpscr, r1\n"
	"	mov r4, r2\n"
	"	mov r7, #2\n"			/* fork */
	"	svc #0\n"
	"	vstmia r4!, {d0-d15}\n"
	"	vstmia r4!, {d16-d31}\n"
	"	vmrs r1, fpscr\n"
	"	str r1, [r4]\n"
	"	pop {r4, r7, pc}\n"
	"	.popsection\n");

void vfp_load_all(const unsigned long long *regs, unsigned long fpscr);
unsigned long vfp_store_all(unsigned long long *regs);
unsigned long hold_regs(const unsigned long long *in, unsigned long fpscr,
			unsigned long long *out, volatile unsigned long *mine,
			volatile unsigned long *other, unsigned long need,
			unsigned long max);
long fork_regs(const unsigned long long *in, unsigned long fpscr,
	       unsigned long long *out);

/*
 * FPSCR values the two tasks set (fields that QEMU keeps as written):
 * the flags NZCV, DN (default NaN), FZ (flush to zero), RMode.
 */
#define FPSCR_PARENT 0xa1c00000	/* N, C; FZ; round towards zero */
#define FPSCR_CHILD 0x52400000	/* Z, V; DN; round towards +infinity */

#define NEED_SWITCHES 5		/* times each task must see the other run */
#define MAX_TURNS 200000000UL	/* a bound, should the other never run */

/* The MAP_SHARED page the two tasks see. */
static struct {
	volatile unsigned long count[2];	/* turns of parent, child */
	volatile int done[2];			/* finished its hold */
} *sh;

static const char *self;

/* Register @i's value for a task whose values come from @seed. */
static unsigned long long pattern(unsigned long seed, int i)
{
	unsigned long hi = seed ^ (0x9e3779b9UL * (unsigned long)(i + 1));

	return (unsigned long long)hi << 32 | (seed * 31 + (unsigned long)i);
}

static void fill(unsigned long long *regs, unsigned long seed)
{
	for (int i = 0; i < NREGS; i++)
		regs[i] = pattern(seed, i);
}

/* How many of out[0..31] differ from what @seed loaded; diagnoses them. */
static int wrong_regs(const unsigned long long *out, unsigned long seed,
		      const char *who)
{
	int wrong = 0;

	for (int i = 0; i < NREGS; i++) {
		if (out[i] == pattern(seed, i))
			continue;
		if (wrong++ < 4)
			utest_diag("%s: d%d is %08lx%08lx, loaded %08lx%08lx",
				   who, i, (unsigned long)(out[i] >> 32),
				   (unsigned long)out[i],
				   (unsigned long)(pattern(seed, i) >> 32),
				   (unsigned long)pattern(seed, i));
	}
	return wrong;
}

/* Spin until the other task has finished too (bounded: 10 s). */
static void wait_other(int me)
{
	struct linux_timespec t0, now;

	sys_clock_gettime(LINUX_CLOCK_MONOTONIC, &t0);
	while (!sh->done[1 - me]) {
		sh->count[me]++;
		sys_clock_gettime(LINUX_CLOCK_MONOTONIC, &now);
		if (now.tv_sec - t0.tv_sec > 10)
			break;
	}
}

static void test_hwcap(void)
{
	unsigned long hwcap = getauxval(AT_HWCAP);

	utest_diag("AT_HWCAP %#lx", hwcap);
	CHECK(hwcap & HWCAP_VFP);
	CHECK(hwcap & HWCAP_VFPv3);
	CHECK(hwcap & HWCAP_NEON);
	CHECK(hwcap & HWCAP_VFPD32);
	CHECK(!(hwcap & HWCAP_VFPv3D16));
	CHECK_EQ(hwcap, LINUX_A9_HWCAP);
}

/*
 * Task @me (0 parent, 1 child) holds its registers through NEED_SWITCHES
 * switches to the other. Returns the number of wrong registers (33 for
 * too few switches).
 */
static int hold(int me)
{
	static unsigned long long in[NREGS], out[NREGS + 1];
	unsigned long seed = me ? 0xc0ffee11UL : 0x5eed0077UL;
	unsigned long fpscr = me ? FPSCR_CHILD : FPSCR_PARENT;
	const char *who = me ? "child" : "parent";
	unsigned long seen;
	int wrong;

	fill(in, seed);
	seen = hold_regs(in, fpscr, out, &sh->count[me], &sh->count[1 - me],
			 NEED_SWITCHES, MAX_TURNS);
	sh->done[me] = 1;
	wrong = wrong_regs(out, seed, who);
	if ((unsigned long)out[NREGS] != fpscr) {
		utest_diag("%s: FPSCR is %08lx, set %08lx", who,
			   (unsigned long)out[NREGS], fpscr);
		wrong++;
	}
	if (seen < NEED_SWITCHES) {
		utest_diag("%s: the other task ran only %lu times in between",
			   who, seen);
		wrong = 33;
	}
	utest_diag("%s: the other task ran %lu times in between; %d wrong",
		   who, seen, wrong);
	wait_other(me);
	return wrong;
}

/* The parent and a child hold different registers, preempted. */
static void test_registers_kept_apart(void)
{
	long pid;
	int status;

	sh->count[0] = sh->count[1] = 0;
	sh->done[0] = sh->done[1] = 0;
	pid = utest_fork();
	if (pid == 0)
		sys_exit_group(hold(1) ? 1 : 0);
	CHECK_EQ(hold(0), 0);
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 0);
}

/*
 * Sum @f(i) for i = 1.. in blocks of 1000, counting in count[@me] and
 * watching count[1 - @me], until the other has run NEED_SWITCHES times
 * in between and at least 200000 terms are in. *@n gets the terms summed.
 */
static double series(int me, double (*f)(double), unsigned long *n)
{
	unsigned long last = sh->count[1 - me], seen = 0, i = 0;
	double sum = 0;

	while (i < 200000 || (seen < NEED_SWITCHES && i < 5000000)) {
		for (unsigned long end = i + 1000; i < end;) {
			double x = (double)++i;

			sum += f(x);
		}
		sh->count[me]++;
		if (sh->count[1 - me] != last) {
			last = sh->count[1 - me];
			seen++;
		}
	}
	*n = i;
	if (seen < NEED_SWITCHES)
		utest_diag("task %d: the other ran only %lu times", me, seen);
	return seen >= NEED_SWITCHES ? sum : -1;
}

static double inv_square(double x)
{
	return 1 / (x * x);
}

static double inv_fourth(double x)
{
	return 1 / (x * x * x * x);
}

/* |got - want| small: 1e-8 is above the rounding of 5 million terms. */
static bool close_to(double got, double want)
{
	double d = got - want;

	return d < 1e-8 && d > -1e-8;
}

#define PI 3.14159265358979323846

/* The parent sums 1/i^2 (to pi^2/6 - 1/N), the child 1/i^4 (pi^4/90). */
static void test_series_in_two_tasks(void)
{
	unsigned long n;
	long pid;
	int status;
	double s;

	sh->count[0] = sh->count[1] = 0;
	sh->done[0] = sh->done[1] = 0;
	pid = utest_fork();
	if (pid == 0) {
		s = series(1, inv_fourth, &n);
		sh->done[1] = 1;
		wait_other(1);
		/* the tail beyond N is below 1/(3 N^3): nothing here */
		sys_exit_group(close_to(s, PI * PI * PI * PI / 90) ? 0 : 1);
	}
	s = series(0, inv_square, &n);
	sh->done[0] = 1;
	wait_other(0);
	/* the tail beyond N: 1/N - 1/(2 N^2) + ... */
	utest_diag("parent: %lu terms, sum 1/i^2 + 1/N - pi^2/6 = %ld e-12",
		   n, (long)((s + 1.0 / n - 1.0 / (2.0 * n * n) - PI * PI / 6) *
			     1e12));
	CHECK(close_to(s + 1.0 / n - 1.0 / (2.0 * n * n), PI * PI / 6));
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 0);
}

/* fork: the child's registers are the parent's at the moment of fork. */
static void test_fork_copies(void)
{
	static unsigned long long in[NREGS], out[NREGS + 1];
	long pid;
	int status;

	fill(in, 0xf0f0a5a5UL);
	pid = fork_regs(in, FPSCR_PARENT, out);
	if (pid == 0) {
		int wrong = wrong_regs(out, 0xf0f0a5a5UL, "child");

		if ((unsigned long)out[NREGS] != FPSCR_PARENT)
			wrong++;
		sys_exit_group(wrong ? 1 : 0);
	}
	CHECK(pid > 0);
	CHECK_EQ(wrong_regs(out, 0xf0f0a5a5UL, "parent"), 0);
	CHECK_EQ((unsigned long)out[NREGS], FPSCR_PARENT);
	CHECK_EQ(sys_wait4(pid, &status, 0), pid);
	CHECK_EQ(status, 0);
}

static void child_execs(unsigned long unused)
{
	static unsigned long long in[NREGS];
	char *argv[] = { (char *)self, "exec-check", NULL };
	char *envp[] = { NULL };

	(void)unused;
	fill(in, 0x12345678UL);
	vfp_load_all(in, FPSCR_CHILD);
	CHECK_EQ(sys_execve(self, argv, envp), 0);	/* only on failure */
}

/* exec: whatever the old program left, the new one starts at 0. */
static void test_exec_starts_at_zero(void)
{
	CHECK_EXITED(utest_in_child(child_execs, 0), 0);
}

/* The exec'd copy: 0 if d0-d31 and FPSCR are all 0 on entry to main. */
static int exec_check(void)
{
	static unsigned long long regs[NREGS];
	unsigned long fpscr = vfp_store_all(regs);
	int wrong = fpscr != 0;

	for (int i = 0; i < NREGS; i++)
		wrong += regs[i] != 0;
	return wrong ? 1 : 0;
}

int main(int argc, char **argv)
{
	long ret;

	if (argc > 1 && !strcmp(argv[1], "exec-check"))
		return exec_check();
	self = argv[0];
	utest_begin("vfp");
	ret = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_is_err(ret)) {
		utest_diag("mmap: %s", utest_errname(ret));
		return 1;
	}
	sh = (void *)ret;
	utest_run("hwcap", test_hwcap);
	utest_run("registers_kept_apart", test_registers_kept_apart);
	utest_run("series_in_two_tasks", test_series_in_two_tasks);
	utest_run("fork_copies", test_fork_copies);
	utest_run("exec_starts_at_zero", test_exec_starts_at_zero);
	return utest_end();
}
