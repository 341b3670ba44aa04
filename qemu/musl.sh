#!/bin/bash
# qemu/musl.sh DIR - Debian's musl C library for armhf (musl-dev and
# musl, the armhf packages: Debian has no musl cross compiler, but its
# armhf musl-dev holds the headers, crt files and libc.a, which Debian's
# arm-linux-gnueabihf-gcc links with -nostdinc -nostdlib), fetched once
# with apt-get download (as qemu/linux-ref.sh fetches the Linux kernel)
# and extracted into DIR; DIR/.stamp says it is there. For the foreign
# programs' musl builds (the Makefile's FOREIGN_ rules).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
REF=$dir
. "$top/qemu/linux-ref.sh"	# log, die, as_root, enable_armhf

mkdir -p "$dir"
if ! ls "$dir"/musl-dev_*_armhf.deb >/dev/null 2>&1; then
	enable_armhf
	apt-cache show musl-dev:armhf >/dev/null 2>&1 || as_root apt-get update -qq || true
	echo "musl: apt-get download musl-dev:armhf musl:armhf"
	(cd "$dir" && apt-get download -q musl-dev:armhf musl:armhf 2>&1 |
		grep -v '^W: Download is performed unsandboxed' || true)
fi
for deb in "$dir"/musl-dev_*_armhf.deb "$dir"/musl_*_armhf.deb; do
	[ -f "$deb" ] || die "apt-get download of musl for armhf failed"
	dpkg-deb -x "$deb" "$dir/x"
done
test -f "$dir/x/usr/lib/arm-linux-musleabihf/libc.a" || die "no musl libc.a in $dir"
touch "$dir/.stamp"
