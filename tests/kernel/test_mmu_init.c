/*
 * Self-tests of the kernel address space (kernel/armv7/start.S, mm/armv7/
 * mmu_init.c), checked with the MMU's own address translation operations:
 * the hardware tells what it would do, and the test compares that with
 * the layout kernel/armv7/board.h and mm/memlayout.h describe.
 */
#include "kernel/armv7/board.h"
#include "kernel/bootopts.h"
#include "tests/kernel/kcatch.h"
#include "mm/armv7/ats.h"
#include "mm/armv7/fsr.h"
#include "mm/armv7/pgtable-hwdef.h"
#include "mm/memlayout.h"
#include "tests/kernel/ktest.h"

extern char _text[], _end[];
static uint32_t some_data = 0x5a5a5a5a;

/* Physical address of a RAM address in the direct map. */
static uint32_t direct_phys(unsigned long va)
{
	return va - PAGE_OFFSET + PHYS_OFFSET;
}

TEST(kernel_text_and_data_translate_to_their_load_address)
{
	uint32_t par;

	par = mmu_translate((unsigned long)_text, ATS_PRIV_READ);
	CHECK(!par_aborted(par));
	CHECK_EQ(par_phys(par), direct_phys((unsigned long)_text));
	CHECK_EQ(par_phys(par), PHYS_OFFSET + KERNEL_LOAD_OFFSET);

	par = mmu_translate((unsigned long)&some_data, ATS_PRIV_WRITE);
	CHECK(!par_aborted(par));
	CHECK_EQ(par_phys(par),
		 direct_phys((unsigned long)&some_data) & 0xfffff000u);
}

TEST(all_of_ram_is_mapped_and_nothing_after_it)
{
	unsigned long last = PAGE_OFFSET + boot_options.mem_size - PAGE_SIZE;
	uint32_t par;

	par = mmu_translate(last, ATS_PRIV_WRITE);
	CHECK(!par_aborted(par));
	CHECK_EQ(par_phys(par), PHYS_OFFSET + boot_options.mem_size - PAGE_SIZE);

	par = mmu_translate(last + PAGE_SIZE, ATS_PRIV_READ);
	CHECK(par_aborted(par));
	CHECK_EQ(par_fs(par), FS_TRANSLATION_SECTION);
}

TEST(boot_identity_map_is_gone)
{
	uint32_t par = mmu_translate(PHYS_OFFSET + KERNEL_LOAD_OFFSET,
				     ATS_PRIV_READ);

	CHECK(par_aborted(par));
	CHECK_EQ(par_fs(par), FS_TRANSLATION_SECTION);
}

TEST(device_windows_map_the_board_devices)
{
	uint32_t par;

	par = mmu_translate(UART0_BASE, ATS_PRIV_WRITE);
	CHECK(!par_aborted(par));
	CHECK_EQ(par_phys(par), 0x10009000);
	par = mmu_translate(GIC_DIST_BASE, ATS_PRIV_READ);
	CHECK(!par_aborted(par));
	CHECK_EQ(par_phys(par), 0x1E001000);
}

TEST(user_mode_cannot_touch_kernel_memory)
{
	uint32_t par;

	/* sections are AP=01: privileged read/write, user none */
	par = mmu_translate((unsigned long)&some_data, ATS_USER_READ);
	CHECK(par_aborted(par));
	CHECK_EQ(par_fs(par), FS_PERMISSION_SECTION);
	par = mmu_translate(UART0_BASE, ATS_USER_WRITE);
	CHECK(par_aborted(par));
	CHECK_EQ(par_fs(par), FS_PERMISSION_SECTION);
}

TEST(nothing_is_mapped_below_task_size_without_a_task)
{
	static const unsigned long addrs[] = {
		0, DEFAULT_MMAP_MIN_ADDR, 0x00010000, 0x40000000,
		TASK_SIZE - PAGE_SIZE,
	};

	for (size_t i = 0; i < ARRAY_SIZE(addrs); i++) {
		uint32_t par = mmu_translate(addrs[i], ATS_PRIV_READ);

		CHECK(par_aborted(par));
		CHECK_EQ(par_fs(par), FS_TRANSLATION_SECTION);
	}
}

TEST(ram_outside_kernel_text_is_never_executable)
{
	/* the last MiB of RAM holds no kernel text: XN, a permission fault */
	unsigned long va = PAGE_OFFSET + boot_options.mem_size - SECTION_SIZE;
	void (*volatile fn)(void) = (void (*)(void))va;
	struct kcatch c;

	if (kcatch_arm(&c) == 0) {
		fn();
		kcatch_disarm();
		CHECK(!"executing from an XN section did not fault");
		return;
	}
	CHECK_EQ(c.vector, VEC_PABT);
	CHECK_EQ(fsr_fs(c.fsr), FS_PERMISSION_SECTION);
	CHECK_EQ(c.far, va);
}
