#!/usr/bin/env python3
"""tests/bench/profile/selftest.py - the profiling plugin counts right.

Profiles tests/bench/profile/profile_selftest.c, whose phases call
functions of known instruction counts (ARM and Thumb, BL and BLX, an SVC),
and checks the plugin's exclusive counts, calls and inclusive counts for
them exactly. A timer interrupt may land in a phase: the inclusive checks
allow at most the kernel instructions of the phase on top, never a user
instruction more. Prints KTAP lines, then "# profile: done".
"""
import collections
import os
import subprocess
import sys

top = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(top, "tests", "bench", "profile"))
import report  # noqa: E402

ELF = os.path.join(top, "build/u/tests/bench/profile/profile_selftest.elf")
KERNEL = os.path.join(top, "build/bench/kernel/kernel.elf")
OUT = os.path.join(top, "build/test/profile")

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %d profile:%s" % ("ok" if ok else "not ok", len(results), name))
    if not ok:
        print("#   %s" % detail)


def main():
    env = dict(os.environ, PROFILE_OUT=OUT, KERNEL=KERNEL,
               PLUGIN=os.path.join(top, "build/profile/profile.so"))
    run = subprocess.run([os.path.join(top, "tests/bench/profile/run.sh"),
                          ELF], env=env, capture_output=True, text=True,
                         timeout=300)
    print(run.stdout, end="")
    print(run.stderr, end="")
    check("make_profile_runs", run.returncode == 0,
          "run.sh exit status %d" % run.returncode)
    namer = report.Namer(KERNEL, ELF, 0xC0000000)
    segs = report.read_counts(os.path.join(OUT, "counts.txt"))
    check("every_segment_sums_to_its_total",
          segs and all(sum(s.excl.values()) == s.total for s in segs),
          [(s.total, sum(s.excl.values())) for s in segs])
    phases = {}
    for (name, _), seg in zip(
            report.read_phases(os.path.join(OUT, "console.log")),
            [s for s in segs if s.kind == "begin"]):
        excl = collections.Counter()
        kernel = 0
        for pc, n in seg.excl.items():
            excl[namer.function(pc)] += n
            if pc >= namer.kbase:
                kernel += n
        incl = {namer.entry(e): (n, seg.calls[e]) for e, n in seg.incl.items()}
        phases[name] = (excl, incl, kernel)
    check("three_phases_named", sorted(phases) == ["loop", "nested", "syscall"],
          sorted(phases))
    if sorted(phases) != ["loop", "nested", "syscall"]:
        return

    def expect(phase, fn, excl_n, calls, incl_n, extra=0):
        excl, incl, kernel = phases[phase]
        got = incl.get("[u] " + fn, (0, 0))
        check("%s_%s_exclusive_%d" % (phase, fn, excl_n),
              excl["[u] " + fn] == excl_n, "got %d" % excl["[u] " + fn])
        check("%s_%s_called_%d" % (phase, fn, calls), got[1] == calls,
              "got %d" % got[1])
        low = incl_n + extra
        check("%s_%s_inclusive_%d" % (phase, fn, low),
              low <= got[0] <= incl_n + kernel,
              "got %d, kernel instructions in the phase %d" % (got[0], kernel))

    expect("loop", "count_loop", 202, 1, 202)
    expect("nested", "inner", 44, 2, 44)
    expect("nested", "outer", 4, 1, 48)
    excl, incl, kernel = phases["syscall"]
    svc = incl.get("[exception svc]", (0, 0))
    check("syscall_enters_the_svc_vector_once", svc[1] == 1, svc)
    check("syscall_reaches_sys_getpid",
          incl.get("sys_getpid", (0, 0))[1] == 1, incl.get("sys_getpid"))
    expect("syscall", "getpid_arm", 4, 1, 4, svc[0])


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a crash is one more failure, with its cause
        check("selftest_completes", False, repr(e))
    print("# profile: %d passed, %d failed" % (results.count(True),
                                              results.count(False)))
    print("# profile: done")
    sys.exit(0 if all(results) else 1)
