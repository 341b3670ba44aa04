#!/bin/bash
# tests/gdb/unwind_test.sh - gdb's backtrace goes through the exception
# entry (the unwind information of kernel/armv7/entry.S) down to the user
# code that entered the kernel, and stops there:
#   - at a breakpoint in unmapped_area_topdown reached from the shell's
#     "mmap 0x7000": after do_svc, a "<signal handler called>" frame, then
#     the user's pc, inside __syscall of /bin/sh (the instruction after its
#     svc; from the symbol table of build/u/user/sh.elf);
#   - at a breakpoint where the kernel acts on a fault that kills the
#     task (fault_act with FAULT_SIGNAL: the shell's child reading an
#     unmapped page, "read 0x1000"): through do_data_abort to the
#     faulting pc, inside the shell's do_read.
# And the backtrace ends (it used to loop in vector_svc for ever).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
mkdir -p build/test
SH_ELF=build/u/user/sh.elf

n=0
report() {	# NAME OK [WHY]
    n=$((n + 1))
    if [ "$2" = 1 ]; then
        echo "ok $n gdb-unwind:$1"
    else
        echo "not ok $n gdb-unwind:$1"
        [ -n "${3:-}" ] && echo "#   $3"
    fi
}

# the [start, end) of function @1 in sh.elf (decimal), from nm -n: from
# its address to the next symbol's
symbol_range() {
    arm-none-eabi-nm -n "$SH_ELF" | python3 -c '
import sys
f = sys.argv[1]
lines = [l.split() for l in sys.stdin if len(l.split()) == 3]
for i, (addr, _, name) in enumerate(lines):
    if name == f and i + 1 < len(lines):
        print(int(addr, 16), int(lines[i + 1][0], 16))
        break' "$1"
}

# session NAME INPUT BREAK: boot the shell fed INPUT, stop at BREAK, bt
session() {
    local name=$1 input=$2 brk=$3 port qemu_pid
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf '%b' "$input" | GDB_PORT=$port timeout -k 5 60 qemu/qemu.sh \
        init=/bin/sh > "build/test/gdb-unwind-$name-qemu.log" 2>&1 &
    qemu_pid=$!
    for _ in $(seq 100); do
        (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
        sleep 0.1
    done
    timeout -k 5 60 make -s --no-print-directory gdb GDB_PORT="$port" \
        GDB_ARGS="-batch -ex '$brk' -ex continue -ex bt -ex kill" \
        > "build/test/gdb-unwind-$name.log" 2>&1
    wait "$qemu_pid" 2>/dev/null
    sed 's/^/# gdb| /' "build/test/gdb-unwind-$name.log" | grep -E '^# gdb\| #|stopped'
}

# check NAME LOG FUNCTION: after "<signal handler called>", the next frame's
# pc lies in FUNCTION of sh.elf, and the backtrace ended
check() {
    local name=$1 log=$2 fn=$3 range pc
    range=$(symbol_range "$fn")
    pc=$(awk '/<signal handler called>/ { getline; print $2; exit }' "$log")
    report "${name}_passes_the_exception_entry" \
        "$(grep -q '<signal handler called>' "$log" && echo 1)" \
        "no exception frame in the backtrace (see $log)"
    if [ -n "$pc" ] && [ -n "$range" ]; then
        set -- $range
        pc=$((pc))
        report "${name}_ends_at_the_user_pc_in_$fn" \
            "$([ "$pc" -ge "$1" ] && [ "$pc" -lt "$2" ] && echo 1)" \
            "pc $(printf %#x "$pc"), $fn is [$(printf %#x "$1"), $(printf %#x "$2"))"
    else
        report "${name}_ends_at_the_user_pc_in_$fn" 0 \
            "no user frame (pc '$pc') or no symbol $fn (range '$range')"
    fi
    report "${name}_backtrace_ends" \
        "$(grep -qE '^#(1[0-9]|[0-9]) ' "$log" && ! grep -qE '^#[0-9]{3,} ' "$log" && echo 1)" \
        "see $log"
}

session syscall 'mmap 0x7000\nexit\n' 'break-placement 0x7000'
check syscall build/test/gdb-unwind-syscall.log __syscall
session abort 'read 0x1000\nexit\n' \
    'break fault_act if verdict == FAULT_SIGNAL'
check abort build/test/gdb-unwind-abort.log do_read
echo "# gdb-unwind: done"
