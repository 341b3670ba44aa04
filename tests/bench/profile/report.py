#!/usr/bin/env python3
"""tests/bench/profile/report.py - the report of `make profile`.

  report.py [--top N] --kernel K.elf --elf P.elf COUNTS CONSOLE
      per phase: the guest instructions, and the top N functions by
      exclusive count (instructions at the function's own PCs) and by
      inclusive count (while the function was on the shadow call stack),
      also per operation when the phase says how many it did.
  report.py thumb ELF...
      the Thumb code ranges of the ELF files ("LO HI" in hex), from their
      mapping symbols ($t up to the next $a, $t or $d), for the plugin.

COUNTS is what the plugin (profile.c) wrote; CONSOLE is what the guest
printed, where the program's "@profile NAME OPS" lines name its phases in
the order they began. Names come from `nm` of the kernel and the program.
"""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys

NM = os.environ.get("CROSS", "arm-none-eabi-") + "nm"
# The kernel is linked at 0xC0010000 and runs at 0x60010000 before the MMU
# is on: those early PCs are named after their virtual twins.
PHYS_OFFSET = 0xC0000000 - 0x60000000
VECTOR_NAMES = ["reset", "undef", "svc", "prefetch_abort", "data_abort",
                "hyp", "irq", "fiq"]


def nm_lines(elf, *opts):
    """The lines of `nm -n` of @elf, split; none if nm cannot read it."""
    run = subprocess.run([NM, "-n", *opts, elf], capture_output=True,
                         text=True)
    return [line.split() for line in run.stdout.splitlines()]


def thumb_ranges(elfs):
    """The [lo, hi) ranges of Thumb code in @elfs."""
    ranges = []
    for elf in elfs:
        marks = [(int(f[0], 16), f[2][1]) for f in nm_lines(elf, "--special-syms")
                 if len(f) == 3 and re.match(r"^\$[atd](\.|$)", f[2])]
        for (a, kind), (b, _) in zip(marks, marks[1:] + [(None, None)]):
            if kind == "t" and b is not None and b > a:
                ranges.append((a, b))
    return sorted(set(ranges))


class Symbols:
    """Function names by address, from `nm` of one or more ELF files."""

    def __init__(self):
        self.addrs, self.names = [], []

    def add(self, elf, prefix=""):
        for f in nm_lines(elf, "--defined-only"):
            if len(f) == 3 and f[1] in "TtWw" and not f[2].startswith("$"):
                self.addrs.append(int(f[0], 16) & ~1)
                self.names.append(prefix + f[2])
        order = sorted(range(len(self.addrs)), key=lambda i: self.addrs[i])
        self.addrs = [self.addrs[i] for i in order]
        self.names = [self.names[i] for i in order]

    def lookup(self, pc):
        """(name, offset) of the function holding @pc, or None."""
        i = bisect.bisect_right(self.addrs, pc) - 1
        if i < 0:
            return None
        return self.names[i], pc - self.addrs[i]


class Namer:
    def __init__(self, kernel, elf, kbase):
        self.kbase = kbase
        self.kernel = Symbols()
        self.kernel.add(kernel)
        self.user = Symbols()
        if elf:
            self.user.add(elf, "[u] ")
        self.vectors = None
        for a, n in zip(self.kernel.addrs, self.kernel.names):
            if n == "vectors":
                self.vectors = a
        self.cache = {}

    def function(self, pc):
        """The name of the function @pc is in."""
        if pc in self.cache:
            return self.cache[pc]
        name = None
        if self.vectors is not None and self.vectors <= pc < self.vectors + 32:
            name = "[exception %s]" % VECTOR_NAMES[(pc - self.vectors) // 4]
        elif pc >= self.kbase:
            hit = self.kernel.lookup(pc)
            name = hit[0] if hit else None
        elif 0x60000000 <= pc < 0x70000000:
            hit = self.kernel.lookup(pc + PHYS_OFFSET)
            name = hit[0] + " (MMU off)" if hit else None
        else:
            hit = self.user.lookup(pc)
            name = hit[0] if hit else None
        if name is None:
            name = "?%s %#x" % ("kernel" if pc >= self.kbase else "user", pc)
        self.cache[pc] = name
        return name

    def entry(self, pc):
        """The name of a call target (a function's entry, normally)."""
        name = self.function(pc)
        hit = (self.kernel if pc >= self.kbase else self.user).lookup(pc)
        if hit and hit[1] and not name.startswith("["):
            name += "+%#x" % hit[1]
        return name


class Segment:
    def __init__(self, kind, total):
        self.kind, self.total = kind, total
        self.excl = collections.Counter()     # pc -> instructions
        self.incl = collections.Counter()     # entry -> instructions
        self.calls = collections.Counter()    # entry -> frames pushed


def read_counts(path):
    segs = []
    with open(path) as f:
        for line in f:
            w = line.split()
            if w[0] == "segment":
                segs.append(Segment(w[2], int(w[3])))
            elif w[0] == "x":
                segs[-1].excl[int(w[1], 16)] += int(w[2])
            elif w[0] == "i":
                segs[-1].incl[int(w[1], 16)] += int(w[2])
                segs[-1].calls[int(w[1], 16)] += int(w[3])
            elif w[0] == "stats" and int(w[4]):
                print("profile: the shadow stack overflowed: %s frames not"
                      " counted (inclusive counts are low)" % w[4])
    return segs


def read_phases(path):
    """[(name, ops)] from the console's "@profile NAME OPS" lines."""
    phases = []
    with open(path, errors="replace") as f:
        for line in f:
            m = re.match(r"^@profile (\S+) (\d+)\s*$", line)
            if m:
                phases.append((m.group(1), int(m.group(2))))
    return phases


def merge(segs, kind):
    out = Segment(kind, sum(s.total for s in segs))
    for s in segs:
        out.excl.update(s.excl)
        out.incl.update(s.incl)
        out.calls.update(s.calls)
    return out


def per_op(n, ops):
    return "%10.1f" % (n / ops) if ops else " " * 10


def report(name, ops, seg, namer, top):
    total = seg.total
    by_fn = collections.Counter()
    user = 0
    for pc, n in seg.excl.items():
        by_fn[namer.function(pc)] += n
        if pc < namer.kbase and not 0x60000000 <= pc < 0x70000000:
            user += n
    opstr = ", %d operation%s, %.1f per operation" \
        % (ops, "s" if ops > 1 else "", total / ops) if ops else ""
    print("== %s: %d guest instructions%s" % (name, total, opstr))
    if not total:
        print()
        return
    print("   kernel %d (%.1f%%), user %d (%.1f%%)"
          % (total - user, 100.0 * (total - user) / total,
             user, 100.0 * user / total))
    print("\n   exclusive (at the function's own instructions)")
    print("   %12s %10s %6s  %s" % ("instrs", "per op" if ops else "",
                                   "%", "function"))
    for fn, n in by_fn.most_common(top):
        print("   %12d %s %5.1f%%  %s"
              % (n, per_op(n, ops), 100.0 * n / total, fn))
    print("\n   inclusive (while on the call stack; calls = times entered)")
    print("   %12s %10s %8s  %s" % ("instrs", "per op" if ops else "",
                                   "calls", "function"))
    incl = collections.Counter()
    calls = collections.Counter()
    for entry, n in seg.incl.items():
        incl[namer.entry(entry)] += n
        calls[namer.entry(entry)] += seg.calls[entry]
    for fn, n in incl.most_common(top):
        print("   %12d %s %8d  %s" % (n, per_op(n, ops), calls[fn], fn))
    print()


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "thumb":
        for lo, hi in thumb_ranges(sys.argv[2:]):
            print("%x %x" % (lo, hi))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--elf")
    ap.add_argument("--kbase", default="c0000000")
    ap.add_argument("counts")
    ap.add_argument("console")
    a = ap.parse_args()
    namer = Namer(a.kernel, a.elf, int(a.kbase, 16))
    segs = read_counts(a.counts) if os.path.exists(a.counts) else []
    if not segs:
        print("profile: no counts in %s (did QEMU load the plugin? see %s)"
              % (a.counts, a.console))
        return 1
    phases = read_phases(a.console)
    named = [s for s in segs if s.kind == "begin"]
    if len(named) != len(phases):
        print("profile: %d phases began, the console names %d: unnamed ones"
              " are shown as phaseN" % (len(named), len(phases)))
    print("make profile: guest instructions per function; %s on %s"
          % (os.path.basename(a.elf or "?"), os.path.basename(a.kernel)))
    print()
    for i, seg in enumerate(named):
        name, ops = phases[i] if i < len(phases) else ("phase%d" % i, 0)
        report("phase %s" % name, ops, seg, namer, a.top)
    rest = merge([s for s in segs if s.kind in ("run", "end")], "rest")
    title = "outside the phases (start, exit, printing)" if named \
        else "the whole run (the program marks no phases)"
    report(title, 0, rest, namer, a.top)
    boot = sum(s.total for s in segs if s.kind == "start")
    print("(before the program's first instruction, the boot: %d guest"
          " instructions, not shown)" % boot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
