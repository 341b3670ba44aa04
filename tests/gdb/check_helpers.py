#!/usr/bin/env python3
"""tests/gdb/check_helpers.py GDB-LOG QEMU-LOG - check what the gdb
commands printed (tests/gdb/helpers.gdb) against the scenario of
tests/kernel/scenario_holes.h, written out again by hand here, and the
page-table answers against the kernel's own lookup (printed by the
self-test on the console). One KTAP line per check."""
import re
import sys

# The scenario, by hand: /proc/PID/maps columns and the gap below each.
VMAS = [
    ('00010000', '00012000', 'r-xp', '', 0x10000),
    ('00020000', '00021000', 'rw-p', '', 0xe000),
    ('00100000', '00104000', 'rw-p', '[heap]', 0xdf000),
    ('b6f00000', 'b6f03000', 'rw-p', '', 0xb6dfc000),
    ('b6f05000', 'b6f06000', 'r--p', '', 0x2000),
    ('b6f0a000', 'b6f0e000', 'rw-p', '', 0x4000),
    ('befdf000', 'bf000000', 'rw-p', '[stack]', 0x80d1000),
    # the vectors page, last as in /proc/PID/maps (no gap line above it:
    # it is no VMA; "top" is the room up to task_size)
    ('ffff0000', 'ffff1000', 'r-xp', '[vectors]', None),
]

# The tree drawn in scenario_holes.h, pre-order: depth, side, start, end,
# own gap, subtree gap, colour.
TREE = [
    (0, '', 0xb6f00000, 0xb6f03000, 0xb6dfc000, 0xb6dfc000, 'black'),
    (1, 'L', 0x00020000, 0x00021000, 0xe000, 0xdf000, 'black'),
    (2, 'L', 0x00010000, 0x00012000, 0x10000, 0x10000, 'red'),
    (2, 'R', 0x00100000, 0x00104000, 0xdf000, 0xdf000, 'red'),
    (1, 'R', 0xb6f0a000, 0xb6f0e000, 0x4000, 0x80d1000, 'black'),
    (2, 'L', 0xb6f05000, 0xb6f06000, 0x2000, 0x2000, 'red'),
    (2, 'R', 0xbefdf000, 0xbf000000, 0x80d1000, 0x80d1000, 'red'),
]

# The nodes the 0x3000 search visits (test_gdb_scenario.c): D F.
SEARCH_PATH = [0xb6f00000, 0xb6f0a000]

n = 0


def report(name, ok, why=''):
    global n
    n += 1
    print('%s %d gdb-helpers:%s' % ('ok' if ok else 'not ok', n, name))
    if not ok and why:
        for line in str(why).splitlines():
            print('#   ' + line)


def sections(text):
    """The gdb output cut at the "===NAME" lines."""
    out, name = {}, None
    for line in text.splitlines():
        if line.startswith('==='):
            name = line[3:].strip()
            out[name] = []
        elif name:
            out[name].append(line)
    return out


MAPS_RE = re.compile(r'^([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}) ([0-9a-f]{8}) '
                     r'(\d\d:\d\d) (\d+) *(.*)$')
GAP_RE = re.compile(r'^  gap ([0-9a-f]{8})-([0-9a-f]{8})  0x([0-9a-f]+) ')


def check_vmas(name, lines):
    maps = [MAPS_RE.match(l) for l in lines]
    got = [(m[1], m[2], m[3], m[7].strip()) for m in maps if m]
    want = [v[:4] for v in VMAS]
    report(name + '_lists_exactly_the_scenario_vmas', got == want,
           'got %s\nwant %s' % (got, want))
    offsets_ok = all(m[4] == '00000000' and m[5] == '00:00' and m[6] == '0'
                     for m in maps if m)
    report(name + '_anonymous_offset_dev_inode_are_zero', offsets_ok)
    # each gap line, then the VMA it is below
    gaps, pending = [], None
    for line in lines:
        g = GAP_RE.match(line)
        m = MAPS_RE.match(line)
        if g:
            pending = int(g[3], 16)
        elif m:
            gaps.append(pending)
            pending = None
    want_gaps = [v[4] for v in VMAS]
    report(name + '_gap_below_each_vma', gaps == want_gaps,
           'got %s\nwant %s' % ([hex(g or 0) for g in gaps],
                                [hex(g or 0) for g in want_gaps]))


TREE_RE = re.compile(r'^( *)(?:([LR]) )?\[0x([0-9a-f]+), 0x([0-9a-f]+)\) '
                     r'gap 0x([0-9a-f]+) subtree_gap 0x([0-9a-f]+) '
                     r'(red|black) (\S+)(.*)$')


def tree_nodes(lines):
    nodes = []
    for line in lines:
        m = TREE_RE.match(line)
        if m:
            nodes.append(((len(m[1]) // 2, m[2] or '', int(m[3], 16),
                           int(m[4], 16), int(m[5], 16), int(m[6], 16),
                           m[7]), m[8], m[9]))
    return nodes


def check_tree(lines):
    nodes = tree_nodes(lines)
    got = [node for node, _, _ in nodes]
    report('vma_tree_is_the_drawn_tree_with_its_gaps', got == TREE,
           '\n'.join(lines))
    report('vma_tree_every_stored_gap_matches_the_recomputed',
           len(nodes) == 7 and all(mark == '\u2713' for _, mark, _ in nodes),
           '\n'.join(lines))
    report('vma_tree_summary_says_all_match',
           '7 nodes, all subtree gaps match' in lines)


def search_mark(lines):
    """The start of the node vma-tree points at, or None."""
    for node, _, rest in tree_nodes(lines):
        if 'the search is here' in rest:
            return node[2]
    return None


RESULT_RE = re.compile(r'^=> 0x([0-9a-f]+) -> phys 0x([0-9a-f]+) '
                       r'\(small page\): user (\S+), kernel (\S+),')


def ptwalk_result(lines):
    for line in lines:
        m = RESULT_RE.match(line)
        if m:
            return int(m[2], 16), m[3], m[4]
    return None, None, None


def check_pictures(s):
    """vma-tree --dot and vmas --dot at the search's first node: the
    scenario's tree and bar, as tests/pictures/check_pictures.py checks
    make pictures' (its table and checks), with the node the search
    stands on (D, the root) marked and the request's limits, those of
    tests/kernel/test_gdb_scenario.c, on the bar."""
    sys.path.insert(0, 'tests/pictures')
    import check_pictures as cp
    cp.report = lambda name, ok, why='': report('dot_' + name, ok, why)
    wrote = '\n'.join(s.get('dot', []))
    report('dot_commands_say_what_they_wrote',
           'wrote build/test/gdb-helpers-tree.dot' in wrote and
           'wrote build/test/gdb-helpers-bar.dot' in wrote, wrote)
    report('dot_without_a_file_says_so_with_the_usage',
           any('--dot needs a FILE' in l for l in s.get('dot-bad', [])) and
           any(l.startswith('usage: vma-tree [--dot FILE]')
               for l in s.get('dot-bad', [])), s.get('dot-bad'))
    try:
        text = open('build/test/gdb-helpers-tree.dot').read()
        bar = open('build/test/gdb-helpers-bar.dot').read()
    except OSError as e:
        report('dot_files_exist', False, e)
        return
    nodes, edges = cp.parse_tree(text.splitlines())
    want = {v[0]: v for v in cp.VMAS.values()}
    report('dot_tree_nodes_are_the_scenario_vmas_with_their_gaps',
           {k: v[:4] for k, v in nodes.items()} == want,
           {hex(k): tuple(map(hex, v[:4])) for k, v in nodes.items()})
    report('dot_tree_names_heap_and_stack',
           nodes.get(cp.VMAS['C'][0], [''] * 5)[4] == '[heap]' and
           nodes.get(cp.VMAS['G'][0], [''] * 5)[4] == '[stack]')
    by = {v[0]: k for k, v in cp.VMAS.items()}
    report('dot_tree_edges_are_the_drawn_tree',
           {(by.get(a), by.get(b), side) for a, b, side, _ in edges} ==
           cp.EDGES)
    cp.check_legend('tree_', text, nodes,
                    {cp.VMAS[k][0] for k in cp.BLACK})
    marked = [k for k, v in nodes.items() if 'dodgerblue' in v[7]]
    report('dot_tree_marks_the_node_the_search_stands_on',
           marked == [cp.VMAS['D'][0]] and 'the search is here' in text,
           [hex(k) for k in marked])
    rows = cp.parse_bar(bar)
    # test_gdb_scenario.c asks for 0x3000 bytes in [0x1000, 0xb6f0c000);
    # this mm never went through exec: its mmap_base is 0, not drawn
    cp.check_bar('', rows, cp.TASK_SIZE,
                 {'low_limit': 0x1000, 'high_limit': 0xb6f0c000})


def main():
    glog = open(sys.argv[1], errors='replace').read()
    qlog = open(sys.argv[2], errors='replace').read()
    s = sections(glog)

    brk = '\n'.join(s.get('break', []))
    report('break_placement_stops_in_unmapped_area_topdown',
           re.search(r'^Breakpoint \d+, unmapped_area_topdown \(', brk, re.M)
           is not None and 'unmapped_area_topdown: length 0x3000 in mm' in brk,
           brk)

    check_vmas('vmas', s.get('vmas', []))
    check_vmas('vmas_of_an_expression', s.get('vmas-expr', []))
    check_tree(s.get('tree', []))

    # the kernel's own answer, from the console and from gdb_scenario
    m = re.search(r'# gdb scenario: mm \S+, 0x20000 -> phys 0x([0-9a-f]+), '
                  r'0xb6f05000 -> phys 0x([0-9a-f]+)', qlog)
    console = (int(m[1], 16), int(m[2], 16)) if m else (None, None)
    lookup = dict(re.findall(r'^(rw_phys|ro_phys) 0x([0-9a-f]+)$',
                             '\n'.join(s.get('kernel-lookup', [])), re.M))
    report('kernel_lookup_seen_on_console_and_by_gdb',
           console[0] is not None and
           console == (int(lookup.get('rw_phys', '0'), 16),
                       int(lookup.get('ro_phys', '0'), 16)),
           'console %s, gdb %s' % (console, lookup))

    rw = s.get('ptwalk-rw', [])
    phys, user, kern = ptwalk_result(rw)
    report('ptwalk_written_page_phys_equals_kernel_lookup',
           phys is not None and phys == console[0],
           'ptwalk %s, kernel %s\n%s' % (phys, console[0], '\n'.join(rw)))
    report('ptwalk_written_page_is_user_rw_never_executable',
           (user, kern) == ('rw-', 'rw-') and
           any('AP2=0 AP[1:0]=11' in l for l in rw), '\n'.join(rw))

    ro = s.get('ptwalk-ro', [])
    phys, user, kern = ptwalk_result(ro)
    report('ptwalk_read_only_page_phys_equals_kernel_lookup',
           phys is not None and phys == console[1],
           'ptwalk %s, kernel %s\n%s' % (phys, console[1], '\n'.join(ro)))
    report('ptwalk_read_only_pte_decodes_as_read_only',
           (user, kern) == ('r--', 'r--') and
           any('AP2=1 AP[1:0]=11' in l for l in ro), '\n'.join(ro))

    hole = s.get('ptwalk-hole', [])
    report('ptwalk_of_a_hole_is_a_page_fault',
           any('0x00030000: not mapped (translation fault, page)' in l
               for l in hole), '\n'.join(hole))

    report('tasks_before_any_task_says_so',
           any(l.startswith('no tasks yet') for l in s.get('tasks-none', [])),
           '\n'.join(s.get('tasks-none', [])))
    facts = dict(re.findall(r'^(asid|mm) (\w+)$',
                            '\n'.join(s.get('kernel-lookup', [])), re.M))
    tasks = s.get('tasks', [])
    want = re.compile(r'^  +4242  holes +sleeping +%s +%s$'
                      % (facts.get('mm', '?'), facts.get('asid', '?')))
    report('tasks_lists_pid_name_state_mm_and_asid',
           any(want.match(l) for l in tasks) and
           any('idle' in l and '(current, not on the list)' in l
               for l in tasks), '\n'.join(tasks + [want.pattern]))
    check_vmas('vmas_of_a_pid', s.get('vmas-pid', []))
    report('maps_without_an_mm_says_so',
           any('has no address space' in l or l.startswith('no tasks yet')
               for l in s.get('maps', [])), '\n'.join(s.get('maps', [])))

    marks = [search_mark(s.get('next%d' % i, []))
             for i in range(1, len(SEARCH_PATH) + 1)]
    report('placement_next_follows_the_hand_worked_search',
           marks == SEARCH_PATH,
           'got %s\nwant %s' % ([hex(x) if x else None for x in marks],
                                [hex(x) for x in SEARCH_PATH]))
    # after the last node, the search returns: the address worked by
    # hand in tests/kernel/test_gdb_scenario.c (0xb6f0a000 - 0x3000)
    end = s.get('next%d' % (len(SEARCH_PATH) + 1), [])
    report('placement_next_ends_with_the_chosen_address',
           any('search finished: chose 0xb6f07000' in l for l in end),
           '\n'.join(end))
    check_pictures(s)
    report('self_test_passed_under_gdb',
           'ok 1 kernel/gdb_scenario:holes_with_two_mapped_pages' in qlog)


main()
