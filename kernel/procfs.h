/*
 * kernel/procfs.h - the /proc files (see procfs.c).
 */
#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

/* Create the /proc entries in the ramfs. */
void procfs_init(void);

/* vm.max_map_count: the limit every new address space gets. */
extern int sysctl_max_map_count;

#endif /* KERNEL_PROCFS_H */
