#!/usr/bin/env python3
"""tests/mkelf_exit.py OUT CODE - write a hand-made ARM ELF of 512 bytes
that ends with exit_group(CODE), CODE in 0..255.

No compiler, no linker, no section headers: what a person (or a fuzzer)
might write byte by byte. The file is

    offset 0    ELF header (52 bytes): ELFCLASS32, little-endian, ET_EXEC,
                EM_ARM, EABI version 5, e_phoff 52, one program header,
                e_shoff 0 and e_shnum 0 (no sections at all)
    offset 52   the one program header (32 bytes): PT_LOAD of the whole
                file at 0x10000, r-x, p_align 4 KiB
    offset 84   the code (ARM state, the entry point 0x10054):
                    mov r0, #CODE      @ e3a000CC
                    mov r7, #248       @ e3a070f8  (__NR_exit_group)
                    svc #0             @ ef000000
                    b   .              @ eafffffe  (never reached)
    offset 100  zeros up to 512 bytes

The file is written executable (mode 0755), as a linker leaves its output.
"""
import os
import struct
import sys

SIZE = 512
VADDR = 0x10000
EHDR_SIZE = 52
PHDR_SIZE = 32
CODE_OFF = EHDR_SIZE + PHDR_SIZE

ET_EXEC = 2
EM_ARM = 40
EF_ARM_EABI_VER5 = 0x05000000
PT_LOAD = 1
PF_X, PF_R = 1, 4


def elf_header(entry):
    """The 52-byte ELF header: one program header, no section header."""
    ident = b"\x7fELF" + bytes([1, 1, 1, 0]) + bytes(8)  # 32-bit LSB v1
    return ident + struct.pack("<HHIIIIIHHHHHH",
                               ET_EXEC, EM_ARM, 1, entry,
                               EHDR_SIZE,	# e_phoff
                               0,		# e_shoff: none
                               EF_ARM_EABI_VER5,
                               EHDR_SIZE, PHDR_SIZE, 1,
                               0, 0, 0)	# e_shentsize, e_shnum, e_shstrndx


def program_header():
    """PT_LOAD of the whole file at VADDR, readable and executable."""
    return struct.pack("<IIIIIIII", PT_LOAD, 0, VADDR, VADDR,
                       SIZE, SIZE, PF_R | PF_X, 0x1000)


def code(status):
    """exit_group(status) by svc #0, then a branch to itself."""
    words = [0xe3a00000 | status,	# mov r0, #status
             0xe3a070f8,		# mov r7, #248
             0xef000000,		# svc #0
             0xeafffffe]		# b .
    return struct.pack("<4I", *words)


def main():
    if len(sys.argv) != 3 or not 0 <= int(sys.argv[2]) <= 255:
        sys.exit("usage: mkelf_exit.py OUT CODE (0..255)")
    image = (elf_header(VADDR + CODE_OFF) + program_header() +
             code(int(sys.argv[2])))
    image += bytes(SIZE - len(image))
    assert len(image) == SIZE
    with open(sys.argv[1], "wb") as f:
        f.write(image)
    os.chmod(sys.argv[1], 0o755)	# executable, as a linker leaves it


if __name__ == "__main__":
    main()
