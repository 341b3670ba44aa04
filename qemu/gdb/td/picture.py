#!/usr/bin/env python3
# td/picture.py - the pictures of an address space, as Graphviz DOT, for
# `make pictures` (the scenario, from the layout tests/pictures/ writes)
# and for gdb (`vma-tree --dot FILE`, `vmas --dot FILE`: a live task).
# Plain Python, no gdb: `picture.py bar LAYOUT OUT` draws a layout file.
#
# The bar: [0, task_size) as one column, high addresses at the top, a row
# per VMA, per free gap and for the chosen range. Rows are to scale,
# PX_PER_PAGE pixels a page, up to BREAK_PAGES pages; a larger range
# (the 2.8 GiB hole, 128 MiB above mmap_base) would be thousands of
# pixels, so its row is drawn BROKEN_PX tall, marked with a "~" and says
# so, with its true size. A marker (mmap_base, low_limit, high_limit) is
# a thin red line (MARKER_PX, outside the scale) below the row that
# starts at its address, its name and address beside that row; a range a
# marker falls into is split there.
import sys

PAGE = 4096
PX_PER_PAGE = 14          # one line of 10-point text
BREAK_PAGES = 16          # larger rows break the axis
BROKEN_PX = 6 * PX_PER_PAGE
MARKER_PX = 3             # a marker's line, outside the scale

# The tree's legend, as mm/vma_tree_show.c writes it for the kernel's DOT.
TREE_LEGEND = (
    'one box per VMA, a node of the red-black tree (fill: its colour)\\l'
    '  name (if any), [vm_start, vm_end)\\l'
    '  gap: free bytes just below it, vm_start - the previous VMA\'s vm_end\\l'
    '  subtree_gap: rb_subtree_gap, the largest gap of any VMA in its\\l'
    '    subtree (itself and all below it): a search skips a subtree\\l'
    '    whose subtree_gap is smaller than it needs\\l'
    'edge L / R: left child (lower addresses) / right child (higher)\\l')


def size_str(n):
    for unit, shift in (('GiB', 30), ('MiB', 20), ('KiB', 10)):
        if n >= 1 << shift:
            return '%.4g %s' % (n / (1 << shift), unit)
    return '%d B' % n


def _esc(text):
    """@text inside a DOT string or an HTML-like label."""
    return (text.replace('&', '&amp;').replace('<', '&lt;')
            .replace('>', '&gt;').replace('"', '&quot;'))


def _segments(task_size, vmas, chosen):
    """(start, end, kind, what) covering [0, task_size), lowest first:
    kind 'vma', 'free' or 'chosen' (a free range the search returned, or
    the VMA now there)."""
    segs, prev = [], 0
    for start, end, perms, name in sorted(vmas):
        if start > prev:
            segs.append((prev, start, 'free', 'free'))
        kind = 'chosen' if chosen == (start, end) else 'vma'
        segs.append((start, end, kind, ('%s %s' % (name, perms)).strip()))
        prev = end
    if task_size > prev:
        segs.append((prev, task_size, 'free', 'free'))
    if chosen:
        out = []
        for s in segs:
            c0, c1 = chosen
            if s[2] == 'free' and s[0] <= c0 and c1 <= s[1] and c0 < c1:
                if s[0] < c0:
                    out.append((s[0], c0, 'free', 'free'))
                out.append((c0, c1, 'chosen', 'chosen by the search'))
                if c1 < s[1]:
                    out.append((c1, s[1], 'free', 'free'))
            else:
                out.append(s)
        segs = out
    return segs


def _split(segs, marks):
    """@segs cut at every marker address inside one: (start, end, kind,
    what, whole) where whole is the (start, end) before the cuts."""
    cuts = sorted({a for a, _ in marks})
    out = []
    for start, end, kind, what in segs:
        at = [start] + [a for a in cuts if start < a < end] + [end]
        for lo, hi in zip(at, at[1:]):
            out.append((lo, hi, kind, what, (start, end)))
    return out


COLOUR = {'vma': 'lightsteelblue', 'free': 'white', 'chosen': 'orange'}


def bar_dot(task_size, vmas, marks, chosen=None, title=''):
    """The DOT of the bar. @vmas: (start, end, perms, name); @marks:
    (address, what), those at 0 are left out (not set); @chosen: (start,
    end) or None."""
    marks = [(a, w) for a, w in marks if 0 < a <= task_size]
    rows = _split(_segments(task_size, vmas, chosen), marks)
    out = ['digraph address_space {',
           '  labelloc=t;',
           '  label="%s\\n[0, %#x), high addresses at the top: to scale, '
           '%d px a 4 KiB page, except the rows marked ~, where the axis '
           'is broken (each says its true size)";'
           % (_esc(title), task_size, PX_PER_PAGE),
           '  bar [shape=plaintext, fontname="monospace", fontsize=10, '
           'label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" '
           'CELLPADDING="1">']
    for lo, hi, kind, what, whole in reversed(rows):
        pages = (hi - lo) // PAGE
        here = [w for a, w in marks if a == lo]
        text = '%s, %#x (%s)' % (what, hi - lo, size_str(hi - lo))
        if whole != (lo, hi):
            text += ', part of %08x-%08x' % whole
        if pages <= BREAK_PAGES:
            height, mark = max(pages, 1) * PX_PER_PAGE, ''
        else:
            height, mark = BROKEN_PX, '~'
            text += (', axis broken: drawn %d px, to scale %d px'
                     % (height, pages * PX_PER_PAGE))
        marker = ''
        if here:
            marker = ('<FONT COLOR="red">%s</FONT>'
                      % _esc(', '.join('%s %#x' % (w, lo) for w in here)))
            cell = 'BORDER="3" COLOR="red" SIDES="B"'
        out.append('<TR><TD ALIGN="RIGHT">%08x-%08x</TD>'
                   '<TD BGCOLOR="%s" BORDER="1" WIDTH="60" HEIGHT="%d" '
                   'FIXEDSIZE="TRUE">%s</TD>'
                   '<TD ALIGN="LEFT">%s</TD>'
                   '<TD ALIGN="LEFT" VALIGN="BOTTOM">%s</TD></TR>'
                   % (lo, hi, COLOUR[kind], height, mark, _esc(text),
                      marker))
        if here:        # the marker's line, below the row it ends
            out.append('<TR><TD></TD><TD BGCOLOR="red" WIDTH="60" '
                       'HEIGHT="%d" FIXEDSIZE="TRUE"></TD><TD></TD><TD></TD>'
                       '</TR>' % MARKER_PX)
    out.append('</TABLE>>];')
    out.append('  legend [shape=note, fontname="monospace", fontsize=10, '
               'label="legend\\l'
               'light blue: a VMA (name and permissions beside it)\\l'
               'white: free, no VMA\\l'
               'orange: the range the placement chose\\l'
               '~: axis broken, the row is drawn %d px whatever its size\\l'
               'red line (%d px, not part of the scale): a marker, at the\\l'
               '  address where the row above it starts: mmap_base (the top\\l'
               '  of the top-down area), low_limit and high_limit (the\\l'
               '  bounds of the search)\\l'
               '"];' % (BROKEN_PX, MARKER_PX))
    out.append('}')
    return '\n'.join(out) + '\n'


def tree_dot(root, title, legend='', here=None):
    """The DOT of a VMA tree in mm/vma_tree_show.c's format. @root: a
    node dict (start, end, gap, subtree_gap, black, name, left, right) or
    None; @here: the vm_start of the node the search stands on."""
    out = ['digraph vma_tree {',
           '  node [shape=box, style="rounded,filled", fontname="monospace"];',
           '  edge [fontname="monospace"];',
           '  labelloc=t;',
           '  label="%s";' % _esc(title),
           '  subgraph cluster_legend {',
           '    label="legend"; style="dashed"; fontname="monospace";',
           '    legend_black [label="black node", fillcolor="gray20", '
           'fontcolor="white"];',
           '    legend_red [label="red node", fillcolor="firebrick3", '
           'fontcolor="white"];',
           '    legend_black -> legend_red [label="L"];',
           '    legend_text [shape=note, style="", label="%s%s"];'
           % (TREE_LEGEND, legend),
           '  }']

    def node(n, depth):
        if n is None or depth > 64:
            return
        name = _esc(n['name'])[:40] + '\\n' if n['name'] else ''
        extra, attrs = '', ''
        if n['start'] == here:
            extra = '\\nthe search is here'
            attrs = ', color="dodgerblue", penwidth=5'
        out.append('  v_%x [label="%s[%#010x, %#010x)\\ngap %#x\\n'
                   'subtree_gap %#x%s", fillcolor="%s", fontcolor="white"%s];'
                   % (n['start'], name, n['start'], n['end'], n['gap'],
                      n['subtree_gap'], extra,
                      'gray20' if n['black'] else 'firebrick3', attrs))
        if n['left'] is None and n['right'] is None:
            return
        for side in ('left', 'right'):
            s = side[0].upper()
            child = n[side]
            if child is None:
                out.append('  nil_%x_%s [shape=point, style=invis];'
                           % (n['start'], s))
                out.append('  v_%x -> nil_%x_%s [style=invis];'
                           % (n['start'], n['start'], s))
            else:
                out.append('  v_%x -> v_%x [label="%s"];'
                           % (n['start'], child['start'], s))
        node(n['left'], depth + 1)
        node(n['right'], depth + 1)

    node(root, 0)
    out.append('}')
    return '\n'.join(out) + '\n'


def read_layout(path):
    """A layout file (tests/pictures/layout.c): the arguments of
    bar_dot()."""
    lay = {'title': '', 'task_size': 0, 'vmas': [], 'marks': [],
           'chosen': None}
    for line in open(path):
        key, _, rest = line.rstrip('\n').partition(' ')
        if key == 'title':
            lay['title'] = rest
        elif key == 'task_size':
            lay['task_size'] = int(rest, 16)
        elif key == 'vma':
            start, end, perms, name = (rest.split(' ', 3) + [''])[:4]
            lay['vmas'].append((int(start, 16), int(end, 16), perms, name))
        elif key == 'mark':
            addr, what = rest.split(' ', 1)
            lay['marks'].append((int(addr, 16), what))
        elif key == 'chosen':
            start, end = rest.split()
            lay['chosen'] = (int(start, 16), int(end, 16))
    return lay


def main(argv):
    if len(argv) != 4 or argv[1] != 'bar':
        sys.stderr.write('usage: picture.py bar LAYOUT OUT.dot\n')
        return 2
    lay = read_layout(argv[2])
    with open(argv[3], 'w') as f:
        f.write(bar_dot(lay['task_size'], lay['vmas'], lay['marks'],
                        lay['chosen'], lay['title']))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
