#!/bin/bash
# tests/gdb/live_test.sh - the gdb commands on a plain boot, as a student
# uses them: QEMU boots as `make qemu-gdb` does (init, its demonstration,
# then the interactive shell) with commands piped into the serial port,
# and gdb runs tests/gdb/live.gdb: break-placement for pid 1 only,
# placement-next to the end of the search, break-fault on one page and
# on one pid, `finish` out of the search, and each command given bad
# arguments. tests/gdb/check_live.py checks the answers against what the
# shell printed on the console (the address mmap returned, the pid spawn
# started) and against the rules of demand paging.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
mkdir -p build/test
qlog=build/test/gdb-live-qemu.log
glog=build/test/gdb-live-gdb.log

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'mmap 3p rw\ntouch $ 3p\nwrite $+4k 42\nmmap 1p\nspawn hello 7\nexit\n' |
    GDB_PORT=$port timeout -k 5 90 qemu/qemu.sh > "$qlog" 2>&1 &
qemu_pid=$!
for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done
timeout -k 5 90 make -s --no-print-directory gdb GDB_PORT="$port" \
    GDB_ARGS="-batch -x tests/gdb/live.gdb" > "$glog" 2>&1 < /dev/null
sed 's/^/# gdb| /' "$glog"
wait "$qemu_pid"
tr -d '\r' < "$qlog" > "$qlog.tmp" && mv "$qlog.tmp" "$qlog"
tests/gdb/check_live.py "$glog" "$qlog"
echo "# gdb-live: done"
