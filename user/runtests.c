/*
 * user/runtests.c - the test runner on the target (/bin/runtests), the
 * first task of `make test`.
 *
 *	runtests [LIST [WHERE [FILTER]]]
 *	runtests --run STATUS PROGRAM [ARGUMENT...]
 *
 * The second form runs one program, as if its list line were "topdown
 * STATUS PROGRAM ARGUMENT..." (make fuzz uses it to pass a seed).
 * For every line of LIST (default /tests/PROGRAMS, format in its header)
 * whose WHERE is "both" or WHERE (default "topdown"), and whose program
 * contains FILTER (default: all; "a,b" for programs that contain a or b):
 *
 *	1. read nr_free_pages and td_slab_objects from /proc/vmstat;
 *	2. start the program with its arguments (fork + execve) and wait
 *	   for it; its own KTAP lines go straight to the console, since it
 *	   writes fd 1 itself;
 *	3. "ok N user/PROG:exit_status" if it exited with the status the
 *	   list expects (else "not ok", saying what happened);
 *	4. read them again: "ok N user/PROG:no_pages_leaked" if the free
 *	   pages are back exactly where they were, and
 *	   "ok N user/PROG:no_slab_objects_leaked" if every VMA, mm, task,
 *	   file ... the run made was freed (else "not ok" with the
 *	   difference).
 *
 * and ends with "1..N" and "# user: P passed, F failed", exiting 0 only
 * if F is 0. The numbering of these lines is the runner's own; the
 * programs number theirs (whoever counts, counts lines).
 *
 * The page count is exact only if the runner itself allocates nothing
 * between the two readings: it reads the list first, keeps everything in
 * static buffers, and makes its own stack and data present up front
 * (counters_prefault). On Linux, whose free count moves with its caches
 * and per-CPU lists, the leak check is skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "counters.h"
#include "process.h"
#include "procfs.h"
#include "syscall.h"

#define MAX_RUNS 64
#define MAX_ARGS 16

/* One line of the list. */
struct run {
	int lineno;
	int want;			/* expected exit status */
	char *path;			/* argv[0] too */
	char *argv[MAX_ARGS + 1];
};

static char list_text[16 * 1024];
static struct run runs[MAX_RUNS];
static int nr_runs;
static int nr_cases, nr_passed, nr_failed, nr_skipped;

/* Print one result line of ours and count it. */
static void result(bool ok, const char *prog, const char *name)
{
	nr_cases++;
	if (ok)
		nr_passed++;
	else
		nr_failed++;
	printf("%s %d user/%s:%s\n", ok ? "ok" : "not ok", nr_cases, prog,
	       name);
}

/* Print a skipped result line and count it. */
static void skipped(const char *prog, const char *name, const char *why)
{
	nr_cases++;
	nr_skipped++;
	printf("ok %d user/%s:%s # SKIP %s\n", nr_cases, prog, name, why);
}

/* The last component of @path ("hello" for "/tests/hello"). */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Split @line (NUL-terminated, modified) into blank-separated words:
 * up to @max pointers in @words. Returns the number of words.
 */
static int split(char *line, char **words, int max)
{
	int n = 0;

	while (*line && n < max) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		words[n++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return n;
}

/* Does @path contain one of the comma-separated words of @filter? */
static bool matches(const char *path, const char *filter)
{
	char word[64];
	size_t n;

	for (;;) {
		n = strcspn(filter, ",");
		if (n < sizeof(word)) {
			memcpy(word, filter, n);
			word[n] = '\0';
			if (strstr(path, word))
				return true;
		}
		if (!filter[n])
			return false;
		filter += n + 1;
	}
}

/*
 * Parse one non-comment line into runs[], if it is meant for @where and
 * its program matches @filter. A malformed line is a failed case.
 */
static void parse_line(char *line, int lineno, const char *where,
		       const char *filter)
{
	char *words[MAX_ARGS + 3];
	char *end;
	struct run *r;
	int n, i;
	long want;

	n = split(line, words, MAX_ARGS + 3);
	if (n == 0)
		return;
	want = n >= 2 ? strtol(words[1], &end, 10) : -1;
	if (n < 3 || *end || want < 0 || want > 255 || words[2][0] != '/' ||
	    n > MAX_ARGS + 2 || nr_runs == MAX_RUNS) {
		printf("# user: list line %d is malformed (or too many runs)\n",
		       lineno);
		result(false, "list", "parse");
		return;
	}
	if (strcmp(words[0], "both") != 0 && strcmp(words[0], where) != 0)
		return;
	if (!matches(words[2], filter))
		return;
	r = &runs[nr_runs++];
	r->lineno = lineno;
	r->want = (int)want;
	r->path = words[2];
	for (i = 2; i < n; i++)
		r->argv[i - 2] = words[i];
	r->argv[n - 2] = NULL;
}

/* Read the list @path and parse every line. False if it cannot be read. */
static bool read_list(const char *path, const char *where,
		      const char *filter)
{
	char *line, *next;
	int lineno = 0;

	if (proc_read(path, list_text, sizeof(list_text)) < 0)
		return false;
	for (line = list_text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (line[strspn(line, " \t")] != '#')
			parse_line(line, lineno, where, filter);
	}
	return true;
}

/* Collect children that ended without being waited for (there should be none). */
static void reap_strays(void)
{
	int status;
	long pid;

	while ((pid = sys_wait4(-1, &status, LINUX_WNOHANG)) > 0)
		printf("# user: reaped a stray process %ld (%s)\n", pid,
		       status_str(status));
}

/* Run @r and report its two cases. */
static void run_one(const struct run *r)
{
	const char *prog = base_name(r->path);
	struct vm_counters before, after;
	bool have_before, exact;
	int status = -1, i;
	long pid;

	printf("# user: run %s", r->path);
	for (i = 1; r->argv[i]; i++)
		printf(" %s", r->argv[i]);
	printf(" (list line %d, expect exit %d)\n", r->lineno, r->want);
	fflush(stdout);

	have_before = counters_read(&before);
	pid = spawn(r->path, r->argv);
	if (pid > 0 && sys_wait4(pid, &status, 0) != pid)
		status = -1;
	reap_strays();
	counters_read(&after);

	if (pid <= 0)
		printf("# user: %s: fork failed\n", prog);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != r->want)
		printf("# user: %s: %s, expected exit %d\n", prog,
		       status_str(status), r->want);
	result(pid > 0 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == r->want, prog, "exit_status");

	exact = have_before && counters_topdown(&before);
	if (!exact) {
		skipped(prog, "no_pages_leaked", "nr_free_pages is exact on "
			"topdown only");
		return;
	}
	if (after.nr_free_pages != before.nr_free_pages)
		printf("# user: %s: nr_free_pages %ld before, %ld after: "
		       "%ld pages not given back\n", prog,
		       before.nr_free_pages, after.nr_free_pages,
		       before.nr_free_pages - after.nr_free_pages);
	result(after.nr_free_pages == before.nr_free_pages, prog,
	       "no_pages_leaked");
	if (after.slab_objects != before.slab_objects)
		printf("# user: %s: td_slab_objects %ld before, %ld after\n",
		       prog, before.slab_objects, after.slab_objects);
	result(after.slab_objects == before.slab_objects, prog,
	       "no_slab_objects_leaked");
}

int main(int argc, char **argv)
{
	const char *list = argc > 1 ? argv[1] : "/tests/PROGRAMS";
	const char *where = argc > 2 ? argv[2] : "topdown";
	const char *filter = argc > 3 ? argv[3] : "";
	static char outbuf[256];
	int i;

	/* line-buffered into a static buffer: no malloc while measuring */
	setvbuf(stdout, outbuf, _IOLBF, sizeof(outbuf));
	printf("KTAP version 1\n");
	printf("# user: runtests %s, runs for \"%s\"\n", list, where);
	counters_prefault();
	if (strcmp(list, "--run") == 0) {
		struct run *r = &runs[nr_runs++];

		r->want = argc > 2 ? atoi(argv[2]) : 0;
		r->path = argc > 3 ? argv[3] : "/nonexistent";
		for (i = 3; i < argc && i - 3 < MAX_ARGS; i++)
			r->argv[i - 3] = argv[i];
		r->argv[i - 3] = NULL;
	} else if (!read_list(list, where, filter)) {
		printf("# user: cannot read %s\n", list);
		result(false, "list", "read");
	}
	for (i = 0; i < nr_runs; i++)
		run_one(&runs[i]);
	printf("1..%d\n", nr_cases);
	printf("# user: %d passed, %d failed", nr_passed, nr_failed);
	if (nr_skipped)
		printf(", %d skipped", nr_skipped);
	printf("\n");
	fflush(stdout);
	return nr_failed ? 1 : 0;
}
