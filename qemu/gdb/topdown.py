# qemu/gdb/topdown.py - topdown's gdb commands, loaded by the .gdbinit that
# `make gdb` writes (from qemu/gdbinit.in). Each command lives in one
# module of qemu/gdb/td/; `help topdown` lists them.
#
#   vmas [MM|TASK|PID]        the VMAs as /proc/PID/maps, with the gaps
#   vma-tree [MM|TASK|PID]    the gap tree, subtree gaps checked
#   ptwalk ADDR [MM|TASK|PID] the L1/L2 descriptors for ADDR, decoded
#   maps                      vmas of the current task
#   tasks                     pid, name, state, mm and ASID of each task
#   break-placement [LEN|any] [MM|TASK|PID]
#                             stop in unmapped_area_topdown for one request
#   placement-next            run to the next node the search visits
#   break-fault ADDR|PID|any  stop in do_user_fault for one page or task
import os
import sys

import gdb

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

import td.commands  # noqa: E402  (registers the commands)

td.commands.register()
