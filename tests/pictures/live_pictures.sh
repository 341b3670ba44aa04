#!/bin/bash
# tests/pictures/live_pictures.sh - `make pictures PID=1` on a live
# kernel: QEMU boots as `make qemu-gdb` does, a first gdb attaches and
# detaches (QEMU runs), the shell maps 3 pages and prints its maps; then
# make pictures attaches, draws pid 1's tree and bar, detaches, renders.
# check_pictures.py --live checks them against the console's maps.
set -u -o pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
mkdir -p build/test
qlog=build/test/pictures-live-qemu.log
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# no exit: the shell waits for more input, so the task is alive to draw
printf 'mmap 3p rw\nmaps\n' |
    GDB_PORT=$port timeout -k 5 60 qemu/qemu.sh > "$qlog" 2>&1 &
qemu_pid=$!
for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done
timeout -k 5 30 make -s --no-print-directory gdb GDB_PORT="$port" \
    GDB_ARGS="-batch -ex detach" > /dev/null 2>&1 < /dev/null
# wait for the maps the shell prints after its mmap
for _ in $(seq 200); do
    sed -n '/^Your turn/,$p' "$qlog" 2>/dev/null | grep -q '\[stack\]' &&
        break
    sleep 0.1
done
rm -f build/pictures/pid1_*
status=0
timeout -k 5 60 make -s --no-print-directory pictures PID=1 \
    GDB_PORT="$port" 2>&1 | sed 's/^/# make| /' || status=1
kill "$qemu_pid" 2>/dev/null
wait "$qemu_pid" 2>/dev/null
tr -d '\r' < "$qlog" > "$qlog.tmp" && mv "$qlog.tmp" "$qlog"
tests/pictures/check_pictures.py --live build/pictures "$qlog" || status=1
exit $status
