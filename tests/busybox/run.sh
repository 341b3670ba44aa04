#!/bin/bash
# tests/busybox/run.sh - Debian's busybox-static (armhf: glibc, static,
# as Debian ships it) runs on topdown, command by command, each output
# checked against what the command must print.
#
# The package is fetched once with apt-get download, as qemu/linux-ref.sh
# fetches the Linux kernel (adding the armhf architecture to dpkg if
# needed), into $BUSYBOX_DIR (default build/busybox). The image is the
# usual one plus /bin/busybox and a copy of it as /bin/cat (the ramfs has
# no symbolic links, and busybox's shell runs an applet only by a name it
# finds in PATH). Each command is one boot: init=/bin/busybox with
# argv0=busybox, the command's words after "--".
#
# KTAP lines "ok N busybox:NAME", then "# busybox: done".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUSYBOX_DIR=${BUSYBOX_DIR:-build/busybox}
TIMEOUT=${QEMU_TIMEOUT:-120}
REF=$BUSYBOX_DIR
. qemu/linux-ref.sh		# log, die, as_root, enable_armhf

n=0
check() {	# NAME COMMAND...: one KTAP line
    n=$((n + 1))
    local name=$1
    shift
    if "$@"; then echo "ok $n busybox:$name"; else echo "not ok $n busybox:$name"; fi
}

mkdir -p "$BUSYBOX_DIR"
deb=$(ls "$BUSYBOX_DIR"/busybox-static_*_armhf.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
    enable_armhf
    if ! apt-cache show busybox-static:armhf >/dev/null 2>&1; then
        as_root apt-get update -qq || true
    fi
    echo "# busybox: apt-get download busybox-static:armhf"
    (cd "$BUSYBOX_DIR" && apt-get download -q busybox-static:armhf 2>&1 |
        grep -v '^W: Download is performed unsandboxed' | sed 's/^/# /')
    deb=$(ls "$BUSYBOX_DIR"/busybox-static_*_armhf.deb 2>/dev/null | head -n 1)
fi
check package_fetched test -n "$deb"
[ -n "$deb" ] || { echo "# busybox: done"; exit 1; }
root=$BUSYBOX_DIR/root
rm -rf "$root" "$BUSYBOX_DIR/x"
dpkg-deb -x "$deb" "$BUSYBOX_DIR/x"
mkdir -p "$root/bin"
cp "$BUSYBOX_DIR/x/bin/busybox" "$root/bin/busybox"
cp "$BUSYBOX_DIR/x/bin/busybox" "$root/bin/cat"
EXTRA_ROOT=$root qemu/mkinitramfs.sh "$BUSYBOX_DIR/initramfs.cpio" build/u

# run WORDS...: boot busybox with those arguments; output in $out, the
# exit status in $status (the program's, through QEMU)
run() {
    out=$(INITRAMFS=$BUSYBOX_DIR/initramfs.cpio timeout --foreground -k 5 \
        "$TIMEOUT" qemu/qemu.sh init=/bin/busybox argv0=busybox -- "$@" \
        2>&1 < /dev/null)
    status=$?
    out=$(tr -d '\r' <<< "$out")
    # what the program printed: after the kernel's banner, before its end
    out=$(sed -n '/^initramfs: /,$p' <<< "$out" | sed '1d;/^init exited with status/d')
    echo "# \$ busybox $*"
    sed 's/^/#   /' <<< "$out" | head -n 12
}

run echo hello world
check echo test "$out" = "hello world"
check echo_status_0 test "$status" = 0

run cat /proc/self/maps
check maps_vectors_last grep -qx 'ffff0000-ffff1000 r-xp 00000000 00:00 0 *\[vectors\]' <<< "$(tail -n 1 <<< "$out")"
check maps_names_busybox grep -q ' /bin/busybox$' <<< "$out"
check maps_stack grep -q '\[stack\]$' <<< "$out"

run ls /
check ls_root test "$(tr -s ' \n' '\n\n' <<< "$out" | sort | tr '\n' ' ')" = \
    "bin data dev proc tests "

run ls -l /bin
check ls_l_bin_busybox grep -qE '^-rwxr-xr-x +1 0 +0 +[0-9]+ .* busybox$' <<< "$out"
check ls_l_bin_sh grep -qE '^-rwxr-xr-x +1 0 +0 +[0-9]+ .* sh$' <<< "$out"

run free
check free_header grep -qE '^ +total +used +free' <<< "$out"
check free_mem_total grep -qE '^Mem: +131072 ' <<< "$out"	# 128 MiB in KiB

run uname -a
# sysname nodename release version machine, then busybox's "GNU/Linux"
check uname_a grep -qxE '[^ ]+ [^ ]+ [^ ]+ .+ armv7l GNU/Linux' <<< "$out"

run sh -c 'echo a | cat; exit 3'
check sh_pipe_output test "$out" = "a"
check sh_exit_status_3 test "$status" = 3

run sh -c 'x=$((6*7)); echo $x'
check sh_arithmetic test "$out" = "42"
echo "# busybox: done"
