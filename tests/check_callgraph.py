#!/usr/bin/env python3
"""tests/check_callgraph.py - the circle that once ran through printk and
the fault path stays broken, in the kernel as built: from the symbols
each object of build/k/ defines and uses (nm), the graph "file A refers
to a symbol of file B", and in it no cycle may pass through printk, the
formatter, panic, the reports' register printer, or any file of the
fault path (the ARM decoder, the mm's policy, kernel/trap.c).

The exception vectors and the boot code (kernel/armv7/entry.S, start.S)
are where the hardware comes in: references to them (the context
switch's jump to ret_to_user, VBAR's address) are not calls into them.
The self-tests (build/k/tests/) are left out. KTAP lines."""
import glob
import os
import subprocess
import sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
os.chdir(top)
NM = os.environ.get('NM', 'arm-none-eabi-nm')
ENTRY = {'kernel/armv7/entry', 'kernel/armv7/start'}
LEAVES = ['kernel/printk', 'kernel/vsprintf', 'kernel/panic',
          'kernel/armv7/regs']
FAULT_PATH = ['kernel/armv7/traps', 'mm/armv7/fault', 'mm/fault',
              'kernel/trap']

objs = [o for o in glob.glob('build/k/**/*.o', recursive=True)
        if not o.startswith('build/k/tests/')]
if not objs:
    print('not ok 1 callgraph:kernel_objects_built')
    print('# callgraph: 0 passed, 1 failed (run make kernel first)')
    sys.exit(1)


def node(obj):
    return obj[len('build/k/'):-len('.o')]


defined, used = {}, {}
for o in objs:
    out = subprocess.run([NM, o], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in 'TDBR':
            defined[f[2]] = node(o)
        elif len(f) == 2 and f[0] == 'U':
            used.setdefault(node(o), set()).add(f[1])
edges = {n: {defined[s] for s in syms
             if s in defined and defined[s] != n and defined[s] not in ENTRY}
         for n, syms in used.items()}

# Tarjan's strongly connected components: a node is on a cycle when
# its component has more than one node.
index, low, stack, on_stack, component = {}, {}, [], set(), {}
counter = [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on_stack.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        members = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            members.append(w)
            if w == v:
                break
        for w in members:
            component[w] = members


for v in list(edges):
    if v not in index:
        visit(v)

failed = 0
for n, (name, files) in enumerate(
        [('printk_panic_and_show_regs_are_on_no_cycle', LEAVES),
         ('the_fault_path_is_on_no_cycle', FAULT_PATH)], 1):
    bad = [f for f in files if len(component.get(f, [f])) > 1]
    print(('ok' if not bad else 'not ok') + ' %d callgraph:%s' % (n, name))
    for f in bad:
        print('#   %s is on a cycle with: %s' %
              (f, ' '.join(sorted(set(component[f]) - {f}))))
    failed += bool(bad)
print('# callgraph: %d passed, %d failed' % (2 - failed, failed))
sys.exit(1 if failed else 0)
