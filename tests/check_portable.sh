#!/bin/bash
# tests/check_portable.sh - the architecture boundary holds: no portable
# file (kernel/*.[ch], mm/*.[ch]) includes a header of an arch directory
# (kernel/armv7/, mm/armv7/) or carries inline assembly. The portable
# kernel reaches the ARM code only through kernel/arch.h (and the
# contracts kernel/uart.h, kernel/timer.h), the portable mm code only
# through mm/mmu.h. And the two edges that used to close a circle stay
# cut: printk is a leaf (it formats and writes, it calls nothing that
# could print), and the ARM fault classifier calls nothing in kernel/
# (kernel/trap.c acts on its verdict). KTAP lines, one per rule; each
# offending line is printed with its file and line number. Run by
# `make test` (stage portable) and by `make check-portable`.
set -u
cd "$(dirname "$0")/.."

n=0
failed=0

# rule NAME REGEX FILES...: no line of FILES matches REGEX
rule() {
    local name=$1 regex=$2 hits
    shift 2
    n=$((n + 1))
    hits=$(grep -nE "$regex" "$@" /dev/null)
    if [ -z "$hits" ]; then
        echo "ok $n portable:$name"
    else
        echo "not ok $n portable:$name"
        echo "$hits" | sed 's/^/#   /'
        failed=$((failed + 1))
    fi
}

# includes_only NAME ALLOWED-REGEX FILES...: FILES include nothing else
includes_only() {
    local name=$1 allowed=$2 hits
    shift 2
    n=$((n + 1))
    hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include' "$@" /dev/null |
           grep -vE "#[[:space:]]*include[[:space:]]*(<std[a-z]*\.h>|\"($allowed)\")")
    if [ -z "$hits" ]; then
        echo "ok $n portable:$name"
    else
        echo "not ok $n portable:$name"
        echo "$hits" | sed 's/^/#   /'
        failed=$((failed + 1))
    fi
}

portable_kernel=$(ls kernel/*.c kernel/*.h)
portable_mm=$(ls mm/*.c mm/*.h)
arch_include='^[[:space:]]*#[[:space:]]*include[[:space:]]*["<][^">]*armv7/'

rule no_arm_header_in_portable_kernel "$arch_include" $portable_kernel
rule no_arm_header_in_portable_mm "$arch_include" $portable_mm
rule no_inline_asm_in_portable_code '__asm__|\basm[[:space:]]*(volatile|\()' \
    $portable_kernel $portable_mm
includes_only printk_is_a_leaf 'kernel/(printk|uart|kernel)\.h' \
    kernel/printk.c kernel/printk.h kernel/uart.h
includes_only arm_fault_classifier_calls_nothing_in_kernel \
    'kernel/(kernel|signal|trap)\.h|mm/[a-z0-9_/]+\.h' \
    mm/armv7/fault.c mm/armv7/fsr.h kernel/trap.h kernel/signal.h
echo "# portable: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
