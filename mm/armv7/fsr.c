/*
 * mm/armv7/fsr.c - names of the fault status codes.
 *
 * FS  meaning (short-descriptor translation table format)
 * --  ----------------------------------------------------------------
 * 01  alignment fault
 * 02  debug event
 * 03  access flag fault, section        06  access flag fault, page
 * 04  fault on instruction cache maintenance
 * 05  translation fault, section        07  translation fault, page
 * 08  synchronous external abort
 * 09  domain fault, section             0b  domain fault, page
 * 0c  external abort on table walk, L1  0e  external abort on walk, L2
 * 0d  permission fault, section         0f  permission fault, page
 * 10  TLB conflict abort
 * 14  lockdown (implementation defined)
 * 16  asynchronous external abort
 * 18  asynchronous parity/ECC error
 * 19  synchronous parity/ECC error on memory access
 * 1a  coprocessor abort (implementation defined)
 * 1c  parity/ECC error on table walk, L1   1e  ... L2
 */
#include "kernel/kernel.h"
#include "mm/armv7/fsr.h"

static const char *const fs_names[32] = {
	[0x01] = "alignment fault",
	[0x02] = "debug event",
	[0x03] = "access flag fault (section)",
	[0x04] = "fault on instruction cache maintenance",
	[0x05] = "translation fault (section)",
	[0x06] = "access flag fault (page)",
	[0x07] = "translation fault (page)",
	[0x08] = "synchronous external abort",
	[0x09] = "domain fault (section)",
	[0x0b] = "domain fault (page)",
	[0x0c] = "external abort on translation table walk (L1)",
	[0x0d] = "permission fault (section)",
	[0x0e] = "external abort on translation table walk (L2)",
	[0x0f] = "permission fault (page)",
	[0x10] = "TLB conflict abort",
	[0x14] = "lockdown abort",
	[0x16] = "asynchronous external abort",
	[0x18] = "asynchronous parity error",
	[0x19] = "synchronous parity error",
	[0x1a] = "coprocessor abort",
	[0x1c] = "parity error on translation table walk (L1)",
	[0x1e] = "parity error on translation table walk (L2)",
};

const char *fsr_name(uint32_t fsr)
{
	const char *name = fs_names[fsr_fs(fsr)];

	return name ? name : "unknown fault status";
}
