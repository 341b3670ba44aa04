#!/bin/sh
# tests/bench/target/run.sh ELF - parts (b) and (c) of `make bench`: boot
# topdown in QEMU with -icount (guest ns = guest instructions) and ELF as
# init, and print what it prints; then boot Debian's Linux 6.1 on the
# same board, with the same -icount and the same ELF as /init
# (qemu/linux-ref.sh, as make check-linux does), and print the two
# tables side by side (side_by_side.py). Never fails: what cannot be
# measured is said instead of printing figures.
#
# Environment: KERNEL (the kernel to boot, with kernel.sym beside it;
# default build/kernel.elf), MEM (as for qemu/qemu.sh), BENCH_TIMEOUT
# (seconds, default 600), BENCH_LINUX=0 to leave Linux out.
set -u

top=$(cd "$(dirname "$0")/../../.." && pwd)
elf=$1
out=$top/build/bench
log=$out/target.log
export KERNEL=${KERNEL:-$top/build/kernel.elf}
sym=$(dirname "$KERNEL")/kernel.sym
mkdir -p "$out"

# What the program needs from the kernel, by the names of its handlers.
missing=
for fn in sys_execve sys_mmap2 sys_munmap sys_mprotect sys_brk \
          sys_clock_gettime; do
    grep -q " $fn\$" "$sym" 2>/dev/null || missing="$missing $fn"
done
if [ -n "$missing" ]; then
    echo "make bench (b): target part: needs user programs started as init (init=/path) and the system calls$missing in the kernel; not measured"
    exit 0
fi

# An image with the program as /bin/run (what `make run` boots).
"$top/qemu/mkinitramfs.sh" "$out/initramfs.cpio" "$top/build/u" "$elf" ||
    { echo "make bench (b): target part: cannot pack $out/initramfs.cpio"; exit 0; }

echo "  QEMU    $(basename "$elf") as init, ICOUNT=1 (log: build/bench/target.log)" >&2
ICOUNT=1 INITRAMFS=$out/initramfs.cpio \
    timeout --foreground -k 5 "${BENCH_TIMEOUT:-600}" \
    "$top/qemu/qemu.sh" init=/bin/run > "$log" 2>&1 < /dev/null
status=$?
tr -d '\r' < "$log" > "$log.tmp" && mv "$log.tmp" "$log"

if grep -q '^# mmbench: done' "$log"; then
    sed -n '/^make bench (b)/,/^# mmbench: done/p' "$log" | sed '$d'
else
    echo "make bench (b): target part: needs a kernel that runs $(basename "$elf") to its end (QEMU exit status $status); not measured. Its last lines:"
    tail -n 15 "$log" | sed 's/^/  | /'
    exit 0
fi
[ "${BENCH_LINUX:-1}" = 0 ] && exit 0

# The same program under Linux 6.1 (its kernel package fetched once).
echo
linux_log=$out/linux.log
(
    TOP=$top REF=${LINUX_REF_DIR:-$top/build/linux-ref}
    IMAGE=$out/initramfs.cpio TIMEOUT=${BENCH_TIMEOUT:-600}
    . "$top/qemu/linux-ref.sh"
    fetch_linux >&2
    make_initrd "$elf" "$out/linux-initrd.cpio.gz"
    echo "  QEMU    $(basename "$elf") as Linux's /init, -icount (log: build/bench/linux.log)" >&2
    LINUX_QEMU_ARGS="-icount shift=0,sleep=off,align=off" \
        boot_linux "$out/linux-initrd.cpio.gz" "" "$linux_log"
) || { echo "make bench (c): Linux 6.1 could not be booted; not compared"; exit 0; }
tr -d '\r' < "$linux_log" > "$linux_log.tmp" && mv "$linux_log.tmp" "$linux_log"
python3 "$top/tests/bench/target/side_by_side.py" "$log" "$linux_log"
exit 0
