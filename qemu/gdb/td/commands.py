# td/commands.py - register every topdown gdb command.
import gdb

from td.breakpoints import (BreakPlacementCommand, PlacementNextCommand,
                            install_finish_hooks)
from td.faults import BreakFaultCommand
from td.ptwalk import PtwalkCommand
from td.tasks import MapsCommand, TasksCommand
from td.vmas import VmasCommand
from td.vmatree import VmaTreeCommand


class TopdownHelp(gdb.Command):
    """topdown's gdb commands (qemu/gdb/, see README "Debugging with gdb"):

  vmas [MM|TASK|PID]         VMAs as /proc/PID/maps, with the gaps
  vma-tree [MM|TASK|PID]     the gap tree, each subtree gap checked
  ptwalk ADDR [MM|TASK|PID]  the L1/L2 descriptors for ADDR, decoded
  maps                       vmas of the current task
  tasks                      pid, name, state, mm, ASID of each task
  break-placement [-bottomup] [LEN|any] [MM|TASK|PID]
                             stop in the placement search for one request
  placement-next             run to the next node the search visits,
                             and show the tree with that node marked;
                             at the end, "search finished: chose 0x..."
  break-fault ADDR|PID|any   stop on a fault in ADDR's page, or of PID

Every command checks its arguments and prints its usage when they are
wrong. `finish` out of unmapped_area_topdown prints the result in hex.

MM|TASK|PID is any gdb expression: a struct mm_struct *, a struct
task_struct * (or the struct), or a pid. Without it: current->mm, else
the `mm` of the selected frame."""

    def __init__(self):
        super().__init__('topdown', gdb.COMMAND_USER, prefix=False)

    def invoke(self, arg, from_tty):
        gdb.execute('help topdown')


def register():
    for cls in (VmasCommand, VmaTreeCommand, PtwalkCommand, MapsCommand,
                TasksCommand, BreakPlacementCommand, PlacementNextCommand,
                BreakFaultCommand, TopdownHelp):
        cls()
    install_finish_hooks()
