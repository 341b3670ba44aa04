#!/bin/bash
# tests/aslr/aslr_test.sh - ASLR as ARM Linux 6.1 does it, seen from a
# program (tests/user/aslr.c) over many boots:
#   level 2: ten boots give at least 8 distinct mmap_base values, each
#            page-aligned in [0xb7000000 - 255 pages, 0xb7000000] (the
#            128 MiB gap below TASK_SIZE 0xbf000000, then mmap_rnd_bits 8
#            of pages); the stack's top in [0xbf000000 - 0x7ff pages,
#            0xbf000000]; the brk start in [end of image, + 32 MiB)
#   level 0 (the default): the fixed layout, the same at every boot
#   level 1: mmap_base and stack move, the brk does not
#   the sysctl written at run time counts from the next execve;
#   personality(ADDR_NO_RANDOMIZE) turns it off for one image
# and every user test program (tests/user/PROGRAMS) passes at level 2.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
TIMEOUT=${QEMU_TIMEOUT:-120}
n=0 failed=0
check() {	# NAME COMMAND...: one KTAP line
    n=$((n + 1))
    local name=$1
    shift
    if "$@"; then
        echo "ok $n aslr:$name"
    else
        echo "not ok $n aslr:$name"
        failed=$((failed + 1))
    fi
}
# report OPTION... [-- ARGS]: the program's line, as "L BASE TOP BRK END"
report() {
    timeout --foreground -k 5 "$TIMEOUT" qemu/qemu.sh "$@" 2>&1 < /dev/null |
        tr -d '\r' | sed -n 's/^aslr: level \([0-9]*\) mmap_base \(0x[0-9a-f]*\) stack_top \(0x[0-9a-f]*\) brk \(0x[0-9a-f]*\) image_end \(0x[0-9a-f]*\)$/\1 \2 \3 \4 \5/p'
}
# in_range LINES: every line's values within Linux's ranges for level 2
in_range() {
    local l b t k e
    while read -r l b t k e; do
        [ "$l" = 2 ] || return 1
        (( b % 4096 == 0 && b <= 0xb7000000 && b >= 0xb7000000 - 255 * 4096 )) || return 1
        (( t % 4096 == 0 && t <= 0xbf000000 && t >= 0xbf000000 - 0x7ff * 4096 )) || return 1
        (( k % 4096 == 0 && k >= e && k < e + (32 << 20) )) || return 1
    done <<< "$1"
}
distinct() {	# FIELD LINES: how many different values the field takes
    cut -d' ' -f"$1" <<< "$2" | sort -u | wc -l
}

lines=""
for i in 1 2 3 4 5 6 7 8 9 10; do
    lines+="$(report sysctl.kernel.randomize_va_space=2 init=/tests/aslr)"$'\n'
done
lines=${lines%$'\n'}
sed 's/^/#   level 2: /' <<< "$lines"
check ten_boots_report test "$(grep -c . <<< "$lines")" = 10
check level2_within_linux_ranges in_range "$lines"
check level2_mmap_base_8_distinct test "$(distinct 2 "$lines")" -ge 8
check level2_stack_top_8_distinct test "$(distinct 3 "$lines")" -ge 8
check level2_brk_8_distinct test "$(distinct 4 "$lines")" -ge 8

a=$(report init=/tests/aslr)
b=$(report init=/tests/aslr)
echo "#   level 0: $a"
read -r l base stop brk end <<< "$a"
check level0_is_the_default test "$l" = 0
check level0_fixed_layout test "$base $stop $brk" = "0xb7000000 0xbf000000 $end"
check level0_repeats_exactly test "$a" = "$b"
check norandmaps_is_level0 test "$(report norandmaps init=/tests/aslr)" = "$a"

c=$(report sysctl.kernel.randomize_va_space=1 init=/tests/aslr)
echo "#   level 1: $c"
read -r l base stop brk end <<< "$c"
check level1_brk_not_moved test "$l $brk" = "1 $end"
check level1_others_in_range bash -c "(( $base <= 0xb7000000 && $base >= 0xb7000000 - 255 * 4096 && $stop <= 0xbf000000 && $stop >= 0xbf000000 - 0x7ff * 4096 ))"

d=$(report init=/tests/aslr -- set 2)
echo "#   set 2 at run time, then exec: $d"
check sysctl_counts_from_next_exec in_range "$d"
e=$(report sysctl.kernel.randomize_va_space=2 init=/tests/aslr -- norandom)
echo "#   level 2, ADDR_NO_RANDOMIZE, exec: $e"
read -r l base stop brk end <<< "$e"
check addr_no_randomize_fixed_layout test "$l $base $stop $brk" = "2 0xb7000000 0xbf000000 $end"

# every user test program of tests/user/PROGRAMS, at level 2: their
# expectations are relative to the layout they see, never fixed addresses
out=$(timeout --foreground -k 5 "$TIMEOUT" qemu/qemu.sh \
    sysctl.kernel.randomize_va_space=2 init=/bin/runtests 2>&1 < /dev/null |
    tr -d '\r')
grep -E '^not ok|^#   ' <<< "$out" | head -n 20 | sed 's/^/# /'
grep -E '^# user: [0-9]+ passed' <<< "$out" | sed 's/^# user:/#   level 2, every user test:/'
check level2_every_user_test_passes \
    grep -qE '^# user: [0-9]+ passed, 0 failed' <<< "$out"
echo "# aslr: $((n - failed)) passed, $failed failed"
echo "# aslr: done"
