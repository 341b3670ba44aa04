# td/vmas.py - `vmas [MM|TASK|PID]`: an address space's VMAs in the format
# of Linux's /proc/PID/maps, with the free gap below each VMA (and above
# the highest) on its own line in between.
import gdb

from td import kernel, picture
from td.kernel import VM_READ, VM_WRITE, VM_EXEC, VM_MAYSHARE

MAPS_NAME_COLUMN = 48      # Linux pads to 25 + 6 * sizeof(void *) - 1
VECTORS = 0xffff0000       # the vectors page, kernel/armv7/kuser_helpers.S


def size_str(n):
    for unit, shift in (('GiB', 30), ('MiB', 20), ('KiB', 10)):
        if n >= 1 << shift:
            return '%.4g %s' % (n / (1 << shift), unit)
    return '%d B' % n


def vma_name(vma, mm):
    """The last column of /proc/PID/maps: the file, [heap], [stack]."""
    f = vma['vm_file']
    start, end = kernel.u(vma['vm_start']), kernel.u(vma['vm_end'])
    if kernel.u(f):
        inode = f['f_inode']
        name = inode['i_name']
        return name.string() if kernel.u(name) else '(unnamed object)'
    if start <= kernel.u(mm['brk']) and end >= kernel.u(mm['start_brk']) \
            and kernel.u(mm['start_brk']):
        return '[heap]'
    stack = kernel.u(mm['start_stack'])
    if stack and start <= stack <= end:
        return '[stack]'
    return ''


def maps_line(vma, mm):
    """One line of /proc/PID/maps for @vma."""
    flags = kernel.u(vma['vm_flags'])
    perms = ''.join(c if flags & bit else '-' for c, bit in
                    (('r', VM_READ), ('w', VM_WRITE), ('x', VM_EXEC)))
    perms += 's' if flags & VM_MAYSHARE else 'p'
    f = vma['vm_file']
    offset = kernel.u(vma['vm_pgoff']) << 12 if kernel.u(f) else 0
    ino = kernel.u(f['f_inode']['i_ino']) if kernel.u(f) else 0
    dev = '00:01' if kernel.u(f) else '00:00'     # the ramfs is 00:01
    line = '%08x-%08x %s %08x %s %d ' % (
        kernel.u(vma['vm_start']), kernel.u(vma['vm_end']), perms, offset,
        dev, ino)
    name = vma_name(vma, mm)
    if name:        # padded to the column, then a blank, as Linux
        line = line.ljust(MAPS_NAME_COLUMN) + ' ' + name
    return line


def gap_line(start, end, what='gap'):
    return '  %s %08x-%08x  %#x (%s)' % (what, start, end, end - start,
                                          size_str(end - start))


def show_vmas(mm, how):
    vmas = list(kernel.vm_area_list(mm))
    gdb.write('mm %#x (%s): %d VMAs (map_count %d), highest_vm_end %#x\n'
              % (kernel.u(mm), how, len(vmas), int(mm['map_count']),
                 kernel.u(mm['highest_vm_end'])))
    prev_end = 0
    for vma in vmas:
        start = kernel.u(vma['vm_start'])
        if start > prev_end:
            gdb.write(gap_line(prev_end, start) + '\n')
        gdb.write(maps_line(vma, mm) + '\n')
        prev_end = kernel.u(vma['vm_end'])
    top = kernel.u(mm['task_size'])
    if top > prev_end:
        gdb.write(gap_line(prev_end, top, 'top') + '  up to task_size\n')
    # the gate area every task has, last as in /proc/PID/maps: ARM's
    # vectors page (mm/armv7/mmu_init.c), no VMA of the task's
    gdb.write(('%08x-%08x r-xp 00000000 00:00 0 ' % (VECTORS, VECTORS + 4096))
              .ljust(MAPS_NAME_COLUMN) + ' [vectors]\n')


def perms_of(vma):
    flags = kernel.u(vma['vm_flags'])
    return ''.join(c if flags & bit else '-' for c, bit in
                   (('r', VM_READ), ('w', VM_WRITE), ('x', VM_EXEC))) + \
        ('s' if flags & VM_MAYSHARE else 'p')


def write_bar_dot(path, mm, how):
    """The address space as a bar (td/picture.py) into @path: mmap_base
    marked, and the search's limits when stopped in it."""
    vmas = [(kernel.u(v['vm_start']), kernel.u(v['vm_end']), perms_of(v),
             vma_name(v, mm)) for v in kernel.vm_area_list(mm)]
    marks = [(kernel.u(mm['mmap_base']), 'mmap_base')]
    title = 'mm %#x (%s)' % (kernel.u(mm), how)
    req = kernel.search_request()
    if req:
        marks += [(req['low_limit'], 'low_limit'),
                  (req['high_limit'], 'high_limit')]
        title += ', stopped in the search for length %#x' % req['length']
    kernel.write_picture(path, picture.bar_dot(
        kernel.u(mm['task_size']), vmas, marks, None, title))


class VmasCommand(gdb.Command):
    """vmas [--dot FILE] [MM|TASK|PID]: the VMAs as in /proc/PID/maps, with the gaps.

Each VMA prints as Linux's /proc/PID/maps does it:
  start-end perms offset dev inode name
and the free gap below it as a line "  gap START-END  SIZE". The last line
is the free space from the highest VMA up to task_size. Without an
argument: current->mm, else the selected frame's `mm`.

With --dot FILE: the address space as a Graphviz bar into FILE on the
host, to scale (or with the axis broken, said so), mmap_base marked, and
low_limit and high_limit when stopped in the placement search."""

    def __init__(self):
        super().__init__('vmas', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        usage = 'vmas [--dot FILE] [MM|TASK|PID]'
        path, arg = kernel.split_dot(arg, usage)
        mm, how = kernel.resolve_mm(arg, usage=usage)
        if path:
            write_bar_dot(path, mm, how)
        else:
            show_vmas(mm, how)
