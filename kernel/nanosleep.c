/*
 * kernel/nanosleep.c - nanosleep (162), clock_nanosleep (265) and
 * clock_nanosleep_time64 (407): sleep for a while, or until a time.
 *
 * A sleeper waits on a channel the timer tick wakes while anyone sleeps
 * there, and looks at the clock each time: so a sleep ends at the first
 * tick (HZ) after its time, never before, as POSIX asks. Nothing here
 * interrupts a sleep (topdown delivers no signals to handlers), so the
 * time remaining is never written back: Linux writes it only after EINTR.
 */
#include "kernel/errno.h"
#include "kernel/nanosleep.h"
#include "kernel/sched.h"
#include "kernel/syscall.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"

#define NSEC_PER_SEC 1000000000ULL
#define TIMER_ABSTIME 1

/*
 * Linux's clock ids: which ones a sleep may use. All those that count
 * from boot are one clock here (no RTC, no suspend): REALTIME, MONOTONIC,
 * BOOTTIME, their alarm forms, TAI. The thread's CPU clock, MONOTONIC_RAW
 * and the coarse clocks cannot be slept on (EOPNOTSUPP, as Linux). Linux
 * lets a process sleep on its own CPU clock (2), which for one sleeping
 * thread never advances: refused here (EINVAL), as any other id.
 */
static int sleep_clock_ok(unsigned long clock)
{
	switch (clock) {
	case 0: case 1: case 7: case 8: case 9: case 11:
		return 0;
	case 3: case 4: case 5: case 6:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

static char tick_chan;
static unsigned int sleepers;

void nanosleep_tick(void)
{
	if (sleepers)
		wake_up(&tick_chan);
}

/* Sleep until the clock reads @deadline_ns. */
static void sleep_until(uint64_t deadline_ns)
{
	sleepers++;
	while (clock_monotonic_ns() < deadline_ns)
		sleep_on(&tick_chan);
	sleepers--;
}

/*
 * A timespec of the caller's: 32-bit words (@wide false) or Linux's
 * __kernel_timespec of two 64-bit ones, in nanoseconds. -EFAULT, or
 * -EINVAL for a negative time or nanoseconds not below a second.
 */
static int get_timespec_ns(unsigned long uts, bool wide, uint64_t *ns)
{
	int64_t sec, nsec;

	if (wide) {
		int64_t ts[2];

		if (copy_from_user(ts, (const void *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts[0];
		nsec = (int32_t)ts[1];	/* a 32-bit task's: the low word */
	} else {
		int32_t ts[2];

		if (copy_from_user(ts, (const void *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts[0];
		nsec = ts[1];
	}
	if (sec < 0 || nsec < 0 || (uint64_t)nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = (uint64_t)sec * NSEC_PER_SEC + (uint64_t)nsec;
	return 0;
}

static long do_clock_nanosleep(unsigned long clock, unsigned long flags,
			       unsigned long req, bool wide)
{
	uint64_t ns, now;
	int err;

	err = sleep_clock_ok(clock);
	if (err)
		return err;
	err = get_timespec_ns(req, wide, &ns);
	if (err)
		return err;
	now = clock_monotonic_ns();
	sleep_until(flags & TIMER_ABSTIME ? ns : now + ns);
	return 0;
}

long sys_nanosleep(unsigned long req, unsigned long rem)
{
	(void)rem;
	return do_clock_nanosleep(1 /* CLOCK_MONOTONIC */, 0, req, false);
}

long sys_clock_nanosleep(unsigned long clock, unsigned long flags,
			 unsigned long req, unsigned long rem)
{
	(void)rem;
	return do_clock_nanosleep(clock, flags, req, false);
}

long sys_clock_nanosleep_time64(unsigned long clock, unsigned long flags,
				unsigned long req, unsigned long rem)
{
	(void)rem;
	return do_clock_nanosleep(clock, flags, req, true);
}
