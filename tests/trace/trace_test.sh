#!/bin/bash
# tests/trace/trace_test.sh - the placement trace, switched on by the boot
# option (TRACE=placement, as `make qemu TRACE=placement`), shows for the
# self-tests of tests/kernel/test_placement_trace.c exactly the steps
# worked out by hand in tests/trace/holes.expected.
#
# Why on the target and not on the host: the point is that the boot
# option reaches the search and that the trace appears on the console as
# a student sees it; the self-tests check the chosen addresses themselves.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
log=build/test/trace-qemu.log

TRACE=placement timeout --foreground -k 5 "${QEMU_TIMEOUT:-180}" \
    qemu/qemu.sh selftest=placement_trace > "$log" 2>&1 < /dev/null
status=$?
tr -d '\r' < "$log" > "$log.tmp" && mv "$log.tmp" "$log"
grep -E '^(ok|not ok) [0-9]' "$log" | sed 's/^/# target| /'
if [ "$status" = 0 ] && grep -q '^# kernel: 4 passed, 0 failed' "$log"; then
    echo "ok 1 trace:self_tests_pass_with_trace_on"
else
    echo "not ok 1 trace:self_tests_pass_with_trace_on"
    echo "#   QEMU exit status $status; see $log"
fi
# a checker that stops (not a mismatch: those are "not ok" lines) fails
# the stage through the exit status
tests/trace/check_trace.py tests/trace/holes.expected "$log" 2 || exit 1
echo "# trace: done"
