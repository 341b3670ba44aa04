#!/bin/bash
# tests/gdb/boot_test.sh - the debugging path works end to end: QEMU starts
# halted with a gdb server (as `make qemu-gdb`), `make gdb` attaches,
# breaks at start_kernel, continues, and the backtrace names it.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

# a free TCP port, so parallel runs and other users do not collide
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
GDB_PORT=$port timeout -k 5 60 qemu/qemu.sh > build/test/gdb-qemu.log 2>&1 < /dev/null &
qemu_pid=$!

# wait until QEMU listens (it does so before running any guest code)
for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
    sleep 0.1
done

out=$(timeout -k 5 60 make -s --no-print-directory gdb GDB_PORT="$port" \
    GDB_ARGS="-batch -ex 'break start_kernel' -ex continue -ex bt -ex kill" 2>&1)
echo "$out" | sed 's/^/# gdb| /'
wait "$qemu_pid"

n=0
check() {
    n=$((n + 1))
    if echo "$out" | grep -qE "$2"; then
        echo "ok $n gdb:$1"
    else
        echo "not ok $n gdb:$1"
    fi
}
check breakpoint_at_start_kernel_is_hit '^Breakpoint 1, start_kernel \(\) at kernel/main\.c'
check backtrace_names_start_kernel '^#0 +start_kernel \(\) at kernel/main\.c'

# without QEMU: make gdb says what to start first, and fails
free_port=$(python3 -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
out=$(timeout -k 5 60 make -s --no-print-directory gdb GDB_PORT="$free_port" \
    GDB_ARGS=-batch 2>&1 < /dev/null)
status=$?
echo "$out" | sed 's/^/# gdb| /'
check without_qemu_says_start_make_qemu_gdb \
    '^Start QEMU first, in another terminal: make qemu-gdb'
# at once: the refusal itself, not gdb's "timed out" after its retries
check without_qemu_fails_at_once_on_the_refusal \
    '^Nothing listens on port [0-9]+ \(.*Connection refused\)$'
n=$((n + 1))
if [ "$status" != 0 ] && [ "$status" != 124 ]; then
    echo "ok $n gdb:without_qemu_make_gdb_fails"
else
    echo "not ok $n gdb:without_qemu_make_gdb_fails"
fi
echo "# gdb: done"
