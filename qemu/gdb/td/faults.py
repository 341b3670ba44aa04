# td/faults.py - `break-fault ADDR|PID`: a breakpoint on the fault policy
# (do_user_fault in mm/fault.c, which every translation or permission
# fault on a user address reaches: the task's own accesses and the
# kernel's copies to and from user memory) that stops only for one page
# or one task, so that the faults of everything else run on.
import gdb

from td import kernel

FUNCTION = 'do_user_fault'
PAGE = 0x1000
FAULT_FLAG_WRITE, FAULT_FLAG_USER, FAULT_FLAG_INSTRUCTION = 0x01, 0x40, 0x100
USAGE = 'break-fault ADDR|PID|any   (or: break-fault addr ADDR, ' \
        'break-fault pid PID)'


def access_str(flags):
    """What the faulting access was, from its FAULT_FLAG_* bits."""
    kind = 'execute' if flags & FAULT_FLAG_INSTRUCTION else \
        'write' if flags & FAULT_FLAG_WRITE else 'read'
    who = 'user' if flags & FAULT_FLAG_USER else \
        'kernel (a copy to or from user memory)'
    return '%s %s' % (who, kind)


class FaultBreakpoint(gdb.Breakpoint):
    """Stops in do_user_fault for a fault in one page, or of one task."""

    def __init__(self, page, pid):
        super().__init__(FUNCTION, gdb.BP_BREAKPOINT)
        self.page, self.pid = page, pid

    def stop(self):
        frame = gdb.selected_frame()
        try:
            addr = kernel.u(frame.read_var('addr'))
            flags = kernel.u(frame.read_var('flags'))
        except (gdb.error, ValueError):
            return True          # cannot tell: better to stop
        cur = kernel.current_task()
        pid = int(cur['pid']) if cur is not None else None
        if self.page is not None and addr & ~(PAGE - 1) != self.page:
            return False
        if self.pid is not None and pid != self.pid:
            return False
        gdb.write('break-fault: %s at %#010x (page %#010x), flags %#x, '
                  'in pid %s (%s)\n'
                  % (access_str(flags), addr, addr & ~(PAGE - 1), flags,
                     pid if pid is not None else '?',
                     cur['comm'].string() if cur is not None else '?'))
        return True


def parse(arg):
    """(page, pid) of break-fault's arguments; a usage message if wrong."""
    words = arg.split(None, 1)
    if not words:
        raise kernel.usage_error(USAGE, 'break-fault: which address or pid?')
    if words[0] == 'any':
        if len(words) > 1:
            raise kernel.usage_error(USAGE, 'break-fault: nothing after any')
        return None, None
    kind, expr = None, arg.strip()
    if words[0] in ('addr', 'pid'):
        if len(words) < 2:
            raise kernel.usage_error(USAGE, 'break-fault: %s needs a value'
                                     % words[0])
        kind, expr = words
    value = kernel.evaluate_int(expr, USAGE, 'an address or a pid')
    # a bare number: a pid below mmap_min_addr (4096), where no task may
    # map anything, else an address
    if kind is None:
        kind = 'pid' if value < PAGE else 'addr'
    if kind == 'pid':
        if value >= 0x10000:
            raise kernel.usage_error(USAGE, '%#x is no pid' % value)
        return None, value
    return value & ~(PAGE - 1), None


class BreakFaultCommand(gdb.Command):
    """break-fault ADDR|PID|any: stop on a fault in ADDR's page, or of task PID.

A breakpoint on do_user_fault (mm/fault.c: the fault policy, reached by
every translation and permission fault on a user address, including the
kernel's own copies to and from user memory) that stops only when the
fault is in the page of ADDR, or when the faulting task (current) has pid
PID. A number below 0x1000 (mmap_min_addr: no task maps that page) is a
pid, any other an address; `break-fault addr 0` and `break-fault pid N`
say which. At each stop it prints the access (user or kernel, read,
write or execute), the address in hex and the task. Examples:
  break-fault $addr        the next fault in that page, whoever takes it
  break-fault 3            the next fault of pid 3
  break-fault any          every fault (as `break do_user_fault`)
Then `bt` goes back through the exception entry to the faulting pc, and
`finish` returns with the verdict (0: fixed, the access is retried)."""

    def __init__(self):
        super().__init__('break-fault', gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        page, pid = parse(arg)
        bp = FaultBreakpoint(page, pid)
        what = ('the page %#010x' % page if page is not None else
                'pid %d' % pid if pid is not None else 'every fault')
        gdb.write('Breakpoint %d: %s, only for %s\n'
                  % (bp.number, FUNCTION, what))
