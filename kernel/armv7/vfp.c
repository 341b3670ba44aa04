/*
 * kernel/armv7/vfp.c - floating point for user tasks: the VFP/NEON unit
 * turned on at boot, and each task's registers (d0-d31 and FPSCR) kept
 * in its task_struct while another task runs.
 *
 * Eager, not lazy: at every switch between two user tasks the leaving
 * task's registers are stored and the arriving task's loaded
 * (cpu_switch_to, kernel/armv7/switch.S, calls vfp_switch()). Linux is
 * lazy: it leaves the unit off (FPEXC.EN = 0) after a switch and moves
 * the registers only when the new task's first VFP instruction traps as
 * undefined, which saves the copy for tasks that never use floating
 * point, at the price of an undefined-instruction hook and a record of
 * whose registers the unit holds. Here the kernel is not preemptible and
 * has one CPU, so a switch happens only in schedule(), and 2 x 264 bytes
 * per switch is little next to the rest of it; eager keeps the whole
 * mechanism in three functions, visible in one place, and the unit stays
 * on all the time.
 *
 *   fork    the child starts with the parent's registers (vfp_copy)
 *   exec    the new program starts with all of them 0 (vfp_flush), as
 *           on Linux: FPSCR 0 is round to nearest, no traps, no flush
 *           to zero
 *
 * The kernel itself is built soft-float and never uses the registers:
 * only kernel/armv7/vfp_asm.S touches them.
 */
#include <stddef.h>
#include "kernel/elf.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/armv7/vfp.h"

/* What vfp_asm.S stores and loads, in a task's struct fpu_context. */
struct vfp_state {
	uint64_t d[32];
	uint32_t fpscr;
	uint32_t unused;
};

_Static_assert(offsetof(struct vfp_state, fpscr) == 256,
	       "kernel/armv7/vfp_asm.S stores FPSCR at offset 256");
_Static_assert(sizeof(struct vfp_state) <= sizeof(struct fpu_context),
	       "struct fpu_context too small for the VFP registers");

/* kernel/armv7/vfp_asm.S */
void vfp_save_state(struct fpu_context *state, int d32);
void vfp_load_state(const struct fpu_context *state, int d32);
uint32_t vfp_enable(void);
uint32_t vfp_id(int which);

/* ID register fields (ARM ARM B4.1.57, B6.1.63-64) */
#define FPSID_ARCH(fpsid) (((fpsid) >> 16) & 0x7f)	/* 2..4: VFPv3 */
#define MVFR0_SIMD_REGS(m) ((m) & 0xf)		/* 1: 16 d registers, 2: 32 */
#define MVFR1_SIMD_BITS(m) ((m) & 0xfff)	/* 0x111: ld/st, int, float */
#define MVFR1_FMAC(m) (((m) >> 28) & 0xf)	/* 1: fused multiply-add */

static bool vfp_d32;		/* d16-d31 exist */
static const struct fpu_context zero_state;
static uint32_t fpsid, mvfr0, mvfr1;

/* See vfp.h. */
void vfp_init(void)
{
	fpsid = vfp_enable();
	mvfr0 = vfp_id(0);
	mvfr1 = vfp_id(1);
	vfp_d32 = MVFR0_SIMD_REGS(mvfr0) == 2;

	/* what user space may use, said as Linux says it in AT_HWCAP */
	elf_hwcap |= HWCAP_VFP;
	if (FPSID_ARCH(fpsid) >= 2) {
		elf_hwcap |= HWCAP_VFPv3;
		elf_hwcap |= vfp_d32 ? HWCAP_VFPD32 : HWCAP_VFPv3D16;
	}
	if (MVFR1_SIMD_BITS(mvfr1) == 0x111)
		elf_hwcap |= HWCAP_NEON;
	if (MVFR1_FMAC(mvfr1) == 1)
		elf_hwcap |= HWCAP_VFPv4;
	/* the unit starts with every register 0, as a new program does */
	vfp_load_state(&zero_state, vfp_d32);
}

/* See vfp.h. */
void fpu_print(void)
{
	printk("  fpu     FPSID %08lx  MVFR0 %08lx  MVFR1 %08lx: VFPv%s-D%d%s, per task (eager)\n",
	       (unsigned long)fpsid, (unsigned long)mvfr0, (unsigned long)mvfr1,
	       FPSID_ARCH(fpsid) >= 2 ? (MVFR1_FMAC(mvfr1) == 1 ? "4" : "3") : "2",
	       vfp_d32 ? 32 : 16,
	       elf_hwcap & HWCAP_NEON ? " + NEON" : "");
}

/*
 * See vfp.h. The idle task (no mm) has no registers of its own: going
 * through it leaves the unit holding the last user task's registers,
 * which are already saved.
 */
void vfp_switch(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		vfp_save_state(&prev->fpu, vfp_d32);
	if (next->mm)
		vfp_load_state(&next->fpu, vfp_d32);
}

/* See vfp.h. */
void vfp_copy(struct task_struct *child)
{
	vfp_save_state(&child->fpu, vfp_d32);
}

/* See vfp.h. */
void vfp_flush(struct task_struct *task)
{
	memset(&task->fpu, 0, sizeof(task->fpu));
	vfp_load_state(&task->fpu, vfp_d32);
}
