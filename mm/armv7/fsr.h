/*
 * mm/armv7/fsr.h - decoding the fault status registers DFSR and IFSR
 * (short-descriptor format, ARM ARM B4.1.52 / B4.1.96), and classifying
 * an abort for the portable kernel (kernel/trap.h).
 *
 *   12   11   10   9   8    4 3      0
 *  +---+----+----+---+------+--------+
 *  |ExT|WnR |FS4 | 0 |Domain| FS[3:0]|   (IFSR has no WnR, no Domain)
 *  +---+----+----+---+------+--------+
 */
#ifndef MM_ARMV7_FSR_H
#define MM_ARMV7_FSR_H

#include <stdint.h>
#include "kernel/trap.h"

struct mm_struct;

#define FSR_WNR (1u << 11)	/* DFSR: the access was a write */
#define FSR_EXT (1u << 12)	/* external abort type (implementation) */

/* The five-bit fault status FS[4:0] = FSR[10] : FSR[3:0]. */
static inline unsigned int fsr_fs(uint32_t fsr)
{
	return ((fsr >> 6) & 0x10) | (fsr & 0xf);
}

/*
 * The FS values of the short-descriptor format; fsr_info[] in
 * mm/armv7/fault.c gives each its name, handler and signal.
 */
#define FS_ALIGNMENT 0x01
#define FS_DEBUG 0x02
#define FS_ACCESS_FLAG_SECTION 0x03
#define FS_ICACHE_MAINT 0x04		/* instruction cache maintenance */
#define FS_TRANSLATION_SECTION 0x05
#define FS_ACCESS_FLAG_PAGE 0x06
#define FS_TRANSLATION_PAGE 0x07
#define FS_SYNC_EXTERNAL 0x08
#define FS_DOMAIN_SECTION 0x09
#define FS_DOMAIN_PAGE 0x0b
#define FS_WALK_EXTERNAL_L1 0x0c	/* external abort on table walk */
#define FS_PERMISSION_SECTION 0x0d
#define FS_WALK_EXTERNAL_L2 0x0e
#define FS_PERMISSION_PAGE 0x0f
#define FS_TLB_CONFLICT 0x10
#define FS_LOCKDOWN 0x14
#define FS_ASYNC_EXTERNAL 0x16
#define FS_ASYNC_PARITY 0x18
#define FS_SYNC_PARITY 0x19
#define FS_COPROCESSOR 0x1a
#define FS_WALK_PARITY_L1 0x1c		/* parity error on table walk */
#define FS_WALK_PARITY_L2 0x1e

/* A person's name for the fault in @fsr ("translation fault (page)"). */
const char *fsr_name(uint32_t fsr);

/*
 * arm_classify_abort - decode the abort @fsr/@far (IFSR/IFAR when
 * @prefetch, else DFSR/DFAR) into @fi and decide: a translation or
 * permission fault on a user address goes to the portable fault policy
 * (do_user_fault() on @mm; also from kernel mode, for the user copies);
 * anything else nobody can fix. @user: the abort came from user mode.
 * Returns: FAULT_HANDLED (retry), FAULT_SIGNAL (a user fault, fi->sig
 * set), or FAULT_FIXUP (a kernel fault). Prints nothing, kills nothing.
 */
enum fault_verdict arm_classify_abort(struct fault_info *fi, uint32_t fsr,
				      uint32_t far, bool prefetch,
				      struct mm_struct *mm, bool user);

#endif /* MM_ARMV7_FSR_H */
