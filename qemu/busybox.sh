#!/bin/bash
# qemu/busybox.sh [DIR] - an image with Debian's busybox-static (armhf:
# glibc, static, as Debian ships it) next to our programs:
# DIR/initramfs.cpio (DIR: $BUSYBOX_DIR, default build/busybox).
#
# The package is fetched once with apt-get download, as qemu/linux-ref.sh
# fetches the Linux kernel (adding the armhf architecture to dpkg if
# needed). The image is the usual one (build/u) plus
#   /bin/busybox   the program
#   /bin/cat       a copy of it: busybox's shell runs an applet only by a
#                  name it finds in PATH, and the ramfs has no links
#   /etc/profile   qemu/busybox-profile: an alias for each applet, read
#                  by busybox's shell as a login shell (sh -l)
# make qemu BUSYBOX=1 boots it; in our shell, `spawn /bin/busybox sh -l`
# starts busybox's. tests/busybox/run.sh uses it too.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
BUSYBOX_DIR=${1:-${BUSYBOX_DIR:-build/busybox}}
REF=$BUSYBOX_DIR
. qemu/linux-ref.sh		# log, die, as_root, enable_armhf

mkdir -p "$BUSYBOX_DIR"
deb=$(ls "$BUSYBOX_DIR"/busybox-static_*_armhf.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
    enable_armhf
    if ! apt-cache show busybox-static:armhf >/dev/null 2>&1; then
        as_root apt-get update -qq || true
    fi
    echo "# busybox: apt-get download busybox-static:armhf"
    (cd "$BUSYBOX_DIR" && apt-get download -q busybox-static:armhf 2>&1 |
        grep -v '^W: Download is performed unsandboxed' | sed 's/^/# /')
    deb=$(ls "$BUSYBOX_DIR"/busybox-static_*_armhf.deb 2>/dev/null | head -n 1 || true)
fi
[ -n "$deb" ] || die "busybox-static:armhf could not be fetched"
root=$BUSYBOX_DIR/root
rm -rf "$root" "$BUSYBOX_DIR/x"
dpkg-deb -x "$deb" "$BUSYBOX_DIR/x"
mkdir -p "$root/bin" "$root/etc"
cp "$BUSYBOX_DIR/x/bin/busybox" "$root/bin/busybox"
cp "$BUSYBOX_DIR/x/bin/busybox" "$root/bin/cat"
cp qemu/busybox-profile "$root/etc/profile"
EXTRA_ROOT=$root qemu/mkinitramfs.sh "$BUSYBOX_DIR/initramfs.cpio" build/u
