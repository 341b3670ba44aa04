/*
 * tests/foreign/pipe.c - a pipe between a parent and its child, as a
 * shell makes one: bytes in order, end of file when the writer is gone,
 * a child's stdout redirected into it with dup2, and a writer with no
 * reader left killed by SIGPIPE (or given EPIPE if it ignores SIGPIPE).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include "check.h"

/* Read everything from @fd up to end of file into @buf: the count. */
static size_t read_all(int fd, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;

	while (got < size && (n = read(fd, buf + got, size - got)) > 0)
		got += n;
	return got;
}

int main(void)
{
	static char buf[65536];
	int fds[2], status, flags;
	pid_t pid;
	size_t got;

	check_begin("pipe");

	check_case("child_to_parent");
	CHECK(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (int i = 0; i < 1000; i++) {	/* 20000 bytes: 5 pages */
			char line[32];

			snprintf(line, sizeof(line), "line %04d of 1000..\n", i);
			if (write(fds[1], line, 20) != 20)
				_exit(2);
		}
		_exit(0);
	}
	close(fds[1]);
	got = read_all(fds[0], buf, sizeof(buf));	/* ends: EOF */
	CHECK(got == 20000);
	{
		int bad = 0;

		for (int i = 0; i < 1000; i++) {
			char line[32];

			snprintf(line, sizeof(line), "line %04d of 1000..\n", i);
			bad += memcmp(buf + 20 * i, line, 20) != 0;
		}
		CHECK(bad == 0);
	}
	CHECK(read(fds[0], buf, 1) == 0);		/* and stays at EOF */
	close(fds[0]);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);

	check_case("dup2_stdout");
	CHECK(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		printf("through stdout %d\n", 7);
		fflush(stdout);
		_exit(0);
	}
	close(fds[1]);
	got = read_all(fds[0], buf, sizeof(buf) - 1);
	buf[got] = '\0';
	CHECK(strcmp(buf, "through stdout 7\n") == 0);
	close(fds[0]);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);

	check_case("pipe2_flags_and_fcntl");
	CHECK(pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0);
	CHECK(fcntl(fds[0], F_GETFD) == FD_CLOEXEC);
	flags = fcntl(fds[0], F_GETFL);
	CHECK(flags >= 0 && (flags & O_NONBLOCK) && (flags & O_ACCMODE) == O_RDONLY);
	CHECK_ERRNO(read(fds[0], buf, 1), EAGAIN);	/* empty, not waiting */
	CHECK(fcntl(fds[0], F_SETFD, 0) == 0 && fcntl(fds[0], F_GETFD) == 0);
	CHECK_ERRNO(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO(pipe2(fds, 0x1), EINVAL);		/* not a pipe2 flag */
	close(fds[0]);
	close(fds[1]);

	check_case("dup_and_fcntl_dupfd");
	CHECK(pipe(fds) == 0);
	{
		int d = dup(fds[1]), e = fcntl(fds[1], F_DUPFD, 10);

		CHECK(d > fds[1]);
		CHECK(e >= 10);
		CHECK(write(e, "ab", 2) == 2 && write(d, "c", 1) == 1);
		close(fds[1]);
		close(d);
		close(e);				/* the last writer */
		got = read_all(fds[0], buf, sizeof(buf));
		CHECK(got == 3 && memcmp(buf, "abc", 3) == 0);
		CHECK_ERRNO(dup(99), EBADF);
		CHECK_ERRNO(dup2(fds[0], 100000), EBADF);
		CHECK_ERRNO(dup3(fds[0], fds[0], 0), EINVAL);
	}
	close(fds[0]);

	check_case("sigpipe_ignored_is_epipe");
	CHECK(pipe(fds) == 0);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		_exit(write(fds[1], "x", 1) == -1 && errno == EPIPE ? 0 : 1);
	}
	close(fds[1]);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	check_case("no_reader_sigpipe");
	CHECK(pipe(fds) == 0);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);	/* nobody reads: SIGPIPE */
		_exit(0);
	}
	close(fds[1]);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	return check_end();
}
