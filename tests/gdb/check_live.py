#!/usr/bin/env python3
"""tests/gdb/check_live.py GDB-LOG QEMU-LOG - check what gdb answered in
tests/gdb/live.gdb against what the shell printed on the console (the
addresses its mmaps returned, the pid spawn started) and the rules of
demand paging. One KTAP line per check."""
import re
import sys

PAGE = 0x1000
FAULT_FLAG_WRITE, FAULT_FLAG_USER = 0x01, 0x40
n = 0


def report(name, ok, why=''):
    global n
    n += 1
    print('%s %d gdb-live:%s' % ('ok' if ok else 'not ok', n, name))
    if not ok and why:
        for line in str(why).splitlines()[:40]:
            print('#   ' + line)
    return ok


def sections(text):
    out, name = {}, None
    for line in text.splitlines():
        if line.startswith('==='):
            name = line[3:].strip()
            out[name] = []
        elif name:
            out[name].append(line)
    return {k: '\n'.join(v) for k, v in out.items()}


def whoami(text):
    m = re.search(r'^current pid (\d+) comm (\S+)$', text, re.M)
    return (int(m[1]), m[2]) if m else None


def fault(text):
    m = re.search(r'^addr (0x[0-9a-f]+) flags (0x[0-9a-f]+|0)$', text, re.M)
    return (int(m[1], 16), int(m[2], 16)) if m else None


def main():
    glog = open(sys.argv[1], errors='replace').read()
    qlog = open(sys.argv[2], errors='replace').read()
    s = sections(glog)
    # the interactive shell's answers (after init's "Your turn")
    turn = qlog[qlog.find('Your turn'):] if 'Your turn' in qlog else ''
    maps = re.findall(r'^mmap: (0x[0-9a-f]+)-(0x[0-9a-f]+) ', turn, re.M)
    spawned = re.search(r'^spawn: \S+hello \(pid (\d+)\): exit 7', turn,
                        re.M)

    report('the_shell_ran_the_piped_commands',
           len(maps) == 2 and spawned is not None, turn[-2000:])
    report('break_placement_pid_1_stops_in_the_interactive_shell',
           whoami(s.get('break-placement', '')) == (1, 'sh') and
           'only for length 0x3000, pid 1' in s.get('break-placement', ''),
           s.get('break-placement'))

    nexts = [s[k] for k in sorted((k for k in s if re.match(r'next\d+$', k)),
                                  key=lambda k: int(k[4:]))]
    report('placement_next_visits_nodes_then_ends',
           len(nexts) >= 2 and all('the search is here' in t
                                   for t in nexts[:-1]) and
           'search finished: chose' in nexts[-1], '\n'.join(nexts))
    m = re.search(r'search finished: chose (0x[0-9a-f]+)$',
                  nexts[-1] if nexts else '', re.M)
    chosen = int(m[1], 16) if m else None
    report('placement_next_chose_what_mmap_returned',
           chosen is not None and maps and chosen == int(maps[0][0], 16),
           'gdb %s, the shell %s' % (m and m[1], maps[:1]))

    # the middle page: read by touch first, then written
    page = (chosen or 0) + PAGE
    f1, f2 = fault(s.get('fault1', '')), fault(s.get('fault2', ''))
    report('break_fault_addr_stops_first_on_the_read_of_touch',
           f1 is not None and f1[0] == page and
           not f1[1] & FAULT_FLAG_WRITE and f1[1] & FAULT_FLAG_USER and
           whoami(s['fault1']) == (1, 'sh') and
           'break-fault: user read at %#010x' % page in s['fault1'],
           'want a user read at %#x\n%s' % (page, s.get('fault1')))
    report('break_fault_addr_then_stops_on_the_write',
           f2 is not None and f2[0] == page and f2[1] & FAULT_FLAG_WRITE and
           'break-fault: user write at %#010x' % page in s['fault2'],
           'want a user write at %#x\n%s' % (page, s.get('fault2')))

    fin = s.get('finish', '')
    m = re.search(r'^search finished: chose (0x[0-9a-f]+)$', fin, re.M)
    report('finish_prints_the_search_result_in_hex',
           m is not None and len(maps) == 2 and
           int(m[1], 16) == int(maps[1][0], 16),
           'the shell %s\n%s' % (maps[1:], fin))

    m = re.search(r'^next_pid (\d+)$', s.get('break-fault-pid', ''), re.M)
    want = int(spawned[1]) if spawned else None
    report('break_fault_pid_stops_in_the_spawned_task',
           m is not None and want is not None and int(m[1]) == want and
           whoami(s.get('fault-pid', '')) is not None and
           whoami(s['fault-pid'])[0] == want and
           'in pid %d' % want in s['fault-pid'],
           'spawn said pid %s\n%s\n%s' % (want, s.get('break-fault-pid'),
                                          s.get('fault-pid')))

    bad = {k[4:]: v for k, v in s.items() if k.startswith('bad ')}
    report('every_bad_argument_gets_a_usage_line',
           len(bad) >= 19 and all('\nusage: ' in v or v.startswith('usage')
                                  or 'not stopped in a placement' in v
                                  for v in bad.values()),
           '\n'.join('%s -> %r' % kv for kv in bad.items()
                     if '\nusage: ' not in kv[1]))
    reasons = {
        'vmas garbage': 'No symbol "garbage"',
        'vmas 4242': 'no task with pid 4242',
        'vmas 0xc1234000': '(struct mm_struct *)0xc1234000',
        'ptwalk 0x1000 init': 'No symbol "init"',
        'ptwalk': 'which address?',
        'tasks extra': 'takes no arguments',
        'placement-next': 'not stopped in a placement search',
        'break-fault garbage': 'No symbol "garbage"',
        'break-fault pid 0x12345': '0x12345 is no pid',
    }
    report('bad_arguments_say_what_is_wrong',
           all(why in bad.get(cmd, '') for cmd, why in reasons.items()),
           '\n'.join('%s: want %r, got %r' % (c, w, bad.get(c))
                     for c, w in reasons.items() if w not in bad.get(c, '')))
    report('no_python_exception_anywhere', 'Python Exception' not in glog,
           '\n'.join(l for l in glog.splitlines() if 'Python' in l))
    report('the_run_ends_with_status_0',
           'init exited with status 0' in qlog, qlog[-500:])


main()
