/*
 * Self-tests of the fault status decoder (mm/armv7/fsr.c) on encodings
 * taken from the ARM ARM's short-descriptor DFSR table.
 */
#include "mm/armv7/fsr.h"
#include "tests/kernel/ktest.h"

TEST(fs_combines_bit_10_with_bits_3_to_0)
{
	CHECK_EQ(fsr_fs(0x005), 0x05);		/* translation, section */
	CHECK_EQ(fsr_fs(0x807), 0x07);		/* translation, page, write */
	CHECK_EQ(fsr_fs(0x406), 0x16);		/* FS[4] set: async external */
	CHECK_EQ(fsr_fs(0x0f0 | 0xd), 0x0d);	/* domain bits ignored */
}

TEST(fault_names)
{
	CHECK_STREQ(fsr_name(0x005), "translation fault (section)");
	CHECK_STREQ(fsr_name(0x007), "translation fault (page)");
	CHECK_STREQ(fsr_name(0x80f), "permission fault (page)");
	CHECK_STREQ(fsr_name(0x001), "alignment fault");
	CHECK_STREQ(fsr_name(0x406), "asynchronous external abort");
	CHECK_STREQ(fsr_name(0x000), "unknown fault status");
}
