# tests/gdb/helpers.gdb - what tests/gdb/helpers_test.sh asks gdb, at the
# placement of tests/kernel/test_gdb_scenario.c. Each "echo ===NAME"
# starts a section that tests/gdb/check_helpers.py looks at.
# at start_kernel no task exists yet
tbreak start_kernel
continue
echo ===tasks-none\n
tasks
echo ===break\n
break-placement 0x3000
continue
echo ===vmas\n
vmas
echo ===vmas-expr\n
vmas gdb_scenario.mm
echo ===tree\n
vma-tree
echo ===ptwalk-rw\n
ptwalk gdb_scenario.rw_addr
echo ===ptwalk-ro\n
ptwalk 0xb6f05000 gdb_scenario.mm
echo ===ptwalk-hole\n
ptwalk 0x30000
echo ===kernel-lookup\n
printf "rw_phys %#x\n", gdb_scenario.rw_phys
printf "ro_phys %#x\n", gdb_scenario.ro_phys
printf "asid %d\n", gdb_scenario.asid
printf "mm %#x\n", gdb_scenario.mm
echo ===tasks\n
tasks
echo ===vmas-pid\n
vmas 4242
echo ===maps\n
maps
echo ===next1\n
placement-next
# the pictures of the mm the search stands in (make pictures PID=N too)
echo ===dot\n
vma-tree --dot build/test/gdb-helpers-tree.dot
vmas --dot build/test/gdb-helpers-bar.dot
echo ===dot-bad\n
python
try:
    gdb.execute('vma-tree --dot')
except gdb.error as e:
    gdb.write('error: %s\n' % e)
end
echo ===next2\n
placement-next
echo ===next3\n
placement-next
echo ===end\n
# let the self-test finish: it checks the placement's result itself
delete
continue
