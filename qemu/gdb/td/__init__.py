# qemu/gdb/td - topdown's gdb helpers (see ../topdown.py).
