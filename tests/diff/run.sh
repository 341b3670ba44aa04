#!/bin/bash
# tests/diff/run.sh - the differential run: the same random sequence of
# mmap/munmap/mprotect/brk (and touches) on topdown and under Linux 6.1,
# compared step by step. Linux is the oracle.
#
#   tests/diff/run.sh [SEEDS [OPS [TOUCH]]]
#
# SEEDS: a seed or a range FIRST-LAST (default 1); OPS: steps per run
# (default 2000); TOUCH: 1 to put touches (first faults) in the mix.
# For each seed, tests/user/mmdiff runs on topdown (make run) and under
# Linux (qemu/check-linux.sh with a one-line list); the "# step" lines
# of the two must be the same. The first difference is printed with
# the steps before it. Ends with "N passed, M failed"; exits 1 if M > 0.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SEEDS=${1:-1}
OPS=${2:-2000}
TOUCH=${3:-0}
OUT=$TOP/build/diff
ELF=build/u/tests/user/mmdiff.elf

first=${SEEDS%-*}
last=${SEEDS#*-}
mkdir -p "$OUT"
make -s -C "$TOP" user >/dev/null || exit 2
pass=0 fail=0 steps=0
for seed in $(seq "$first" "$last"); do
	args="$seed $OPS $TOUCH"
	make -s -C "$TOP" run ELF=$ELF ARGS="$args" 2>&1 | tr -d '\r' |
		grep '^# step' > "$OUT/topdown.$seed" || true
	printf 'both\t0\t/tests/mmdiff\t%s\n' "$args" > "$OUT/list"
	CHECK_LINUX_LIST=$OUT/list "$TOP/qemu/check-linux.sh" mmdiff \
		> "$OUT/linux-run.$seed" 2>&1 || true
	grep '^# step' "$TOP/build/linux-ref/run/mmdiff.log.txt" \
		> "$OUT/linux.$seed" || true
	n=$(grep -c ' = ' "$OUT/linux.$seed")
	if [ "$n" -ne "$OPS" ]; then
		echo "not ok $seed diff:seed_$seed (Linux ran $n of $OPS steps; see $OUT/linux-run.$seed)"
		fail=$((fail + 1))
	elif cmp -s "$OUT/topdown.$seed" "$OUT/linux.$seed"; then
		echo "ok $seed diff:seed_$seed ($OPS steps agree)"
		pass=$((pass + 1))
		steps=$((steps + OPS))
	else
		line=$(cmp "$OUT/topdown.$seed" "$OUT/linux.$seed" | sed -n 's/.* line \([0-9]*\).*/\1/p')
		echo "not ok $seed diff:seed_$seed (first difference at line $line)"
		from=$((line > 4 ? line - 4 : 1))
		sed -n "${from},$((line - 1))p" "$OUT/linux.$seed" | sed 's/^/#   both:    /'
		sed -n "${line}p" "$OUT/linux.$seed" | sed 's/^/#   linux:   /'
		sed -n "${line}p" "$OUT/topdown.$seed" | sed 's/^/#   topdown: /'
		fail=$((fail + 1))
	fi
done
echo "# $steps steps compared in the seeds that agree"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
