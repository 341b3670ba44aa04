# td/ptwalk.py - `ptwalk ADDR [MM|TASK|PID]`: the L1 and L2 descriptors
# that translate ADDR in an address space, read from guest memory (the
# tables are in RAM, seen through the kernel's direct map), decoded.
import gdb

from td import kernel
from td.descriptors import decode_l1, decode_l2


def _rows(rows):
    for field, value, meaning in rows:
        gdb.write('    %-8s %-16s %s\n' % (field, value, meaning))


def _asid(mm):
    ctx = kernel.u(mm['context_id'])
    gen = kernel.global_symbol('generation')
    if ctx == 0:
        return 'none yet'
    if gen is not None and (ctx & ~0xff) != kernel.u(gen):
        return '%d (stale generation)' % (ctx & 0xff)
    return '%d' % (ctx & 0xff)


def _result(va, info, kind):
    pa = info['base'] | (va & (info['size'] - 1))
    perms = info['perms']
    if perms is None:
        gdb.write('=> %#010x -> phys %#010x: reserved AP encoding\n'
                  % (va, pa))
        return
    gdb.write('=> %#010x -> phys %#010x (%s): user %s, kernel %s%s\n'
              % (va, pa, kind, perms[1], perms[0],
                 ', per ASID' if info['ng'] else ', global'))


def ptwalk(va, mm, how):
    pgd = kernel.u(mm['pgd'])
    if not pgd:
        raise kernel.TdError('mm %#x has no page table' % kernel.u(mm))
    gdb.write('ptwalk %#010x in mm %#x (%s): pgd %#x, ASID %s\n'
              % (va, kernel.u(mm), how, pgd, _asid(mm)))
    index = va >> 20
    l1_addr = pgd + 4 * index
    l1 = kernel.read_u32(l1_addr)
    rows, info = decode_l1(l1)
    gdb.write('  L1[%#05x] at %#010x = %#010x\n' % (index, l1_addr, l1))
    _rows(rows)
    if info['type'] == 'fault':
        gdb.write('=> %#010x: not mapped (translation fault, section)\n' % va)
        return
    if info['type'] != 'table':
        _result(va, info, info['type'])
        return
    index2 = (va >> 12) & 0xff
    l2_addr = kernel.phys_to_virt(info['base']) + 4 * index2
    l2 = kernel.read_u32(l2_addr)
    rows, info2 = decode_l2(l2)
    gdb.write('  L2[%#04x] at %#010x (phys %#010x) = %#010x\n'
              % (index2, l2_addr, info['base'] + 4 * index2, l2))
    _rows(rows)
    if info2['type'] == 'fault':
        gdb.write('=> %#010x: not mapped (translation fault, page)\n' % va)
        return
    _result(va, info2, info2['type'])


class PtwalkCommand(gdb.Command):
    """ptwalk ADDR [MM|TASK|PID]: walk the ARMv7 tables for ADDR.

Reads the L1 descriptor (pgd + 4 * (ADDR >> 20)) and, for a page table,
the L2 descriptor from guest memory, and decodes each field: type, AP[2:0],
XN, TEX/C/B, S, nG, the physical base, then the physical address ADDR
gives and what user and kernel mode may do there. Without MM|TASK|PID:
current->mm, else the selected frame's `mm`, else init_mm."""

    def __init__(self):
        super().__init__('ptwalk', gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        usage = 'ptwalk ADDR [MM|TASK|PID]'
        words = arg.split(None, 1)
        if not words:
            raise kernel.usage_error(usage, 'ptwalk: which address?')
        va = kernel.evaluate_int(words[0], usage, 'an address')
        mm, how = kernel.resolve_mm(words[1] if len(words) > 1 else None,
                                    allow_kernel=True, usage=usage)
        ptwalk(va, mm, how)
