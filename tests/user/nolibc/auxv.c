/*
 * tests/user/nolibc/auxv.c - a program built without any C library, that
 * checks what the kernel put on its initial stack.
 *
 * Run it as
 *
 *	auxv alpha beta
 *
 * It has its own _start, reads argc, argv, envp and the auxiliary vector
 * from the stack exactly as Linux lays it out (fs/binfmt_elf.c,
 * create_elf_tables):
 *
 *	sp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... NULL
 *		(AT_xxx, value) ... (AT_NULL, 0)
 *		... argument and environment strings, AT_RANDOM's 16 bytes ...
 *
 * and compares the auxiliary vector with what it can find out itself: its
 * own entry point, its own ELF and program headers (through the linker's
 * __ehdr_start). It talks to the kernel only through svc #0 (write and
 * exit_group), prints one KTAP line per case and exits with the number of
 * failed cases, so 0 means every check passed.
 *
 * It is compiled in ARM state (the newlib programs are Thumb), where r7 is
 * free to carry the system-call number.
 */

#define NULL ((void *)0)

#define __NR_write 4
#define __NR_exit_group 248

/* The auxiliary-vector entries we check (include/uapi/linux/auxvec.h). */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9
#define AT_RANDOM 25

/* The parts of the ELF file header and program header we read. */
struct elf32_ehdr {
	unsigned char e_ident[16];	/* "\177ELF", class, data, ... */
	unsigned short e_type;
	unsigned short e_machine;
	unsigned int e_version;
	unsigned int e_entry;
	unsigned int e_phoff;		/* file offset of the program headers */
	unsigned int e_shoff;
	unsigned int e_flags;
	unsigned short e_ehsize;
	unsigned short e_phentsize;	/* size of one program header */
	unsigned short e_phnum;		/* how many */
	unsigned short e_shentsize;
	unsigned short e_shnum;
	unsigned short e_shstrndx;
};

struct elf32_phdr {
	unsigned int p_type;
	unsigned int p_offset;
	unsigned int p_vaddr;
	unsigned int p_paddr;
	unsigned int p_filesz;
	unsigned int p_memsz;
	unsigned int p_flags;
	unsigned int p_align;
};

#define PT_LOAD 1
#define ET_EXEC 2
#define EM_ARM 40

/*
 * The ELF header as loaded: the linker defines __ehdr_start when the
 * first PT_LOAD segment includes the file's headers, as it does for a
 * normal static link.
 */
extern const struct elf32_ehdr __ehdr_start;

void _start(void);

/*
 * The raw system calls: number in r7, arguments in r0.., result in r0.
 * write(2): bytes written or -errno.
 */
static long sys_write(int fd, const void *buf, unsigned long len)
{
	register long r0 __asm__("r0") = fd;
	register long r1 __asm__("r1") = (long)buf;
	register long r2 __asm__("r2") = (long)len;
	register long r7 __asm__("r7") = __NR_write;

	__asm__ volatile("svc #0"
			 : "+r"(r0)
			 : "r"(r1), "r"(r2), "r"(r7)
			 : "memory");
	return r0;
}

/* End the process with @status. */
static __attribute__((noreturn)) void sys_exit_group(int status)
{
	register long r0 __asm__("r0") = status;
	register long r7 __asm__("r7") = __NR_exit_group;

	for (;;)
		__asm__ volatile("svc #0" : : "r"(r0), "r"(r7) : "memory");
}

/* Length of a C string. */
static unsigned long str_len(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

/* 1 if the strings are equal, else 0. */
static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Write string @s to stdout. */
static void put(const char *s)
{
	sys_write(1, s, str_len(s));
}

/* Print @v in decimal. */
static void put_dec(unsigned long v)
{
	char buf[12];
	int i = sizeof(buf);

	buf[--i] = 0;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(buf + i);
}

/* Print @v as 0x%08lx. */
static void put_hex(unsigned long v)
{
	char buf[11] = "0x";
	int i;

	for (i = 0; i < 8; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xf];
	buf[10] = 0;
	put(buf);
}

static int nr_cases, nr_failed;

/* Report one case: "ok N auxv:name", or "not ok" with what we saw. */
static void report(int ok, const char *name, unsigned long got,
		   unsigned long want)
{
	nr_cases++;
	if (!ok) {
		nr_failed++;
		put("#   got ");
		put_hex(got);
		put(", expected ");
		put_hex(want);
		put("\n");
	}
	put(ok ? "ok " : "not ok ");
	put_dec(nr_cases);
	put(" auxv:");
	put(name);
	put("\n");
}

#define CHECK_EQ(name, got, want)                                     \
	report((unsigned long)(got) == (unsigned long)(want), name,  \
	       (unsigned long)(got), (unsigned long)(want))
#define CHECK(name, cond) report(!!(cond), name, !!(cond), 1)

/* The value of auxiliary entry @type, or 0 (with *found = 0) if absent. */
static unsigned long aux_get(const unsigned long *auxv, unsigned long type,
			     int *found)
{
	for (; auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == type) {
			*found = 1;
			return auxv[1];
		}
	}
	*found = 0;
	return 0;
}

/* argc, argv, envp: as we were run ("auxv alpha beta"). */
static void check_args(unsigned long *sp, int argc, char **argv,
		       char **envp)
{
	char **p;

	/*
	 * Linux aligns the initial stack pointer to 16 bytes
	 * (create_elf_tables: STACK_ROUND).
	 */
	CHECK_EQ("sp_aligned_16", (unsigned long)sp & 15, 0);
	CHECK_EQ("argc", argc, 3);
	CHECK("argv0_present", argc >= 1 && argv[0] && argv[0][0]);
	CHECK("argv1_alpha", argc >= 2 && str_eq(argv[1], "alpha"));
	CHECK("argv2_beta", argc >= 3 && str_eq(argv[2], "beta"));
	CHECK_EQ("argv_null_terminated", argv[argc], NULL);
	/* the strings sit above the vectors that point to them */
	CHECK("argv_strings_above_sp",
	      argc >= 1 && (unsigned long)argv[0] > (unsigned long)sp);
	for (p = envp; *p; p++)
		if ((unsigned long)*p < (unsigned long)sp)
			break;
	CHECK("envp_strings_above_sp", *p == NULL);
}

/* AT_PAGESZ, AT_ENTRY, AT_PHDR/PHENT/PHNUM against our own headers. */
static void check_auxv_image(const unsigned long *auxv)
{
	const struct elf32_ehdr *eh = &__ehdr_start;
	const struct elf32_phdr *ph;
	unsigned long pagesz, entry, phdr, phent, phnum, me;
	int found, i, covers_entry = 0;

	pagesz = aux_get(auxv, AT_PAGESZ, &found);
	CHECK_EQ("at_pagesz", pagesz, 4096);
	entry = aux_get(auxv, AT_ENTRY, &found);
	CHECK_EQ("at_entry_is_start", entry, (unsigned long)_start);

	CHECK("own_ehdr_is_elf",
	      eh->e_ident[0] == 0x7f && eh->e_ident[1] == 'E' &&
	      eh->e_ident[2] == 'L' && eh->e_ident[3] == 'F' &&
	      eh->e_type == ET_EXEC && eh->e_machine == EM_ARM);
	me = (unsigned long)_start;
	CHECK_EQ("e_entry_is_start", eh->e_entry, me);

	phdr = aux_get(auxv, AT_PHDR, &found);
	CHECK_EQ("at_phdr", phdr, (unsigned long)eh + eh->e_phoff);
	phent = aux_get(auxv, AT_PHENT, &found);
	CHECK_EQ("at_phent", phent, sizeof(struct elf32_phdr));
	CHECK_EQ("at_phent_is_e_phentsize", phent, eh->e_phentsize);
	phnum = aux_get(auxv, AT_PHNUM, &found);
	CHECK_EQ("at_phnum", phnum, eh->e_phnum);

	/* Through AT_PHDR, a PT_LOAD segment must contain our code. */
	ph = (const struct elf32_phdr *)phdr;
	for (i = 0; ph && phent == sizeof(*ph) && i < (int)phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr <= (me & ~1UL) &&
		    (me & ~1UL) < ph[i].p_vaddr + ph[i].p_memsz)
			covers_entry = 1;
	CHECK("at_phdr_load_covers_start", covers_entry);
}

/* AT_RANDOM: 16 readable bytes on the stack, not all zero. */
static void check_auxv_random(unsigned long *sp, const unsigned long *auxv)
{
	const volatile unsigned char *rnd;
	unsigned char any = 0;
	int found, i;

	rnd = (const unsigned char *)aux_get(auxv, AT_RANDOM, &found);
	CHECK("at_random_present", found && rnd != NULL);
	if (!rnd)
		return;
	CHECK("at_random_on_stack", (unsigned long)rnd > (unsigned long)sp);
	for (i = 0; i < 16; i++)	/* a fault here kills us: status 139 */
		any |= rnd[i];
	CHECK("at_random_not_zero", any != 0);
}

/*
 * The C entry point, called by _start with the initial stack pointer.
 * Exits with the number of failed cases.
 */
__attribute__((used, noreturn)) void start_c(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;
	const unsigned long *auxv;
	int n;

	while (*p)
		p++;
	auxv = (const unsigned long *)(p + 1);
	for (n = 0; auxv[2 * n] != AT_NULL && n < 64; n++)
		;

	put("KTAP version 1\n");
	check_args(sp, argc, argv, envp);
	CHECK("auxv_terminated", n < 64);
	if (n < 64) {		/* else aux_get() would run off the end */
		check_auxv_image(auxv);
		check_auxv_random(sp, auxv);
	}
	put("1..");
	put_dec(nr_cases);
	put("\n# auxv: ");
	put_dec(nr_cases - nr_failed);
	put(" passed, ");
	put_dec(nr_failed);
	put(" failed\n");
	sys_exit_group(nr_failed);
}

/*
 * The entry point: the kernel jumps here with sp on argc. Pass that to C
 * on an 8-byte aligned stack (AAPCS), with no frame to return to.
 */
__attribute__((naked, noreturn)) void _start(void)
{
	__asm__ volatile("mov	r0, sp\n\t"
			 "bic	sp, sp, #7\n\t"
			 "mov	fp, #0\n\t"
			 "mov	lr, #0\n\t"
			 "bl	start_c\n\t"
			 "udf	#0\n\t");
}
