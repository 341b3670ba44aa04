#!/bin/bash
# tests/makerun_test.sh - `make run ELF=... ARGS=...` boots one program as
# the first task and hands back its exit status:
#   - the program without newlib (tests/user/nolibc/auxv.c: its own
#     _start, raw svc #0) sees the argv given in ARGS and a correct auxv,
#     and exits 0, so make run succeeds;
#   - hello exits with the status given as its argument (42): QEMU exits
#     with it, and make reports "Error 42".
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
echo "# makerun: done"
