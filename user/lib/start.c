/*
 * user/lib/start.c - from the initial stack to main() and back to exit().
 *
 * crt0.S passes the address of argc; the layout below it is described
 * there. We find argv, envp and the auxiliary vector, give newlib its
 * environ, run the constructors, call main(argc, argv, envp) and pass its
 * result to exit(), which flushes stdio and ends the process.
 */
#include <stdlib.h>
#include "auxv.h"

extern char **environ;			/* newlib's */
void __libc_init_array(void);		/* newlib: constructors */
int main(int argc, char **argv, char **envp);

static const unsigned long *auxv;	/* (type, value) pairs */

/* Called by _start with @sp = its initial stack pointer. Never returns. */
void __attribute__((noreturn)) __libc_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)			/* auxv follows envp's NULL */
		p++;
	auxv = (const unsigned long *)(p + 1);

	environ = envp;
	__libc_init_array();
	exit(main(argc, argv, envp));
}

/*
 * The value of auxiliary-vector entry @type (AT_PAGESZ, ...), as glibc's
 * getauxval(), or 0 when the kernel did not pass that entry.
 */
unsigned long getauxval(unsigned long type)
{
	const unsigned long *a;

	for (a = auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}
