/*
 * user/lib/profile.h - phases for `make profile` (README.md, "Profiling").
 *
 * Under the profiling plugin (tests/bench/profile/profile.c) a program
 * cuts its run into phases: between profile_begin() and profile_end()
 * the guest instructions are counted per kernel and user function. The
 * plugin sees only that the marker functions ran; the phase's name and
 * operation count go to the console, where the report reads them in the
 * same order. Without the plugin, a phase costs one line of output.
 */
#ifndef USER_LIB_PROFILE_H
#define USER_LIB_PROFILE_H

/*
 * Start phase @name (no spaces) of @ops operations (0: not counted), whose
 * figures the report also gives per operation. The line is printed
 * before the phase starts, so its cost is not the phase's.
 */
void profile_begin(const char *name, unsigned long ops);

/* End the phase profile_begin() started. */
void profile_end(void);

/* The markers the plugin watches (begin=, end=): they do nothing. */
void profile_begin_mark(void);
void profile_end_mark(void);

#endif /* USER_LIB_PROFILE_H */
