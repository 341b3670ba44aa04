/*
 * mm/armv7/pgtable-hwdef.h - the bits of ARMv7 short-descriptor
 * translation tables (ARM ARM B3.5), usable from C and assembly.
 *
 * A virtual address is split 12 / 8 / 12:
 *
 *   31               20 19        12 11                 0
 *  +-------------------+------------+--------------------+
 *  | L1 index (4096)   | L2 (256)   | offset in the page |
 *  +-------------------+------------+--------------------+
 *
 * First-level (L1) descriptors, one per MiB, 4096 of them (16 KiB table):
 *
 *   31                              10 9  8   5 4 3 2 1 0
 *  +----------------------------------+-+-----+-+-+-+---+
 *  | L2 table base address [31:10]    |0|Dom  |0|NS|0|0 1|  page table
 *  +----------------------------------+-+-----+-+-+-+---+
 *
 *   31       20 19 18 17 16 15 14 12 11 10 9 8   5 4  3 2 1 0
 *  +-----------+--+--+--+--+--+-----+-----+-+-----+--+-+-+---+
 *  | base [31:20] |NS|0 |nG|S |AP2| TEX |AP1:0|0|Dom |XN|C|B|1 0|  section
 *  +-----------+--+--+--+--+--+-----+-----+-+-----+--+-+-+---+
 *
 * Second-level (L2) descriptors, one per 4 KiB page, 256 of them (1 KiB):
 *
 *   31                      12 11 10  9  8   6 5  4 3 2 1  0
 *  +--------------------------+--+--+---+-----+----+-+-+-+--+
 *  | page base address [31:12]|nG|S |AP2| TEX |AP1:0|C|B|1|XN|  small page
 *  +--------------------------+--+--+---+-----+----+-+-+-+--+
 *
 * Access permissions (SCTLR.AFE = 0, so AP[0] is a permission bit):
 *
 *   AP2 AP1:0  privileged  user
 *    0   00    none        none
 *    0   01    read/write  none
 *    0   10    read/write  read
 *    0   11    read/write  read/write
 *    1   01    read        none
 *    1   11    read        read        (1 10 is deprecated; 1 00 reserved)
 *
 * Memory type (SCTLR.TRE = 0): TEX C B = 001 1 1 normal memory, outer and
 * inner write-back write-allocate; 000 0 1 shareable Device.
 */
#ifndef MM_ARMV7_PGTABLE_HWDEF_H
#define MM_ARMV7_PGTABLE_HWDEF_H

/* L1 descriptors */
#define PMD_TYPE_FAULT 0x0
#define PMD_TYPE_TABLE 0x1
#define PMD_TYPE_SECT 0x2
#define PMD_TYPE_MASK 0x3
#define PMD_SECT_B (1 << 2)
#define PMD_SECT_C (1 << 3)
#define PMD_SECT_XN (1 << 4)
#define PMD_DOMAIN(d) ((d) << 5)
#define PMD_SECT_AP_SHIFT 10
#define PMD_SECT_TEX(t) ((t) << 12)
#define PMD_SECT_AP2 (1 << 15)
#define PMD_SECT_S (1 << 16)
#define PMD_SECT_NG (1 << 17)
#define PMD_SECT_BASE_MASK 0xfff00000
#define PMD_TABLE_BASE_MASK 0xfffffc00

/* L2 small-page descriptors */
#define PTE_XN (1 << 0)
#define PTE_TYPE_SMALL (1 << 1)
#define PTE_B (1 << 2)
#define PTE_C (1 << 3)
#define PTE_AP_SHIFT 4
#define PTE_AP0 (1 << 4)
#define PTE_AP1 (1 << 5)
#define PTE_TEX(t) ((t) << 6)
#define PTE_AP2 (1 << 9)
#define PTE_S (1 << 10)
#define PTE_NG (1 << 11)
#define PTE_BASE_MASK 0xfffff000

/* AP[1:0] values */
#define AP_NONE 0
#define AP_PRIV_RW 1
#define AP_USER_RO 2
#define AP_USER_RW 3

/* Kernel RAM: normal WBWA, privileged read/write only (AP 0 01). */
#define SECT_KERNEL_MEM (PMD_TYPE_SECT | PMD_SECT_TEX(1) | PMD_SECT_C | \
			 PMD_SECT_B | (AP_PRIV_RW << PMD_SECT_AP_SHIFT))
/* Device windows: shareable Device, never executable. */
#define SECT_KERNEL_DEV (PMD_TYPE_SECT | PMD_SECT_B | PMD_SECT_XN | \
			 (AP_PRIV_RW << PMD_SECT_AP_SHIFT))

/*
 * TTBR0 attributes for the table walk: inner write-back write-allocate
 * (IRGN = 01, with the multiprocessing extensions IRGN[0] is bit 6) and
 * outer write-back write-allocate (RGN = 01, bits [4:3]); non-shareable,
 * as one core walks them.
 */
#define TTB_FLAGS ((1 << 6) | (1 << 3))

/* Domain 0, "client": accesses are checked against AP bits. */
#define DACR_CLIENT_D0 0x1

#define PGD_SIZE 0x4000		/* 16 KiB: 4096 L1 entries */
#define PTE_TABLE_SIZE 0x400	/* 1 KiB: 256 L2 entries */
#define SECTION_SHIFT 20
#define SECTION_SIZE (1 << SECTION_SHIFT)

#endif /* MM_ARMV7_PGTABLE_HWDEF_H */
