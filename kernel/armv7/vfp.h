/*
 * kernel/armv7/vfp.h - the VFP/NEON registers of user tasks (vfp.c).
 */
#ifndef KERNEL_ARMV7_VFP_H
#define KERNEL_ARMV7_VFP_H

struct task_struct;

/*
 * Turn the unit on for user mode (CPACR, FPEXC) and add what it has to
 * elf_hwcap: VFP, VFPv3, VFPD32 or VFPv3D16, NEON, VFPv4.
 */
void vfp_init(void);

/* Print the banner's line about the floating-point unit. */
void fpu_print(void);

/*
 * Fork: @child starts with the registers the current task has now (they
 * are in the unit: the current task is running).
 */
void vfp_copy(struct task_struct *child);

/*
 * Exec: @task (the current one) starts its new program with every
 * register 0, in the unit and in its saved copy.
 */
void vfp_flush(struct task_struct *task);

/*
 * The switch from @prev to @next (cpu_switch_to(), through
 * thread_notify_switch()): store @prev's registers, load @next's.
 */
void vfp_switch(struct task_struct *prev, struct task_struct *next);

#endif /* KERNEL_ARMV7_VFP_H */
