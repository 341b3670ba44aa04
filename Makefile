# topdown - a small ARMv7 kernel that teaches how Linux places and faults in
# memory. The commands a student needs:
#
#   make qemu        boot the kernel in QEMU (vexpress-a9) and play with it
#   make test        build everything, run host and target tests
#   make run ELF=prog.elf ARGS="a b"   run one program, exit with its status
#   make qemu-gdb    boot halted, waiting for gdb;  make gdb   attach gdb
#   make bench       benchmarks (figures and ratios, never pass/fail)
#   make pictures    the VMA tree and address space of a scenario, drawn
#                    with Graphviz into build/pictures/ (SVG and PNG)
#
# Boot options, for qemu, run, qemu-gdb and test:
#   MEM=128M  CACHE_ALIAS=auto|on|off  TRACE=placement|syscalls  ICOUNT=1
#   ASLR=0|1|2 (randomize_va_space; 0 by default)
#   BUSYBOX=1 (make qemu): Debian's busybox-static in the image too
#
# Missing tools (ARM toolchain, newlib, QEMU, gdb-multiarch, ...) are
# installed by qemu/deps.sh, which every target below calls first.

.DEFAULT_GOAL := all
BUILD := build

MEM ?= 128M
CACHE_ALIAS ?= auto
TRACE ?=
ICOUNT ?=
BUSYBOX ?=
ASLR ?=
ELF ?=
ARGS ?=
# A gdb port of our own, so two users on one machine do not collide.
GDB_PORT ?= $(shell echo $$((20000 + $$(id -u) % 20000)))

# Say each step in one line; V=1 shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# ------------------------------------------------------------------------
# The toolchain (installed on demand by qemu/deps.sh).

CROSS := arm-none-eabi-
CC := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
OBJDUMP := $(CROSS)objdump
NM := $(CROSS)nm
HOSTCC := gcc

DEPS_OK := $(BUILD)/.deps-ok
$(DEPS_OK): qemu/deps.sh
	$(Q)qemu/deps.sh
	$(Q)mkdir -p $(BUILD) && touch $@

deps: $(DEPS_OK)

# Flags shared by every C file, kernel, user and host.
WARN := -Wall -Wextra -Werror -Wno-unused-parameter
CSTD := -std=gnu11
# Debug checks of the mm code (page/slab poisoning, validate_mm()), on in
# the kernel and in the host tests.
MMDEBUG := -DCONFIG_DEBUG_VM

# The kernel: ARM state, no FPU, nothing from a hosted C library. -Og keeps
# variables visible when stepping with gdb.
KCFLAGS := $(CSTD) $(WARN) -Og -g -mcpu=cortex-a9 -marm -mfloat-abi=soft \
	-ffreestanding -fno-builtin -fno-common -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -mapcs-frame -DCONFIG_FRAME_POINTER -I. -MMD -MP \
	$(MMDEBUG)
KASFLAGS := -g -mcpu=cortex-a9 -marm -I. -MMD -MP -D__ASSEMBLY__
KLDFLAGS := -nostdlib -static -T linker.ld \
	-Wl,-Map=$(BUILD)/kernel.map -Wl,--no-warn-rwx-segments

# ------------------------------------------------------------------------
# Kernel image: the portable kernel/ and mm/ code, the ARMv7 layers in
# kernel/armv7/ (boot, exception entry, devices) and mm/armv7/ (the MMU),
# and the in-kernel self-tests in tests/kernel/.

KERNEL_C := $(wildcard kernel/*.c kernel/armv7/*.c mm/*.c mm/armv7/*.c \
	tests/kernel/*.c)
KERNEL_S := $(wildcard kernel/armv7/*.S mm/armv7/*.S tests/kernel/*.S)
KERNEL_OBJS := $(KERNEL_S:%.S=$(BUILD)/k/%.o) $(KERNEL_C:%.c=$(BUILD)/k/%.o)

# kernel_objects DIR CFLAGS CC-LABEL AS-LABEL: DIR/%.o from each kernel
# source, the C files with CFLAGS. One rule for both kernels: this one
# and make bench's release build ($(BENCH_KDIR), below).
define kernel_objects
$(1)/%.o: %.c | $$(DEPS_OK)
	@mkdir -p $$(dir $$@)
	@printf '  %-8s%s\n' $(3) $$<
	$$(Q)$$(CC) $(2) -c $$< -o $$@

$(1)/%.o: %.S | $$(DEPS_OK)
	@mkdir -p $$(dir $$@)
	@printf '  %-8s%s\n' $(4) $$<
	$$(Q)$$(CC) $$(KASFLAGS) -c $$< -o $$@
endef

$(eval $(call kernel_objects,$(BUILD)/k,$$(KCFLAGS),CC,AS))

$(BUILD)/kernel.elf: $(KERNEL_OBJS) linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KCFLAGS) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) -lgcc
	$(Q)$(OBJDUMP) -d -S $@ > $(BUILD)/kernel.lst
	$(Q)$(NM) -n $@ > $(BUILD)/kernel.sym

kernel: $(BUILD)/kernel.elf

# ------------------------------------------------------------------------
# User programs: each user/*.c and tests/user/*.c is one program, linked with
# newlib and our runtime in user/lib/ (crt0, system calls, newlib's hooks,
# mmap, the test harness; see user/README.md). kernel/errno.c is shared
# with the kernel so that both name errors alike. -I. finds tests/check.h
# and kernel/errno.h.

UCFLAGS := $(CSTD) $(WARN) -O2 -g -mcpu=cortex-a9 -mthumb -mfloat-abi=soft \
	-Iuser/lib -I. -MMD -MP
ULDFLAGS := -specs=nosys.specs -nostartfiles -static -Wl,-z,noexecstack \
	-Wl,--no-warn-rwx-segments

# Programs built with hardware floating point: VFP/NEON instructions with
# the soft-float calling convention (softfp), so that they link with the
# same runtime (newlib's FP multilib comes with the flags). private: the
# runtime's objects, prerequisites of the program, keep their flags.
VFP_PROGS := tests/user/vfp.c
$(VFP_PROGS:%.c=$(BUILD)/u/%.o) $(VFP_PROGS:%.c=$(BUILD)/u/%.elf): \
	private UCFLAGS += -mfpu=neon -mfloat-abi=softfp

ULIB_SRCS := $(wildcard user/lib/*.c user/lib/*.S) kernel/errno.c
ULIB_OBJS := $(patsubst %,$(BUILD)/u/%.o,$(basename $(ULIB_SRCS)))
UPROGS := $(wildcard user/*.c tests/user/*.c)

# Programs without newlib or our runtime: every .c under a nolibc/
# directory is a whole program with its own _start and raw svc #0 calls,
# built freestanding in ARM state (the others are Thumb), to show that any
# static ARM EABI executable runs, whoever built it.
NOLIBC_PROGS := $(wildcard user/nolibc/*.c tests/user/nolibc/*.c)
NOLIBC_CFLAGS := $(CSTD) $(WARN) -O2 -g -mcpu=cortex-a9 -marm \
	-mfloat-abi=soft -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-tree-loop-distribute-patterns -MMD -MP
NOLIBC_LDFLAGS := -nostdlib -static -T user/nolibc.ld -Wl,-z,noexecstack \
	-Wl,--build-id=none

NOLIBC_ELFS := $(patsubst %.c,$(BUILD)/u/%.elf,$(NOLIBC_PROGS))
UELFS := $(patsubst %.c,$(BUILD)/u/%.elf,$(UPROGS)) $(NOLIBC_ELFS)

# The objects are kept (not deleted as intermediates), so a rebuild relinks
# only what changed.
.SECONDARY: $(ULIB_OBJS) $(UPROGS:%.c=$(BUILD)/u/%.o)

$(BUILD)/u/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  UCC     $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(BUILD)/u/%.o: %.S | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  UAS     $<"
	$(Q)$(CC) $(UCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/u/%.elf: $(BUILD)/u/%.o $(ULIB_OBJS)
	@echo "  ULD     $@"
	$(Q)$(CC) $(UCFLAGS) $(ULDFLAGS) -o $@ $^

# The shell is user/sh.c and the files of user/sh/ (its commands).
SH_OBJS := $(patsubst %.c,$(BUILD)/u/%.o,$(wildcard user/sh/*.c))
.SECONDARY: $(SH_OBJS)
$(BUILD)/u/user/sh.elf: $(SH_OBJS)

# The ENOSYS sweep knows Linux's numbers from the table generated from
# Linux's header (qemu/syscall-names.py).
$(BUILD)/u/tests/user/enosys.elf: $(BUILD)/u/kernel/syscall_names.o

# A nolibc program: one file, compiled and linked in one step with the
# Linux-like layout of user/nolibc.ld (libgcc only, for the division
# helpers the Cortex-A9 lacks). A static pattern rule, for exactly these
# programs: make prefers it to the generic rule above.
$(NOLIBC_ELFS): $(BUILD)/u/%.elf: %.c user/nolibc.ld | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  NOLIBC  $<"
	$(Q)$(CC) $(NOLIBC_CFLAGS) $(NOLIBC_LDFLAGS) -MF $(@:.elf=.d) \
		-o $@ $< -lgcc

# The initramfs: a newc cpio archive (as Linux's) holding /bin/<program> for
# every user program, /tests/<program> for every test program, and the
# files under user/files/. QEMU loads it next to the kernel.
INITRAMFS := $(BUILD)/initramfs.cpio
USER_FILES := $(shell find user/files -type f 2>/dev/null)

# Data files made by the build: the hostile ELF files that
# tests/user/exec_hostile.c execs, written by tests/user/mk_hostile_elfs.py
# into build/u/files/data/elf/ (the image's /data/elf/).
GEN_FILES := $(BUILD)/u/files.stamp
$(GEN_FILES): tests/user/mk_hostile_elfs.py | $(DEPS_OK)
	@echo "  GEN     $(BUILD)/u/files/data/elf/"
	$(Q)rm -rf $(BUILD)/u/files/data/elf
	$(Q)python3 $< $(BUILD)/u/files/data/elf
	$(Q)touch $@

$(INITRAMFS): $(UELFS) $(USER_FILES) $(GEN_FILES) tests/user/PROGRAMS \
		qemu/mkinitramfs.sh
	@echo "  CPIO    $@"
	$(Q)qemu/mkinitramfs.sh $@ $(BUILD)/u $(ELF)

user: $(UELFS) $(INITRAMFS)

# Foreign programs (tests/foreign/, README.md "Your own program"): C programs
# built with Debian's glibc cross compilers, -static, once for armel
# (soft-float), once for armhf (VFP) and once with musl, into an image of their own: the
# initramfs above plus /foreign/LIBC/NAME and /foreign/PROGRAMS, which
# make test's foreign stage and make check-linux run.
FOREIGN_C := $(wildcard tests/foreign/*.c)
FOREIGN_ROOT := $(BUILD)/foreign/root
FOREIGN_ELFS := $(foreach libc,armel armhf musl,\
	$(FOREIGN_C:tests/foreign/%.c=$(FOREIGN_ROOT)/foreign/$(libc)/%))
FOREIGN_IMAGE := $(BUILD)/foreign/initramfs.cpio
FOREIGN_CFLAGS := -static -O2 -g $(WARN) -Wl,-z,noexecstack

$(FOREIGN_ROOT)/foreign/armel/%: tests/foreign/%.c tests/foreign/check.h | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  ARMEL   $<"
	$(Q)arm-linux-gnueabi-gcc $(FOREIGN_CFLAGS) -o $@ $< -lm

$(FOREIGN_ROOT)/foreign/armhf/%: tests/foreign/%.c tests/foreign/check.h | $(DEPS_OK)
	@mkdir -p $(dir $@)
	@echo "  ARMHF   $<"
	$(Q)arm-linux-gnueabihf-gcc $(FOREIGN_CFLAGS) -o $@ $< -lm

# musl: Debian's armhf musl-dev (qemu/musl.sh fetches it), linked by the
# armhf gcc in place of glibc: musl's headers, crt files and libc.a, and
# gcc's own headers and libgcc.
MUSL := $(BUILD)/musl
MUSL_LIB := $(MUSL)/x/usr/lib/arm-linux-musleabihf
$(MUSL)/.stamp: qemu/musl.sh | $(DEPS_OK)
	$(Q)qemu/musl.sh $(MUSL)

$(FOREIGN_ROOT)/foreign/musl/%: tests/foreign/%.c tests/foreign/check.h $(MUSL)/.stamp
	@mkdir -p $(dir $@)
	@echo "  MUSL    $<"
	$(Q)arm-linux-gnueabihf-gcc $(FOREIGN_CFLAGS) -nostdinc -nostdlib \
		-isystem $(MUSL)/x/usr/include/arm-linux-musleabihf \
		-isystem $$(arm-linux-gnueabihf-gcc -print-file-name=include) \
		-o $@ $(MUSL_LIB)/crt1.o $(MUSL_LIB)/crti.o $< -L$(MUSL_LIB) \
		-lm -lc $$(arm-linux-gnueabihf-gcc -print-libgcc-file-name) \
		-lc $(MUSL_LIB)/crtn.o

$(FOREIGN_ROOT)/foreign/PROGRAMS: tests/foreign/PROGRAMS
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(FOREIGN_IMAGE): $(FOREIGN_ELFS) $(FOREIGN_ROOT)/foreign/PROGRAMS \
		$(UELFS) $(USER_FILES) $(GEN_FILES) tests/user/PROGRAMS \
		qemu/mkinitramfs.sh
	@echo "  CPIO    $@"
	$(Q)EXTRA_ROOT=$(FOREIGN_ROOT) qemu/mkinitramfs.sh $@ $(BUILD)/u

foreign: $(FOREIGN_IMAGE)

# ------------------------------------------------------------------------
# Host tests: the portable mm/ code and the portable kernel/ files, built
# with the host compiler under AddressSanitizer and UBSan, with the test
# shim of tests/host/shim standing in for the console and the MMU.

HOST_KERNEL_C := kernel/vsprintf.c kernel/errno.c kernel/bootopts.c \
	kernel/cpio.c kernel/elf.c kernel/file.c kernel/printk.c kernel/selftest.c
HOST_C := $(wildcard mm/*.c tests/host/*.c tests/host/shim/*.c) $(HOST_KERNEL_C) \
	mm/armv7/protection_map.c mm/armv7/pgtable.c
HOST_OBJS := $(HOST_C:%.c=$(BUILD)/host/%.o)
HOSTCFLAGS := $(CSTD) $(WARN) -O1 -g -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer \
	-Itests/host/shim/arch -I. -Itests/host/shim -MMD -MP $(MMDEBUG)
# The slab allocator's entry points go through tests/host/shim/failslab.c,
# which can make them fail on demand and counts the live objects.
HOSTLDFLAGS := -Wl,--wrap=kmem_cache_alloc,--wrap=kmem_cache_zalloc \
	-Wl,--wrap=kmem_cache_free
# The kernel's formatter would replace the C library's in a host program:
# there it is built under other names (k_vsnprintf, k_snprintf).
HOST_RENAME := -Dvsnprintf=k_vsnprintf -Dsnprintf=k_snprintf

$(BUILD)/host/kernel/vsprintf.o $(BUILD)/host/kernel/printk.o: \
	HOSTCFLAGS += $(HOST_RENAME)

$(BUILD)/host/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -c $< -o $@

$(BUILD)/host/hosttests: $(HOST_OBJS)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(HOSTLDFLAGS) -o $@ $^

host-tests: $(BUILD)/host/hosttests

# ------------------------------------------------------------------------
# Pictures: the VMA tree of a scenario with holes as Graphviz DOT (one
# placement's search path highlighted, a legend) and the address space as
# a bar, to scale or with its axis broken where it says so, mmap_base and
# the search's limits marked. A host program built from the portable mm
# code and the host shim (with its own console,
# tests/pictures/trace_capture.c, that reads the placement trace back)
# writes the tree and the layout; qemu/gdb/td/picture.py draws the bar;
# dot renders both to SVG and PNG.
#
# make pictures PID=N draws a live task instead: gdb attaches to
# `make qemu-gdb` (GDB_PORT), writes the task's tree and bar with
# vma-tree --dot and vmas --dot, and detaches (QEMU runs on).

PICTURES_C := $(wildcard tests/pictures/*.c) tests/kernel/scenario_holes.c
PICTURES_OBJS := $(PICTURES_C:%.c=$(BUILD)/host/%.o) \
	$(filter-out %/kernel/selftest.o, \
	    $(filter $(BUILD)/host/mm/% $(BUILD)/host/kernel/%,$(HOST_OBJS))) \
	$(filter-out %/shim.o,$(filter $(BUILD)/host/tests/host/shim/%,$(HOST_OBJS)))
PICTURES := $(BUILD)/pictures
PID ?=

$(PICTURES)/pictures: $(PICTURES_OBJS)
	@mkdir -p $(dir $@)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(HOSTLDFLAGS) -o $@ $^ -lm

# render_pictures NAMES: $(PICTURES)/NAME.dot to .svg and .png
define render_pictures
	$(Q)for f in $(1); do \
		for fmt in svg png; do \
			dot -T$$fmt -o $(PICTURES)/$$f.$$fmt $(PICTURES)/$$f.dot || exit 1; \
			echo "  DOT     $(PICTURES)/$$f.$$fmt"; \
		done; \
	done
endef

ifeq ($(PID),)
pictures: $(PICTURES)/pictures | $(DEPS_OK)
	$(Q)$(PICTURES)/pictures $(PICTURES)
	$(Q)python3 qemu/gdb/td/picture.py bar $(PICTURES)/holes_layout.txt \
		$(PICTURES)/holes_bar.dot
	$(call render_pictures,holes_tree holes_bar)
else
pictures: $(RUN_KERNEL) | $(DEPS_OK)
	@mkdir -p $(PICTURES)
	$(Q)$(MAKE) -s --no-print-directory gdb GDB_PORT=$(GDB_PORT) \
		GDB_ARGS="-batch -ex 'vma-tree --dot $(PICTURES)/pid$(PID)_tree.dot $(PID)' -ex 'vmas --dot $(PICTURES)/pid$(PID)_bar.dot $(PID)' -ex detach" \
		< /dev/null
	$(call render_pictures,pid$(PID)_tree pid$(PID)_bar)
endif

# ------------------------------------------------------------------------
# Benchmarks (SPEC 12): figures and ratios, never pass/fail, never part of
# `make test`. See README.md, "Benchmarks".
#
# (a) tests/bench/host/: the VMA code of mm/ built for the host as the host
#     tests build it, but optimised (-O2), without sanitizers and without
#     CONFIG_DEBUG_VM (no validate_mm() after every change): the figures
#     are the algorithms', not the checker's.
# (b) tests/bench/target/: a user program run as init under QEMU with
#     -icount, where guest nanoseconds are guest instructions, on a kernel
#     of its own: the same sources, -O2, CONFIG_DEBUG_VM off.

BENCH_MM_C := mm/vma.c mm/vma_merge.c mm/anon_vma.c mm/unmapped_area.c mm/rbtree.c \
	mm/vma_tree_show.c \
	mm/validate.c
BENCH_C := $(BENCH_MM_C) $(wildcard tests/bench/host/*.c)
BENCH_OBJS := $(BENCH_C:%.c=$(BUILD)/bench/host/%.o)
BENCHCFLAGS := $(CSTD) $(WARN) -O2 -g -I. -MMD -MP

$(BUILD)/bench/host/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  BENCHCC $<"
	$(Q)$(HOSTCC) $(BENCHCFLAGS) -c $< -o $@

$(BUILD)/bench/vmabench: $(BENCH_OBJS)
	@echo "  BENCHLD $@"
	$(Q)$(HOSTCC) $(BENCHCFLAGS) -o $@ $^

BENCH_KDIR := $(BUILD)/bench/kernel
BENCH_KERNEL := $(BENCH_KDIR)/kernel.elf
BENCH_KOBJS := $(KERNEL_OBJS:$(BUILD)/k/%=$(BENCH_KDIR)/%)
# No frame pointers either (the oops backtrace walks them: the release
# kernel prints none).
BENCH_KCFLAGS := $(filter-out -Og $(MMDEBUG) -fno-omit-frame-pointer \
	-mapcs-frame -DCONFIG_FRAME_POINTER,$(KCFLAGS)) -O2 -fomit-frame-pointer
BENCH_TARGET_ELF := $(BUILD)/u/tests/bench/target/mmbench.elf
.SECONDARY: $(BENCH_TARGET_ELF:.elf=.o)

$(eval $(call kernel_objects,$(BENCH_KDIR),$$(BENCH_KCFLAGS),BENCHCC,BENCHAS))

$(BENCH_KERNEL): $(BENCH_KOBJS) linker.ld
	@echo "  BENCHLD $@"
	$(Q)$(CC) $(BENCH_KCFLAGS) -nostdlib -static -T linker.ld \
		-Wl,--no-warn-rwx-segments -o $@ $(BENCH_KOBJS) -lgcc
	$(Q)$(NM) -n $@ > $(BENCH_KDIR)/kernel.sym

bench: $(BUILD)/bench/vmabench $(BENCH_KERNEL) $(BENCH_TARGET_ELF)
	$(Q)$(BUILD)/bench/vmabench
	$(Q)echo
	$(Q)MEM=$(MEM) KERNEL=$(BENCH_KERNEL) \
		tests/bench/target/run.sh $(BENCH_TARGET_ELF)

# ------------------------------------------------------------------------
# Running it.

all: kernel user host-tests

# RELEASE=1 boots the release kernel (the one make bench measures: -O2,
# no CONFIG_DEBUG_VM, so no validate_mm() after every mm call; every
# check of bad input stays) for make qemu, run and qemu-gdb. The debug
# kernel is the default, and the one the tests run.
RUN_KERNEL := $(if $(RELEASE),$(BENCH_KERNEL),$(BUILD)/kernel.elf)

QEMU_OPTS = MEM=$(MEM) CACHE_ALIAS=$(CACHE_ALIAS) TRACE=$(TRACE) \
	ICOUNT=$(ICOUNT) ASLR=$(ASLR) KERNEL=$(RUN_KERNEL)

# Booting needs the kernel and the image, not the host tests (their
# AddressSanitizer build is make test's).
# BUSYBOX=1 adds Debian's busybox-static to the image (qemu/busybox.sh,
# fetched once): in our shell, `spawn /bin/busybox sh -l` is its shell.
qemu: kernel user $(RUN_KERNEL)
ifneq ($(BUSYBOX),)
	$(Q)qemu/busybox.sh
	$(Q)$(QEMU_OPTS) INITRAMFS=$(BUILD)/busybox/initramfs.cpio qemu/qemu.sh
else
	$(Q)$(QEMU_OPTS) qemu/qemu.sh
endif

# The image is packed anew for each run: it holds whichever ELF was given.
run: kernel $(RUN_KERNEL) $(ELF)
	@test -n "$(ELF)" || { echo "usage: make run ELF=path/to/prog.elf ARGS=\"a b\""; exit 2; }
	$(Q)rm -f $(BUILD)/run/initramfs.cpio
	$(Q)$(MAKE) --no-print-directory INITRAMFS=$(BUILD)/run/initramfs.cpio \
		ELF=$(ELF) $(BUILD)/run/initramfs.cpio
	$(Q)$(QEMU_OPTS) INITRAMFS=$(BUILD)/run/initramfs.cpio \
		qemu/qemu.sh init=/bin/run argv0=$(patsubst %.elf,%,$(notdir $(ELF))) -- $(ARGS)

qemu-gdb: kernel user $(RUN_KERNEL)
	@echo "QEMU waits for gdb on port $(GDB_PORT): run 'make gdb' in another terminal."
	$(Q)$(QEMU_OPTS) GDB_PORT=$(GDB_PORT) qemu/qemu.sh

# gdb reads a gdbinit generated in the build directory (with -x, so no
# auto-load safe-path setting is needed), which attaches to QEMU's port.
# GDB_ARGS adds gdb options (the tests use -batch and -ex commands).
gdb: $(RUN_KERNEL)
	$(Q)sed -e 's|@PORT@|$(GDB_PORT)|g' -e 's|@TOP@|$(CURDIR)|g' \
		qemu/gdbinit.in > $(BUILD)/gdbinit
	$(Q)gdb-multiarch -q -x $(BUILD)/gdbinit $(GDB_ARGS) $(RUN_KERNEL)

test: all $(BENCH_KERNEL) $(FOREIGN_IMAGE)
	$(Q)tests/run.sh

# The architecture boundary: no portable kernel/ or mm/ file includes a
# header of kernel/armv7/ or mm/armv7/ (make test runs it too).
check-portable:
	$(Q)tests/check_portable.sh

# The system-call fuzzer (tests/user/fuzz.c), long runs: seeds SEED ..
# SEED+RUNS-1, OPS operations each, on the debug and the release kernel
# (KERNELS="debug release"; the release kernel is the one make bench
# measures), with MEM of RAM. Prints the totals. See tests/fuzz/run.sh.
SEED ?= 1
RUNS ?= 1
OPS ?= 20000
KERNELS ?= debug release
fuzz: all $(BENCH_KERNEL)
	$(Q)SEED=$(SEED) RUNS=$(RUNS) OPS=$(OPS) MEM=$(MEM) \
		KERNELS="$(KERNELS)" tests/fuzz/run.sh

# The reference: the user test programs of tests/user/PROGRAMS meant for
# Linux too, run under Debian's Linux 6.1 on the same QEMU board (fetched
# with apt-get on first use), each with the whole image around it; then
# (without PROG=) the shell's scripted session with the shell as Linux's
# init. Not part of `make test`.
check-linux: $(UELFS) $(INITRAMFS) $(FOREIGN_IMAGE)
	$(Q)qemu/check-linux.sh $(PROG)
	$(Q)CHECK_LINUX_LIST=tests/foreign/PROGRAMS \
		CHECK_LINUX_IMAGE=$(FOREIGN_IMAGE) qemu/check-linux.sh $(PROG)
	$(Q)test -n "$(PROG)" || tests/shell/test_session.py --linux

clean:
	rm -rf $(BUILD)

.PHONY: all kernel user host-tests deps qemu run qemu-gdb gdb test clean \
	check-linux pictures bench fuzz check-portable foreign
.DELETE_ON_ERROR:

-include $(KERNEL_OBJS:.o=.d) $(ULIB_OBJS:.o=.d) $(HOST_OBJS:.o=.d) \
	$(PICTURES_C:%.c=$(BUILD)/host/%.d) \
	$(UELFS:.elf=.d) $(SH_OBJS:.o=.d) $(BENCH_OBJS:.o=.d) \
	$(BENCH_KOBJS:.o=.d) $(BENCH_TARGET_ELF:.elf=.d)

include tests/bench/profile/profile.mk
