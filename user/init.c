/*
 * user/init.c - the first program of `make qemu` (/bin/init): a welcome,
 * a short demonstration run by the shell, then the shell itself.
 *
 * The demonstration is an ordinary "sh -c" in a child process: it maps
 * three pages, shows them in maps, touches and writes them while the
 * page counters of "free" move, unmaps them and reads one (which kills a
 * child of that shell, not the shell), and moves the break. Then init
 * becomes the interactive shell (execve), so the shell's exit ends the
 * system with its status.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "process.h"

extern char **environ;

static const char welcome[] =
	"\n"
	"Welcome to topdown: how Linux places and faults in memory.\n"
	"\n"
	"The shell below works on its own address space. Try:\n"
	"  mmap 3p rw        map three pages (nothing is allocated yet)\n"
	"  maps              the mappings, as /proc/self/maps shows them\n"
	"  touch $ 3p        read them: each maps the zero page\n"
	"  write $ 42        write one: a page is allocated\n"
	"  free              the counters that moved\n"
	"  pte $+4k          its L1 and L2 descriptors, as the MMU reads them\n"
	"  ps, maps PID      the processes, and the maps of any of them\n"
	"  tree, dot         the VMA tree and its gaps\n"
	"  trace on          log each placement decision\n"
	"  spawn hello 7     run a program ($ is the last mmap's address)\n"
	"  help, exit        (or Ctrl-A X to leave QEMU)\n"
	"\n"
	"First, a short demonstration:\n"
	"\n";

static char demo[] =
	"mmap 3p rw; maps; free; touch $ 3p; write $+4k 0x2a; read $+4k; "
	"free; munmap $ 3p; read $; brk; brk +8k";

int main(void)
{
	char *demo_argv[] = { "sh", "-c", demo, NULL };
	char *sh_argv[] = { "sh", NULL };
	int status;
	pid_t pid;

	printf("%s", welcome);
	pid = spawn("/bin/sh", demo_argv);
	if (pid > 0 && waitpid(pid, &status, 0) == pid && status != 0)
		printf("init: the demonstration ended with %s\n",
		       status_str(status));
	printf("\nYour turn (help lists the commands):\n");
	fflush(stdout);
	execve("/bin/sh", sh_argv, environ);
	printf("init: cannot run /bin/sh\n");
	return 1;
}
