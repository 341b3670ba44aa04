#!/bin/bash
# tests/trace/syscalls_test.sh - the system-call trace (trace=syscalls,
# /proc/sys/kernel/trace_syscalls) and the ENOSYS reports, on the console
# as a student sees them, for the calls of tests/user/trace_calls.c.
#
# The expected lines are written here by hand from what the program
# calls and strace's way of showing it; only the address mmap chose comes
# from the run, as the program itself printed it.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
TIMEOUT=${QEMU_TIMEOUT:-120}
n=0 failed=0
check() {	# NAME COMMAND...: one KTAP line
    n=$((n + 1))
    local name=$1
    shift
    if "$@"; then
        echo "ok $n trace_syscalls:$name"
    else
        echo "not ok $n trace_syscalls:$name"
        failed=$((failed + 1))
    fi
}

# boot LOG OPTION... -- ARGS: the console of one boot, CRs removed
boot() {
    local log=$1
    shift
    timeout --foreground -k 5 "$TIMEOUT" qemu/qemu.sh "$@" > "$log" 2>&1 < /dev/null
    tr -d '\r' < "$log" > "$log.tmp" && mv "$log.tmp" "$log"
}

# in_order LOG LINE...: each LINE is a whole line of LOG, in this order
in_order() {
    local log=$1 at=0 line got
    shift
    for line in "$@"; do
        got=$(tail -n +$((at + 1)) "$log" | grep -nxF -m1 -- "$line" | cut -d: -f1)
        if [ -z "$got" ]; then
            echo "#   missing (or out of order): $line"
            return 1
        fi
        at=$((at + got))
    done
}

mkdir -p build/test
log=build/test/trace-syscalls-all.log
boot "$log" trace=syscalls init=/tests/trace_calls -- all
addr=$(grep -oE '^trace_calls: mmap 0x[0-9a-f]+$' "$log" | grep -oE '0x[0-9a-f]+$')
addr=$(printf '%#x' "$((addr))" 2>/dev/null)	# 0xb6ffe000, as %#lx prints
check program_exits_7 grep -qx 'init exited with status 7: stopping' "$log"
check mmap_reported test -n "$addr"
check calls_traced_as_strace_shows_them in_order "$log" \
    '[pid 1] write(1, "hello, trace\n", 13) = 13' \
    '[pid 1] open("/nonexistent", O_RDONLY, 0) = -1 ENOENT (No such file or directory)' \
    "[pid 1] mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = $addr" \
    "[pid 1] mprotect($addr, 4096, PROT_READ) = 0" \
    "[pid 1] munmap($addr, 8192) = 0" \
    '[pid 1] syscall_0x3e8(0x1, 0x2, 0x3) = -1 ENOSYS (Function not implemented)' \
    '[pid 1] socket(0x2, 0x1, 0) = -1 ENOSYS (Function not implemented)' \
    '[pid 1] exit_group(7) = ?'
# while tracing, the trace line is the report: no second one
check no_separate_enosys_report_while_tracing \
    bash -c "! grep -q 'ENOSYS\$' '$log'"

log=build/test/trace-syscalls-switch.log
boot "$log" init=/tests/trace_calls -- switch
check program_exits_0 grep -qx 'init exited with status 0: stopping' "$log"
reports=()
for nr in 3000 2000 2001 2002 2003 2004 2005 2006; do
    reports+=("task 1 (trace_calls): system call $nr ($(printf '%#x' $nr)) is not one of Linux's: ENOSYS")
done
check first_eight_enosys_reported in_order "$log" "${reports[@]}" \
    'task 1 (trace_calls): more calls answered ENOSYS, not reported'
check a_number_is_reported_once test "$(grep -c 'system call 3000 ' "$log")" = 1
check ninth_and_later_not_reported \
    bash -c "! grep -qE 'system call 200[789] ' '$log'"
check one_line_says_the_rest_are_not \
    test "$(grep -c 'more calls answered ENOSYS' "$log")" = 1
# on by the write of "1" (its own close is the first line), off by the
# write of "0" (its line is the last); the calls around are not traced
check sysctl_switches_the_trace test "$(grep '^\[pid ' "$log")" = "$(cat <<'END'
[pid 1] close(3) = 0
[pid 1] getppid() = 0
[pid 1] open("/proc/sys/kernel/trace_syscalls", O_WRONLY, 0) = 3
[pid 1] write(3, "0", 1) = 1
END
)"
echo "# trace_syscalls: $((n - failed)) passed, $failed failed"
echo "# trace-syscalls: done"
