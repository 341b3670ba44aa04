#!/usr/bin/env python3
"""tests/gdb/test_descriptors.py - the descriptor decoder of ptwalk
(qemu/gdb/td/descriptors.py), on the host, without gdb: descriptors
assembled by hand from the ARM ARM's layouts (pictured in
mm/armv7/pgtable-hwdef.h) and the permissions they must give."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..',
                                'qemu', 'gdb'))
from td.descriptors import decode_l1, decode_l2  # noqa: E402

# small-page bits: XN 0, type 1, B 2, C 3, AP 5:4, TEX 8:6, AP2 9, S 10, nG 11
SMALL, XN, B, C, S, NG, AP2 = 0x2, 0x1, 0x4, 0x8, 0x400, 0x800, 0x200
TEX1 = 1 << 6
CASES_L2 = [
    # name, descriptor, (kernel, user), base, type
    ('private_rw_after_write_fault', 0x61167000 | NG | TEX1 | C | B |
     (3 << 4) | XN | SMALL, ('rw-', 'rw-'), 0x61167000, 'small page'),
    ('read_only_user_page', 0x61164000 | NG | TEX1 | C | B | AP2 |
     (3 << 4) | XN | SMALL, ('r--', 'r--'), 0x61164000, 'small page'),
    ('user_executable_read_only', 0x60100000 | NG | AP2 | (3 << 4) | SMALL,
     ('r-x', 'r-x'), 0x60100000, 'small page'),
    ('prot_none_is_kernel_read_only', 0x60200000 | AP2 | (1 << 4) | XN |
     SMALL, ('r--', '---'), 0x60200000, 'small page'),
    ('kernel_only_rw', 0x60300000 | (1 << 4) | SMALL, ('rwx', '---'),
     0x60300000, 'small page'),
    ('large_page_64k', 0x60410000 | (1 << 15) | (3 << 4) | 0x1,
     ('rw-', 'rw-'), 0x60410000, 'large page'),
]


def main():
    n = 0

    def check(name, ok, why=''):
        nonlocal n
        n += 1
        print('%s %d gdb-decode:%s' % ('ok' if ok else 'not ok', n, name))
        if not ok:
            print('#   ' + why)

    for name, desc, perms, base, kind in CASES_L2:
        _, info = decode_l2(desc)
        got = (info.get('perms'), info.get('base'), info.get('type'))
        check(name, got == (perms, base, kind),
              'got %s, want %s' % (got, (perms, base, kind)))

    _, info = decode_l2(0)
    check('l2_zero_is_a_fault', info['type'] == 'fault')

    rows, info = decode_l1(0x61168001 | (5 << 5))
    check('l1_page_table_base_and_domain',
          info == {'type': 'table', 'base': 0x61168000} and
          ('domain', 5, 'DACR field checked for access') in rows, str(rows))

    # the kernel's RAM section: TEX 001 C B, AP 01 (SECT_KERNEL_MEM)
    rows, info = decode_l1(0x60000000 | (1 << 12) | (1 << 10) | 0xc | 0x2)
    check('l1_kernel_section',
          (info['type'], info['base'], info['perms'], info['ng']) ==
          ('section', 0x60000000, ('rwx', '---'), 0) and
          any(r[0] == 'TEX/C/B' and 'write-back write-allocate' in r[2]
              for r in rows), str(rows))

    # the device section: B, XN, AP 01 (SECT_KERNEL_DEV)
    rows, info = decode_l1(0x10000000 | (1 << 10) | 0x10 | 0x4 | 0x2)
    check('l1_device_section_never_executable',
          info['perms'] == ('rw-', '---') and
          any(r[2] == 'shareable device' for r in rows), str(rows))

    _, info = decode_l1(0x80000000 | (1 << 18) | (3 << 10) | 0x2)
    check('l1_supersection_16m', (info['type'], info['base'], info['size'])
          == ('supersection', 0x80000000, 1 << 24))

    _, info = decode_l1(0x3)
    check('l1_reserved_type_walks_no_further', info['type'] == 'fault')
    print('# gdb-decode: done')


main()
