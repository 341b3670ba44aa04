#!/bin/sh
# qemu/mkinitramfs.sh OUT UBUILD [RUN_ELF] - pack the initramfs.
#
# The initramfs is a "newc" cpio archive, the format Linux unpacks at boot.
# It holds:
#   /bin/NAME     every user program, UBUILD/user/NAME.elf
#   /tests/NAME   every user test program, UBUILD/tests/user/NAME.elf
#                 (and UBUILD/tests/user/nolibc/NAME.elf)
#   /tests/PROGRAMS  the list of test runs (tests/user/PROGRAMS)
#   /PATH         every file under user/files/ (data for file mappings),
#                 and under UBUILD/files/ (data files the build generates:
#                 /data/elf/, tests/user/mk_hostile_elfs.py)
#   /bin/run      RUN_ELF, when given (make run ELF=...)
#   /PATH         every file under $EXTRA_ROOT, when set (the foreign
#                 programs' image: /foreign/, tests/foreign/)
# To add a program, drop user/NAME.c into the tree: nothing else changes.
# The programs go in without their debugging sections (gdb reads the
# full ELF files in UBUILD), which makes the image a tenth of the size;
# a file strip does not understand goes in unchanged.
set -eu

out=$1
ubuild=$2
run_elf=${3:-}
top=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/bin" "$stage/tests"
for elf in "$ubuild"/user/*.elf; do
    [ -e "$elf" ] || continue
    cp "$elf" "$stage/bin/$(basename "$elf" .elf)"
done
for elf in $(find "$ubuild/tests/user" -name '*.elf' 2>/dev/null | sort); do
    cp "$elf" "$stage/tests/$(basename "$elf" .elf)"
done
cp "$top/tests/user/PROGRAMS" "$stage/tests/PROGRAMS"
if [ -d "$top/user/files" ]; then
    cp -R "$top/user/files/." "$stage/"
fi
if [ -d "$ubuild/files" ]; then
    cp -R "$ubuild/files/." "$stage/"
fi
if [ -n "${EXTRA_ROOT:-}" ]; then
    cp -R "$EXTRA_ROOT/." "$stage/"
fi
if [ -n "$run_elf" ]; then
    cp "$run_elf" "$stage/bin/run"
fi

# Take the debugging sections out of @1 (symbols stay). A file strip
# cannot read (an ELF without section headers, one made by hand, not an
# ELF at all) goes in as it is: whether it runs is the kernel's to say.
strip_debug() {
    if "${CROSS:-arm-none-eabi-}strip" --strip-debug -o "$1.stripped" "$1" \
        2>/dev/null; then
        mv "$1.stripped" "$1"
    else
        rm -f "$1.stripped"
        echo "mkinitramfs: ${1#"$stage"/} packed as it is (strip cannot read it)" >&2
    fi
}

for f in $(find "$stage/bin" "$stage/tests" $(test -d "$stage/foreign" && echo "$stage/foreign") \
        -type f ! -name PROGRAMS | sort); do
    strip_debug "$f"
done

mkdir -p "$(dirname "$out")"
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
    cpio --quiet -o -H newc -R 0:0 --reproducible > "$out_abs")
