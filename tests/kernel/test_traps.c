/*
 * Self-tests of the exception path (kernel/armv7/entry.S, kernel/armv7/traps.c): each
 * test makes the CPU take an exception on purpose in kernel mode, lets the
 * handler report it, catches it (tests/kernel/kcatch.h) and checks what the
 * hardware said against what the architecture specifies for that access.
 */
#include "tests/kernel/kcatch.h"
#include "mm/armv7/fsr.h"
#include "tests/kernel/ktest.h"

/*
 * An address in the kernel half that no section maps: between the end of
 * RAM (at most PAGE_OFFSET + 512 MiB) and the device windows at 0xF8000000.
 */
#define UNMAPPED_KERNEL_ADDR 0xE8001234u

TEST(data_abort_on_unmapped_read_reports_dfsr_and_dfar)
{
	struct kcatch c;
	volatile uint32_t *p = (volatile uint32_t *)UNMAPPED_KERNEL_ADDR;

	if (kcatch_arm(&c) == 0) {
		(void)*p;
		kcatch_disarm();
		CHECK(!"the read of an unmapped address did not fault");
		return;
	}
	CHECK_EQ(c.vector, VEC_DABT);
	/* no L1 entry: a section translation fault (FS 0b00101), a read */
	CHECK_EQ(fsr_fs(c.fsr), FS_TRANSLATION_SECTION);
	CHECK_EQ(c.fsr & FSR_WNR, 0);
	CHECK_EQ(c.far, UNMAPPED_KERNEL_ADDR);
}

TEST(data_abort_on_unmapped_write_sets_wnr)
{
	struct kcatch c;
	volatile uint32_t *p = (volatile uint32_t *)(UNMAPPED_KERNEL_ADDR + 8);

	if (kcatch_arm(&c) == 0) {
		*p = 1;
		kcatch_disarm();
		CHECK(!"the write to an unmapped address did not fault");
		return;
	}
	CHECK_EQ(c.vector, VEC_DABT);
	CHECK_EQ(fsr_fs(c.fsr), FS_TRANSLATION_SECTION);
	CHECK(c.fsr & FSR_WNR);
	CHECK_EQ(c.far, UNMAPPED_KERNEL_ADDR + 8);
}

TEST(data_abort_on_null_pointer)
{
	struct kcatch c;
	volatile uint32_t *volatile p = NULL;

	if (kcatch_arm(&c) == 0) {
		(void)p[1];
		kcatch_disarm();
		CHECK(!"reading through NULL did not fault");
		return;
	}
	CHECK_EQ(c.vector, VEC_DABT);
	CHECK_EQ(fsr_fs(c.fsr), FS_TRANSLATION_SECTION);
	CHECK_EQ(c.far, 4);
}

TEST(prefetch_abort_on_jump_to_unmapped_address)
{
	struct kcatch c;
	void (*volatile fn)(void) = (void (*)(void))UNMAPPED_KERNEL_ADDR;

	if (kcatch_arm(&c) == 0) {
		fn();
		kcatch_disarm();
		CHECK(!"executing an unmapped address did not fault");
		return;
	}
	CHECK_EQ(c.vector, VEC_PABT);
	CHECK_EQ(fsr_fs(c.fsr), FS_TRANSLATION_SECTION);
	CHECK_EQ(c.far, UNMAPPED_KERNEL_ADDR);	/* IFAR */
	CHECK_EQ(c.pc, UNMAPPED_KERNEL_ADDR);	/* resume address = fetch */
}

/* A permanently undefined instruction, at a known address. */
extern char undefined_insn[];
__asm__(".pushsection .text\n"
	".arm\n"
	".global undefined_insn\n"
	"undefined_insn_fn:\n"
	"undefined_insn: udf #42\n"
	"	bx lr\n"
	".popsection");

TEST(undefined_instruction_reports_its_address)
{
	struct kcatch c;
	void (*volatile fn)(void) = (void (*)(void))undefined_insn;

	if (kcatch_arm(&c) == 0) {
		fn();
		kcatch_disarm();
		CHECK(!"udf did not trap");
		return;
	}
	CHECK_EQ(c.vector, VEC_UNDEF);
	CHECK_EQ(c.pc, (uint32_t)undefined_insn);
	/* the encoding of udf #42 in ARM state: 0xe7f000f0 | imm12 split */
	CHECK_EQ(*(uint32_t *)undefined_insn, 0xe7f002faU);
}

TEST(kernel_goes_on_after_caught_faults)
{
	/* After the faults above, ordinary work still runs: stack intact. */
	volatile int sum = 0;

	for (int i = 1; i <= 10; i++)
		sum += i;
	CHECK_EQ(sum, 55);
}
