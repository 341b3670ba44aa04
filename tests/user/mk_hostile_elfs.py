#!/usr/bin/env python3
"""tests/user/mk_hostile_elfs.py OUTDIR - write the hostile ELF files.

tests/user/exec_hostile.c execs each of these files and expects what
Linux 6.1's execve does with it. They are made here, byte by byte, from
one valid base program, rather than kept as opaque binaries: each variant
below says what is wrong with it. The Makefile writes them into
build/u/files/data/elf/, which the initramfs holds as /data/elf/NAME
(outside /bin and /tests, whose files are stripped: strip would refuse
most of these, or repair them).

The base ("good") is a static ARM EABI executable as a Linux toolchain
lays one out, hand-assembled (ARM state):

    file 0x0000  ELF header, program headers, code at 0x100, a PT_INTERP
                 string area at 0x200   -> PT_LOAD at 0x10000, R X
    file 0x1000  16 bytes of data: the word "DATA" and zeros
                                         -> PT_LOAD at 0x11000, R W, with
                                            16 bytes of bss after it
    file 0x1010  16 bytes of junk (0xaa) where the bss begins: in the
                 file's page, not in the segment's file bytes, so the
                 loader must clear them
    PT_GNU_STACK  R W (no executable stack)

Its code reads the data word (exit 1 if it is not "DATA"), reads the first
bss word (exit 2 if it is not 0), writes it, and exits 0 with exit_group.
Given any argument it exits 42 at once instead, touching nothing.
"""
import os
import struct
import sys

PAGE = 0x1000
TEXT_VADDR = 0x10000
DATA_VADDR = 0x11000
DATA_OFF = 0x1000
CODE_OFF = 0x100
INTERP_OFF = 0x200
TEXT_FILESZ = 0x300
DATA_FILESZ = 0x10
DATA_MEMSZ = 0x20
MAGIC = 0x41544144          # "DATA", little-endian

ET_REL, ET_EXEC, ET_DYN = 1, 2, 3
EM_386, EM_ARM, EM_AARCH64 = 3, 40, 183
PT_NULL, PT_LOAD, PT_INTERP = 0, 1, 3
PT_GNU_STACK = 0x6474E551
PF_X, PF_W, PF_R = 1, 2, 4
EF_ARM_EABI_VER5 = 0x05000000
EF_ARM_ABI_FLOAT_SOFT = 0x200
EF_ARM_APCS_26 = 0x08
ELFOSABI_ARM_FDPIC = 65
EHDR_SIZE, PHDR_SIZE = 52, 32

# The address the static-pie expects to run at: Linux maps an ET_DYN
# without an interpreter where mmap puts it (load_bias 0, no MAP_FIXED),
# top-down from mmap_base 0xb7000000 (no randomization), and the image
# spans two pages. (With segments aligned to more than a page, that place
# is rounded down to the alignment.)
PIE_BASE = 0xB6FFE000


# ---- a few ARM instructions ---------------------------------------------

def arm_imm(value):
    """The 12-bit rotated-immediate field for @value (ARM data processing)."""
    for rot in range(16):
        v = ((value << (2 * rot)) | (value >> (32 - 2 * rot))) & 0xFFFFFFFF
        if v < 256:
            return (rot << 8) | v
    raise ValueError("%#x is not an ARM immediate" % value)


class Asm:
    """ARM-state code at @base: instructions, labels, a literal pool."""

    AL, EQ, NE = 0xE, 0x0, 0x1

    def __init__(self, base):
        self.base = base
        self.words = []          # ints, or (kind, arg) to resolve later
        self.labels = {}
        self.literals = []

    def here(self):
        return self.base + 4 * len(self.words)

    def label(self, name):
        self.labels[name] = self.here()

    def emit(self, word):
        self.words.append(word)

    def ldr_lit(self, rd, value):        # ldr rd, =value
        self.words.append(("lit", (rd, value)))

    def ldr(self, rd, rn, off=0):        # ldr rd, [rn, #off]
        self.emit(0xE5900000 | rn << 16 | rd << 12 | off)

    def str_(self, rd, rn, off=0):       # str rd, [rn, #off]
        self.emit(0xE5800000 | rn << 16 | rd << 12 | off)

    def cmp(self, rn, rm):               # cmp rn, rm
        self.emit(0xE1500000 | rn << 16 | rm)

    def cmp_imm(self, rn, imm):          # cmp rn, #imm
        self.emit(0xE3500000 | rn << 16 | arm_imm(imm))

    def mov_imm(self, rd, imm, cond=AL):  # mov<cond> rd, #imm
        self.emit(cond << 28 | 0x03A00000 | rd << 12 | arm_imm(imm))

    def add_imm(self, rd, rn, imm):      # add rd, rn, #imm
        self.emit(0xE2800000 | rn << 16 | rd << 12 | arm_imm(imm))

    def sub_imm(self, rd, rn, imm):      # sub rd, rn, #imm (rn 15: pc)
        self.emit(0xE2400000 | rn << 16 | rd << 12 | arm_imm(imm))

    def b(self, target, cond=AL):        # b<cond> label
        self.words.append(("b", (cond, target)))

    def svc0(self):                      # svc #0
        self.emit(0xEF000000)

    def assemble(self):
        pool = self.base + 4 * len(self.words)
        out = b""
        for i, w in enumerate(self.words):
            pc = self.base + 4 * i + 8
            if isinstance(w, tuple) and w[0] == "lit":
                rd, value = w[1]
                self.literals.append(value)
                off = pool + 4 * (len(self.literals) - 1) - pc
                w = 0xE59F0000 | rd << 12 | off          # ldr rd, [pc, #off]
            elif isinstance(w, tuple) and w[0] == "b":
                cond, target = w[1]
                off = ((self.labels[target] - pc) >> 2) & 0xFFFFFF
                w = cond << 28 | 0x0A000000 | off
            out += struct.pack("<I", w)
        for value in self.literals:
            out += struct.pack("<I", value)
        return out


def quiet_if_asked(a):
    """With any argument (argc > 1), exit 42 at once, touching nothing:
    a row that expects the exec itself to fail passes one, so that a file
    wrongly loaded shows as exit 42, not as a fault of its own."""
    a.ldr(0, 13)                 # r0 = argc, at sp
    a.cmp_imm(0, 1)
    a.mov_imm(0, 42, Asm.NE)
    a.b("exit", Asm.NE)


def checks_and_exit(a, extra=None):
    """The body both programs share; r1 holds the data address."""
    a.ldr(0, 1)                  # r0 = the data word
    a.ldr_lit(2, MAGIC)
    a.cmp(0, 2)
    a.mov_imm(0, 1, Asm.NE)      # not "DATA": exit 1
    a.b("exit", Asm.NE)
    a.ldr(3, 1, 16)              # the first bss word
    a.cmp_imm(3, 0)
    a.mov_imm(0, 2, Asm.NE)      # not zero: exit 2
    a.b("exit", Asm.NE)
    a.str_(2, 1, 16)             # bss is writable
    a.mov_imm(0, 0)
    if extra:
        extra(a)
    a.label("exit")
    a.mov_imm(7, 248)            # exit_group(r0)
    a.svc0()


def exec_code(extra=None):
    """ET_EXEC: the data is at its link address."""
    a = Asm(TEXT_VADDR + CODE_OFF)
    quiet_if_asked(a)
    a.ldr_lit(1, DATA_VADDR)
    checks_and_exit(a, extra)
    return a.assemble()


def probe(addr):
    """After the checks: the word at @addr is the ELF magic (exit 10),
    zero (exit 11) or something else (exit 12)."""
    def body(a):
        a.ldr_lit(1, addr)
        a.ldr(0, 1)
        a.ldr_lit(2, 0x464C457F)     # "\177ELF"
        a.cmp(0, 2)
        a.mov_imm(0, 10, Asm.EQ)
        a.b("exit", Asm.EQ)
        a.cmp_imm(0, 0)
        a.mov_imm(0, 11, Asm.EQ)
        a.mov_imm(0, 12, Asm.NE)
    return body


def pie_code(expect=None):
    """ET_DYN: addresses from the pc; exit 3 if not loaded at @expect
    (PIE_BASE by default)."""
    expect = PIE_BASE if expect is None else expect
    a = Asm(CODE_OFF)            # link address: vaddr 0 + offset
    quiet_if_asked(a)
    a.sub_imm(4, 15, 8 + 16)     # r4 = the address of the first instruction
    a.sub_imm(4, 4, CODE_OFF)    # r4 = the load base
    a.add_imm(1, 4, DATA_VADDR - TEXT_VADDR)

    def where(a):
        a.ldr_lit(5, expect)
        a.cmp(4, 5)
        a.mov_imm(0, 3, Asm.NE)
    checks_and_exit(a, where)
    return a.assemble()


# ---- the ELF image model -----------------------------------------------

def phdr(p_type, offset=0, vaddr=0, filesz=0, memsz=0, flags=0, align=PAGE):
    return dict(type=p_type, offset=offset, vaddr=vaddr, paddr=vaddr,
                filesz=filesz, memsz=memsz, flags=flags, align=align)


class Elf:
    """An executable to be packed: header fields, program headers, and
    the bytes of the file (which the headers are written over)."""

    def __init__(self):
        self.ident = bytearray(b"\x7fELF" + bytes([1, 1, 1]) + bytes(9))
        self.type = ET_EXEC
        self.machine = EM_ARM
        self.entry = TEXT_VADDR + CODE_OFF
        self.phoff = EHDR_SIZE
        self.flags = EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT
        self.phentsize = PHDR_SIZE
        self.phnum = None        # None: len(self.phdrs)
        self.phdrs = []
        self.body = bytearray()
        self.endian = "<"

    def put(self, offset, data):
        if len(self.body) < offset + len(data):
            self.body.extend(bytes(offset + len(data) - len(self.body)))
        self.body[offset:offset + len(data)] = data

    def pack(self):
        e = self.endian
        phnum = len(self.phdrs) if self.phnum is None else self.phnum
        hdr = bytes(self.ident) + struct.pack(
            e + "HHIIIIIHHHHHH", self.type, self.machine, 1, self.entry,
            self.phoff, 0, self.flags, EHDR_SIZE, self.phentsize, phnum,
            40, 0, 0)
        self.put(0, hdr)
        for i, p in enumerate(self.phdrs):
            self.put(self.phoff + i * PHDR_SIZE, struct.pack(
                e + "8I", p["type"], p["offset"], p["vaddr"], p["paddr"],
                p["filesz"], p["memsz"], p["flags"], p["align"]))
        return bytes(self.body)


def good():
    """The base: runs, checks its data and bss, exits 0."""
    elf = Elf()
    elf.phdrs = [
        phdr(PT_LOAD, 0, TEXT_VADDR, TEXT_FILESZ, TEXT_FILESZ, PF_R | PF_X),
        phdr(PT_LOAD, DATA_OFF, DATA_VADDR, DATA_FILESZ, DATA_MEMSZ,
             PF_R | PF_W),
        phdr(PT_GNU_STACK, flags=PF_R | PF_W, align=16),
    ]
    elf.put(TEXT_FILESZ - 1, b"\0")
    elf.put(CODE_OFF, exec_code())
    elf.put(DATA_OFF, struct.pack("<4I", MAGIC, 0, 0, 0))
    elf.put(DATA_OFF + DATA_FILESZ, b"\xaa" * (DATA_MEMSZ - DATA_FILESZ))
    return elf


def text(elf):
    return elf.phdrs[0]


def data(elf):
    return elf.phdrs[1]


def with_interp(path, filesz=None, offset=INTERP_OFF):
    """The base with a PT_INTERP (first, as linkers put it) naming @path."""
    elf = good()
    raw = path if isinstance(path, bytes) else path.encode() + b"\0"
    elf.put(INTERP_OFF, raw)
    elf.phdrs.insert(0, phdr(PT_INTERP, offset, TEXT_VADDR + offset,
                             len(raw) if filesz is None else filesz,
                             len(raw) if filesz is None else filesz,
                             PF_R, 1))
    return elf


# ---- the variants: name -> (bytes, mode) ---------------------------------

VARIANTS = {}


def variant(name, mode=0o755):
    def register(fn):
        VARIANTS[name] = (fn, mode)
        return fn
    return register


@variant("good")
def v_good():
    """Nothing wrong: the control."""
    return good().pack()


@variant("not-executable", mode=0o644)
def v_not_executable():
    """The good program without execute permission (mode 644)."""
    return good().pack()


@variant("empty")
def v_empty():
    """A file of 0 bytes."""
    return b""


@variant("truncated-ehdr")
def v_truncated_ehdr():
    """Cut after 40 bytes, in the middle of the ELF header (e_phentsize
    and e_phnum are missing)."""
    return good().pack()[:40]


@variant("truncated-phdrs")
def v_truncated_phdrs():
    """The ELF header complete, the program headers cut after 40 of
    their 96 bytes."""
    return good().pack()[:EHDR_SIZE + 40]


@variant("truncated-in-code")
def v_truncated_in_code():
    """Cut in the middle of the code (0x120 bytes): the rest of the text
    segment and the whole data segment lie past the end of the file."""
    return good().pack()[:CODE_OFF + 0x20]


@variant("truncated-in-data")
def v_truncated_in_data():
    """Cut 2 bytes into the data: the data word reads "DA" and zeros."""
    return good().pack()[:DATA_OFF + 2]


@variant("not-elf")
def v_not_elf():
    """Text, not a program (and not a #! script); longer than an ELF
    header, so that a read of one from it is not short."""
    return b"this is not an ELF file, only some text: more than 52 bytes\n"


@variant("bad-magic")
def v_bad_magic():
    """The good program with "\\177ELG" for "\\177ELF"."""
    elf = good()
    elf.ident[3] = ord("G")
    return elf.pack()


@variant("relocatable")
def v_relocatable():
    """e_type ET_REL: an object file, not a program."""
    elf = good()
    elf.type = ET_REL
    return elf.pack()


@variant("x86")
def v_x86():
    """e_machine EM_386: a program for another machine."""
    elf = good()
    elf.machine = EM_386
    return elf.pack()


@variant("aarch64-elf64")
def v_aarch64_elf64():
    """A 64-bit ELF header (ELFCLASS64) for AArch64 (EM_AARCH64)."""
    elf = bytearray(64)
    elf[0:16] = b"\x7fELF" + bytes([2, 1, 1]) + bytes(9)
    struct.pack_into("<HHIQQQIHHHHHH", elf, 16, ET_EXEC, EM_AARCH64, 1,
                     0x400000, 64, 0, 0, 64, 56, 0, 64, 0, 0)
    return bytes(elf)


@variant("big-endian")
def v_big_endian():
    """The good program written big-endian (ELFDATA2MSB): e_type and
    e_machine read little-endian are 0x0200 and 0x2800."""
    elf = good()
    elf.ident[5] = 2
    elf.endian = ">"
    return elf.pack()


@variant("fdpic")
def v_fdpic():
    """EI_OSABI ELFOSABI_ARM_FDPIC (65): an FDPIC program, which the ELF
    loader leaves to binfmt_elf_fdpic."""
    elf = good()
    elf.ident[7] = ELFOSABI_ARM_FDPIC
    return elf.pack()


@variant("apcs26")
def v_apcs26():
    """e_flags without an EABI version and with EF_ARM_APCS_26: the
    26-bit ABI, which an ARMv7 cannot run."""
    elf = good()
    elf.flags = EF_ARM_APCS_26
    return elf.pack()


@variant("entry-misaligned")
def v_entry_misaligned():
    """e_entry 0x10102: even (ARM state) but not a multiple of 4."""
    elf = good()
    elf.entry += 2
    return elf.pack()


@variant("phentsize-wrong")
def v_phentsize_wrong():
    """e_phentsize 56 (a 64-bit program header's size), not 32."""
    elf = good()
    elf.phentsize = 56
    return elf.pack()


@variant("phnum-zero")
def v_phnum_zero():
    """e_phnum 0: no program headers."""
    elf = good()
    elf.phnum = 0
    return elf.pack()


@variant("phnum-huge")
def v_phnum_huge():
    """e_phnum 65535: 2 MiB of program headers in a 4 KiB file."""
    elf = good()
    elf.phnum = 0xFFFF
    return elf.pack()


def many_phdrs(count):
    """The good program with @count program headers (the real three, then
    PT_NULL), kept at file offset 0x2000, outside every segment."""
    elf = good()
    elf.phoff = 0x2000
    elf.phdrs += [phdr(PT_NULL)] * (count - len(elf.phdrs))
    return elf.pack()


@variant("phnum-128")
def v_phnum_128():
    """128 program headers: 4096 bytes, the most Linux reads."""
    return many_phdrs(128)


@variant("phnum-129")
def v_phnum_129():
    """129 program headers: 4128 bytes, one more than Linux reads."""
    return many_phdrs(129)


@variant("phdrs-past-first-page")
def v_phdrs_past_first_page():
    """Nothing wrong but the place: the program headers at file offset
    0x2000, past the first page and outside every segment."""
    return many_phdrs(3)


@variant("phoff-past-end")
def v_phoff_past_end():
    """e_phoff 0x10000, past the end of the file."""
    elf = good()
    elf.phoff = 0x10000
    body = elf.pack()
    return body[:DATA_OFF + DATA_FILESZ]


@variant("no-load")
def v_no_load():
    """No PT_LOAD at all: nothing is mapped at the entry point."""
    elf = good()
    elf.phdrs = [elf.phdrs[2]]
    return elf.pack()


@variant("empty-segment")
def v_empty_segment():
    """An extra PT_LOAD with p_filesz = p_memsz = 0 (at 0x20000)."""
    elf = good()
    elf.phdrs.insert(2, phdr(PT_LOAD, 0x2000, 0x20000, 0, 0, PF_R))
    return elf.pack()


@variant("ponr-sled")
def v_ponr_sled():
    """A first segment (R X) over 0x8000-0x16000, where the exec'ing
    test program has its own (Thumb) code, full of "movs r0, #77" and
    ending in exit_group; then the data segment in kernel space, which
    fails after the point of no return. A kernel that returned from
    execve then, instead of killing, would resume the caller in the
    sled: exit 77."""
    elf = good()
    sled_start, sled_end = 0x8000, 0x16000
    sled = struct.pack("<H", 0x204D) * ((sled_end - sled_start) // 2 - 2)
    sled += struct.pack("<HH", 0x27F8, 0xDF00)   # movs r7, #248; svc 0
    elf.put(PAGE, sled)                          # file pages 1 on
    elf.phdrs[0] = phdr(PT_LOAD, PAGE, sled_start, len(sled), len(sled),
                        PF_R | PF_X)
    data(elf).update(offset=PAGE + len(sled), vaddr=0xC0000000,
                     paddr=0xC0000000)
    elf.entry = sled_start | 1
    return elf.pack()


@variant("filesz-gt-memsz")
def v_filesz_gt_memsz():
    """The data segment with p_filesz 0x10 > p_memsz 0x8."""
    elf = good()
    data(elf)["memsz"] = 8
    return elf.pack()


@variant("text-in-kernel")
def v_text_in_kernel():
    """The text segment (and the entry point) at 0xc0000000, in the
    kernel's half of the address space."""
    elf = good()
    text(elf)["vaddr"] = text(elf)["paddr"] = 0xC0000000
    elf.entry = 0xC0000000 + CODE_OFF
    return elf.pack()


@variant("entry-in-kernel")
def v_entry_in_kernel():
    """e_entry 0xc0000100, in the kernel's half (the segments are fine)."""
    elf = good()
    elf.entry = 0xC0000000 + CODE_OFF
    return elf.pack()


@variant("data-in-kernel")
def v_data_in_kernel():
    """The data segment at 0xc0000000 (the text is where it should be)."""
    elf = good()
    data(elf)["vaddr"] = data(elf)["paddr"] = 0xC0000000
    return elf.pack()


@variant("segment-at-zero")
def v_segment_at_zero():
    """The text segment at address 0 (entry 0x100): the page ARM Linux
    never maps for user space."""
    elf = good()
    text(elf)["vaddr"] = text(elf)["paddr"] = 0
    elf.entry = CODE_OFF
    return elf.pack()


@variant("segment-wraps")
def v_segment_wraps():
    """The data segment at 0xfffff000 with p_memsz 0x2000: it would wrap
    around the top of the 32-bit address space."""
    elf = good()
    data(elf).update(vaddr=0xFFFFF000, paddr=0xFFFFF000, memsz=0x2000)
    return elf.pack()


@variant("memsz-wraps")
def v_memsz_wraps():
    """The data segment at 0x11000 with p_memsz 0xffff0000: its end
    wraps past 4 GiB."""
    elf = good()
    data(elf)["memsz"] = 0xFFFF0000
    return elf.pack()


@variant("memsz-huge")
def v_memsz_huge():
    """The data segment with 2 GiB of bss (p_memsz 0x80000000): it fits
    below TASK_SIZE, but not in the machine's memory."""
    elf = good()
    data(elf)["memsz"] = 0x80000000
    return elf.pack()


@variant("segment-on-stack")
def v_segment_on_stack():
    """The text segment (and entry) at 0xbeffe000, where the stack is."""
    elf = good()
    text(elf)["vaddr"] = text(elf)["paddr"] = 0xBEFFE000
    elf.entry = 0xBEFFE000 + CODE_OFF
    return elf.pack()


@variant("bss-over-stack")
def v_bss_over_stack():
    """The data segment at 0xbef00000 with 1 MiB of bss, up to TASK_SIZE:
    over the stack, which the loader has set up before the segments."""
    elf = good()
    data(elf).update(vaddr=0xBEF00000, paddr=0xBEF00000, memsz=0x100000)
    return elf.pack()


@variant("overlapping-segments")
def v_overlapping_segments():
    """A second PT_LOAD over the text segment's page: the same bytes
    again at the same address."""
    elf = good()
    elf.phdrs.insert(1, dict(text(elf)))
    return elf.pack()


@variant("overlapping-bss")
def v_overlapping_bss():
    """The text segment's bss (p_memsz 0x1800) runs into the page of the
    data segment, which comes next."""
    elf = good()
    text(elf)["memsz"] = 0x1800
    return elf.pack()


@variant("out-of-order")
def v_out_of_order():
    """The data segment's header before the text segment's."""
    elf = good()
    elf.phdrs[0], elf.phdrs[1] = elf.phdrs[1], elf.phdrs[0]
    return elf.pack()


@variant("vaddr-offset-mismatch")
def v_vaddr_offset_mismatch():
    """The data segment at 0x11004 from file offset 0x1000: address and
    offset disagree modulo the page size."""
    elf = good()
    data(elf).update(vaddr=DATA_VADDR + 4, paddr=DATA_VADDR + 4)
    return elf.pack()


@variant("offset-past-end")
def v_offset_past_end():
    """The data segment's file bytes at offset 0x100000, far past the end
    of the file (which it has bss after)."""
    elf = good()
    data(elf)["offset"] = 0x100000
    return elf.pack()


@variant("offset-past-end-no-bss")
def v_offset_past_end_no_bss():
    """The same with p_memsz = p_filesz: no bss to clear at exec time, so
    the program's read of its data word is the first touch."""
    elf = good()
    data(elf).update(offset=0x100000, memsz=DATA_FILESZ)
    return elf.pack()


@variant("readonly-bss")
def v_readonly_bss():
    """The data segment read-only (PF_R) but with bss after its file
    bytes, in the same page (where the file has its junk)."""
    elf = good()
    data(elf)["flags"] = PF_R
    return elf.pack()


@variant("bss-only-misaligned")
def v_bss_only_misaligned():
    """A third PT_LOAD (R W) with p_filesz 0 and p_memsz 0x100 at 0x20010,
    file offset 0x10: nothing of the file in it. Probed: what is at
    0x20000, the page it starts in?"""
    elf = good()
    elf.phdrs.insert(2, phdr(PT_LOAD, 0x10, 0x20010, 0, 0x100, PF_R | PF_W))
    elf.put(CODE_OFF, exec_code(probe(0x20000)))
    return elf.pack()


def static_pie(base=0, align=PAGE, expect=None):
    """The program position-independent, as ET_DYN without PT_INTERP,
    linked at @base with segments aligned to @align, expecting to run at
    @expect."""
    elf = good()
    elf.type = ET_DYN
    elf.entry = base + CODE_OFF
    text(elf).update(vaddr=base, paddr=base, align=align)
    data(elf).update(vaddr=base + DATA_VADDR - TEXT_VADDR,
                     paddr=base + DATA_VADDR - TEXT_VADDR, align=align)
    elf.put(CODE_OFF, pie_code(expect))
    return elf


@variant("static-pie")
def v_static_pie():
    """ET_DYN without PT_INTERP (a static-pie, or ld.so run as a
    program): position-independent, linked at 0, checks where it was
    loaded (exit 3 if not at PIE_BASE)."""
    return static_pie().pack()


@variant("static-pie-64k")
def v_static_pie_64k():
    """The same with p_align 0x10000, as Linux toolchains align ARM
    segments: expects the place mmap gives, rounded down to 64 KiB."""
    return static_pie(align=0x10000, expect=PIE_BASE & ~0xFFFF).pack()


@variant("static-pie-in-kernel")
def v_static_pie_in_kernel():
    """The static-pie linked at 0xc0000000: wherever it is loaded, its
    p_vaddr are in the kernel's half."""
    return static_pie(base=0xC0000000).pack()


@variant("interp-missing")
def v_interp_missing():
    """PT_INTERP names /no/such/ld.so, which does not exist."""
    return with_interp("/no/such/ld.so").pack()


@variant("interp-not-terminated")
def v_interp_not_terminated():
    """PT_INTERP's bytes are "/data/elf/good" without the final NUL."""
    return with_interp(b"/data/elf/good").pack()


@variant("interp-too-short")
def v_interp_too_short():
    """PT_INTERP with p_filesz 1: shorter than any path and its NUL."""
    return with_interp("/", filesz=1).pack()


@variant("interp-past-end")
def v_interp_past_end():
    """PT_INTERP's bytes at file offset 0x100000, past the end."""
    return with_interp("/data/elf/good", offset=0x100000).pack()


@variant("interp-not-elf")
def v_interp_not_elf():
    """PT_INTERP names /data/elf/not-elf: executable, but text."""
    return with_interp("/data/elf/not-elf").pack()


@variant("interp-empty")
def v_interp_empty():
    """PT_INTERP names /data/elf/empty, a file of 0 bytes."""
    return with_interp("/data/elf/empty").pack()


@variant("interp-x86")
def v_interp_x86():
    """PT_INTERP names /data/elf/x86: an ELF file for another machine."""
    return with_interp("/data/elf/x86").pack()


@variant("interp-directory")
def v_interp_directory():
    """PT_INTERP names /data, a directory."""
    return with_interp("/data").pack()


@variant("interp-not-executable")
def v_interp_not_executable():
    """PT_INTERP names /data/elf/not-executable (mode 644)."""
    return with_interp("/data/elf/not-executable").pack()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mk_hostile_elfs.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, (fn, mode) in VARIANTS.items():
        path = os.path.join(out, name)
        with open(path + ".tmp", "wb") as f:
            f.write(fn())
        os.chmod(path + ".tmp", mode)
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
