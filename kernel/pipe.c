/*
 * kernel/pipe.c - pipe and pipe2: a one-page ring between two open
 * files, one for reading and one for writing, of one unnamed inode.
 *
 *   fds[0] --read-->  [ ring of PIPE_SIZE bytes ]  <--write-- fds[1]
 *
 * read() waits while the ring is empty and some writer is left, and
 * returns 0 (end of file) once none is; write() waits while there is no
 * room, and a write of at most PIPE_BUF bytes goes in whole, never
 * mixed with another writer's (POSIX). With no reader left, a write
 * ends the writer with SIGPIPE, as Linux does to a program that has not
 * set it to SIG_IGN (that one gets EPIPE; topdown delivers no signal to
 * a handler, kernel/signal.c). O_NONBLOCK: EAGAIN instead of waiting.
 *
 * Each side is a struct file whose private_data is the pipe; the pipe is
 * freed with the last of them.
 */
#include "kernel/errno.h"
#include "kernel/fs.h"
#include "kernel/poll.h"
#include "kernel/process.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/uaccess.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

#define PIPE_SIZE PAGE_SIZE
#define PIPE_BUF 4096		/* writes up to this size are atomic */

struct pipe_inode_info {
	char *buf;			/* PIPE_SIZE bytes */
	unsigned long head, tail;	/* free-running: head - tail = used */
	int readers, writers;		/* open files of each side */
};

/* Copy up to @len bytes out of the ring to user @ubuf: done or -EFAULT. */
static long ring_out(struct pipe_inode_info *p, char *ubuf, unsigned long len)
{
	unsigned long done = 0;

	while (done < len && p->head != p->tail) {
		unsigned long off = p->tail % PIPE_SIZE;
		unsigned long n = min(min(len - done, p->head - p->tail),
				      PIPE_SIZE - off);
		unsigned long left = copy_to_user(ubuf + done, p->buf + off, n);

		done += n - left;
		p->tail += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/* Copy up to @len bytes of user @ubuf into the ring: done or -EFAULT. */
static long ring_in(struct pipe_inode_info *p, const char *ubuf,
		    unsigned long len)
{
	unsigned long done = 0;

	while (done < len && p->head - p->tail < PIPE_SIZE) {
		unsigned long off = p->head % PIPE_SIZE;
		unsigned long n = min(min(len - done,
					  PIPE_SIZE - (p->head - p->tail)),
				      PIPE_SIZE - off);
		unsigned long left = copy_from_user(p->buf + off, ubuf + done, n);

		done += n - left;
		p->head += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

static long pipe_read(struct file *file, char *ubuf, unsigned long len)
{
	struct pipe_inode_info *p = file->private_data;
	long ret;

	if (!len)
		return 0;
	while (p->head == p->tail) {
		if (!p->writers)
			return 0;		/* end of file */
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		sleep_on(p);
	}
	ret = ring_out(p, ubuf, len);
	wake_up(p);			/* room for the writers */
	poll_wake();
	return ret;
}

static long pipe_write(struct file *file, const char *ubuf, unsigned long len)
{
	struct pipe_inode_info *p = file->private_data;
	unsigned long done = 0;

	while (done < len) {
		unsigned long room = PIPE_SIZE - (p->head - p->tail);
		long n;

		if (!p->readers) {
			if (done)
				return done;
			if (sig_ignored(SIGPIPE))
				return -EPIPE;
			force_sig(SIGPIPE);
		}
		/* a small write waits until it fits whole */
		if (!room || (len <= PIPE_BUF && room < len)) {
			if (file->f_flags & O_NONBLOCK)
				return done ? (long)done : -EAGAIN;
			sleep_on(p);
			continue;
		}
		n = ring_in(p, ubuf + done, len - done);
		wake_up(p);		/* bytes for the readers */
		poll_wake();
		if (n < 0)
			return done ? (long)done : n;
		done += n;
		if (n == 0)
			break;
	}
	return done;
}

/* One side closed for good: the other side may be waiting for that. */
static void pipe_release(struct file *file)
{
	struct pipe_inode_info *p = file->private_data;

	if (file->f_mode & FMODE_READ)
		p->readers--;
	if (file->f_mode & FMODE_WRITE)
		p->writers--;
	wake_up(p);
	poll_wake();
	if (!p->readers && !p->writers) {
		free_page((unsigned long)p->buf);
		kfree(p);
	}
}

/*
 * Readable when it holds bytes, or when no writer is left (POLLHUP: read
 * gives end of file); writable when there is room, POLLERR when no
 * reader is left. As Linux's pipe_poll.
 */
static unsigned int pipe_poll(struct file *file)
{
	struct pipe_inode_info *p = file->private_data;
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ) {
		if (p->head != p->tail)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (p->head - p->tail < PIPE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	return mask;
}

/* No .mmap: a pipe cannot be mapped (ENODEV), nor sought (ESPIPE). */
static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
	.poll = pipe_poll,
};

/*
 * pipe2(2): a new pipe, its read side at fds[0] and its write side at
 * fds[1] (the two lowest free descriptors). @flags: O_CLOEXEC and
 * O_NONBLOCK; any other bit EINVAL (Linux also takes O_DIRECT, packet
 * mode, which topdown has not). EMFILE without two free descriptors,
 * ENOMEM, EFAULT for @ufds (nothing is left open then).
 */
long sys_pipe2(unsigned long ufds, unsigned long flags)
{
	struct pipe_inode_info *p;
	struct inode *inode;
	struct file *rd = NULL, *wr = NULL;
	uint32_t fds[2];
	long ret = -ENOMEM;

	if (flags & ~(unsigned long)(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	p = kzalloc(sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->buf = (char *)get_zeroed_page(GFP_KERNEL);
	inode = new_inode();
	if (!p->buf || !inode)
		goto out_free;
	inode->i_mode = S_IFIFO | 0600;
	rd = alloc_file(inode, FMODE_READ);	/* no f_op yet: no release */
	wr = alloc_file(inode, FMODE_WRITE);
	iput(inode);			/* the files hold it now */
	inode = NULL;
	if (!rd || !wr)
		goto out_free;
	inode = file_inode(rd);
	inode->i_fop = rd->f_op = wr->f_op = &pipe_fops;
	inode = NULL;
	rd->f_flags = O_RDONLY | (flags & O_NONBLOCK);
	wr->f_flags = O_WRONLY | (flags & O_NONBLOCK);
	rd->private_data = wr->private_data = p;
	p->readers = p->writers = 1;	/* from here fput() frees it all */
	ret = fd_install_from(rd, 0, flags & O_CLOEXEC);
	if (ret < 0)
		goto out_fput;
	fds[0] = ret;
	ret = fd_install_from(wr, 0, flags & O_CLOEXEC);
	if (ret < 0) {
		current->files[fds[0]] = NULL;
		goto out_fput;
	}
	fds[1] = ret;
	if (copy_to_user((void *)ufds, fds, sizeof(fds))) {
		current->files[fds[0]] = NULL;
		current->files[fds[1]] = NULL;
		ret = -EFAULT;
		goto out_fput;
	}
	return 0;

out_fput:
	fput(rd);
	fput(wr);
	return ret;
out_free:
	if (rd)
		fput(rd);
	if (wr)
		fput(wr);
	if (inode)
		iput(inode);
	if (p->buf)
		free_page((unsigned long)p->buf);
	kfree(p);
	return ret;
}

/* pipe(2): pipe2 without flags. */
long sys_pipe(unsigned long ufds)
{
	return sys_pipe2(ufds, 0);
}
