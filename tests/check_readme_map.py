#!/usr/bin/env python3
"""tests/check_readme_map.py - README.md's map of the tree ("Where things
are") matches the tree: every file and directory it names exists, and
every source file of kernel/ and kernel/armv7/ is named (a header may
go with its .c file instead: those two directories are the map's
complete lists). KTAP lines."""
import os
import re
import sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
os.chdir(top)
text = open('README.md').read()
block = text.split('## Where things are', 1)[1].split('```', 2)[1]

named = set()
cwd = ''
for line in block.splitlines():
    if not line.strip():
        continue
    indent = len(line) - len(line.lstrip(' '))
    if indent not in (0, 2):
        continue                # a description's continuation
    names = re.split(r'\s{2,}', line.strip(), maxsplit=1)[0]
    for name in re.split(r'[\s,]+', names):
        if not name or not re.search(r'[./]', name):
            continue
        if indent == 0:
            path = name
            if name.endswith('/'):
                cwd = name
        else:
            path = cwd + name
        m = re.match(r'(.*)\.(\w+)/\.(\w+)$', path)     # syscall.c/.h
        if m:
            named.add(m.group(1) + '.' + m.group(2))
            named.add(m.group(1) + '.' + m.group(3))
        else:
            named.add(path)

failed = 0
missing = sorted(p for p in named if not os.path.exists(p))
print('ok 1 readme:every_path_in_the_map_exists' if not missing else
      'not ok 1 readme:every_path_in_the_map_exists')
for p in missing:
    print('#   README.md names %s, which does not exist' % p)
failed += bool(missing)

unnamed = []
for d in ('kernel/', 'kernel/armv7/'):
    for f in sorted(os.listdir(d)):
        base = d + f[:-2]
        if not re.search(r'\.(c|S|h)$', f) or d + f in named:
            continue
        if f.endswith('.h') and (base + '.c' in named or base + '.S' in named):
            continue                # a header goes with its source file
        unnamed.append(d + f)
print('ok 2 readme:the_map_names_every_kernel_source' if not unnamed else
      'not ok 2 readme:the_map_names_every_kernel_source')
for p in unnamed:
    print('#   %s is not in README.md\'s map' % p)
failed += bool(unnamed)
print('# readme: %d passed, %d failed' % (2 - failed, failed))
sys.exit(1 if failed else 0)
