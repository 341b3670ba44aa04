#!/usr/bin/env python3
"""tests/pictures/check_pictures.py DIR - what `make pictures` wrote into
DIR against the scenario of tests/kernel/scenario_holes.h, written out
again by hand here: one DOT node per VMA with its name (the README's
letter), range, gap and subtree gap; a legend whose colours are the
nodes'; the search path of the placement (worked by hand in
tests/kernel/test_placement_trace.c, search 1) highlighted; the bar
covering user space row by row, to scale except where it says the axis
is broken (with the true size), mmap_base and the search's limits marked
where ARM's layout and the request put them, and the chosen range where
a naive top-down first fit over the table below finds it; both rendered
to SVG and PNG."""
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
NAMES = {'A': 'A', 'B': 'B', 'C': 'C [heap]', 'D': 'D', 'E': 'E', 'F': 'F',
         'G': 'G [stack]'}
BLACK = {'D', 'B', 'F'}            # the drawn tree: root and its children
TASK_SIZE = 0xbf000000
PAGE = 0x1000
# ARM's mmap_base: TASK_SIZE minus the stack gap, the 8 MiB stack rlimit
# raised to the 128 MiB minimum (mm/arch_mmap.c, as Linux)
MMAP_BASE = TASK_SIZE - max(8 << 20, 128 << 20)
# search 1 of tests/kernel/test_placement_trace.c
LENGTH, LOW_LIMIT, HIGH_LIMIT = 0x5000, 0x1000, 0xb6f0c000
MARKS = {'mmap_base': MMAP_BASE, 'low_limit': LOW_LIMIT,
         'high_limit': HIGH_LIMIT}
PX_PER_PAGE, BREAK_PAGES = 14, 16     # the bar's scale, as it says


def naive_topdown(vmas, length, low, high):
    """The highest [addr, addr + length) free of @vmas inside [low, high):
    every gap from the top down, no tree."""
    ends = [0] + sorted(v[1] for v in vmas)
    starts = sorted(v[0] for v in vmas) + [TASK_SIZE]
    for gap_start, gap_end in reversed(list(zip(ends, starts))):
        top = min(gap_end, high)
        if top - max(gap_start, low) >= length:
            return top - length
    return None


# search 1: D, right to F (F ends at 0xb6f0e000, above the gap_start
# limit 0xb6f07000: G's subtree is not entered), climb to D; 0xb6efb000
VISITS = {'D': '1, 3', 'F': '2'}
PATH_EDGES = {('D', 'F')}
CHOSEN = (0xb6efb000, 0xb6f00000)
assert naive_topdown(VMAS.values(), LENGTH, LOW_LIMIT, HIGH_LIMIT) == CHOSEN[0]

n = 0


def report(name, ok, why=''):
    global n
    n += 1
    print('%s %d pictures:%s' % ('ok' if ok else 'not ok', n, name))
    if not ok and why:
        print('#   ' + str(why).replace('\n', '\n#   '))


NODE_RE = re.compile(r'^  v_([0-9a-f]+) \[label="(?:([^"\\]+)\\n)?\[0x([0-9a-f]+), '
                     r'0x([0-9a-f]+)\)\\ngap 0x([0-9a-f]+)\\nsubtree_gap '
                     r'0x([0-9a-f]+)(?:\\nvisit ([0-9, ]+)|'
                     r'\\nthe search is here)?", '
                     r'fillcolor="(\w+)"(.*)\];$')
EDGE_RE = re.compile(r'^  v_([0-9a-f]+) -> v_([0-9a-f]+) \[label="([LR])"'
                     r'(.*)\];$')


def parse_tree(lines):
    """{start: (start, end, gap, subtree_gap, name, visits, fill, attrs)}
    and the edges {(parent, child, side, attrs)} of a tree DOT."""
    nodes, edges = {}, set()
    for line in lines:
        m = NODE_RE.match(line)
        if m:
            start = int(m[3], 16)
            nodes[start] = (start, int(m[4], 16), int(m[5], 16),
                            int(m[6], 16), m[2], m[7], m[8], m[9])
        m = EDGE_RE.match(line)
        if m:
            edges.add((int(m[1], 16), int(m[2], 16), m[3], m[4]))
    return nodes, edges


def check_legend(prefix, text, nodes, black):
    """The legend: its sample nodes have the fill the VMA nodes of each
    colour have, and it says what gap, rb_subtree_gap and L/R mean."""
    fills = {n[0]: n[6] for n in nodes.values()}
    m_black = re.search(r'legend_black \[label="black node", '
                        r'fillcolor="(\w+)"', text)
    m_red = re.search(r'legend_red \[label="red node", fillcolor="(\w+)"',
                      text)
    report(prefix + 'legend_has_a_sample_node_of_each_colour',
           'subgraph cluster_legend {' in text and m_black and m_red and
           'legend_black -> legend_red [label="L"]' in text)
    report(prefix + 'legend_colours_are_the_nodes_colours',
           m_black and m_red and
           all(f == (m_black[1] if s in black else m_red[1])
               for s, f in fills.items()),
           (m_black and m_black[1], m_red and m_red[1], fills))
    m = re.search(r'legend_text \[shape=note, style="", label="(.*)"\];',
                  text)
    legend = m[1] if m else ''
    report(prefix + 'legend_says_what_gap_subtree_gap_and_L_R_mean',
           'gap: free bytes just below it, vm_start - the previous VMA\'s '
           'vm_end' in legend and
           'subtree_gap: rb_subtree_gap, the largest gap of any VMA in its'
           in legend and 'edge L / R: left child' in legend, legend)
    return legend


ROW_RE = re.compile(r'<TR><TD ALIGN="RIGHT">([0-9a-f]{8})-([0-9a-f]{8})</TD>'
                    r'<TD BGCOLOR="(\w+)" BORDER="1" WIDTH="60" '
                    r'HEIGHT="(\d+)" FIXEDSIZE="TRUE">(~?)</TD>'
                    r'<TD ALIGN="LEFT">([^<]*)</TD>'
                    r'<TD ALIGN="LEFT" VALIGN="BOTTOM">(?:<FONT COLOR="red">'
                    r'([^<]*)</FONT>)?</TD></TR>'
                    r'(\n?<TR><TD></TD><TD BGCOLOR="red"[^>]*></TD>)?')


def parse_bar(text):
    """The bar's rows, top down: (start, end, colour, height, broken,
    text, markers, line below)."""
    return [(int(m[1], 16), int(m[2], 16), m[3], int(m[4]), m[5] == '~',
             m[6], m[7] or '', bool(m[8])) for m in ROW_RE.finditer(text)]


def check_bar(prefix, rows, task_size, marks):
    """Rows cover [0, task_size) top down, to scale or saying the axis is
    broken with their true size, and each marker of @marks (name:
    address) at the row that starts there, with its line."""
    report(prefix + 'bar_rows_cover_user_space_top_down_without_holes',
           rows and rows[0][1] == task_size and rows[-1][0] == 0 and
           all(a[0] == b[1] for a, b in zip(rows, rows[1:])),
           [(hex(r[0]), hex(r[1])) for r in rows])
    bad = []
    for start, end, colour, height, broken, text, _, _ in rows:
        pages = (end - start) // PAGE
        size = '%#x' % (end - start)
        if pages <= BREAK_PAGES:
            ok = height == pages * PX_PER_PAGE and not broken and \
                'axis broken' not in text
        else:
            ok = broken and ('axis broken: drawn %d px, to scale %d px'
                             % (height, pages * PX_PER_PAGE)) in text
        if not ok or (', %s (' % size) not in text:
            bad.append((hex(start), hex(end), height, broken, text))
    report(prefix + 'bar_is_to_scale_or_says_the_axis_is_broken_and_the_'
           'true_size', not bad, bad)
    found = {}
    for start, end, _, _, _, _, markers, line in rows:
        for m in filter(None, markers.split(', ')):
            name, _, addr = m.partition(' ')
            found[name] = (int(addr, 16), start, line)
    want = {k: (v, v, True) for k, v in marks.items()}
    report(prefix + 'bar_marks_' + '_'.join(sorted(marks)) +
           '_where_they_are', found == want,
           'found %s\nwant %s' % (found, want))


def main():
    d = sys.argv[1]
    text = open(os.path.join(d, 'holes_tree.dot')).read()
    tree = text.splitlines()
    by_start = {v[0]: k for k, v in VMAS.items()}

    parsed, raw_edges = parse_tree(tree)
    nodes = {by_start.get(k, hex(k)): v for k, v in parsed.items()}
    report('tree_has_one_node_per_vma', sorted(nodes) == sorted(VMAS),
           'nodes %s' % sorted(nodes))
    report('tree_nodes_show_range_gap_and_subtree_gap',
           all(nodes.get(k, (None,) * 4)[:4] == v for k, v in VMAS.items()),
           {k: tuple(map(hex, v[:4])) for k, v in nodes.items()})
    report('tree_labels_name_the_vmas_as_the_readme',
           {k: v[4] for k, v in nodes.items()} == NAMES,
           {k: v[4] for k, v in nodes.items()})
    legend = check_legend('tree_', text, parsed,
                          {VMAS[k][0] for k in BLACK})
    report('tree_legend_explains_the_search_marks',
           'A to G: the VMAs as the README' in legend and
           'thick blue border, visit N' in legend and
           'blue edge' in legend, legend)

    edges = {(by_start.get(a), by_start.get(b), side)
             for a, b, side, _ in raw_edges}
    path_edges = {(by_start.get(a), by_start.get(b))
                  for a, b, _, attrs in raw_edges if 'dodgerblue' in attrs}
    report('tree_edges_are_the_drawn_tree', edges == EDGES, sorted(edges))
    visits = {k: v[5] for k, v in nodes.items() if v[5]}
    marked = {k for k, v in nodes.items() if 'dodgerblue' in v[7]}
    report('search_path_nodes_highlighted_with_visit_order',
           visits == VISITS and marked == set(VISITS), (visits, marked))
    report('search_path_edges_highlighted', path_edges == PATH_EDGES,
           path_edges)
    title = re.search(r'^  label="(.*)";$', text, re.M)
    title = title[1] if title else ''
    report('tree_title_has_the_request_and_the_returned_address',
           ('unmapped_area_topdown(length %#x, low_limit %#x, high_limit '
            '%#x) visits 3 nodes and returns %#x'
            % (LENGTH, LOW_LIMIT, HIGH_LIMIT, CHOSEN[0])) in title and
           'mmap_base %#x' % MMAP_BASE in title, title)

    bar = open(os.path.join(d, 'holes_bar.dot')).read()
    rows = parse_bar(bar)
    check_bar('', rows, TASK_SIZE, MARKS)
    mapped = sorted((r[0], r[1], r[5].split(' rw')[0].split(' r-')[0])
                    for r in rows if r[2] == 'lightsteelblue')
    # a VMA a marker cuts is two rows: join them back
    joined = []
    for start, end, name in mapped:
        if joined and joined[-1][1] == start and joined[-1][2] == name:
            joined[-1] = (joined[-1][0], end, name)
        else:
            joined.append((start, end, name))
    want = sorted((v[0], v[1], NAMES[k]) for k, v in VMAS.items())
    report('bar_has_each_vma_with_its_readme_name', joined == want,
           'bar %s\nwant %s' % (joined, want))
    chosen = [(r[0], r[1]) for r in rows if r[2] == 'orange']
    report('bar_shows_the_chosen_range_where_a_naive_search_finds_it',
           chosen == [CHOSEN] and
           'returns %#x' % CHOSEN[0] in bar.split('\n')[2], chosen)
    report('bar_has_a_legend', 'legend [shape=note' in bar and
           'axis broken' in bar and 'red line' in bar)

    for name in ('holes_tree', 'holes_bar'):
        svg = os.path.join(d, name + '.svg')
        png = os.path.join(d, name + '.png')
        ok = (os.path.exists(svg) and '<svg' in open(svg).read() and
              os.path.exists(png) and
              open(png, 'rb').read(8) == b'\x89PNG\r\n\x1a\n')
        report(name + '_rendered_to_svg_and_png', ok)


MAPS_RE = re.compile(r'^([0-9a-f]{8})-([0-9a-f]{8}) ([-r][-w][-x][ps]) '
                     r'[0-9a-f]{8} \d\d:\d\d \d+ *(.*)$', re.M)


def main_live(d, qlog_path):
    """make pictures PID=1 against what the shell printed: its `maps`
    after its own `mmap 3p rw` (the console's /proc/1/maps, not gdb's
    walk)."""
    qlog = open(qlog_path, errors='replace').read()
    turn = qlog[qlog.find('Your turn'):] if 'Your turn' in qlog else ''
    maps = [(int(m[1], 16), int(m[2], 16), m[3], m[4].strip())
            for m in MAPS_RE.finditer(turn) if m[4].strip() != '[vectors]']
    mapped = re.search(r'^mmap: 0x([0-9a-f]+)-0x([0-9a-f]+) ', turn, re.M)
    report('live_the_shell_mapped_and_printed_its_maps',
           bool(maps) and mapped is not None, turn[-1500:])
    try:
        text = open(os.path.join(d, 'pid1_tree.dot')).read()
        bar = open(os.path.join(d, 'pid1_bar.dot')).read()
    except OSError as e:
        report('live_make_pictures_wrote_the_dot_files', False, e)
        return
    nodes, edges = parse_tree(text.splitlines())
    want = {}
    prev = 0
    for start, end, _, name in maps:
        want[start] = (start, end, start - prev, name)
        prev = end
    got = {k: (v[0], v[1], v[2], v[4] or '') for k, v in nodes.items()}
    report('live_tree_nodes_are_the_maps_with_gaps_and_names', got == want,
           'tree %s\nmaps %s' % (sorted(got.values()), sorted(want.values())))
    # rb_subtree_gap recomputed here from the drawn edges and own gaps
    children = {}
    for a, b, _, _ in edges:
        children.setdefault(a, []).append(b)

    def subtree_gap(k, depth=0):
        if depth > 64 or k not in nodes:
            return -1
        return max([nodes[k][2]] + [subtree_gap(c, depth + 1)
                                    for c in children.get(k, [])])
    bad = [hex(k) for k in nodes if subtree_gap(k) != nodes[k][3]]
    report('live_tree_subtree_gaps_are_the_largest_gap_below', not bad, bad)
    black = {k for k, v in nodes.items() if v[6] == 'gray20'}
    check_legend('live_tree_', text, nodes, black)
    report('live_tree_contains_the_shells_mmap',
           mapped is not None and
           any(v[0] <= int(mapped[1], 16) and int(mapped[2], 16) <= v[1]
               for v in nodes.values()))
    rows = parse_bar(bar)
    check_bar('live_', rows, TASK_SIZE, {'mmap_base': MMAP_BASE})
    banner = re.search(r'mmap_base ([0-9a-f]{8})', qlog)
    report('live_mmap_base_is_what_the_boot_banner_says',
           banner is not None and int(banner[1], 16) == MMAP_BASE,
           banner and banner[0])
    vma_rows = [(r[0], r[1]) for r in rows if r[2] == 'lightsteelblue']
    report('live_bar_has_a_row_per_vma_of_the_maps',
           sorted(vma_rows) == sorted((m[0], m[1]) for m in maps),
           vma_rows)
    for name in ('pid1_tree', 'pid1_bar'):
        png = os.path.join(d, name + '.png')
        report('live_' + name + '_rendered', os.path.exists(png) and
               open(png, 'rb').read(8) == b'\x89PNG\r\n\x1a\n')


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--live':
        main_live(sys.argv[2], sys.argv[3])
    else:
        main()
