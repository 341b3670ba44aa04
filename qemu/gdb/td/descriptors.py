# td/descriptors.py - ARMv7 short-descriptor translation table entries,
# decoded field by field (ARM ARM B3.5; the pictures are in
# mm/armv7/pgtable-hwdef.h). Pure Python, no gdb: the host checks it
# with tests/gdb/test_descriptors.py.
#
# Each decoder returns a list of (field, value, meaning) rows plus a dict
# of what the walk needs next (type, base, xn, ap, ...).

# AP[2] AP[1:0] -> (privileged, user), with SCTLR.AFE = 0
AP_TABLE = {
    (0, 0): ('--', '--'),
    (0, 1): ('rw', '--'),
    (0, 2): ('rw', 'r-'),
    (0, 3): ('rw', 'rw'),
    (1, 0): (None, None),          # reserved
    (1, 1): ('r-', '--'),
    (1, 2): ('r-', 'r-'),          # deprecated encoding
    (1, 3): ('r-', 'r-'),
}

CACHE_POLICY = ['non-cacheable', 'write-back write-allocate',
                'write-through', 'write-back no write-allocate']


def bits(v, hi, lo):
    return (v >> lo) & ((1 << (hi - lo + 1)) - 1)


def memory_type(tex, c, b):
    """What TEX[2:0] C B mean with SCTLR.TRE = 0."""
    if tex & 4:
        return 'normal, outer %s, inner %s' % (CACHE_POLICY[tex & 3],
                                               CACHE_POLICY[c << 1 | b])
    return {
        (0, 0, 0): 'strongly-ordered',
        (0, 0, 1): 'shareable device',
        (0, 1, 0): 'normal, outer and inner write-through',
        (0, 1, 1): 'normal, outer and inner write-back no write-allocate',
        (1, 0, 0): 'normal, outer and inner non-cacheable',
        (1, 1, 1): 'normal, outer and inner write-back write-allocate',
        (2, 0, 0): 'non-shareable device',
    }.get((tex, c, b), 'reserved')


def access(ap2, ap, xn):
    """(kernel, user) permissions as 'rwx' strings, or None if reserved."""
    priv, user = AP_TABLE[(ap2, ap)]
    if priv is None:
        return None
    kx = 'x' if priv[0] == 'r' and not xn else '-'
    ux = 'x' if user[0] == 'r' and not xn else '-'
    return priv + kx, user + ux


def _ap_rows(ap2, ap, xn):
    perms = access(ap2, ap, xn)
    meaning = ('reserved' if perms is None else
               'kernel %s, user %s' % (perms[0][:2], perms[1][:2]))
    return [
        ('AP[2:0]', '%d%d%d' % (ap2, ap >> 1, ap & 1),
         'AP2=%d AP[1:0]=%d%d: %s' % (ap2, ap >> 1, ap & 1, meaning)),
        ('XN', xn, 'never executable' if xn else 'executable where readable'),
    ]


def _attr_rows(tex, c, b, s, ng):
    return [
        ('TEX/C/B', '%d%d%d/%d/%d' % (tex >> 2, (tex >> 1) & 1, tex & 1, c, b),
         memory_type(tex, c, b)),
        ('S', s, 'shareable' if s else 'non-shareable'),
        ('nG', ng, 'non-global: TLB entries tagged with the ASID' if ng
         else 'global: one TLB entry for every ASID'),
    ]


def decode_l1(desc):
    """A first-level descriptor (one per MiB)."""
    kind = desc & 3
    if kind == 0:
        return [('type', '00', 'fault: nothing mapped in this MiB')], \
            {'type': 'fault'}
    if kind == 1:
        base = desc & 0xfffffc00
        return [
            ('type', '01', 'page table'),
            ('base', '%#010x' % base, 'L2 table (physical), bits [31:10]'),
            ('domain', bits(desc, 8, 5), 'DACR field checked for access'),
            ('NS', bits(desc, 3, 3), 'non-secure' if desc & 8 else 'secure'),
        ], {'type': 'table', 'base': base}
    if kind == 3:
        return [('type', '11', 'reserved (PXN section needs LPAE)')], \
            {'type': 'fault'}
    tex, c, b = bits(desc, 14, 12), bits(desc, 3, 3), bits(desc, 2, 2)
    ap2, ap, xn = bits(desc, 15, 15), bits(desc, 11, 10), bits(desc, 4, 4)
    if desc & (1 << 18):
        base, size, kind_name = desc & 0xff000000, 1 << 24, 'supersection'
        rows = [('type', '10 (bit 18 = 1)', 'supersection: 16 MiB')]
    else:
        base, size, kind_name = desc & 0xfff00000, 1 << 20, 'section'
        rows = [('type', '10', 'section: 1 MiB'),
                ('domain', bits(desc, 8, 5), 'DACR field checked for access')]
    rows += _ap_rows(ap2, ap, xn)
    rows += _attr_rows(tex, c, b, bits(desc, 16, 16), bits(desc, 17, 17))
    rows.append(('NS', bits(desc, 19, 19),
                 'non-secure' if desc & (1 << 19) else 'secure'))
    rows.append(('base', '%#010x' % base, '%s base (physical)' % kind_name))
    return rows, {'type': kind_name, 'base': base, 'size': size,
                  'perms': access(ap2, ap, xn), 'ng': bits(desc, 17, 17)}


def decode_l2(desc):
    """A second-level descriptor (one per 4 KiB)."""
    kind = desc & 3
    if kind == 0:
        return [('type', '00', 'fault: page not mapped')], {'type': 'fault'}
    if kind == 1:
        base, size = desc & 0xffff0000, 1 << 16
        tex, xn = bits(desc, 14, 12), bits(desc, 15, 15)
        rows = [('type', '01', 'large page: 64 KiB')]
        kind_name = 'large page'
    else:
        base, size = desc & 0xfffff000, 1 << 12
        tex, xn = bits(desc, 8, 6), bits(desc, 0, 0)
        rows = [('type', '1%d' % xn, 'small page: 4 KiB (bit 0 is XN)')]
        kind_name = 'small page'
    ap2, ap = bits(desc, 9, 9), bits(desc, 5, 4)
    rows += _ap_rows(ap2, ap, xn)
    rows += _attr_rows(tex, bits(desc, 3, 3), bits(desc, 2, 2),
                       bits(desc, 10, 10), bits(desc, 11, 11))
    rows.append(('base', '%#010x' % base, '%s base (physical)' % kind_name))
    return rows, {'type': kind_name, 'base': base, 'size': size,
                  'perms': access(ap2, ap, xn), 'ng': bits(desc, 11, 11)}
