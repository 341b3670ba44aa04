/*
 * user/sh/ps.c - ps: every process, with its pid, its parent's pid, its
 * state and its name, read from /proc/PID/status as Linux's ps reads
 * them (its "Name:", "State:" and "PPid:" lines).
 *
 * Linux's ps finds the pids by listing the directory /proc (getdents64).
 * topdown's /proc has no PID directories to list (kernel/procfs.c), so
 * ps tries every pid from 1 to the last one handed out, which both
 * kernels show in /proc/sys/kernel/ns_last_pid; a pid whose status
 * cannot be opened (ENOENT) has no process any more.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sh.h"

/* The pids ps tries when ns_last_pid cannot be read. */
#define PID_GUESS 1024

/*
 * The value of the line "@name:\tVALUE" of the status text @text into
 * @buf (@size bytes). Returns false when there is no such line.
 */
static bool status_field(const char *text, const char *name, char *buf,
			 size_t size)
{
	size_t len = strlen(name), n;
	const char *line;

	for (line = text; line && *line; line = strchr(line, '\n'),
	     line = line ? line + 1 : NULL) {
		if (strncmp(line, name, len) || line[len] != ':')
			continue;
		line += len + 1;
		line += strspn(line, " \t");
		n = strcspn(line, "\n");
		if (n >= size)
			n = size - 1;
		memcpy(buf, line, n);
		buf[n] = '\0';
		return true;
	}
	return false;
}

/* ps */
int cmd_ps(int argc, char **argv)
{
	static char text[4096];
	char path[32], name[32], state[32];
	long last = 0, ppid, n;
	int pid, found = 0;

	n = proc_read("/proc/sys/kernel/ns_last_pid", text, sizeof(text));
	if (n > 0)
		last = strtol(text, NULL, 10);
	if (last <= 0) {
		printf("ps: cannot read /proc/sys/kernel/ns_last_pid (%s): "
		       "trying pids 1 to %d\n", n < 0 && errno_name((int)n) ?
		       errno_name((int)n) : "no number", PID_GUESS);
		last = PID_GUESS;
	}
	printf("  PID  PPID STATE         NAME\n");
	for (pid = 1; pid <= last; pid++) {
		snprintf(path, sizeof(path), "/proc/%d/status", pid);
		if (proc_read(path, text, sizeof(text)) < 0)
			continue;
		if (!status_field(text, "Name", name, sizeof(name)) ||
		    !status_field(text, "State", state, sizeof(state)) ||
		    !proc_value(text, "PPid", &ppid)) {
			printf("ps: %s: no Name, State or PPid line\n", path);
			continue;
		}
		printf("%5d %5ld %-13s %s\n", pid, ppid, state, name);
		found++;
	}
	if (!found) {
		printf("ps: no /proc/PID/status for pids 1 to %ld\n", last);
		return 1;
	}
	return 0;
}
