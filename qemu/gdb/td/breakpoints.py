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

    USAGE = 'break-placement [-bottomup] [LEN|any] [MM|TASK|PID]'

    def invoke(self, arg, from_tty):
        words = arg.split(None, 1)
        function = 'unmapped_area_topdown'
        if words and words[0] == '-bottomup':
            function = 'unmapped_area'
            words = words[1].split(None, 1) if len(words) > 1 else []
        elif words and words[0].startswith('-'):
            raise kernel.usage_error(self.USAGE, 'break-placement: no '
                                     'option %s' % words[0])
        length = mm = pid = None
        if words and words[0] != 'any':
            length = kernel.evaluate_int(words[0], self.USAGE,
                                         'a length (or any)')
        if len(words) > 1:
            what = 'an mm, a task or a pid'
            value = kernel.evaluate(words[1], self.USAGE, what)
            if value.type.strip_typedefs().code == gdb.TYPE_CODE_INT:
                pid = int(value)
                if not 0 <= pid < 0x10000:
                    raise kernel.usage_error(self.USAGE, '%d is no pid' % pid)
            else:
                try:
                    mm = kernel.u(kernel.mm_of(value))
                except kernel.TdError as e:
                    raise kernel.usage_error(self.USAGE, str(e))
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

Sets temporary breakpoints on visit(), go_left() and go_right()
(mm/unmapped_area.c calls one of them for every node the search steps
onto) and one on the search's return,
continues, and prints `vma-tree` with the node pointed at; when the
search returns first, it says so and prints the address it chose (or
the errno). Use it after break-placement has stopped."""

    def __init__(self):
        super().__init__('placement-next', gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        kernel.no_arguments('placement-next', arg)
        search = search_frame()
        if search is None:
            raise gdb.GdbError('placement-next: not stopped in a placement '
                               'search (break-placement LENGTH, continue)')
        # every step onto a node is one of these (mm/unmapped_area.c)
        steps = [gdb.Breakpoint(fn, internal=True, temporary=True)
                 for fn in ('visit', 'go_left', 'go_right')]
        done = SearchReturn(search)
        gdb.execute('continue')
        for bp in steps + [done]:
            if bp.is_valid():
                bp.delete()
        if not done.hit:
            gdb.execute('vma-tree')
            return
        value = done.value
        if value is None:
            gdb.write('search finished\n')
            return
        gdb.write(search_result(int(value)) + '\n')


def search_result(value):
    """What the search returned, in hex: "search finished: chose 0x...",
    or the errno of a failed one."""
    chosen = value & 0xffffffff
    if chosen >= 0xfffff001:
        return 'search finished: failed, -%d%s' % (
            0x100000000 - chosen,
            ' (ENOMEM)' if chosen == 0x100000000 - 12 else '')
    return 'search finished: chose %#x' % chosen


# gdb's own `finish` prints the search's result as "Value returned is
# $1 = 3069227008": an unsigned long, in decimal. A hook before `finish`
# notes when the frame is a search, one after it prints the result in hex
# once gdb stands at the return address in the caller (not when another
# breakpoint stopped it first).
_finishing = None


def before_finish():
    global _finishing
    _finishing = None
    try:
        frame = gdb.selected_frame()
        if frame.name() in SEARCHES and frame.older() is not None:
            _finishing = frame.older().pc()
    except gdb.error:
        pass


def after_finish():
    global _finishing
    where, _finishing = _finishing, None
    if where is None:
        return
    try:
        if gdb.selected_frame().pc() != where:
            return
        result = kernel.u(gdb.parse_and_eval('$r0'))   # AAPCS: r0
    except gdb.error:
        return
    gdb.write(search_result(result) + '\n')


def install_finish_hooks():
    gdb.execute('define hook-finish\npython td.breakpoints.before_finish()'
                '\nend')
    gdb.execute('define hookpost-finish\npython td.breakpoints.after_finish()'
                '\nend')
