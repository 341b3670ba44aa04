#!/usr/bin/env python3
"""tests/trace/check_trace.py EXPECTED LOG [FIRST] - compare the placement trace
in a boot LOG (lines "placement: ...", printed with trace=placement) with
the hand-worked steps of EXPECTED, one search at a time. Prints one KTAP
line per search (numbered from FIRST, default 1) and, on a mismatch, the first step that differs."""
import re
import sys

def parse_expected(path):
    """The VMAs by name and the searches: [(name, request, steps)]."""
    vmas, searches = {}, []
    for line in open(path):
        words = line.split('#', 1)[0].split()
        if not words:
            continue
        if words[0] == 'vma':
            vmas[words[1]] = tuple(int(w, 16) for w in words[2:6])
        elif words[0] == 'search':
            searches.append((words[1], [int(w, 16) for w in words[2:]], []))
        else:
            searches[-1][2].append(words)
    return vmas, searches

def expand(step, vmas):
    """An expected step as the normalized form of a trace line."""
    if step[0] == 'at':
        start, end, gap, subtree = vmas[step[1]]
        return 'at %x-%x gap %x-%x subtree %x' % (start, end, start - gap,
                                                  start, subtree)
    return ' '.join([step[0]] + ['%x' % int(w, 16) if w.startswith('0x')
                                 else w for w in step[1:]])

# trace line (after "placement: ") -> normalized step
PATTERNS = [
    (r'unmapped_area_topdown: length (\w+), low_limit (\w+), high_limit (\w+)',
     lambda m: 'search %x %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'want a gap of (\w+) with gap_start <= (\w+), gap_end >= (\w+)',
     lambda m: 'want %x %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'at \[(\w+), (\w+)\): gap below it \[(\w+), (\w+)\), subtree_gap (\w+)',
     lambda m: 'at %x-%x gap %x-%x subtree %x' %
     tuple(int(g, 16) for g in m.groups())),
    (r'the gap above highest_vm_end (\w+) starts above (\w+)',
     lambda m: 'highest %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'the gap above highest_vm_end (\w+) fits',
     lambda m: 'highestfits %x' % int(m[1], 16)),
    (r'go right: subtree_gap (\w+)', lambda m: 'right %x' % int(m[1], 16)),
    (r'go left: subtree_gap (\w+)', lambda m: 'left %x' % int(m[1], 16)),
    (r'the gap below does not fit: it starts at (\w+), above (\w+)',
     lambda m: 'nofit starts %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'the gap below does not fit: it ends at (\w+), below (\w+)',
     lambda m: 'nofit ends %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'the gap below does not fit: there is none', lambda m: 'nofit none'),
    (r'the gap below does not fit: (\w+) is less than (\w+)',
     lambda m: 'nofit small %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'the gap below fits', lambda m: 'fits'),
    (r'climb up to the last', lambda m: 'jump'),
    (r'climb up', lambda m: 'climb'),
    (r'its end (\w+) clipped to high_limit (\w+)',
     lambda m: 'clip %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'end (\w+) minus length (\w+) is (\w+)',
     lambda m: 'minus %x %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'colour: minus \((\w+) - align_offset (\w+)\) & align_mask (\w+) = (\w+) is (\w+)',
     lambda m: 'colour %x %x %x %x %x' % tuple(int(g, 16) for g in m.groups())),
    (r'chose (\w+)', lambda m: 'chose %x' % int(m[1], 16)),
    (r'-ENOMEM', lambda m: 'fail'),
]

def normalize(text):
    """The traced steps, grouped by search."""
    searches = []
    for line in text.splitlines():
        if not line.startswith('placement: '):
            continue
        body = line[len('placement: '):].strip()
        for pat, fn in PATTERNS:
            m = re.match(pat, body)
            if m:
                step = fn(m)
                if step.startswith('search'):
                    searches.append([])
                searches[-1].append(step)
                break
        else:
            searches[-1].append('?? ' + body)
    return searches

def main():
    vmas, expected = parse_expected(sys.argv[1])
    traced = normalize(open(sys.argv[2], errors='replace').read())
    n = int(sys.argv[3]) - 1 if len(sys.argv) > 3 else 0
    for i, (name, req, steps) in enumerate(expected):
        n += 1
        want = ['search %x %x %x' % tuple(req)] + [expand(s, vmas)
                                                  for s in steps]
        got = traced[i] if i < len(traced) else []
        if got == want:
            print('ok %d trace:%s' % (n, name))
            continue
        print('not ok %d trace:%s' % (n, name))
        for k in range(max(len(want), len(got))):
            w = want[k] if k < len(want) else '(end)'
            g = got[k] if k < len(got) else '(end)'
            if w != g:
                print('#   step %d: expected "%s", traced "%s"' % (k, w, g))
                break
    n += 1
    if len(traced) == len(expected):
        print('ok %d trace:no_other_search_traced' % n)
    else:
        print('not ok %d trace:no_other_search_traced' % n)
        print('#   %d searches traced, %d expected' %
              (len(traced), len(expected)))

main()
