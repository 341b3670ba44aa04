#!/bin/bash
# tests/fuzz/run.sh - boot topdown and run the system-call fuzzer
# (tests/user/fuzz.c) under the test runner, which checks after the run
# that every page and slab object came back. `make fuzz` calls it; so does
# the fuzz stage of `make test`, with a short run.
#
#   SEED=1 RUNS=1 OPS=20000 MEM=128M KERNELS="debug release" \
#       tests/fuzz/run.sh
#
# Runs seeds SEED .. SEED+RUNS-1 on each kernel of KERNELS: "debug" is
# build/kernel.elf (CONFIG_DEBUG_VM: validate_mm() after every mm call),
# "release" the -O2 kernel without it (the one `make bench` measures).
# One KTAP line per boot ("ok N fuzz:KERNEL:seed_S"), then the totals:
#   # fuzz: R boots, C system calls, P panics, H hangs, L leaks, F failed
# and "# fuzz: done". Each boot's whole output is in build/test/fuzz/.
# A failed run prints its replay command.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

SEED=${SEED:-1}
RUNS=${RUNS:-1}
OPS=${OPS:-20000}
MEM=${MEM:-128M}
KERNELS=${KERNELS:-debug release}
TIMEOUT=${FUZZ_TIMEOUT:-900}
logs=build/test/fuzz
mkdir -p "$logs"

n=0 calls=0 panics=0 hangs=0 leaks=0 failed=0
for kernel in $KERNELS; do
    case $kernel in
    debug) image=build/kernel.elf ;;
    release) image=build/bench/kernel/kernel.elf ;;
    *) echo "# fuzz: unknown kernel '$kernel' (debug or release)"; exit 2 ;;
    esac
    for ((seed = SEED; seed < SEED + RUNS; seed++)); do
        n=$((n + 1))
        log=$logs/$kernel-$MEM-seed$seed.log
        KERNEL=$image MEM=$MEM timeout --foreground -k 5 "$TIMEOUT" \
            qemu/qemu.sh init=/bin/runtests -- --run 0 /tests/fuzz \
            "$seed" "$OPS" > "$log" 2>&1 < /dev/null
        status=$?
        tr -d '\r' < "$log" > "$log.tmp" && mv "$log.tmp" "$log"
        got=$(grep -a -oE '^# fuzz: seed [0-9]+: [0-9]+ operations, [0-9]+ system calls' "$log" |
              grep -oE '[0-9]+ system calls' | grep -oE '^[0-9]+')
        calls=$((calls + ${got:-0}))
        why=""
        if [ "$status" = 124 ]; then
            hangs=$((hangs + 1)); why="hang (no end after ${TIMEOUT}s)"
        elif grep -aqi 'kernel panic\|^panic' "$log"; then
            panics=$((panics + 1)); why="kernel panic"
        elif grep -aqE '^not ok [0-9]+ user/fuzz:no_(pages|slab_objects)_leaked' "$log"; then
            leaks=$((leaks + 1)); why="pages or slab objects not given back"
        elif [ "$status" != 0 ]; then
            why="exit status $status"
        elif [ -z "$got" ]; then
            why="the fuzzer never printed its summary"
        fi
        if [ -z "$why" ]; then
            echo "ok $n fuzz:$kernel:seed_$seed # $OPS operations, ${got:-0} system calls, MEM=$MEM"
        else
            failed=$((failed + 1))
            echo "not ok $n fuzz:$kernel:seed_$seed"
            echo "#   $why; see $log"
            grep -a -E '^#   tests/user/fuzz.c|^# user: fuzz' "$log" | head -n 5 | sed 's/^/#   /'
            echo "#   replay: make fuzz SEED=$seed OPS=$OPS MEM=$MEM KERNELS=$kernel"
        fi
    done
done
echo "1..$n"
echo "# fuzz: $n boots, $calls system calls, $panics panics, $hangs hangs, $leaks leaks, $failed failed"
echo "# fuzz: done"
[ "$failed" = 0 ]
