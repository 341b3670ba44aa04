#!/usr/bin/env python3
"""tests/check_readme_commands.py - what README.md tells a student to type
exists: every `make TARGET`, every VARIABLE= given to make, every shell
command of the list under "What make qemu shows" (and no shell command is
missing from that list), every gdb command of the table under "topdown's
gdb commands" (and none missing), every /proc file and boot option it
names, and that the source lines its samples show are still where the
code is. It checks names, not outputs. KTAP lines."""
import glob
import os
import re

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
os.chdir(top)
readme = open('README.md').read()
results = []


def check(name, missing):
    """One KTAP result: @missing lists what the README names in vain."""
    results.append((name, missing))


def section(title):
    """The text of the README section headed @title, up to the next one."""
    start = readme.index(title)
    end = re.compile(r'^#{2,3} ', re.M).search(readme, start + len(title))
    return readme[start:end.start() if end else len(readme)]


def read(paths):
    text = ''
    for pattern in paths:
        for path in glob.glob(pattern, recursive=True):
            if os.path.isfile(path):
                text += open(path, errors='replace').read()
    return text


# make targets: what a rule of the Makefiles defines
makefiles = read(['Makefile', 'tests/**/*.mk'])
targets = set()
for line in makefiles.splitlines():
    m = re.match(r'^([A-Za-z][\w./ -]*?)\s*::?(?![=])', line)
    if m:
        targets.update(m.group(1).split())
# what a student types: inside `quotes` and ``` blocks, not the prose
typed = '\n'.join(re.findall(r'```.*?```', readme, re.S) +
                  re.findall(r'`[^`\n]+`', readme))
named = set(re.findall(r'\bmake ([a-z][a-z-]*)', typed))
check('make_targets_exist', sorted(named - targets))

# make variables: in "make TARGET VAR=..." and in backquotes (`VAR=...`)
variables = set()
for m in re.finditer(r'\bmake [a-z][a-z-]*((?:\s+[A-Z][A-Z0-9_]*=\S*)+)',
                     typed):
    variables.update(re.findall(r'([A-Z][A-Z0-9_]*)=', m.group(1)))
variables.update(re.findall(r'`([A-Z][A-Z0-9_]*)=', readme))
sources = read(['Makefile', 'tests/**/*.mk', 'qemu/*.sh', 'tests/**/*.sh',
                'tests/**/*.py', 'tests/**/*.c', 'kernel/**/*.[ch]',
                'mm/**/*.[ch]'])
check('make_variables_are_used',
      sorted(v for v in variables if not re.search(r'\b%s\b' % v, sources)))

# shell commands: the list after "`help` lists the commands:"
shell_text = read(['user/sh.c'])
table = shell_text[shell_text.index('commands[] = {'):]
shell_commands = set(re.findall(r'^\t\{ "([a-z]+)",', table, re.M))
listing = readme[readme.index('`help` lists the commands:'):]
listing = listing[:listing.index('Sizes take')]
listed = set(re.findall(r'`([a-z]+)[ `]', listing))
check('shell_commands_exist', sorted(listed - shell_commands))
check('every_shell_command_is_listed', sorted(shell_commands - listed))

# gdb commands: the first word of each row of the table
gdb_text = read(['qemu/gdb/td/*.py'])
gdb_commands = set(re.findall(r"super\(\).__init__\('([a-z-]+)', gdb\.COMMAND",
                              gdb_text))
gdb_commands.discard('topdown')         # the prefix `help topdown` names
rows = section("### topdown's gdb commands")
in_table = set(re.findall(r'^\| `([a-z-]+)', rows, re.M))
check('gdb_commands_exist', sorted(in_table - gdb_commands))
check('every_gdb_command_is_in_the_table', sorted(gdb_commands - in_table))

# /proc files (PID stands for a number) and boot options
procfs = read(['kernel/procfs.c'])
paths = set(re.findall(r'(/proc/[a-z_][\w./]*[\w])', readme))
check('proc_files_exist',
      sorted(p for p in paths if '"%s"' % p not in procfs))
bootopts = read(['kernel/bootopts.c'])
options = set(re.findall(r'`([a-z_]+)=[a-z0-9_]+`', readme))
options.update(re.findall(r'boot option `([a-z_]+)', readme))
check('boot_options_exist',
      sorted(o for o in options if '"%s' % o not in bootopts))

# source positions in the samples: gdb's "FUNC (ARGS) at FILE:LINE" lies
# in FUNC's body in FILE today, and make's "[Makefile:LINE: TARGET]" in
# TARGET's rule, so a sample cannot outlive the code it was taken from
def body_lines(path, func):
    """(first, last) line of @func's definition in the C file @path."""
    lines = open(path).read().splitlines()
    for i, line in enumerate(lines):
        if re.match(r'^[A-Za-z_].*\b%s\(' % re.escape(func), line) and \
                not line.rstrip().endswith(';'):
            for j in range(i, len(lines)):
                if lines[j] == '}':
                    return i + 1, j + 1
    return None


stale = []
for func, path, line in re.findall(r'\b(\w+) \([^()\n]*\) at '
                                   r'([\w/]+\.c):(\d+)', readme):
    span = os.path.isfile(path) and body_lines(path, func)
    if not span or not span[0] <= int(line) <= span[1]:
        stale.append('%s at %s:%s' % (func, path, line))
make_lines = open('Makefile').read().splitlines()
for line, target in re.findall(r'\[Makefile:(\d+): ([\w-]+)\]', readme):
    rule = max((i for i, text in enumerate(make_lines[:int(line)])
                if re.match(r'^[\w.-]', text)), default=-1)
    if rule < 0 or not re.match(r'^%s\s*:' % re.escape(target),
                                make_lines[rule]):
        stale.append('Makefile:%s: %s' % (line, target))
check('sample_source_lines_are_current', stale)

for i, (name, missing) in enumerate(results, 1):
    if missing:
        print('not ok %d readme_commands:%s' % (i, name))
        print('#   README.md names, in vain: %s' % ', '.join(missing))
    else:
        print('ok %d readme_commands:%s' % (i, name))
failed = sum(1 for _, m in results if m)
print('# readme_commands: %d passed, %d failed' % (len(results) - failed,
                                                  failed))
