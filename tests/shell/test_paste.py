#!/usr/bin/env python3
"""tests/shell/test_paste.py - piped console input loses no byte.

    tests/shell/test_paste.py [RUNS]      (default 20 runs)

Each run boots topdown with the shell as init (qemu/qemu.sh init=/bin/sh)
and gives QEMU a whole script on its standard input at once, before the
kernel has even started: about 6 KiB of `echo` lines, far more than the
console's 512-byte ring, so the first byte waits in the UART while the
kernel boots and the rest must wait in the host's pipe while the shell
works (the console's back-pressure, kernel/console.c). Every line is
different (a seeded random payload), and its ending is LF, CR or CR LF.
Half-way, the shell spawns tests/user/stdin_count, which reads the
console to its end: a block of 20-40 lines, then a Ctrl-D at the start
of a line; the shell reads the rest of the script after it.

Expected, from the script alone: the shell prints each payload exactly
once, in order, nothing else on such a line; stdin_count reports the
block's exact length and byte sum (the kernel's end of input came at the
Ctrl-D, not earlier or later, and the Ctrl-D itself was not data); a
Ctrl-D inside a line is an
ordinary byte (the shell ignores it, so "ab^Dcd" prints "abcd"); and the
run ends as its last line says:
  - "exit 7": QEMU's exit status is 7 (the shell's exit status);
  - a Ctrl-D at the start of a line: end of input (read() returns 0, as a
    terminal's VEOF), the shell ends with status 0.
The runs alternate between the two endings. One lost, doubled or changed
byte fails the run.

Prints KTAP lines ("ok N paste:run_K") and ends with "# paste: done";
exits 1 if a run failed. Each run's output is kept in build/test/paste/.
"""
import os
import random
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOGDIR = os.path.join(TOP, "build", "test", "paste")
LINES = 150
RUN_TIMEOUT = 120
CTRL_D = "\x04"
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def stdin_block(rng):
    """Lines for a program that reads to the end: printable, some long."""
    lines = []
    for _ in range(rng.randint(20, 40)):
        lines.append("".join(rng.choice(LETTERS + " .,;")
                             for _ in range(rng.randint(0, 120))))
    return "\n".join(lines) + "\n"


def make_script(rng, ends_with_exit):
    """The bytes to send and the lines the shell must print, in order."""
    script, expected = [], []
    for i in range(LINES):
        payload = "".join(rng.choice(LETTERS)
                          for _ in range(rng.randint(8, 40)))
        text = payload
        if i % 10 == 5:		# a Ctrl-D inside the line: just a byte
            cut = len(payload) // 2
            text = payload[:cut] + CTRL_D + payload[cut:]
        ending = rng.choice(["\n", "\r", "\r\n"])
        script.append("echo paste %04d %s%s" % (i, text, ending))
        expected.append("paste %04d %s" % (i, payload))
        if i == LINES // 2:
            block = stdin_block(rng)
            script.append("spawn stdin_count\n" + block + CTRL_D)
            expected.append("stdin_count: %d bytes, sum %d" % (
                len(block), sum(block.encode("latin-1")) % 2**32))
    script.append("exit 7\n" if ends_with_exit else CTRL_D)
    return "".join(script).encode("latin-1"), expected


def check_run(k, seed):
    """Run @k: a list of what went wrong (empty if nothing)."""
    rng = random.Random(seed)
    ends_with_exit = k % 2 == 0
    data, expected = make_script(rng, ends_with_exit)
    argv = [os.path.join(TOP, "qemu", "qemu.sh"), "init=/bin/sh"]
    try:
        proc = subprocess.run(argv, input=data, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("latin-1")
        status = "timeout"
    else:
        out = proc.stdout.decode("latin-1")
        status = proc.returncode
    out = out.replace("\r", "")
    with open(os.path.join(LOGDIR, "run_%02d.log" % k), "w") as log:
        log.write(out)
    problems = []
    got = [line for line in out.split("\n")
           if re.match(r"paste \d{4} |stdin_count: ", line)]
    for i, want in enumerate(expected):
        if i >= len(got):
            problems.append("line %d never printed: %r" % (i, want))
            break
        if got[i] != want:
            problems.append("line %d: printed %r, sent %r" % (i, got[i], want))
            break
    if len(got) > len(expected):
        problems.append("%d lines more than sent" % (len(got) - len(expected)))
    want_status = 7 if ends_with_exit else 0
    if status != want_status:
        problems.append("QEMU exit status %s, expected %d (%s)" % (
            status, want_status,
            "exit 7" if ends_with_exit else "Ctrl-D: end of input"))
    return problems, len(data)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    os.makedirs(LOGDIR, exist_ok=True)
    failed = 0
    for k in range(runs):
        seed = 1000 + k
        problems, size = check_run(k, seed)
        print("# run %d: seed %d, %d bytes piped" % (k, seed, size))
        name = "paste:run_%02d_%s" % (k, "exit_7" if k % 2 == 0 else "ctrl_d")
        if problems:
            failed += 1
            print("not ok %d %s" % (k + 1, name))
            for p in problems:
                print("#   %s (see build/test/paste/run_%02d.log)" % (p, k))
        else:
            print("ok %d %s" % (k + 1, name))
    print("1..%d" % runs)
    print("# paste: done")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
