/*
 * tests/foreign/fork.c - fork (glibc's, through clone) and waitpid: the
 * child's memory is a copy, exit statuses and a signal death come back,
 * and a parent without children gets ECHILD.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include "check.h"

static int global = 1;

int main(void)
{
	int status, *heap = malloc(sizeof(int));
	pid_t pid, parent = getpid();

	check_begin("fork");

	check_case("exit_status");
	pid = fork();
	if (pid == 0)
		_exit(42);
	CHECK(pid > 0 && pid != parent);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);

	check_case("memory_is_a_copy");
	*heap = 10;
	pid = fork();
	if (pid == 0) {
		int ok = global == 1 && *heap == 10 && getppid() == parent &&
			 getpid() != parent;

		global = 2;
		*heap = 20;
		_exit(ok && global == 2 && *heap == 20 ? 0 : 1);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(global == 1 && *heap == 10);	/* the child's writes stayed there */

	check_case("killed_by_sigsegv");
	pid = fork();
	if (pid == 0) {
		*(volatile int *)0 = 1;		/* NULL: SIGSEGV */
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);

	check_case("several_children");
	for (int i = 0; i < 5; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i + 1);
	}
	{
		int seen = 0;

		for (int i = 0; i < 5; i++) {
			CHECK(wait(&status) > 0);
			if (WIFEXITED(status))
				seen |= 1 << WEXITSTATUS(status);
		}
		CHECK(seen == 0x3e);		/* statuses 1..5, once each */
	}

	check_case("echild");
	CHECK_ERRNO(waitpid(-1, &status, 0), ECHILD);
	CHECK_ERRNO(waitpid(pid, &status, WNOHANG), ECHILD);
	free(heap);
	return check_end();
}
