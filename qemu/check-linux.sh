#!/bin/bash
# Run the user test programs under Debian's Linux 6.1 (armmp) on the same
# QEMU board, as the behavioural reference for topdown's system calls:
# "what would Linux do?", answered by experiment.
#
#   qemu/check-linux.sh            every run of tests/user/PROGRAMS whose
#                                  WHERE is "both" or "linux"
#   qemu/check-linux.sh placement  only those whose program contains it
#
# The first run fetches the kernel package with apt-get download (adding
# the armhf architecture to dpkg if needed) and keeps it, extracted, in
# $LINUX_REF_DIR (default build/linux-ref). LINUX_REF_PKG picks another
# package than the newest linux-image-6.1.0-N-armmp.
#
# Each run boots Linux once, with topdown's own initramfs (build/
# initramfs.cpio: /bin, /tests, the data files) plus the program as /init,
# and its arguments after "--" on the kernel command line, so that it can
# fork and execve the other programs and open the files, as on topdown.
# Its KTAP lines
# ("ok N prog:case" / "not ok N prog:case") are collected and renumbered,
# and its exit status is read from the panic Linux prints when init exits
# ("Attempted to kill init! exitcode=0x00002a00" is exit(42); a low byte
# that is not 0 is the number of the signal that killed it). Every program
# adds one case of its own: it ran to the end, printed as many results as
# its plan lines said (each "1..N" counts the results since the one
# before, so that a runner's output, its children's groups and then its
# own, checks too), and exited with the expected status.
#
# Ends with "N passed, M failed" (and ", K skipped" for cases a program
# skipped); exits 1 when M > 0.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build
REF=${LINUX_REF_DIR:-$BUILD/linux-ref}
TIMEOUT=${LINUX_REF_TIMEOUT:-120}	# seconds for one boot and run

LIST=${CHECK_LINUX_LIST:-$TOP/tests/user/PROGRAMS}	# another list: tests/diff/run.sh
IMAGE=${CHECK_LINUX_IMAGE:-$BUILD/initramfs.cpio}	# the foreign programs': their own

. "$TOP/qemu/linux-ref.sh"

# The ELF file in build/u of the image path $1: /tests/NAME or /bin/NAME.
elf_of() {
	local name=${1##*/}

	case $1 in
	/bin/*)
		echo "$BUILD/u/user/$name.elf" ;;
	/tests/*)
		find "$BUILD/u/tests/user" -name "$name.elf" | head -n 1 ;;
	/foreign/*)	# tests/foreign/, built with glibc (Makefile: FOREIGN_)
		echo "$BUILD/foreign/root$1" ;;
	esac
}

npass=0
nfail=0
nskip=0
ncase=0

# Print one combined result line and count it ("ok", "not ok", or "skip"
# for an "ok ... # SKIP why" line, whose name carries the reason).
result() {
	local ok=$1 name=$2

	ncase=$((ncase + 1))
	if [ "$ok" = skip ]; then
		nskip=$((nskip + 1))
		echo "ok $ncase linux/$name"
	elif [ "$ok" = ok ]; then
		npass=$((npass + 1))
		echo "ok $ncase linux/$name"
	else
		nfail=$((nfail + 1))
		echo "not ok $ncase linux/$name"
	fi
}

# Run one program: $1 path in the image, $2 arguments, $3 expected status.
run_program() {
	local elf args=$2 want=$3
	local name initrd logf line code status ncases=0 why=""

	elf=$(elf_of "$1")
	name=$(basename "$1")
	case $1 in /foreign/*/*) name=$(basename "$(dirname "$1")")-$name ;; esac
	initrd=$REF/run/$name.cpio.gz
	logf=$REF/run/$name.log
	mkdir -p "$REF/run"
	if [ ! -f "$elf" ]; then
		echo "# $1 is not built"
		result "not ok" "$name:ran"
		return
	fi
	make_initrd "$elf" "$initrd"
	log "$1 $args"
	boot_linux "$initrd" "$args" "$logf"
	tr -d '\r' < "$logf" > "$logf.txt"

	# The program's own lines: results renumbered, diagnostics kept.
	# Each plan line "1..N" closes the results printed since the one
	# before (a runner prints its children's groups, then its own).
	while IFS= read -r line; do
		case $line in
		"ok "[0-9]*" # SKIP"*)
			result skip "${line#ok [0-9]* }"
			ncases=$((ncases + 1)) ;;
		"ok "[0-9]*)
			result ok "${line#ok [0-9]* }"
			ncases=$((ncases + 1)) ;;
		"not ok "[0-9]*)
			result "not ok" "${line#not ok [0-9]* }"
			ncases=$((ncases + 1)) ;;
		1..[0-9]*)
			if [ "${line#1..}" -ne "$ncases" ] && [ -z "$why" ]; then
				why="a plan says ${line#1..} cases, saw $ncases"
			fi
			ncases=0 ;;
		"#"*)
			echo "$line" ;;
		esac
	done < "$logf.txt"

	# How it ended.
	code=$(sed -n 's/.*Attempted to kill init! exitcode=\(0x[0-9a-fA-F]*\).*/\1/p' \
		"$logf.txt" | head -n 1)
	if [ -z "$code" ]; then
		why="no exit seen within ${TIMEOUT}s (log: $logf.txt)"
	elif [ $((code & 0x7f)) -ne 0 ]; then
		why="killed by signal $((code & 0x7f)) (log: $logf.txt)"
	else
		status=$(((code >> 8) & 0xff))
		if [ "$status" -ne "$want" ]; then
			why="exit status $status, expected $want"
		elif [ "$ncases" -ne 0 ]; then
			why="$ncases results after the last plan line"
		fi
	fi
	if [ -n "$why" ]; then
		echo "# $name: $why"
		result "not ok" "$name:exit_status"
	else
		result ok "$name:exit_status"
	fi
}

command -v qemu-system-arm >/dev/null || die "qemu-system-arm missing: run qemu/deps.sh"
start=$(date +%s)
fetch_linux
echo "KTAP version 1"
[ -f "$IMAGE" ] || die "$IMAGE is not built (make user)"
# the list: WHERE STATUS PROGRAM ARGUMENTS... (see its header)
grep -v '^[[:space:]]*#' "$LIST" | while read -r where want prog args; do
	[ -n "$where" ] || continue
	case $where in both|linux) ;; *) continue ;; esac
	case $prog in *"${1:-}"*) ;; *) continue ;; esac
	echo "$prog|$args|$want"
done > "$REF/selected"
while IFS='|' read -r prog args want; do
	run_program "$prog" "$args" "$want"
done < "$REF/selected"
echo "1..$ncase"
log "$(($(date +%s) - start))s"
if [ "$nskip" -gt 0 ]; then
	echo "$npass passed, $nfail failed, $nskip skipped"
else
	echo "$npass passed, $nfail failed"
fi
[ "$nfail" -eq 0 ]
