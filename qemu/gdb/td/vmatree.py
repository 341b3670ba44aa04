# td/vmatree.py - `vma-tree [MM|TASK|PID]`: the augmented red-black tree
# of an address space, one node a line, children indented under their
# parent, each with its own gap and rb_subtree_gap, and whether that
# stored subtree gap equals the one recomputed here from scratch.
import sys

import gdb

from td import kernel, picture
from td.vmas import vma_name


def _marks():
    """(good, bad) marks: check marks if the terminal can show them."""
    try:
        '\u2713\u2717'.encode(sys.stdout.encoding or 'ascii')
        return '\u2713', '\u2717'
    except (UnicodeEncodeError, LookupError):
        return 'ok', 'BAD'


def _vma_of(node):
    return kernel.container_of(node, 'struct vm_area_struct', 'vm_rb')


def own_gap(vma):
    """vm_start minus the vm_end of the VMA before it (0 for the first)."""
    prev = vma['vm_prev']
    prev_end = kernel.u(prev['vm_end']) if kernel.u(prev) else 0
    return kernel.u(vma['vm_start']) - prev_end


def _search_position():
    """The VMA the placement search stands on: the argument of visit()
    (mm/unmapped_area.c calls it on every node the search steps onto,
    through go_left() and go_right() for a step down), or the `vma` of
    the search loop (highest_fit(), lowest_fit()) when gdb knows it."""
    frame = gdb.selected_frame()
    for _ in range(8):
        if frame is None:
            return None
        if frame.name() in ('visit', 'go_left', 'go_right', 'highest_fit',
                            'lowest_fit'):
            try:
                return kernel.u(frame.read_var('vma')) or None
            except (gdb.error, ValueError):
                return None
        frame = frame.older()
    return None


class _Walk:
    def __init__(self):
        self.lines = []
        self.nodes = 0
        self.bad = 0
        self.here = _search_position()
        self.good_mark, self.bad_mark = _marks()

    def subtree(self, node, depth, side):
        """Walk @node's subtree; returns its recomputed subtree gap."""
        if not kernel.u(node):
            return 0
        if depth > 64:
            raise kernel.TdError('tree deeper than 64: a cycle?')
        vma = _vma_of(node)
        at = len(self.lines)
        self.lines.append(None)          # filled in after the children
        gap = own_gap(vma)
        left = self.subtree(node['rb_left'], depth + 1, 'L ')
        right = self.subtree(node['rb_right'], depth + 1, 'R ')
        computed = max(gap, left, right)
        stored = kernel.u(vma['rb_subtree_gap'])
        self.nodes += 1
        if stored == computed:
            mark = self.good_mark
        else:
            mark = '%s (recomputed %#x)' % (self.bad_mark, computed)
            self.bad += 1
        colour = 'black' if int(node['rb_color']) else 'red'
        line = '%s%s[%#010x, %#010x) gap %#x subtree_gap %#x %s %s' % (
            '  ' * depth, side, kernel.u(vma['vm_start']),
            kernel.u(vma['vm_end']), gap, stored, colour, mark)
        if self.here == kernel.u(vma.address):
            line += '   <-- the search is here'
        self.lines[at] = line
        return computed


def show_tree(mm, how):
    walk = _Walk()
    gdb.write('vma tree of mm %#x (%s): map_count %d, highest_vm_end %#x\n'
              % (kernel.u(mm), how, int(mm['map_count']),
                 kernel.u(mm['highest_vm_end'])))
    walk.subtree(mm['mm_rb']['rb_node'], 0, '')
    for line in walk.lines:
        gdb.write(line + '\n')
    if walk.bad:
        gdb.write('%d of %d subtree gaps differ from the recomputed ones\n'
                  % (walk.bad, walk.nodes))
    else:
        gdb.write('%d nodes, all subtree gaps match\n' % walk.nodes)


def tree_nodes(mm, node, depth=0):
    """@node's subtree as picture.tree_dot() wants it (None for none)."""
    if not kernel.u(node):
        return None
    if depth > 64:
        raise kernel.TdError('tree deeper than 64: a cycle?')
    vma = _vma_of(node)
    return {'start': kernel.u(vma['vm_start']), 'end': kernel.u(vma['vm_end']),
            'gap': own_gap(vma), 'subtree_gap': kernel.u(vma['rb_subtree_gap']),
            'black': bool(int(node['rb_color'])), 'name': vma_name(vma, mm),
            'left': tree_nodes(mm, node['rb_left'], depth + 1),
            'right': tree_nodes(mm, node['rb_right'], depth + 1)}


def write_tree_dot(path, mm, how):
    """The tree as DOT into @path, the search's node marked."""
    here = _search_position()
    if here:        # the address of the VMA: its vm_start names the node
        vma_t = gdb.lookup_type('struct vm_area_struct').pointer()
        here = kernel.u(gdb.Value(here).cast(vma_t).dereference()['vm_start'])
    title = ('VMA tree of mm %#x (%s): map_count %d, highest_vm_end %#x, '
             'mmap_base %#x' % (kernel.u(mm), how, int(mm['map_count']),
                                kernel.u(mm['highest_vm_end']),
                                kernel.u(mm['mmap_base'])))
    req = kernel.search_request()
    if req:
        title += ('\\nstopped in the search: length %#x, low_limit %#x, '
                  'high_limit %#x' % (req['length'], req['low_limit'],
                                      req['high_limit']))
    legend = ('thick blue border: the node the search stands on\\l'
              if here is not None else '')
    kernel.write_picture(path, picture.tree_dot(
        tree_nodes(mm, mm['mm_rb']['rb_node']), title, legend, here))


class VmaTreeCommand(gdb.Command):
    """vma-tree [--dot FILE] [MM|TASK|PID]: the VMA tree with its gaps, checked.

One node a line, pre-order, children indented and marked L/R:
  [start, end) gap G subtree_gap S colour MARK
G is the node's own gap (vm_start minus the previous VMA's vm_end), S the
stored rb_subtree_gap; MARK says whether S equals the largest gap of the
subtree as recomputed here. Stopped inside unmapped_area_topdown, the
node the search stands on (its `vma`) is pointed at.

With --dot FILE: the tree as Graphviz DOT into FILE on the host (as the
kernel's /proc/PID/vma_tree.dot draws it, with a legend, each VMA's name,
the search's node and request when stopped in it); `make pictures PID=N`
renders a live task's this way."""

    def __init__(self):
        super().__init__('vma-tree', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        usage = 'vma-tree [--dot FILE] [MM|TASK|PID]'
        path, arg = kernel.split_dot(arg, usage)
        mm, how = kernel.resolve_mm(arg, usage=usage)
        if path:
            write_tree_dot(path, mm, how)
        else:
            show_tree(mm, how)
