/*
 * user/lib/crt0.S - _start, where a newlib program begins.
 *
 * The kernel enters a static ELF program at e_entry in user mode with the
 * stack pointer on its initial stack, laid out as Linux does it
 * (fs/binfmt_elf.c, create_elf_tables):
 *
 *	sp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... envp[n - 1], NULL
 *		auxv: (type, value) pairs ..., (AT_NULL, 0)
 *		... the strings they point to, AT_RANDOM's 16 bytes ...
 *
 * No other register carries anything we use (Linux puts 0 in r0). The
 * program's .bss is already zero: the ELF loader clears p_memsz beyond
 * p_filesz, so unlike a bare-metal crt0 this one does not.
 *
 * All we do here is hand that stack pointer to C (__libc_start, start.c),
 * on a stack aligned to 8 bytes as the AAPCS requires, with lr and the
 * frame pointer cleared so that a debugger's backtrace stops here.
 */
	.syntax unified
	.thumb

	.text
	.global	_start
	.type	_start, %function
	.thumb_func
_start:
	mov	r0, sp			@ the initial stack: &argc
	bic	r1, r0, #7
	mov	sp, r1			@ AAPCS: 8-byte aligned at calls
	movs	r7, #0			@ no caller frame (Thumb fp)
	mov	lr, r7			@ no return address
	bl	__libc_start		@ does not return
	udf	#0			@ so a return would fault here
	.size	_start, . - _start

/*
 * _init and _fini: newlib's __libc_init_array/__libc_fini_array call them
 * around the init/fini arrays. They come from crti.o/crtn.o, which
 * -nostartfiles leaves out, and nothing of ours needs them: empty.
 */
	.global	_init
	.type	_init, %function
	.thumb_func
_init:
	bx	lr
	.size	_init, . - _init

	.global	_fini
	.type	_fini, %function
	.thumb_func
_fini:
	bx	lr
	.size	_fini, . - _fini

	.section .note.GNU-stack, "", %progbits
