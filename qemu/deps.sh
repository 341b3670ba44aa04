#!/bin/sh
# Install what topdown needs to build, boot, test and debug, from Debian's
# packages, when it is missing. Called by the Makefile before anything that
# needs the ARM toolchain or QEMU; safe to run again (it checks first).
#
#   qemu/deps.sh          install what is missing
#   qemu/deps.sh --check  only report; exit 1 when something is missing
set -eu

# command-or-file that proves the package is there : Debian package
#
# gcc-arm-none-eabi and newlib build the kernel and our user programs.
# The four arm-linux-gnueabi* packages are Debian's cross compilers with
# glibc for 32-bit ARM, soft-float (armel) and hard-float (armhf): make
# test's foreign stage builds ordinary C programs with them (-static,
# tests/foreign/) to show that what a student compiles for Linux runs.
NEEDS="
arm-none-eabi-gcc:gcc-arm-none-eabi
/usr/lib/arm-none-eabi/newlib/libc.a:libnewlib-arm-none-eabi
arm-linux-gnueabi-gcc:gcc-arm-linux-gnueabi
/usr/arm-linux-gnueabi/lib/libc.a:libc6-dev-armel-cross
arm-linux-gnueabihf-gcc:gcc-arm-linux-gnueabihf
/usr/arm-linux-gnueabihf/lib/libc.a:libc6-dev-armhf-cross
qemu-system-arm:qemu-system-arm
gdb-multiarch:gdb-multiarch
cpio:cpio
dot:graphviz
python3:python3
timeout:coreutils
"

missing=""
for need in $NEEDS; do
	what=${need%%:*}
	pkg=${need#*:}
	case $what in
	/*) [ -e "$what" ] && continue ;;
	*) command -v "$what" >/dev/null 2>&1 && continue ;;
	esac
	missing="$missing $pkg"
done

[ -z "$missing" ] && exit 0
if [ "${1:-}" = "--check" ]; then
	echo "missing packages:$missing"
	exit 1
fi

echo "deps: installing the missing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "deps: need root (or sudo) to run apt-get; please install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update"
$SUDO apt-get update -qq
echo "deps: apt-get install -y --no-install-recommends$missing"
$SUDO apt-get install -y -qq --no-install-recommends $missing
echo "deps: done"
