# td/tasks.py - `tasks` (every task: pid, name, state, mm, ASID) and
# `maps` (the current task's VMAs). Both work on a kernel without tasks:
# they then say so.
import gdb

from td import kernel
from td.vmas import show_vmas


def asid_str(mm):
    """The ASID @mm's TLB entries carry (mm/armv7/context.c)."""
    if not kernel.u(mm):
        return '-'
    ctx = kernel.u(mm['context_id'])
    if ctx == 0:
        return 'none yet'
    gen = kernel.global_symbol('generation')
    if gen is not None and (ctx & ~0xff) != kernel.u(gen):
        return '%d stale' % (ctx & 0xff)
    return '%d' % (ctx & 0xff)


def state_str(task):
    s = str(task['state'])
    return s[len('TASK_'):].lower() if s.startswith('TASK_') else s


def task_line(task, cur):
    mm = task['mm']
    return '%s %5d  %-16s %-9s %-12s %s' % (
        '*' if kernel.u(task.address) == cur else ' ', int(task['pid']),
        task['comm'].string(), state_str(task),
        '%#x' % kernel.u(mm) if kernel.u(mm) else '-', asid_str(mm))


class TasksCommand(gdb.Command):
    """tasks: every task, with pid, name, state, mm and ASID (* = current).

Reads the kernel's list of all tasks (`tasks` or `task_list`, linked by
task_struct.tasks). On a kernel without tasks it says so."""

    def __init__(self):
        super().__init__('tasks', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        kernel.no_arguments('tasks', arg)
        tasks = kernel.task_list()
        cur_task = kernel.current_task()
        if tasks is None or cur_task is None and not tasks:
            gdb.write('no tasks yet (this kernel has no task list)\n')
            return
        cur = kernel.u(cur_task) if cur_task is not None else 0
        if not tasks:
            gdb.write('no tasks yet; current is pid %d (%s), mm %s\n'
                      % (int(cur_task['pid']), cur_task['comm'].string(),
                         '%#x' % kernel.u(cur_task['mm'])
                         if kernel.u(cur_task['mm']) else 'none'))
            return
        gdb.write('    PID  COMM             STATE     MM           ASID\n')
        for task in tasks:
            gdb.write(task_line(task, cur) + '\n')
        if cur and all(kernel.u(t.address) != cur for t in tasks):
            gdb.write(task_line(cur_task.dereference(), cur) +
                      '   (current, not on the list)\n')


class MapsCommand(gdb.Command):
    """maps: the current task's VMAs, as `vmas` prints them."""

    def __init__(self):
        super().__init__('maps', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if arg and arg.strip():
            raise kernel.usage_error('maps', 'maps takes no arguments (it '
                                     'shows the current task): for another '
                                     'task, vmas %s' % arg.strip())
        cur = kernel.current_task()
        if cur is None:
            gdb.write('no tasks yet (this kernel has no `current`)\n')
            return
        pid, comm = int(cur['pid']), cur['comm'].string()
        if not kernel.u(cur['mm']):
            gdb.write('current task pid %d (%s) has no address space '
                      '(a kernel task): try `vmas MM`\n' % (pid, comm))
            return
        show_vmas(cur['mm'], 'pid %d, %s' % (pid, comm))
