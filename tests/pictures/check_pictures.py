#!/usr/bin/env python3
"""tests/pictures/check_pictures.py DIR - what `make pictures` wrote into
DIR against the scenario of tests/kernel/scenario_holes.h, written out
again by hand here: one DOT node per VMA with its range, gap and subtree
gap; the search path of the placement (worked by hand in
tests/kernel/test_placement_trace.c, search 1) highlighted; the bar with
one row per VMA and per gap; both rendered to SVG and PNG."""
import os
import re
import sys

# start, end, own gap, subtree gap (the tree drawn in scenario_holes.h)
VMAS = {
    'A': (0x00010000, 0x00012000, 0x10000, 0x10000),
    'B': (0x00020000, 0x00021000, 0xe000, 0xdf000),
    'C': (0x00100000, 0x00104000, 0xdf000, 0xdf000),
    'D': (0xb6f00000, 0xb6f03000, 0xb6dfc000, 0xb6dfc000),
    'E': (0xb6f05000, 0xb6f06000, 0x2000, 0x2000),
    'F': (0xb6f0a000, 0xb6f0e000, 0x4000, 0x80d1000),
    'G': (0xbefdf000, 0xbf000000, 0x80d1000, 0x80d1000),
}
EDGES = {('D', 'B', 'L'), ('D', 'F', 'R'), ('B', 'A', 'L'), ('B', 'C', 'R'),
         ('F', 'E', 'L'), ('F', 'G', 'R')}
# search 1: D, right to F (F ends at 0xb6f0e000, above the gap_start
# limit 0xb6f07000: G's subtree is not entered), climb to D; 0xb6efb000
VISITS = {'D': '1, 3', 'F': '2'}
PATH_EDGES = {('D', 'F')}
CHOSEN = (0xb6efb000, 0xb6f00000)

n = 0


def report(name, ok, why=''):
    global n
    n += 1
    print('%s %d pictures:%s' % ('ok' if ok else 'not ok', n, name))
    if not ok and why:
        print('#   ' + str(why).replace('\n', '\n#   '))


NODE_RE = re.compile(r'^  v_([0-9a-f]+) \[label="\[0x([0-9a-f]+), '
                     r'0x([0-9a-f]+)\)\\ngap 0x([0-9a-f]+)\\nsubtree_gap '
                     r'0x([0-9a-f]+)(?:\\nvisit ([0-9, ]+))?"(.*)\];$')
EDGE_RE = re.compile(r'^  v_([0-9a-f]+) -> v_([0-9a-f]+) \[label="([LR])"'
                     r'(.*)\];$')


def main():
    d = sys.argv[1]
    tree = open(os.path.join(d, 'holes_tree.dot')).read().splitlines()
    by_start = {v[0]: k for k, v in VMAS.items()}

    nodes = {}
    for line in tree:
        m = NODE_RE.match(line)
        if m:
            start = int(m[2], 16)
            nodes[by_start.get(start, hex(start))] = (
                (start, int(m[3], 16), int(m[4], 16), int(m[5], 16)),
                m[6], 'dodgerblue' in m[7])
    report('tree_has_one_node_per_vma', sorted(nodes) == sorted(VMAS),
           'nodes %s' % sorted(nodes))
    report('tree_nodes_show_range_gap_and_subtree_gap',
           all(nodes.get(k, (None,))[0] == v for k, v in VMAS.items()),
           {k: tuple(map(hex, v[0])) for k, v in nodes.items()})

    edges = set()
    path_edges = set()
    for line in tree:
        m = EDGE_RE.match(line)
        if m:
            a = by_start.get(int(m[1], 16))
            b = by_start.get(int(m[2], 16))
            edges.add((a, b, m[3]))
            if 'dodgerblue' in m[4]:
                path_edges.add((a, b))
    report('tree_edges_are_the_drawn_tree', edges == EDGES, sorted(edges))
    visits = {k: v[1] for k, v in nodes.items() if v[1]}
    marked = {k for k, v in nodes.items() if v[2]}
    report('search_path_nodes_highlighted_with_visit_order',
           visits == VISITS and marked == set(VISITS), (visits, marked))
    report('search_path_edges_highlighted', path_edges == PATH_EDGES,
           path_edges)
    report('tree_title_names_the_chosen_address',
           any('chooses %#x' % CHOSEN[0] in l for l in tree))

    bar = open(os.path.join(d, 'holes_bar.dot')).read()
    rows = re.findall(r'<TD ALIGN="RIGHT">([0-9a-f]{8})-([0-9a-f]{8})</TD>'
                      r'<TD BGCOLOR="(\w+)"', bar)
    mapped = sorted((int(a, 16), int(b, 16)) for a, b, c in rows
                    if c == 'lightsteelblue')
    report('bar_has_one_mapped_row_per_vma',
           mapped == sorted(v[:2] for v in VMAS.values()), mapped)
    chosen = [(int(a, 16), int(b, 16)) for a, b, c in rows if c == 'orange']
    report('bar_shows_the_chosen_range', chosen == [CHOSEN], chosen)
    free = sum(int(b, 16) - int(a, 16) for a, b, c in rows if c == 'white')
    used = sum(v[1] - v[0] for v in VMAS.values()) + CHOSEN[1] - CHOSEN[0]
    report('bar_rows_cover_all_of_user_space',
           free + used == 0xbf000000, hex(free + used))

    for name in ('holes_tree', 'holes_bar'):
        svg = os.path.join(d, name + '.svg')
        png = os.path.join(d, name + '.png')
        ok = (os.path.exists(svg) and '<svg' in open(svg).read() and
              os.path.exists(png) and
              open(png, 'rb').read(8) == b'\x89PNG\r\n\x1a\n')
        report(name + '_rendered_to_svg_and_png', ok)


main()
