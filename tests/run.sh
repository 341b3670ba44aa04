#!/bin/bash
# tests/run.sh - everything `make test` runs, in stages:
#
#   portable   no portable kernel/ or mm/ file includes an ARM header
#              or has inline assembly (tests/check_portable.sh)
#   readme     README.md's map of the tree matches the tree
#   callgraph  in the kernel's objects, no cycle passes through printk,
#              panic or the fault path (tests/check_callgraph.py)
#   syscall-names  kernel/syscall_names.c and kernel/unistd.h agree with
#              Linux's ARM EABI header (qemu/syscall-names.py --check)
#   host       the portable mm/ and kernel/ code, host gcc + ASan/UBSan
#   selftest   the kernel's self-tests, in QEMU
#   user       the user test programs (tests/user/PROGRAMS), run by
#              /bin/runtests as the first task, each checked for its
#              exit status and for leaking no page
#   alias      the tests that depend on colour alignment, booted with
#              CACHE_ALIAS=on
#   oom        MEM=32M: a task runs out of memory and is killed, the
#              kernel goes on, every page comes back
#   foreign    ordinary C programs built -static with Debian's glibc for
#              armel and armhf, and with its armhf musl (tests/foreign/)
#   fuzz       the system-call fuzzer, seeded, on the debug kernel and on
#              the release kernel with MEM=32M (long runs: make fuzz)
#   makerun    make run ELF=... ARGS=...: a program without newlib sees
#              its argv and auxv; an exit status comes back through make,
#              also from a 512-byte hand-made ELF without sections
#   busybox    Debian's busybox-static (armhf, fetched once with apt-get
#              download): echo, cat /proc/self/maps, ls, free, uname,
#              sh with a pipe, an exit status and arithmetic
#   boot       a plain boot (what `make qemu` does) ends with status 0
#              when its input says exit
#   shell      a scripted session with the shell, through the serial port
#   paste      20 boots, each fed ~8 KiB of commands at once through the
#              serial port: no byte lost, Ctrl-D is end of input
#   trace      TRACE=placement shows the hand-worked steps of three searches
#   aslr       randomize_va_space 0/1/2 over many boots: Linux's ranges,
#              8 of 10 mmap_base values distinct, the fixed layout at 0
#   trace-syscalls  TRACE=syscalls shows calls as strace does, the sysctl
#              turns it on and off, the first ENOSYS calls are reported
#   pictures   make pictures draws the scenario's tree and address space
#   pictures-live  make pictures PID=1 draws the shell's, through gdb
#   gdb        gdb-multiarch attached to QEMU stops at start_kernel
#   gdb-decode ptwalk's descriptor decoder, on the host
#   gdb-helpers  the gdb commands (vmas, vma-tree, ptwalk, ...) on a live
#              kernel stopped in unmapped_area_topdown
#   gdb-unwind `bt` goes through the exception entry to the user's pc
#              (from a system call and from a fatal fault) and ends
#   gdb-live   the gdb commands on a plain boot driven through the serial
#              port: break-placement for one pid, placement-next to the
#              end, break-fault by page and by pid, bad arguments
#   profile    make profile's plugin counts functions of known length
#              exactly (tests/bench/profile/selftest.py)
#
# Every stage prints KTAP lines ("ok N name" / "not ok N name"); its full
# output is kept in build/test/STAGE.log. A stage that crashes, hangs
# (each QEMU run is bounded by a timeout), prints no result at all, or
# ends without its summary counts as one more failure. The last line is
# the total, alone:
#   N passed, M failed
# and the exit status is non-zero when M > 0.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
logs=build/test
mkdir -p "$logs"

QEMU_TIMEOUT=${QEMU_TIMEOUT:-180}
total_pass=0
total_fail=0


# stage_failed NAME WHY: the stage itself broke (crash, hang, no summary)
stage_failed() {
    echo "not ok - $1: $2"
    total_fail=$((total_fail + 1))
}

# show LOG: the result lines and the diagnostics of failed checks
show() {
    tr -d '\r' < "$1" > "$1.tmp" && mv "$1.tmp" "$1"
    grep -E '^(ok|not ok) [0-9]|^#   ' "$1"
}

# run_stage NAME SUMMARY-REGEX COMMAND...: run, show, count, judge
run_stage() {
    local name=$1 summary=$2 log=$logs/$1.log status failed passed
    shift 2
    echo "# stage $name: $*"
    "$@" > "$log" 2>&1 < /dev/null
    status=$?
    show "$log"
    failed=$(grep -c '^not ok [0-9]' "$log")
    passed=$(grep -c '^ok [0-9]' "$log")
    total_pass=$((total_pass + passed))
    total_fail=$((total_fail + failed))
    if [ "$status" = 124 ]; then
        stage_failed "$name" "timed out (hang?); see $log"
    elif [ $((passed + failed)) = 0 ]; then
        stage_failed "$name" "printed no result at all (exit $status); see $log"
    elif ! grep -qE "$summary" "$log"; then
        stage_failed "$name" "ended without its summary (exit $status); see $log"
        tail -n 20 "$log" | sed 's/^/#   | /'
    elif [ "$status" != 0 ] && [ "$failed" = 0 ]; then
        stage_failed "$name" "exit status $status with no failed test; see $log"
    fi
}

qemu_run() {
    timeout --foreground -k 5 "$QEMU_TIMEOUT" qemu/qemu.sh "$@"
}

# --- the architecture boundary: no ARM header in portable code -------------
run_stage portable '^# portable: [0-9]+ passed' tests/check_portable.sh
run_stage readme '^# readme: [0-9]+ passed' tests/check_readme_map.py
run_stage readme-commands '^# readme_commands: [0-9]+ passed' \
    tests/check_readme_commands.py
run_stage callgraph '^# callgraph: [0-9]+ passed' tests/check_callgraph.py
run_stage syscall-names '^# syscall_names: [0-9]+ passed' \
    qemu/syscall-names.py --check /usr/arm-linux-gnueabihf/include/asm/unistd-eabi.h

# --- host -----------------------------------------------------------------
run_stage host '^# host: [0-9]+ passed' build/host/hosttests

# --- target self-tests ----------------------------------------------------
run_stage selftest '^# kernel: [0-9]+ passed' qemu_run selftest

# --- user programs ---------------------------------------------------------
run_stage user '^# user: [0-9]+ passed' qemu_run init=/bin/runtests
# what the console showed of the faults: a bad pointer in a system call
# (tests/user/badptr.c ...) is an EFAULT fixed up before any report, so
# no kernel abort is printed; a fatal user fault prints its full report
console_check() {
    if eval "$2"; then
        echo "ok - $1"
        total_pass=$((total_pass + 1))
    else
        echo "not ok - $1"
        total_fail=$((total_fail + 1))
    fi
}
console_check "user: a system call's EFAULT prints no abort report" \
    "! grep -qE 'abort in (SVC|SYS) mode|Kernel panic' '$logs/user.log'"
console_check "user: a fatal user fault prints its full report" \
    "grep -qE '^task [0-9]+ \\(.*\\): SIGSEGV at address' '$logs/user.log' &&
     grep -qE '^  (read|write|execute) access; ' '$logs/user.log' &&
     grep -q '^  maps of the task:' '$logs/user.log'"
run_stage alias '^# user: [0-9]+ passed' env CACHE_ALIAS=on \
    timeout --foreground -k 5 "$QEMU_TIMEOUT" qemu/qemu.sh \
    init=/bin/runtests -- /tests/PROGRAMS topdown filemap,placement_arm
# with the option on, no colour case may skip as if the cache did not alias
if grep -q 'SKIP the data cache does not alias' "$logs/alias.log"; then
    echo "not ok - alias: a colour case skipped with CACHE_ALIAS=on"
    total_fail=$((total_fail + 1))
fi
run_stage oom '^# user: [0-9]+ passed' env MEM=32M \
    timeout --foreground -k 5 "$QEMU_TIMEOUT" qemu/qemu.sh \
    init=/bin/runtests -- /tests/PROGRAMS oom32 oom

# --- ordinary C programs built with glibc (armel, armhf) and musl ----------
# tests/foreign/PROGRAMS, from their own image (the usual one plus
# /foreign/): each program checks itself; the runner checks exit statuses
# and that every page came back
run_stage foreign '^# user: [0-9]+ passed' env \
    INITRAMFS=build/foreign/initramfs.cpio \
    timeout --foreground -k 5 "$QEMU_TIMEOUT" qemu/qemu.sh \
    init=/bin/runtests -- /foreign/PROGRAMS topdown

# --- the system-call fuzzer: a short run on each kernel -------------------
run_stage fuzz '^# fuzz: done' env SEED=1 OPS=4000 KERNELS=debug \
    FUZZ_TIMEOUT=$QEMU_TIMEOUT tests/fuzz/run.sh
run_stage fuzz32 '^# fuzz: done' env SEED=2 OPS=4000 KERNELS=release \
    MEM=32M FUZZ_TIMEOUT=$QEMU_TIMEOUT tests/fuzz/run.sh

# --- a plain boot, fed "exit" as `printf 'exit\n' | make qemu` would be ---
boot_test() {
    local status
    printf 'exit\n' | timeout --foreground -k 5 "$QEMU_TIMEOUT" qemu/qemu.sh
    status=$?
    echo "# boot: exit status $status"
    [ "$status" = 0 ] && echo "ok 1 boot:plain_boot_ends_with_status_0" ||
        echo "not ok 1 boot:plain_boot_ends_with_status_0"
    echo "# boot: done"
}
run_stage boot '^# boot: done' boot_test

# --- make run -------------------------------------------------------------
run_stage makerun '^# makerun: done' tests/makerun_test.sh

# --- Debian's busybox-static, command by command --------------------------
run_stage busybox '^# busybox: done' tests/busybox/run.sh

# --- the shell, driven through the serial port ---------------------------
run_stage shell '^# shell: done' tests/shell/test_session.py
run_stage paste '^# paste: done' tests/shell/test_paste.py 20
# --- the placement trace against hand-worked searches --------------------
run_stage trace '^# trace: done' tests/trace/trace_test.sh
run_stage trace-syscalls '^# trace-syscalls: done' tests/trace/syscalls_test.sh
run_stage aslr '^# aslr: done' tests/aslr/aslr_test.sh

# --- make pictures --------------------------------------------------------
run_stage pictures '^# pictures: done' tests/pictures/pictures_test.sh
run_stage pictures-live '^# pictures-live: done' bash -c \
    'tests/pictures/live_pictures.sh; s=$?; echo "# pictures-live: done"; exit $s'

# --- gdb ------------------------------------------------------------------
run_stage gdb '^# gdb: done' tests/gdb/boot_test.sh
run_stage gdb-decode '^# gdb-decode: done' tests/gdb/test_descriptors.py
run_stage gdb-helpers '^# gdb-helpers: done' tests/gdb/helpers_test.sh
run_stage gdb-unwind '^# gdb-unwind: done' tests/gdb/unwind_test.sh
run_stage gdb-live '^# gdb-live: done' tests/gdb/live_test.sh

# --- make profile ---------------------------------------------------------
run_stage profile '^# profile: done' tests/bench/profile/selftest.py

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
