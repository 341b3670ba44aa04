/*
 * user/lib/auxv.h - the auxiliary vector: what the kernel tells a new
 * program about itself and the machine, after envp on the initial stack.
 * The AT_* numbers are Linux's (include/uapi/linux/auxvec.h).
 */
#ifndef USER_LIB_AUXV_H
#define USER_LIB_AUXV_H

#define AT_NULL 0	/* end of the vector */
#define AT_PHDR 3	/* address of the program headers in memory */
#define AT_PHENT 4	/* size of one program header */
#define AT_PHNUM 5	/* number of program headers */
#define AT_PAGESZ 6	/* page size */
#define AT_BASE 7	/* interpreter base (0 for a static program) */
#define AT_ENTRY 9	/* the program's entry point */
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25	/* address of 16 random bytes */
#define AT_EXECFN 31	/* the file name the program was run as */
#define AT_SYSINFO_EHDR 33	/* the vDSO (Linux; topdown has none) */

/* The value of entry @type, or 0 when absent (start.c). */
unsigned long getauxval(unsigned long type);

#endif /* USER_LIB_AUXV_H */
