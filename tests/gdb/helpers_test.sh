#!/bin/bash
# tests/gdb/helpers_test.sh - the gdb commands of qemu/gdb/ against a live
# kernel: QEMU runs the self-test of tests/kernel/test_gdb_scenario.c
# under its gdb server, `make gdb` (with the generated .gdbinit, which
# loads the commands) stops in unmapped_area_topdown with
# break-placement, and tests/gdb/helpers.gdb asks vmas, vma-tree, ptwalk,
# tasks, maps and placement-next. tests/gdb/check_helpers.py compares the
# answers with the scenario as written by hand and with what the kernel's
# own page-table lookup printed on the console.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
qlog=build/test/gdb-helpers-qemu.log
glog=build/test/gdb-helpers-gdb.log

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
GDB_PORT=$port timeout -k 5 90 qemu/qemu.sh selftest=gdb_scenario \
    > "$qlog" 2>&1 < /dev/null &
qemu_pid=$!

for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done

timeout -k 5 90 make -s --no-print-directory gdb GDB_PORT="$port" \
    GDB_ARGS="-batch -x tests/gdb/helpers.gdb" > "$glog" 2>&1 < /dev/null
sed 's/^/# gdb| /' "$glog"
wait "$qemu_pid"
tr -d '\r' < "$qlog" > "$qlog.tmp" && mv "$qlog.tmp" "$qlog"

tests/gdb/check_helpers.py "$glog" "$qlog"
echo "# gdb-helpers: done"
