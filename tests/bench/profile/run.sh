#!/bin/sh
# tests/bench/profile/run.sh ELF [ARGS...] - `make profile`: run ELF as init
# on the release kernel under QEMU -icount with the profiling plugin, then
# print the report (report.py) of the phases it marked (user/lib/profile.h).
#
# Environment: KERNEL (default build/bench/kernel/kernel.elf), PLUGIN
# (default build/profile/profile.so), PROFILE_OUT (the directory of the
# files below, default build/profile), MEM, TOP (functions per table,
# default 15), PROFILE_TIMEOUT (seconds, default 600).
# Files, in build/profile/: console.log (what the guest printed),
# counts.txt (the plugin's counts), thumb.txt (the Thumb ranges).
set -eu

top=$(cd "$(dirname "$0")/../../.." && pwd)
elf=$1
shift
out=${PROFILE_OUT:-$top/build/profile}
KERNEL=${KERNEL:-$top/build/bench/kernel/kernel.elf}
PLUGIN=${PLUGIN:-$out/profile.so}
NM=${CROSS:-arm-none-eabi-}nm
mkdir -p "$out"

# The address of symbol @1 in ELF @2, or nothing.
addr_of() {
    "$NM" "$2" 2>/dev/null | awk -v s="$1" '$3 == s { print $1; exit }'
}

vectors=$(addr_of vectors "$KERNEL")
kbase=c0000000
[ -n "$vectors" ] || { echo "profile: no symbol 'vectors' in $KERNEL" >&2; exit 2; }
args="out=$out/counts.txt,vectors=$vectors,kbase=$kbase,thumb=$out/thumb.txt"
begin=$(addr_of profile_begin_mark "$elf")
end=$(addr_of profile_end_mark "$elf")
if [ -n "$begin" ] && [ -n "$end" ]; then
    args="$args,begin=$begin,end=$end"
fi

# Thumb code: from each mapping symbol $t to the next mapping symbol.
python3 "$top/tests/bench/profile/report.py" thumb "$KERNEL" "$elf" \
    > "$out/thumb.txt"

"$top/qemu/mkinitramfs.sh" "$out/initramfs.cpio" "$top/build/u" "$elf"

echo "  QEMU    $(basename "$elf") as init, ICOUNT=1, profiling (log: build/profile/console.log)" >&2
status=0
ICOUNT=1 KERNEL=$KERNEL INITRAMFS=$out/initramfs.cpio \
    QEMU_PLUGIN="$PLUGIN,$args" \
    timeout --foreground -k 5 "${PROFILE_TIMEOUT:-600}" \
    "$top/qemu/qemu.sh" init=/bin/run -- "$@" > "$out/console.log" 2>&1 \
    < /dev/null || status=$?
tr -d '\r' < "$out/console.log" > "$out/console.tmp" &&
    mv "$out/console.tmp" "$out/console.log"
echo "  (QEMU exit status $status)" >&2

exec python3 "$top/tests/bench/profile/report.py" --top "${TOP:-15}" \
    --kernel "$KERNEL" --elf "$elf" --kbase "$kbase" \
    "$out/counts.txt" "$out/console.log"
