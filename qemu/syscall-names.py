#!/usr/bin/env python3
"""qemu/syscall-names.py - the names of Linux's ARM EABI system calls,
for the kernel's system-call trace and its ENOSYS reports.

  qemu/syscall-names.py HEADER > kernel/syscall_names.c   write the table
  qemu/syscall-names.py --check HEADER                    compare (a test)

HEADER is Linux's uapi asm/unistd-eabi.h for ARM, as Debian's
linux-libc-dev-armhf-cross installs it (Linux 6.1 in Debian 12):
/usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h. The numbers are the
ABI, facts that cannot differ; the table is generated so that no name
is typed by hand. --check also holds every number of kernel/unistd.h
against the header, and prints KTAP lines.
"""
import re
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
OUT = TOP / "kernel" / "syscall_names.c"
UNISTD = TOP / "kernel" / "unistd.h"

# The ARM-private calls (0xf0000 + n) of asm/unistd.h, which the eabi
# header does not list: these are few and have been fixed since 2.6.
ARM_PRIVATE = {1: "breakpoint", 2: "cacheflush", 3: "usr26", 4: "usr32",
               5: "set_tls", 6: "get_tls"}


def read_header(path):
    names = {}
    pat = re.compile(r"#define __NR_(\w+)\s+\(__NR_SYSCALL_BASE\s*\+\s*(\d+)\)")
    for line in Path(path).read_text().splitlines():
        m = pat.match(line)
        if m:
            names[int(m.group(2))] = m.group(1)
    if not names:
        sys.exit(f"syscall-names: no __NR_ lines in {path}")
    return names


def render(names):
    top = max(names)
    lines = [
        "/*",
        " * kernel/syscall_names.c - the name of each of Linux's ARM EABI",
        " * system-call numbers, for the system-call trace and the ENOSYS",
        " * reports (kernel/syscall_trace.c). Generated from Linux's uapi",
        " * asm/unistd-eabi.h by qemu/syscall-names.py; do not edit by hand.",
        " * NULL: a number Linux does not assign.",
        " */",
        '#include "kernel/syscall_trace.h"',
        "",
        "const char *const linux_syscall_names[LINUX_NR_SYSCALLS] = {",
    ]
    for nr in sorted(names):
        lines.append(f'\t[{nr}] = "{names[nr]}",')
    lines += ["};", "",
              "const char *const arm_private_call_names[ARM_NR_PRIVATE] = {"]
    for nr in sorted(ARM_PRIVATE):
        lines.append(f'\t[{nr}] = "{ARM_PRIVATE[nr]}",')
    lines += ["};", ""]
    return "\n".join(lines), top + 1


def check(names):
    n = failed = 0

    def ok(cond, name, why=""):
        nonlocal n, failed
        n += 1
        if cond:
            print(f"ok {n} syscall_names:{name}")
        else:
            failed += 1
            print(f"not ok {n} syscall_names:{name}")
            if why:
                print(f"#   {why}")

    text, count = render(names)
    ok(OUT.read_text() == text, "table_is_generated_from_the_header",
       f"run: qemu/syscall-names.py HEADER > {OUT.relative_to(TOP)}")
    header_h = (TOP / "kernel" / "syscall_trace.h").read_text()
    m = re.search(r"#define LINUX_NR_SYSCALLS (\d+)", header_h)
    ok(m and int(m.group(1)) == count, "LINUX_NR_SYSCALLS_is_highest_plus_one",
       f"the header's highest number is {count - 1}")
    by_name = {v: k for k, v in names.items()}
    for line in UNISTD.read_text().splitlines():
        m = re.match(r"#define __NR_(\w+) (\d+)", line)
        if m:
            name, nr = m.group(1), int(m.group(2))
            ok(by_name.get(name) == nr, f"unistd_{name}_is_{nr}",
               f"Linux's number for {name} is {by_name.get(name)}")
    for line in UNISTD.read_text().splitlines():
        m = re.match(r"#define __ARM_NR_(\w+) 0x0f(\w+)", line)
        if m and m.group(1) != "BASE":
            name, nr = m.group(1), int(m.group(2), 16)
            ok(ARM_PRIVATE.get(nr) == name, f"unistd_arm_{name}_is_0xf{nr:04x}")
    print(f"# syscall_names: {n - failed} passed, {failed} failed")
    return failed == 0


def main():
    args = sys.argv[1:]
    if args[:1] == ["--check"]:
        sys.exit(0 if check(read_header(args[1])) else 1)
    if len(args) != 1:
        sys.exit(__doc__)
    text, _ = render(read_header(args[0]))
    sys.stdout.write(text)


main()
