/*
 * tests/foreign/hello.c - the first program anyone writes, with a Linux
 * C library: printf, its arguments and its environment.
 *
 *	hello alpha beta     (the list runs it so: argv is checked)
 */
#include <stdlib.h>
#include <sys/utsname.h>
#include "check.h"

extern char **environ;

int main(int argc, char **argv, char **envp)
{
	int n, i;

	check_begin("hello");
	proc_ensure();		/* for /proc/self/exe */
	check_case("printf");
	n = printf("hello, world, from %s with %d arguments\n", argv[0],
		   argc - 1);
	CHECK(n == (int)strlen("hello, world, from  with 2 arguments\n") +
		   (int)strlen(argv[0]));

	check_case("argv");
	CHECK(argc == 3);
	CHECK(argc == 3 && strcmp(argv[1], "alpha") == 0);
	CHECK(argc == 3 && strcmp(argv[2], "beta") == 0);
	CHECK(argv[argc] == NULL);

	check_case("envp");
	CHECK(envp == environ);
	for (i = 0; envp[i]; i++)
		check_diag("envp[%d] = %s", i, envp[i]);
	CHECK(i >= 1);
	/* what both kernels give init's children: HOME=/ and TERM=linux */
	CHECK(getenv("HOME") && strcmp(getenv("HOME"), "/") == 0);
	CHECK(getenv("TERM") && strcmp(getenv("TERM"), "linux") == 0);
	CHECK(setenv("GREETING", "hi", 1) == 0);
	CHECK(strcmp(getenv("GREETING"), "hi") == 0);

	check_case("uname_and_exe");
	{
		struct utsname u;
		char exe[128];
		ssize_t n;

		CHECK(uname(&u) == 0);
		check_diag("uname: %s %s %s %s", u.sysname, u.release,
			   u.version, u.machine);
		CHECK(strcmp(u.machine, "armv7l") == 0);
		CHECK(u.sysname[0] != '\0' && u.release[0] != '\0');
		/* the program's own file, by its absolute path */
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		CHECK(n > 0);
		if (n > 0) {
			struct stat st;

			exe[n] = '\0';
			check_diag("/proc/self/exe -> %s", exe);
			CHECK(exe[0] == '/');
			CHECK(stat(exe, &st) == 0 && S_ISREG(st.st_mode) &&
			      (st.st_mode & 0111));
		}
	}

	check_case("stdio_buffers");
	/* a full-buffered stream flushed by hand, then stderr */
	setvbuf(stdout, NULL, _IOFBF, 64);
	printf("# hello: %s\n", "through a 64-byte buffer, many times over");
	CHECK(fflush(stdout) == 0);
	CHECK(fprintf(stderr, "# hello: stderr works\n") > 0);
	setvbuf(stdout, NULL, _IONBF, 0);
	return check_end();
}
