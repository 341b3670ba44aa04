#!/bin/bash
# tests/makerun_test.sh - `make run ELF=... ARGS=...` boots one program as
# the first task and hands back its exit status:
#   - the program without newlib (tests/user/nolibc/auxv.c: its own
#     _start, raw svc #0) sees the argv given in ARGS and a correct auxv,
#     and exits 0, so make run succeeds;
#   - hello exits with the status given as its argument (42): QEMU exits
#     with it, and make reports "Error 42";
#   - a 512-byte ELF made by hand (tests/mkelf_exit.py: one PT_LOAD, no
#     section headers, exit_group(57) by svc #0) is packed as it is (strip
#     cannot read it) and runs: QEMU exits with 57, the status its code
#     passes;
#   - a file that is not an ELF at all (user/files/data/not-elf) is packed
#     too, and the kernel refuses it: execve's ENOEXEC, as on Linux;
#   - argv[0] is the ELF's own name (a glibc program says so), and ARGS
#     keeps shell quoting (our shell's -c gets one script).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

n=0
check() {	# NAME COMMAND...: one KTAP line
    n=$((n + 1))
    local name=$1
    shift
    if "$@"; then echo "ok $n makerun:$name"; else echo "not ok $n makerun:$name"; fi
}

out=$(timeout -k 5 120 make -s --no-print-directory run \
    ELF=build/u/tests/user/nolibc/auxv.elf ARGS="alpha beta" 2>&1 < /dev/null)
status=$?
echo "$out" | sed 's/^/# | /' | tail -n 8
check nolibc_program_exits_0 test "$status" = 0
check nolibc_program_sees_argv_and_auxv \
    grep -qE '^# auxv: [1-9][0-9]* passed, 0 failed' <<< "$out"

out=$(timeout -k 5 120 make -s --no-print-directory run \
    ELF=build/u/tests/user/hello.elf ARGS="42" 2>&1 < /dev/null)
status=$?
echo "$out" | sed 's/^/# | /' | tail -n 3
check status_42_reaches_qemu grep -q 'init exited with status 42' <<< "$out"
check make_reports_error_42 grep -qE 'Error 42$' <<< "$out"
check make_fails test "$status" != 0

hand=build/test/makerun-hand.elf
mkdir -p build/test
python3 tests/mkelf_exit.py "$hand" 57
check hand_made_elf_is_512_bytes test "$(wc -c < "$hand")" = 512
out=$(timeout -k 5 120 make -s --no-print-directory run ELF="$hand" \
    2>&1 < /dev/null)
echo "$out" | sed 's/^/# | /' | tail -n 4
check hand_made_elf_exits_57 grep -q 'init exited with status 57' <<< "$out"
check hand_made_elf_make_reports_error_57 grep -qE 'Error 57$' <<< "$out"

out=$(timeout -k 5 120 make -s --no-print-directory run \
    ELF=user/files/data/not-elf 2>&1 < /dev/null)
status=$?
echo "$out" | sed 's/^/# | /' | tail -n 3
check not_elf_refused_enoexec \
    grep -q 'cannot start /bin/run: ENOEXEC' <<< "$out"
check not_elf_make_fails test "$status" != 0

# make run with a hostile program (issue 12): the kernel says why it cannot
# run it and QEMU exits non-zero, without a panic. The files are
# tests/user/nolibc/auxv.elf with e_entry patched, so that they pass the
# image's strip step unchanged (the generated files of
# tests/user/mk_hostile_elfs.py have no sections, which strip refuses):
#   - entry 2 mod 4 in ARM state: refused before the point of no return
#     (ENOEXEC, Linux's elf_check_arch), so init cannot start: status 3;
#   - entry in kernel space: accepted, then the entry check after the
#     point of no return fails (EINVAL) and init is killed by SIGSEGV, as
#     on Linux: status 139.
hostile_make_run() {
    local dir=build/test/makerun-elf out status
    mkdir -p "$dir"
    python3 - build/u/tests/user/nolibc/auxv.elf "$dir" <<'PY'
import os, struct, sys
src, out = sys.argv[1], sys.argv[2]
body = bytearray(open(src, "rb").read())
entry = struct.unpack_from("<I", body, 24)[0]
for name, new in (("entry-misaligned", (entry & ~3) + 2),
                  ("entry-in-kernel", 0xC0000100)):
    struct.pack_into("<I", body, 24, new)
    open("%s/%s" % (out, name), "wb").write(body)
    os.chmod("%s/%s" % (out, name), 0o755)
PY
    out=$(timeout -k 5 120 make -s --no-print-directory run \
        ELF=$dir/entry-misaligned 2>&1 < /dev/null)
    status=$?
    echo "$out" | sed 's/^/# | /' | tail -n 3
    check hostile_refused_with_reason grep -q \
        'exec /bin/run: refused (ENOEXEC): not for this ARM' <<< "$out"
    check hostile_refused_init_cannot_start \
        grep -q 'cannot start /bin/run: ENOEXEC' <<< "$out"
    check hostile_refused_no_panic bash -c '! grep -qi panic' <<< "$out"
    check hostile_refused_make_fails test "$status" != 0

    out=$(timeout -k 5 120 make -s --no-print-directory run \
        ELF=$dir/entry-in-kernel 2>&1 < /dev/null)
    status=$?
    echo "$out" | sed 's/^/# | /' | tail -n 3
    check hostile_killed_with_reason grep -q \
        'exec /bin/run: the entry point is beyond TASK_SIZE (EINVAL) after the point of no return: killed by SIGSEGV' <<< "$out"
    check hostile_killed_status_139 \
        grep -q 'init exited with status 139' <<< "$out"
    check hostile_killed_no_panic bash -c '! grep -qi panic' <<< "$out"
    check hostile_killed_make_fails test "$status" != 0
}
hostile_make_run

# argv[0] is the ELF's own name (make run's argv0=), and ARGS keeps the
# shell's quoting: a program built with glibc prints its argv[0] and
# checks "alpha beta"; our shell gets -c and one script of two commands
foreign=build/foreign/root/foreign/armhf/hello
out=$(timeout -k 5 120 make -s --no-print-directory run ELF=$foreign \
    ARGS="alpha beta" 2>&1 < /dev/null)
status=$?
echo "$out" | sed 's/^/# | /' | tail -n 4
check glibc_program_exits_0 test "$status" = 0
check argv0_is_the_elf_name \
    grep -q '^hello, world, from hello with 2 arguments' <<< "$out"
out=$(timeout -k 5 120 make -s --no-print-directory run \
    ELF=build/u/user/sh.elf ARGS="-c 'echo one   two; exit 3'" 2>&1 < /dev/null)
echo "$out" | sed 's/^/# | /' | tail -n 3
check quoted_args_are_one_word grep -q '^one two' <<< "$out"
check quoted_script_exit_status_3 grep -qE 'Error 3$' <<< "$out"
echo "# makerun: done"
