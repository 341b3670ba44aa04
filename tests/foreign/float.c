/*
 * tests/foreign/float.c - floating point as a C program uses it: printf
 * and strtod of doubles, libm, and two processes summing series at the
 * same time, preempted against each other. Built for armhf, every
 * operation is a VFP instruction, with the values in d0-d31 across the
 * switches: a register the kernel did not keep shows as a wrong sum.
 * (Built for armel, the same program does it all in software.)
 *
 * The parent sums 1/i^2 (to pi^2/6 - 1/N + 1/(2N^2)), the child 1/i^4
 * (to pi^4/90); each counts, in a shared page, the times the other ran
 * while it was summing, and goes on until that is at least 5.
 */
#include <math.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include "check.h"

#define NEED 5			/* times each must see the other run */
#define MIN_TERMS 200000
#define MAX_TERMS 5000000	/* a bound: rounding stays below 1e-8 */

static volatile unsigned long *count;	/* [2] in a MAP_SHARED page */

/* Sum f(i) from i = 1 while the other has run fewer than NEED times. */
static double series(int me, double (*f)(double), unsigned long *n,
		     unsigned long *seen)
{
	unsigned long last = count[1 - me], i = 0;
	double sum = 0;

	*seen = 0;
	while (i < MIN_TERMS || (*seen < NEED && i < MAX_TERMS)) {
		for (unsigned long end = i + 1000; i < end;) {
			double x = (double)++i;

			sum += f(x);
		}
		count[me]++;
		if (count[1 - me] != last) {
			last = count[1 - me];
			(*seen)++;
		}
	}
	*n = i;
	return sum;
}

static double inv_square(double x)
{
	return 1 / (x * x);
}

static double inv_fourth(double x)
{
	return 1 / (x * x * x * x);
}

/* Keep counting until the other one has finished too (at most 10 s). */
static void linger(int me, volatile int *done)
{
	time_t t0 = time(NULL);

	done[me] = 1;
	while (!done[1 - me] && time(NULL) - t0 < 10)
		count[me]++;
}

int main(void)
{
	char buf[64];
	double third = 1.0 / 3, s;
	unsigned long n, seen;
	volatile int *done;
	int status;
	pid_t pid;

	check_begin("float");

	check_case("printf_and_strtod");
	snprintf(buf, sizeof(buf), "%.6f %.3e %g", third, 12345.678, 0.5);
	CHECK(strcmp(buf, "0.333333 1.235e+04 0.5") == 0);
	CHECK(strtod("2.5e-3", NULL) == 0.0025);
	CHECK(atof("-7.25") == -7.25);

	check_case("libm");
	CHECK(sqrt(2.0) * sqrt(2.0) > 1.9999999999 &&
	      sqrt(2.0) * sqrt(2.0) < 2.0000000001);
	CHECK(fabs(sin(M_PI / 6) - 0.5) < 1e-12);
	CHECK(fabs(exp(log(10.0)) - 10.0) < 1e-12);
	CHECK(floor(-2.5) == -3.0 && ceil(-2.5) == -2.0);
	CHECK(isnan(sqrt(-1.0)) && isinf(1.0 / 0.0 * 1e300));

	check_case("two_processes_preempted");
	count = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(count != MAP_FAILED);
	if (count == MAP_FAILED)
		return check_end();
	done = (volatile int *)(count + 2);
	pid = fork();
	if (pid == 0) {
		s = series(1, inv_fourth, &n, &seen);
		linger(1, done);
		/* the tail past N is below 1/(3 N^3): nothing at 1e-8 */
		_exit(seen >= NEED && fabs(s - pow(M_PI, 4) / 90) < 1e-8 ? 0 : 1);
	}
	s = series(0, inv_square, &n, &seen);
	linger(0, done);
	check_diag("parent: %lu terms, the child ran %lu times in between", n,
		   seen);
	CHECK(seen >= NEED);
	CHECK(fabs(s + 1.0 / n - 1.0 / (2.0 * n * n) - M_PI * M_PI / 6) < 1e-8);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return check_end();
}
