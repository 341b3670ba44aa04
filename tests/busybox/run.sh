#!/bin/bash
# tests/busybox/run.sh - Debian's busybox-static (armhf: glibc, static,
# as Debian ships it) runs on topdown, command by command, each output
# checked against what the command must print.
#
# The image is qemu/busybox.sh's (the package fetched once with apt-get
# download, into $BUSYBOX_DIR, default build/busybox). Each command is
# one boot: init=/bin/busybox with argv0=busybox, the command's words
# after "--". Then one boot as make qemu BUSYBOX=1 does it: our shell,
# in which busybox's interactive shell is started, used and left.
#
# KTAP lines "ok N busybox:NAME", then "# busybox: done".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUSYBOX_DIR=${BUSYBOX_DIR:-build/busybox}
TIMEOUT=${QEMU_TIMEOUT:-120}

n=0
check() {	# NAME COMMAND...: one KTAP line
    n=$((n + 1))
    local name=$1
    shift
    if "$@"; then echo "ok $n busybox:$name"; else echo "not ok $n busybox:$name"; fi
}

qemu/busybox.sh "$BUSYBOX_DIR" 2>&1 | sed 's/^/# /'
check image_made test -s "$BUSYBOX_DIR/initramfs.cpio"
[ -s "$BUSYBOX_DIR/initramfs.cpio" ] || { echo "# busybox: done"; exit 1; }

# run WORDS...: boot busybox with those arguments; output in $out, the
# exit status in $status (the program's, through QEMU)
ENOSYS_REPORT='^task [0-9]+ \([^)]*\): (system call [0-9]+ .*: ENOSYS|more calls answered ENOSYS, not reported)$'
run() {
    out=$(INITRAMFS=$BUSYBOX_DIR/initramfs.cpio timeout --foreground -k 5 \
        "$TIMEOUT" qemu/qemu.sh init=/bin/busybox argv0=busybox -- "$@" \
        2>&1 < /dev/null)
    status=$?
    out=$(tr -d '\r' <<< "$out")
    # what the program printed: after the kernel's banner, before its end,
    # without the kernel's reports of calls answered ENOSYS (glibc asks
    # for rseq, which topdown lacks, and goes on without it)
    enosys=$(grep -E "$ENOSYS_REPORT" <<< "$out" | sort -u)
    out=$(sed -n '/^initramfs: /,$p' <<< "$out" |
        sed '1d;/^init exited with status/d' | grep -vE "$ENOSYS_REPORT")
    echo "# \$ busybox $*"
    sed 's/^/#   /' <<< "$out" | head -n 12
    [ -z "$enosys" ] || sed 's/^/# kernel: /' <<< "$enosys"
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
    "bin data dev etc proc tests "

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
# make qemu BUSYBOX=1: our shell boots; busybox's login shell (aliases
# for its applets from /etc/profile) runs in it and ends with status 3.
# The whole input goes in at once, as pasted: each shell reads only its
# own lines from the console.
out=$(printf '%s\n' 'spawn /bin/busybox sh -l' 'head -n 1 /proc/self/maps' \
        'echo $((6*7))' 'uname -m' 'exit 3' 'echo back in ours' 'exit' |
    INITRAMFS=$BUSYBOX_DIR/initramfs.cpio timeout --foreground -k 5 \
        "$TIMEOUT" qemu/qemu.sh 2>&1)
out=$(tr -d '\r' <<< "$out" | grep -vE "$ENOSYS_REPORT")
echo "# \$ make qemu BUSYBOX=1, then: spawn /bin/busybox sh -l"
sed -n '/^topdown\$ spawn/,$p' <<< "$out" | sed 's/^/#   /' | head -n 20
# head is an alias for busybox head: the first VMA is its text
check interactive_applet_alias grep -qE '^(/ # )?[0-9a-f]{8}-[0-9a-f]{8} r-xp 00000000 .* /bin/busybox$' <<< "$out"
check interactive_arithmetic grep -qE '^(/ # )?42$' <<< "$out"
check interactive_uname grep -qE '^(/ # )?armv7l$' <<< "$out"
check interactive_status_3_back grep -qE '^spawn: /bin/busybox \(pid [0-9]+\): exit 3: status 3$' <<< "$out"
check interactive_our_shell_goes_on grep -qx 'back in ours' <<< "$out"
check interactive_ends grep -q 'init exited with status 0' <<< "$out"
echo "# busybox: done"
