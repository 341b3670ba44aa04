# td/kernel.py - reading the kernel's data from gdb: integers, struct
# fields, container_of, list_head walks, and which mm a command is about.
import gdb

# Linux's vm_flags values, as mm/mm_types.h defines them (macros are not
# in the debug information at -g).
VM_READ, VM_WRITE, VM_EXEC, VM_SHARED = 0x1, 0x2, 0x4, 0x8
VM_MAYSHARE = 0x80
VM_GROWSDOWN = 0x100

# The direct map (mm/memlayout.h, kernel/armv7/board.h); linker.ld also
# defines them as symbols, which are preferred when present.
PAGE_OFFSET_DEFAULT = 0xC0000000
PHYS_OFFSET_DEFAULT = 0x60000000
RAM_MAX = 512 << 20


class TdError(gdb.GdbError):
    """A message for the user, without a Python traceback."""


def usage_error(usage, why):
    """A TdError saying what is wrong with the arguments, then the usage."""
    return TdError('%s\nusage: %s' % (why, usage))


def evaluate(expr, usage, what='an expression'):
    """The gdb.Value of @expr; a usage message instead of gdb's error."""
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as e:
        raise usage_error(usage, '"%s" is not %s (%s)' % (expr, what, e))


def evaluate_int(expr, usage, what='a number'):
    """@expr as an unsigned 32-bit int: a number or an integer or pointer
    expression (a struct or a function is refused with @usage)."""
    value = evaluate(expr, usage, what)
    code = value.type.strip_typedefs().code
    if code not in (gdb.TYPE_CODE_INT, gdb.TYPE_CODE_PTR, gdb.TYPE_CODE_ENUM,
                    gdb.TYPE_CODE_CHAR, gdb.TYPE_CODE_BOOL):
        raise usage_error(usage, '"%s" is not %s but a %s' %
                          (expr, what, value.type))
    return u(value)


def no_arguments(name, arg):
    """Refuse arguments to command @name, which takes none."""
    if arg and arg.strip():
        raise usage_error(name, '%s takes no arguments, not "%s"'
                          % (name, arg.strip()))


def u(value):
    """A gdb.Value (pointer, integer, enum) as a Python int, unsigned 32."""
    return int(value.cast(gdb.lookup_type('unsigned long'))) & 0xffffffff


def _linker_symbol(name, default):
    """The value of an absolute linker-script symbol, else @default."""
    try:
        return u(gdb.parse_and_eval('&' + name))
    except gdb.error:
        return default


def page_offset():
    return _linker_symbol('PAGE_OFFSET', PAGE_OFFSET_DEFAULT)


def phys_offset():
    return _linker_symbol('PHYS_OFFSET', PHYS_OFFSET_DEFAULT)


def phys_to_virt(pa):
    """Kernel virtual address of RAM physical address @pa (direct map)."""
    base = phys_offset()
    if not base <= pa < base + RAM_MAX:
        raise TdError('phys %#x is not RAM: cannot read it through the '
                      'direct map' % pa)
    return pa - base + page_offset()


def read_u32(va):
    """The 32-bit word at kernel virtual address @va (little endian)."""
    try:
        mem = gdb.selected_inferior().read_memory(va, 4)
    except gdb.MemoryError:
        raise TdError('cannot read memory at %#x' % va)
    return int.from_bytes(bytes(mem), 'little')


def lookup_type(name):
    try:
        return gdb.lookup_type(name)
    except gdb.error:
        return None


def container_of(ptr, type_name, member):
    """The struct @type_name whose field @member is at address @ptr."""
    t = gdb.lookup_type(type_name)
    offset = None
    for f in t.fields():
        if f.name == member:
            offset = f.bitpos // 8
    addr = u(ptr) - offset
    return gdb.Value(addr).cast(t.pointer()).dereference()


def list_entries(head, type_name, member, limit=100000):
    """The structs on the list_head @head (a gdb.Value of the head)."""
    node = head['next']
    n = 0
    while u(node) != u(head.address):
        yield container_of(node, type_name, member)
        node = node['next']
        n += 1
        if n > limit:
            raise TdError('list at %#x does not come back to its head'
                          % u(head.address))


def global_symbol(name):
    """The value of global or file-static variable @name, or None."""
    for lookup in (gdb.lookup_global_symbol, gdb.lookup_static_symbol):
        try:
            sym = lookup(name)
        except gdb.error:
            sym = None
        if sym is not None and sym.is_variable:
            return sym.value()
    # Seen from a file that only declares it (extern), gdb's symbol is
    # "unresolved": the expression evaluator still finds the definition.
    try:
        return gdb.parse_and_eval("'%s'" % name) if \
            gdb.lookup_global_symbol(name) is not None else None
    except gdb.error:
        return None


def current_task():
    """The task_struct of `current` (a pointer), or None without tasks."""
    cur = global_symbol('current')
    if cur is None or lookup_type('struct task_struct') is None:
        return None
    return cur if u(cur) else None


def task_list():
    """Every task on the kernel's list of all tasks, or None if no list.

    The list head is `tasks` (Linux's name) or `task_list`; each
    task_struct is on it by its `tasks` member."""
    if lookup_type('struct task_struct') is None:
        return None
    for name in ('tasks', 'task_list'):
        head = global_symbol(name)
        if head is not None and str(head.type.strip_typedefs()) == \
                'struct list_head':
            return list(list_entries(head, 'struct task_struct', 'tasks'))
    return None


def find_task(pid):
    for task in task_list() or []:
        if int(task['pid']) == pid:
            return task.address
    cur = current_task()
    if cur is not None and int(cur['pid']) == pid:
        return cur
    raise TdError('no task with pid %d (`tasks` lists them)' % pid)


def _struct_name(t):
    t = t.strip_typedefs()
    return t.tag or t.name or str(t)


def mm_of(value):
    """A `struct mm_struct *` from a value naming an mm, a task or a pid."""
    t = value.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_INT:
        pid = int(value)
        if pid < 0 or pid >= 0x10000:
            raise TdError('%#x is no pid; an address needs its type: '
                          '(struct mm_struct *)%#x or (struct task_struct '
                          '*)%#x' % (u(value), u(value), u(value)))
        return mm_of(find_task(pid))
    if t.code == gdb.TYPE_CODE_STRUCT:
        value = value.address
        t = value.type.strip_typedefs()
    if t.code != gdb.TYPE_CODE_PTR:
        raise TdError('expected an mm, a task or a pid, not %s' % t)
    name = _struct_name(t.target())
    if name == 'mm_struct':
        mm = value
    elif name == 'task_struct':
        mm = value['mm']
    else:
        raise TdError('expected an mm, a task or a pid, not %s' % t)
    if not u(mm):
        raise TdError('no address space (mm is NULL)')
    return mm


def frame_mm():
    """The `mm` argument or variable of the selected frame or one of its
    callers (say, stopped in placement_found), or None."""
    frame = gdb.selected_frame()
    for _ in range(8):
        if frame is None:
            return None
        try:
            mm = frame.read_var('mm')
            if mm.type.strip_typedefs().code == gdb.TYPE_CODE_PTR and u(mm):
                return mm
        except (gdb.error, ValueError, RuntimeError):
            pass
        frame = frame.older()
    return None


def resolve_mm(arg, allow_kernel=False, usage=None):
    """The mm a command is about, and how it was chosen.

    @arg, when given, is a gdb expression: an mm, a task (pointer or
    struct) or a pid. Without it: current->mm, else the `mm` of the
    selected frame (e.g. stopped in unmapped_area_topdown), else, when
    @allow_kernel, init_mm (the kernel's own table). A wrong @arg is a
    TdError that ends with @usage."""
    if arg and arg.strip():
        what = 'an mm, a task or a pid'
        value = evaluate(arg.strip(), usage or 'MM|TASK|PID', what)
        try:
            return mm_of(value), arg.strip()
        except TdError as e:
            raise usage_error(usage, str(e)) if usage else e
        except gdb.MemoryError as e:
            raise TdError('cannot read the kernel\'s tasks or mm (%s): is '
                          'the kernel running yet, with its MMU on?' % e)
        except gdb.error as e:
            raise usage_error(usage or 'MM|TASK|PID', '"%s" is not %s (%s)'
                              % (arg.strip(), what, e))
    cur = current_task()
    if cur is not None and u(cur['mm']):
        return cur['mm'], 'current (pid %d)' % int(cur['pid'])
    mm = frame_mm()
    if mm is not None:
        return mm, "the mm of this frame or its caller"
    if allow_kernel:
        init = global_symbol('init_mm')
        if init is not None:
            return init.address, 'init_mm (no task, no mm in this frame)'
    raise TdError('which address space? no current task with an mm and no '
                  '`mm` in this frame: give an mm, a task or a pid')


def vm_area_list(mm, limit=100000):
    """The VMAs of @mm, lowest first (following vm_next)."""
    vma = mm['mmap']
    n = 0
    while u(vma):
        yield vma.dereference()
        vma = vma['vm_next']
        n += 1
        if n > limit:
            raise TdError('the VMA list of mm %#x does not end' % u(mm))


def split_dot(arg, usage):
    """(FILE, the rest) for an argument that starts `--dot FILE`, else
    (None, @arg); `--dot` without a FILE is a usage error."""
    words = (arg or '').split(None, 2)
    if not words or words[0] != '--dot':
        return None, arg
    if len(words) < 2:
        raise usage_error(usage, '--dot needs a FILE to write the picture to')
    return words[1], words[2] if len(words) > 2 else ''


def search_request():
    """The request of the placement search the selected frame is in (or
    called from): {length, low_limit, high_limit, align_mask}, or None."""
    try:
        frame = gdb.selected_frame()
    except gdb.error:
        return None
    for _ in range(6):
        if frame is None:
            return None
        if frame.name() in ('unmapped_area', 'unmapped_area_topdown'):
            try:
                info = frame.read_var('info').dereference()
                return {k: u(info[k]) for k in
                        ('length', 'low_limit', 'high_limit', 'align_mask')}
            except (gdb.error, ValueError):
                return None
        frame = frame.older()
    return None


def write_picture(path, text):
    """Write the DOT @text to the host file @path; a TdError if it
    cannot."""
    try:
        with open(path, 'w') as f:
            f.write(text)
    except OSError as e:
        raise TdError('cannot write %s: %s' % (path, e))
    gdb.write('wrote %s: render it with  dot -Tsvg -o OUT.svg %s\n'
              % (path, path))
