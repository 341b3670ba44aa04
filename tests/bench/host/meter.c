/*
 * tests/bench/host/meter.c - best-of-N timing of batches with
 * CLOCK_MONOTONIC. See meter.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include "tests/bench/host/meter.h"

#define DEFAULT_RUNS 5
/* A run times at least this much, so the clock's own cost is noise... */
#define MIN_RUN_NS 5000000ULL
/*
 * ...unless its batches, with their untimed prepare and undo, would take
 * longer than this: erasing 1000 VMAs from a list is quick, inserting
 * them first is not.
 */
#define MAX_RUN_WALL_NS 100000000ULL

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* See meter.h. */
int meter_runs(void)
{
	const char *env = getenv("BENCH_RUNS");

	if (env && atoi(env) > 0)
		return atoi(env);
	return DEFAULT_RUNS;
}

/*
 * @reps batches, each between @prepare and @undo; in *@wall (if not NULL)
 * the time of the whole run.
 * Returns: the timed ns.
 */
static uint64_t one_run(meter_fn prepare, meter_fn timed, meter_fn undo,
			void *arg, unsigned long reps, uint64_t *wall)
{
	uint64_t total = 0, t0, start = now_ns();
	unsigned long i;

	for (i = 0; i < reps; i++) {
		if (prepare)
			prepare(arg);
		t0 = now_ns();
		timed(arg);
		total += now_ns() - t0;
		if (undo)
			undo(arg);
	}
	if (wall)
		*wall = now_ns() - start;
	return total;
}

/*
 * See meter.h. The first run (one batch, also a warm-up of the caches)
 * only sizes the others: enough batches to time MIN_RUN_NS, as long as
 * that stays within MAX_RUN_WALL_NS.
 */
double meter_ns_per_op(meter_fn prepare, meter_fn timed, meter_fn undo,
		       void *arg, unsigned long ops)
{
	uint64_t t, wall, best = UINT64_MAX;
	unsigned long reps, max_reps;
	int run;

	t = one_run(prepare, timed, undo, arg, 1, &wall);
	reps = MIN_RUN_NS / (t + 1) + 1;
	max_reps = MAX_RUN_WALL_NS / (wall + 1) + 1;
	if (reps > max_reps)
		reps = max_reps;
	for (run = 0; run < meter_runs(); run++) {
		t = one_run(prepare, timed, undo, arg, reps, NULL);
		if (t < best)
			best = t;
	}
	return (double)best / ((double)reps * (double)ops);
}
