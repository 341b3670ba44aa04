/*
 * tests/foreign/poll.c - waiting, as a C library does it: poll(2) on a
 * pipe (nothing ready, readable, end of file, no reader left, a bad
 * descriptor, a wait that another process ends) and the sleeps
 * (nanosleep, clock_nanosleep relative and absolute), which must last
 * at least as long as asked (POSIX: never less).
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include "check.h"

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	struct pollfd p[2];
	int fds[2], status;
	long long t0;
	pid_t pid;
	char c;

	check_begin("poll");

	check_case("empty_pipe_not_ready");
	CHECK(pipe(fds) == 0);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	CHECK(poll(p, 1, 0) == 0);
	CHECK(p[0].revents == 0);
	check_close();

	check_case("write_side_ready");
	CHECK(poll(&p[1], 1, 0) == 1);
	CHECK(p[1].revents == POLLOUT);
	check_close();

	check_case("a_byte_makes_it_readable");
	CHECK(write(fds[1], "x", 1) == 1);
	CHECK(poll(p, 2, -1) == 2);
	CHECK(p[0].revents == POLLIN);
	CHECK(p[1].revents == POLLOUT);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'x');
	check_close();

	check_case("timeout_waits_at_least_as_asked");
	t0 = now_ns();
	CHECK(poll(p, 1, 30) == 0);
	CHECK(now_ns() - t0 >= 30000000LL);
	check_close();

	check_case("another_process_ends_the_wait");
	pid = fork();
	if (pid == 0) {
		_exit(write(fds[1], "y", 1) == 1 ? 0 : 1);
	}
	CHECK(poll(p, 1, -1) == 1);	/* before or after the child wrote */
	CHECK(p[0].revents == POLLIN);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'y');
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	check_close();

	check_case("no_writer_is_hangup");
	close(fds[1]);
	CHECK(poll(p, 1, -1) == 1);
	CHECK(p[0].revents == POLLHUP);	/* not asked for: always reported */
	check_close();

	check_case("no_reader_is_error");
	CHECK(pipe(fds) == 0);
	close(fds[0]);
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	CHECK(poll(&p[1], 1, 0) == 1);
	CHECK(p[1].revents == (POLLOUT | POLLERR));
	close(fds[1]);
	check_close();

	check_case("closed_descriptor_is_nval_negative_ignored");
	p[0] = (struct pollfd){ .fd = fds[1], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = -1, .events = POLLIN };
	CHECK(poll(p, 2, -1) == 1);
	CHECK(p[0].revents == POLLNVAL);
	CHECK(p[1].revents == 0);
	check_close();

	check_case("nanosleep_lasts");
	t0 = now_ns();
	CHECK(nanosleep(&(struct timespec){ 0, 20000000 }, NULL) == 0);
	CHECK(now_ns() - t0 >= 20000000LL);
	check_close();

	check_case("clock_nanosleep_absolute");
	{
		struct timespec until;

		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 20000000;
		if (until.tv_nsec >= 1000000000) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
		CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until,
				      NULL) == 0);
		t0 = now_ns();
		CHECK(t0 >= until.tv_sec * 1000000000LL + until.tv_nsec);
	}
	check_close();

	check_case("clock_nanosleep_bad_nsec");
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0,
			      &(struct timespec){ 0, 1000000000 }, NULL) ==
	      EINVAL);	/* returned, not in errno */
	check_close();
	return check_end();
}
