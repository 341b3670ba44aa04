/*
 * user/sh/spawn.c - spawn PROG [ARG...]: run a program of the image
 * (fork + execve, as any Linux shell), wait for it, and show how it
 * ended: its exit status, or the signal that killed it and the status a
 * shell shows for that (128 + 11 = 139 for SIGSEGV).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include "process.h"
#include "sh.h"
#include "syscall.h"

/*
 * The program file for @name: itself if it has a '/', else /bin/NAME or
 * /tests/NAME, whichever exists, in @buf.
 */
static const char *find_program(const char *name, char *buf, size_t size)
{
	static const char *const dirs[] = { "/bin/", "/tests/" };
	unsigned int i;
	long fd;

	if (strchr(name, '/'))
		return name;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(buf, size, "%s%s", dirs[i], name);
		fd = sys_open(buf, LINUX_O_RDONLY, 0);
		if (fd >= 0) {
			sys_close((int)fd);
			return buf;
		}
	}
	return name;
}

/* spawn PROG [ARG...]: fork + execve + wait, then the status */
int cmd_spawn(int argc, char **argv)
{
	char buf[64];
	const char *path;
	int status;
	pid_t pid;

	if (argc < 2) {
		printf("spawn: which program?\n");
		return 1;
	}
	path = find_program(argv[1], buf, sizeof(buf));
	argv[1] = (char *)path;
	pid = spawn(path, argv + 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("spawn: fork failed\n");
		return 1;
	}
	printf("spawn: %s (pid %d): %s: status %d\n", path, (int)pid,
	       status_str(status), shell_status(status));
	return shell_status(status) ? 1 : 0;
}
