# td/breakpoints.py - `break-placement`: a breakpoint on the placement
# search that stops only for the request you care about (one length, one
# address space or one task), so that other mmaps run on.
import gdb

from td import kernel


class PlacementBreakpoint(gdb.Breakpoint):
    """Stops in @function when its request matches the filters."""

    def __init__(self, function, length, mm, pid):
        super().__init__(function, gdb.BP_BREAKPOINT)
        self.function, self.length, self.mm, self.pid = \
            function, length, mm, pid

    def stop(self):
        frame = gdb.selected_frame()
        try:
            info = frame.read_var('info')
            mm = kernel.u(frame.read_var('mm'))
        except (gdb.error, ValueError):
            return True          # cannot tell: better to stop
        length = kernel.u(info['length'])
        if self.length is not None and length != self.length:
            return False
        if self.mm is not None and mm != self.mm:
            return False
        if self.pid is not None:
            cur = kernel.current_task()
            if cur is None or int(cur['pid']) != self.pid:
                return False
        gdb.write('%s: length %#x in mm %#x, low_limit %#x, high_limit %#x, '
                  'align_mask %#x, align_offset %#x\n'
                  % (self.function, length, mm, kernel.u(info['low_limit']),
                     kernel.u(info['high_limit']),
                     kernel.u(info['align_mask']),
                     kernel.u(info['align_offset'])))
        return True


class BreakPlacementCommand(gdb.Command):
    """break-placement [-bottomup] [LEN|any] [MM|TASK|PID]

Break in unmapped_area_topdown (unmapped_area with -bottomup) only when
the request's length is LEN and, if given, the search is in that mm (an
mm or task expression, taken now) or runs for that pid (current->pid,
checked at each stop). Examples:
  break-placement 0x3000            the next 3-page placement
  break-placement any 5             any placement made for pid 5
  break-placement 8192 gdb_scenario.mm
Then `vma-tree` shows the tree and, after a few `next`s, the node the
search stands on; `finish` shows the address chosen."""

    def __init__(self):
        super().__init__('break-placement', gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        words = arg.split(None, 1)
        function = 'unmapped_area_topdown'
        if words and words[0] == '-bottomup':
            function = 'unmapped_area'
            words = words[1].split(None, 1) if len(words) > 1 else []
        length = mm = pid = None
        if words and words[0] != 'any':
            length = kernel.u(gdb.parse_and_eval(words[0]))
        if len(words) > 1:
            value = gdb.parse_and_eval(words[1])
            if value.type.strip_typedefs().code == gdb.TYPE_CODE_INT:
                pid = int(value)
            else:
                mm = kernel.u(kernel.mm_of(value))
        bp = PlacementBreakpoint(function, length, mm, pid)
        what = ['length %#x' % length if length is not None else 'any length']
        if mm is not None:
            what.append('mm %#x' % mm)
        if pid is not None:
            what.append('pid %d' % pid)
        gdb.write('Breakpoint %d: %s, only for %s\n'
                  % (bp.number, function, ', '.join(what)))


SEARCHES = ('unmapped_area_topdown', 'unmapped_area')


def search_frame():
    """The frame of the placement search we are stopped in, or None."""
    frame = gdb.selected_frame()
    while frame is not None:
        if frame.name() in SEARCHES:
            return frame
        frame = frame.older()
    return None


class SearchReturn(gdb.FinishBreakpoint):
    """Stops when the search returns; keeps what it returned."""

    def __init__(self, frame):
        super().__init__(frame, internal=True)
        self.hit = False
        self.value = None

    def stop(self):
        self.hit = True
        self.value = self.return_value
        return True


class PlacementNextCommand(gdb.Command):
    """placement-next: run to the next tree node the search steps onto.

Sets a temporary breakpoint on visit() (mm/unmapped_area.c calls it for
every node the search stands on) and one on the search's return,
continues, and prints `vma-tree` with the node pointed at; when the
search returns first, it says so and prints the address it chose (or
the errno). Use it after break-placement has stopped."""

    def __init__(self):
        super().__init__('placement-next', gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError('usage: placement-next (no arguments)')
        search = search_frame()
        if search is None:
            raise gdb.GdbError('placement-next: not stopped in a placement '
                               'search (break-placement LENGTH, continue)')
        visit = gdb.Breakpoint('visit', internal=True, temporary=True)
        done = SearchReturn(search)
        gdb.execute('continue')
        for bp in (visit, done):
            if bp.is_valid():
                bp.delete()
        if not done.hit:
            gdb.execute('vma-tree')
            return
        value = done.value
        if value is None:
            gdb.write('search finished\n')
            return
        chosen = int(value) & 0xffffffff
        if chosen >= 0xfffff001:
            gdb.write('search finished: failed, -%d\n'
                      % (0x100000000 - chosen))
        else:
            gdb.write('search finished: chose %#x\n' % chosen)
