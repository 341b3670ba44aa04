/*
 * tests/bench/host/meter.h - how the host benchmark times a batch of
 * operations.
 *
 * A figure is the time of one operation, in nanoseconds, measured with
 * CLOCK_MONOTONIC around a whole batch (a clock read costs tens of ns, as
 * much as one tree lookup, so single operations are never timed). The
 * batch is repeated until a run lasts a few milliseconds, and the run is
 * repeated meter_runs() times; the fastest run counts, since everything
 * else on a shared machine only ever adds time.
 *
 * Operations that change the structure come in pairs that undo each
 * other (insert a batch, erase it), so that every run starts from the same
 * state: @prepare and @undo run around the timed batch, untimed.
 */
#ifndef TESTS_BENCH_METER_H
#define TESTS_BENCH_METER_H

/* One batch of operations on @arg; returns nothing, times nothing. */
typedef void (*meter_fn)(void *arg);

/*
 * How many runs each figure takes the best of: 5, or BENCH_RUNS=N from
 * the environment (1 for a quick look).
 */
int meter_runs(void);

/*
 * meter_ns_per_op - time @timed(@arg), which does @ops operations, with
 * @prepare(@arg) before it and @undo(@arg) after it each time (either may
 * be NULL; neither is timed).
 * Returns: the best run's time divided by the operations it did, in ns.
 */
double meter_ns_per_op(meter_fn prepare, meter_fn timed, meter_fn undo,
		       void *arg, unsigned long ops);

#endif /* TESTS_BENCH_METER_H */
