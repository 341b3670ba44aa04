# td/vmatree.py - `vma-tree [MM|TASK|PID]`: the augmented red-black tree
# of an address space, one node a line, children indented under their
# parent, each with its own gap and rb_subtree_gap, and whether that
# stored subtree gap equals the one recomputed here from scratch.
import sys

import gdb

from td import kernel


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


class VmaTreeCommand(gdb.Command):
    """vma-tree [MM|TASK|PID]: the VMA tree with its gaps, checked.

One node a line, pre-order, children indented and marked L/R:
  [start, end) gap G subtree_gap S colour MARK
G is the node's own gap (vm_start minus the previous VMA's vm_end), S the
stored rb_subtree_gap; MARK says whether S equals the largest gap of the
subtree as recomputed here. Stopped inside unmapped_area_topdown, the
node the search stands on (its `vma`) is pointed at."""

    def __init__(self):
        super().__init__('vma-tree', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        mm, how = kernel.resolve_mm(arg, usage='vma-tree [MM|TASK|PID]')
        show_tree(mm, how)
