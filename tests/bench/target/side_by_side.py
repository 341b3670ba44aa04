#!/usr/bin/env python3
"""tests/bench/target/side_by_side.py TOPDOWN_LOG LINUX_LOG - the two
tables mmbench printed, one on topdown and one on Linux 6.1, as one:
per operation and level, the n each kernel had, the instructions per
operation on each, and topdown's share of Linux's. Then each operation's
growth from the first level to the others, on topdown. Figures only:
nothing here passes or fails."""
import sys


def table(path):
    """The n of each level and {operation: [figures]} from an mmbench log."""
    lines = open(path, errors='replace').read().replace('\r', '').splitlines()
    try:
        head = next(i for i, l in enumerate(lines) if l.startswith('operation '))
        end = lines.index('# mmbench: done')
    except (StopIteration, ValueError):
        return None, None
    ns = [h.split('=', 1)[1] for h in lines[head].split()[1:]]
    rows = {}
    for line in lines[head + 1:end]:
        if not line.strip():
            break               # the table ends at the first blank line
        name, figures = line[:24].rstrip(), line[24:].split()
        if name and len(figures) == len(ns):
            rows[name] = [int(f) for f in figures]
    return ns, rows


def main():
    ours_n, ours = table(sys.argv[1])
    linux_n, linux = table(sys.argv[2])
    if ours is None or linux is None:
        print('make bench (c): side by side: a table is missing; not compared')
        return
    print('make bench (c): topdown (release kernel) and Linux 6.1 side by side, '
          'guest instructions per operation')
    print('  n: VMAs in the process (topdown / Linux); ratio: topdown / Linux\n')
    print('%-24s %13s %9s %9s %7s' % ('operation', 'n', 'topdown', 'Linux', 'ratio'))
    worst = (0, '')
    for name, figures in ours.items():
        theirs = linux.get(name)
        for level, mine in enumerate(figures):
            n = '%s/%s' % (ours_n[level], linux_n[level])
            if theirs is None or not theirs[level]:
                print('%-24s %13s %9d %9s %7s' % (name, n, mine, '-', '-'))
                continue
            ratio = mine / theirs[level]
            worst = max(worst, (ratio, '%s at n=%s' % (name, ours_n[level])))
            print('%-24s %13s %9d %9d %7.2f' %
                  (name if level == 0 else '', n, mine, theirs[level], ratio))
    print('\n  the highest ratio: %.2f (%s)' % worst)
    print('\n  topdown, growth with n (each level over the first):')
    for name, figures in ours.items():
        if figures[0]:
            print('  %-24s %s' % (name, '  '.join(
                'n=%s %.1fx' % (ours_n[i], f / figures[0])
                for i, f in enumerate(figures) if i)))


main()
