#!/bin/sh
# qemu/qemu.sh [BOOT-OPTION...] [-- INIT-ARGS...] - boot topdown in QEMU.
#
# The board is QEMU's vexpress-a9 with one Cortex-A9. The kernel ELF is
# loaded at its physical load addresses, the initramfs (a cpio archive) at
# physical 0x61000000, and the boot options reach the kernel through the
# semihosting command line (-append). The kernel leaves QEMU through
# semihosting too, so QEMU's exit status is the kernel's.
#
# Environment (the Makefile passes its variables):
#   MEM=128M  CACHE_ALIAS=auto|on|off  TRACE=placement|syscalls  ICOUNT=1
#   ASLR=0|1|2   randomize_va_space at boot
#   GDB_PORT=N   start halted, with a gdb server on port N
#   KERNEL, INITRAMFS   other images than build/kernel.elf, build/initramfs.cpio
#   QEMU_PLUGIN=file.so,arg=...   load a TCG plugin (make profile)
#
# Leave an interactive session with Ctrl-A X (or the shell's exit).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
KERNEL=${KERNEL:-$top/build/kernel.elf}
INITRAMFS=${INITRAMFS:-$top/build/initramfs.cpio}
MEM=${MEM:-128M}

append="mem=$MEM cache_alias=${CACHE_ALIAS:-auto}"
if [ -n "${TRACE:-}" ]; then
    append="$append trace=$TRACE"
fi
if [ -n "${ASLR:-}" ]; then	# Linux's way of setting a sysctl at boot
    append="$append sysctl.kernel.randomize_va_space=$ASLR"
fi
# Each word as one word of the kernel's command line: one with a blank
# (or none at all) goes in double quotes, which the kernel's parser
# groups as Linux's does (kernel/bootopts.c). A word holding a double
# quote itself cannot be passed.
for word in "$@"; do
    case $word in
    *" "* | "") append="$append \"$word\"" ;;
    *) append="$append $word" ;;
    esac
done

set -- -M vexpress-a9 -cpu cortex-a9 -smp 1 -m "$MEM" \
    -nographic -no-reboot \
    -semihosting-config enable=on,target=native \
    -audiodev none,id=snd0 -global pl041.audiodev=snd0 \
    -kernel "$KERNEL" -append "$append"
if [ -f "$INITRAMFS" ]; then
    set -- "$@" -device loader,file="$INITRAMFS",addr=0x61000000,force-raw=on
fi
if [ -n "${ICOUNT:-}" ]; then
    # guest time = instructions: the global timer counts 1 ns per instruction
    set -- "$@" -icount shift=0,sleep=off,align=off
fi
if [ -n "${QEMU_PLUGIN:-}" ]; then
    set -- "$@" -plugin "$QEMU_PLUGIN"
fi
if [ -n "${GDB_PORT:-}" ]; then
    set -- "$@" -gdb tcp:127.0.0.1:"$GDB_PORT" -S
fi
exec qemu-system-arm "$@"
