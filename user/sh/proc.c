/*
 * user/sh/proc.c - the commands that show what the kernel knows, from
 * /proc: maps, tree and dot (the VMAs and the VMA tree, as text and as
 * Graphviz DOT, of the shell or of any process), free (memory and page
 * counters), trace (placement logging on or off), sysctl (the settings
 * of /proc/sys), and cat (any file). The files are generated when opened;
 * Linux has no vma_tree and no td_* counters, and the commands say so.
 */
#include <stdio.h>
#include <string.h>
#include "kernel/errno.h"
#include "procfs.h"
#include "sh.h"
#include "syscall.h"

/* Print the file @path as it is (a /proc file, generated at open). */
static int cat_file(const char *cmd, const char *path)
{
	char buf[512];
	long fd = sys_open(path, LINUX_O_RDONLY, 0), n;

	if (fd < 0) {
		printf("%s: %s: %s\n", cmd, path,
		       errno_name((int)fd) ? errno_name((int)fd) : "error");
		return 1;
	}
	fflush(stdout);
	while ((n = sys_read((int)fd, buf, sizeof(buf))) > 0)
		sys_write(1, buf, (size_t)n);
	sys_close((int)fd);
	return 0;
}

/* cat FILE */
int cmd_cat(int argc, char **argv)
{
	return cat_file("cat", argv[1]);
}

/*
 * sysctl NAME[=VALUE]: show or set /proc/sys/NAME with the dots of NAME
 * as slashes, as sysctl(8) names them ("vm.max_map_count = 65530",
 * "kernel.ns_last_pid = 3").
 */
int cmd_sysctl(int argc, char **argv)
{
	char path[96], text[32];
	const char *name = argv[1], *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name), i;
	long n, ret;

	if (len == 0 || len >= 64 || name[0] == '.' || name[len - 1] == '.' ||
	    memchr(name, '/', len) || !memchr(name, '.', len)) {
		printf("sysctl: %.*s: not a name such as vm.max_map_count "
		       "(/proc/sys/vm/max_map_count)\n", (int)len, name);
		return 1;
	}
	snprintf(path, sizeof(path), "/proc/sys/%.*s", (int)len, name);
	for (i = strlen("/proc/sys/"); path[i]; i++)
		if (path[i] == '.')
			path[i] = '/';
	ret = eq ? proc_write(path, eq + 1) : 0;
	n = ret ? ret : proc_read(path, text, sizeof(text));
	if (n < 0) {
		printf("sysctl: %.*s: %s\n", (int)len, name,
		       errno_name((int)n) ? errno_name((int)n) : "error");
		return 1;
	}
	text[strcspn(text, "\n")] = '\0';
	printf("%.*s = %s\n", (int)len, name, text);
	return 0;
}

/*
 * Print the file @name of the process named by argv[1] ("self" when
 * there is none): /proc/PID/NAME.
 */
static int cat_task_file(int argc, char **argv, const char *name)
{
	char dir[24], path[48];
	long fd;

	if (!parse_pid_dir(argv[0], argc > 1 ? argv[1] : "self", dir,
			   sizeof(dir)))
		return 1;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = sys_open(path, LINUX_O_RDONLY, 0);
	if (fd == -ENOENT && argc > 1) {
		printf("%s: no process %s (%s: ENOENT; ps lists them)\n",
		       argv[0], argv[1], path);
		return 1;
	}
	if (fd >= 0)
		sys_close((int)fd);
	return cat_file(argv[0], path);
}

/* maps [PID] */
int cmd_maps(int argc, char **argv)
{
	return cat_task_file(argc, argv, "maps");
}

/* tree [PID] */
int cmd_tree(int argc, char **argv)
{
	return cat_task_file(argc, argv, "vma_tree");
}

/* smaps [PID]: each mapping with its page counts */
int cmd_smaps(int argc, char **argv)
{
	return cat_task_file(argc, argv, "smaps");
}

/* dot [PID] */
int cmd_dot(int argc, char **argv)
{
	return cat_task_file(argc, argv, "vma_tree.dot");
}

/* trace on|off */
int cmd_trace(int argc, char **argv)
{
	const char *path = "/proc/sys/vm/trace_placement", *what = "placement";
	const char *onoff = argv[argc - 1];
	long ret;

	if (argc == 3 && !strcmp(argv[1], "syscalls")) {
		path = "/proc/sys/kernel/trace_syscalls";
		what = "system-call";
	} else if (argc == 3 && strcmp(argv[1], "placement")) {
		printf("trace: placement or syscalls?\n");
		return 1;
	}
	if (strcmp(onoff, "on") && strcmp(onoff, "off")) {
		printf("trace: on or off?\n");
		return 1;
	}
	ret = proc_write(path, strcmp(onoff, "on") == 0 ? "1" : "0");
	if (ret)
		return report_error("trace", ret);
	printf("trace: %s tracing %s\n", what, onoff);
	return 0;
}

/* Print the lines of the text @text whose names are in @names. */
static void print_values(const char *text, const char *const *names)
{
	long v;

	for (; *names; names++)
		if (proc_value(text, *names, &v))
			printf("  %-22s %ld\n", *names, v);
}

/* free: memory and page counts */
int cmd_free(int argc, char **argv)
{
	static const char *const meminfo[] = { "MemTotal", "MemFree", NULL };
	static const char *const vmstat[] = {
		"nr_free_pages", "pgfault", "td_zero_page_maps",
		"td_anon_page_allocs", "td_cow_copies",
		"nr_page_table_pages", NULL,
	};
	static char text[8192];

	if (proc_read("/proc/meminfo", text, sizeof(text)) >= 0) {
		printf("/proc/meminfo (kB):\n");
		print_values(text, meminfo);
	}
	if (proc_read("/proc/vmstat", text, sizeof(text)) < 0) {
		printf("free: cannot read /proc/vmstat\n");
		return 1;
	}
	printf("/proc/vmstat:\n");
	print_values(text, vmstat);
	return 0;
}
