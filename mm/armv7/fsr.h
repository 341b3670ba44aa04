/*
 * mm/armv7/fsr.h - decoding the fault status registers DFSR and IFSR
 * (short-descriptor format, ARM ARM B4.1.52 / B4.1.96).
 *
 *   12   11   10   9   8    4 3      0
 *  +---+----+----+---+------+--------+
 *  |ExT|WnR |FS4 | 0 |Domain| FS[3:0]|   (IFSR has no WnR, no Domain)
 *  +---+----+----+---+------+--------+
 */
#ifndef MM_ARMV7_FSR_H
#define MM_ARMV7_FSR_H

#include <stdint.h>

#define FSR_WNR (1u << 11)	/* DFSR: the access was a write */
#define FSR_EXT (1u << 12)	/* external abort type (implementation) */

/* The five-bit fault status FS[4:0] = FSR[10] : FSR[3:0]. */
static inline unsigned int fsr_fs(uint32_t fsr)
{
	return ((fsr >> 6) & 0x10) | (fsr & 0xf);
}

/* FS values the kernel acts on. */
#define FS_ALIGNMENT 0x01
#define FS_ACCESS_FLAG_SECTION 0x03
#define FS_TRANSLATION_SECTION 0x05
#define FS_ACCESS_FLAG_PAGE 0x06
#define FS_TRANSLATION_PAGE 0x07
#define FS_DOMAIN_SECTION 0x09
#define FS_DOMAIN_PAGE 0x0b
#define FS_PERMISSION_SECTION 0x0d
#define FS_PERMISSION_PAGE 0x0f

/* A person's name for the fault in @fsr ("translation fault (page)"). */
const char *fsr_name(uint32_t fsr);

#endif /* MM_ARMV7_FSR_H */
