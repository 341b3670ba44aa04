# tests/gdb/live.gdb - what tests/gdb/live_test.sh asks gdb while the
# shell of a plain boot (init, its demonstration, then the interactive
# shell as pid 1) runs the input the test piped into it. Each "===NAME"
# line starts a section tests/gdb/check_live.py looks at.
python
import td.kernel


def section(name):
    gdb.write('===%s\n' % name)


def whoami():
    cur = td.kernel.current_task()
    gdb.write('current pid %d comm %s\n'
              % (int(cur['pid']), cur['comm'].string()))
end

# 1. the walkthrough of the README: the first 3-page placement of pid 1
#    (the interactive shell), not the demonstration's (pid 2)
python section('break-placement')
break-placement 0x3000 1
continue
python whoami()

# 2. placement-next to the end of the search
python
for i in range(32):
    section('next%d' % i)
    out = gdb.execute('placement-next', to_string=True)
    gdb.write(out)
    if 'search finished' in out:
        break
end
delete

# 3. break-fault on the middle page: the read of `touch $ 3p` first, then
#    the write of `write $+4k 42`
python
import re
m = re.search(r'search finished: chose (0x[0-9a-f]+)', out)
gdb.set_convenience_variable('chosen', int(m.group(1), 16) if m else 0)
section('break-fault-addr')
end
break-fault $chosen + 0x1000
python section('fault1')
continue
python whoami()
printf "addr %#x flags %#x\n", addr, flags
python section('fault2')
continue
python whoami()
printf "addr %#x flags %#x\n", addr, flags
delete

# 4. `finish` out of the search prints its result in hex (mmap 1p)
python section('finish')
break-placement 0x1000 1
continue
finish
delete

# 5. break-fault PID: the next task forked (spawn hello 7) is next_pid
python
nxt = int(td.kernel.global_symbol('next_pid'))
section('break-fault-pid')
gdb.write('next_pid %d\n' % nxt)
gdb.execute('break-fault %d' % nxt)
section('fault-pid')
gdb.execute('continue')
whoami()
end
delete

# 6. bad arguments: a usage message each, never a Python exception
python
for cmd in ['vmas garbage', 'vmas 4242', 'vmas 0xc1234000',
            'ptwalk 0x1000 init', 'ptwalk', 'ptwalk zork',
            'vma-tree 1 2', 'break-placement nonsense',
            'break-placement 0x3000 foo', 'break-placement -x',
            'tasks extra', 'maps extra', 'placement-next extra',
            'placement-next', 'break-fault', 'break-fault 1 2 3',
            'break-fault foo bar', 'break-fault garbage', 'break-fault pid',
            'break-fault pid 0x12345']:
    section('bad %s' % cmd)
    try:
        gdb.execute(cmd)
    except gdb.error as e:
        gdb.write('error: %s\n' % e)
end
python section('end')
continue
