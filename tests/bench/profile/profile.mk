# tests/bench/profile/profile.mk - `make profile ELF=prog.elf [ARGS=...]`:
# where the guest instructions of a program's phases go, per kernel and
# user function, on the release kernel of `make bench`. See README.md,
# "Profiling". Included by the Makefile.
#
# The plugin is a shared object for QEMU, built with the host compiler.
# Without ELF, the example tests/bench/profile/mmap_profile.c runs.

PROFILE_DIR := $(BUILD)/profile
PROFILE_PLUGIN := $(PROFILE_DIR)/profile.so
PROFILE_EXAMPLE := $(BUILD)/u/tests/bench/profile/mmap_profile.elf
PROFILE_SELFTEST := $(BUILD)/u/tests/bench/profile/profile_selftest.elf
PROFILE_ELF := $(if $(ELF),$(ELF),$(PROFILE_EXAMPLE))
.SECONDARY: $(PROFILE_EXAMPLE:.elf=.o) $(PROFILE_SELFTEST:.elf=.o)

$(PROFILE_PLUGIN): tests/bench/profile/profile.c \
		tests/bench/profile/qemu_plugin_api.h
	@mkdir -p $(dir $@)
	@echo "  PLUGIN  $@"
	$(Q)$(HOSTCC) $(CSTD) $(WARN) -O2 -shared -fPIC -fvisibility=hidden \
		-o $@ $<

profile: $(PROFILE_PLUGIN) $(BENCH_KERNEL) $(PROFILE_ELF)
	$(Q)MEM=$(MEM) KERNEL=$(BENCH_KERNEL) PLUGIN=$(PROFILE_PLUGIN) \
		tests/bench/profile/run.sh $(PROFILE_ELF) $(ARGS)

# `make test` checks the plugin's counts (tests/bench/profile/selftest.py).
test: $(PROFILE_PLUGIN) $(PROFILE_SELFTEST)

.PHONY: profile
-include $(PROFILE_EXAMPLE:.elf=.d) $(PROFILE_SELFTEST:.elf=.d)
