/*
 * kernel/procfs.h - the /proc files (see procfs.c).
 */
#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

#include "kernel/kernel.h"

/* Create the /proc entries in the ramfs. */
void procfs_init(void);

struct file;

/* Does @path have the form /proc/PID/NAME, PID a number (not "self")? */
bool procfs_task_path(const char *path);

/*
 * procfs_open_task - open /proc/PID/NAME (@path, procfs_task_path() true)
 * with @fmode (FMODE_*): the file /proc/self/NAME as task PID would see
 * it, its text generated now.
 * Returns: 0 and the open file in *@filep; -ENOENT when there is no task
 * PID (or it has been reaped) or no file NAME; -EACCES for writing;
 * -ENAMETOOLONG; -ENOMEM.
 */
int procfs_open_task(const char *path, unsigned int fmode,
		     struct file **filep);

/* vm.max_map_count: the limit every new address space gets. */
extern int sysctl_max_map_count;

#endif /* KERNEL_PROCFS_H */
