/*
 * tests/bench/profile/profile.c - a QEMU TCG plugin that counts the guest
 * instructions executed at every PC, and per called function with a
 * shadow call stack, in phases the guest program marks. `make profile`
 * loads it; report.py turns its output into names and tables.
 *
 * Arguments (-plugin profile.so,out=F,...; addresses in hex):
 *   out=FILE      where the counts go (written at each phase boundary)
 *   begin=ADDR    a phase starts each time a block starts at ADDR
 *   end=ADDR      ... and ends each time one starts at ADDR (the two
 *                 marker functions of user/lib/profile.c)
 *   vectors=ADDR  the kernel's vector table (VBAR): an exception entry
 *   kbase=ADDR    the lowest kernel address (default 0xc0000000)
 *   thumb=FILE    lines "LO HI": the Thumb code ranges [LO, HI)
 *
 * How it counts:
 *  - exclusive: every instruction adds 1 to its PC's counter (an inline
 *    add, no call), and 1 to a global counter, the "clock" below. An
 *    instruction that faults counts once, and again when it is retried.
 *  - inclusive: at each block start (an exec callback) we look at how the
 *    previous block ended. Its last instruction was a BL/BLX that ran
 *    (the new PC is not the next instruction): push a frame for the new
 *    PC, returning to the instruction after the call. The new PC is in
 *    the vector table: push a frame for the exception. The new PC is the
 *    return address of a frame on the stack: pop down to it. The PC goes
 *    from the kernel to user space: pop every kernel frame (exception
 *    return). A frame's function gets clock(pop) - clock(push), counted
 *    once when it recurses.
 *
 * It approximates: a tail call (B instead of BL) is charged to the caller;
 * a kernel context switch leaves the other task's frames on the stack
 * until the next return to user space; an exception taken in the kernel
 * is expected back at the faulting or the next instruction (an exception
 * fixup elsewhere closes its frame only when a caller returns).
 *
 * Output, one segment per phase boundary:
 *   segment N KIND TOTAL  KIND: how it started: start (boot), run (the
 *                       first user instruction), begin or end (a marker)
 *   x PC COUNT          exclusive, every PC that ran
 *   i ENTRY INCL CALLS  inclusive, every function entered or running
 * and at the end "stats max_depth D lost_frames L" (frames beyond
 * STACK_MAX are not counted).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qemu_plugin_api.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define PC_HASH_SIZE (1u << 20)		/* PCs: the kernel's and one program's */
#define FN_HASH_SIZE (1u << 16)
#define STACK_MAX 512
#define VECTORS_SIZE 0x20

struct pc_count {
	uint64_t pc;
	uint64_t count;			/* the inline add's target */
};

struct func {
	uint64_t entry;
	uint64_t incl;			/* inclusive instructions this segment */
	uint64_t calls;			/* frames pushed this segment */
	uint64_t start;			/* clock when the outermost frame began */
	unsigned active;		/* frames of it on the stack */
};

/* What the exec callback needs to know of a translated block. */
struct tb_info {
	uint32_t pc;
	uint32_t n;			/* instructions */
	uint32_t last_size;		/* size of the last one */
	bool ends_in_call;		/* the last one is BL/BLX */
	uint32_t pcs[];			/* the PC of each */
};

struct frame {
	struct func *fn;
	uint32_t ret, ret2;		/* where it returns (0: only to user) */
};

static uint64_t clock_insns;		/* instructions executed so far */
static struct pc_count **pc_hash;
static struct func **fn_hash;
static struct frame stack[STACK_MAX];
static unsigned depth, max_depth, lost_frames;
static bool user_started;

static const struct tb_info *prev_tb;	/* the block that ran last */
static uint64_t prev_tb_clock;		/* clock when it started */
static uint64_t segment_start;
static unsigned segment;
static const char *segment_kind = "start";

static FILE *out;
static uint64_t mark_begin = ~0ull, mark_end = ~0ull;
static uint64_t vectors = ~0ull, kbase = 0xc0000000u;

struct range {
	uint32_t lo, hi;
};
static struct range *thumb;
static size_t nthumb;

/* The hash of a (2-byte aligned) guest address. */
static uint32_t hash_addr(uint64_t a, uint32_t size)
{
	return (uint32_t)((a >> 1) * 2654435761u) & (size - 1);
}

/* The counter of @pc, made at its first translation. */
static struct pc_count *pc_counter(uint64_t pc)
{
	uint32_t h = hash_addr(pc, PC_HASH_SIZE);

	while (pc_hash[h] && pc_hash[h]->pc != pc)
		h = (h + 1) & (PC_HASH_SIZE - 1);
	if (!pc_hash[h]) {
		pc_hash[h] = calloc(1, sizeof(*pc_hash[h]));
		if (!pc_hash[h])
			abort();
		pc_hash[h]->pc = pc;
	}
	return pc_hash[h];
}

/* The record of the function entered at @entry. */
static struct func *func_of(uint64_t entry)
{
	uint32_t h = hash_addr(entry, FN_HASH_SIZE);

	while (fn_hash[h] && fn_hash[h]->entry != entry)
		h = (h + 1) & (FN_HASH_SIZE - 1);
	if (!fn_hash[h]) {
		fn_hash[h] = calloc(1, sizeof(*fn_hash[h]));
		if (!fn_hash[h])
			abort();
		fn_hash[h]->entry = entry;
	}
	return fn_hash[h];
}

/* True if @pc is in one of the Thumb ranges. */
static bool in_thumb(uint32_t pc)
{
	size_t lo = 0, hi = nthumb;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (pc < thumb[mid].lo)
			hi = mid;
		else if (pc >= thumb[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/*
 * True if the instruction in @p (@size bytes, Thumb or ARM state) is a
 * call: BL or BLX with an immediate or a register.
 */
static bool is_call(const uint8_t *p, size_t size, bool is_thumb)
{
	uint32_t hw1 = p[0] | p[1] << 8, hw2, w;

	if (size == 2)				/* BLX Rm: 0100 0111 1 Rm 000 */
		return (hw1 & 0xff87) == 0x4780;
	hw2 = p[2] | p[3] << 8;
	if (is_thumb)				/* BL, BLX imm: 11110... 11x1/11x0 */
		return (hw1 & 0xf800) == 0xf000 && (hw2 & 0xc000) == 0xc000;
	w = hw1 | hw2 << 16;
	if ((w & 0xfe000000) == 0xfa000000)	/* BLX imm (cond 1111) */
		return true;
	if ((w >> 28) == 0xf)
		return false;
	return (w & 0x0f000000) == 0x0b000000 ||	/* BL<c> imm */
	       (w & 0x0ffffff0) == 0x012fff30;		/* BLX<c> Rm */
}

/* Push a frame for @entry returning to @ret (or @ret2; 0: to user space). */
static void push(uint64_t entry, uint32_t ret, uint32_t ret2)
{
	struct func *fn = func_of(entry);

	if (depth == STACK_MAX) {
		lost_frames++;
		return;
	}
	fn->calls++;
	if (fn->active++ == 0)
		fn->start = clock_insns;
	stack[depth++] = (struct frame){ fn, ret, ret2 };
	if (depth > max_depth)
		max_depth = depth;
}

/* Pop frames until @new_depth are left, charging each its instructions. */
static void pop_to(unsigned new_depth)
{
	while (depth > new_depth) {
		struct func *fn = stack[--depth].fn;

		if (--fn->active == 0)
			fn->incl += clock_insns - fn->start;
	}
}

/* Write the segment that ends now and start segment @kind. */
static void close_segment(const char *kind)
{
	unsigned i;

	for (i = 0; i < depth; i++) {
		struct func *fn = stack[i].fn;

		fn->incl += clock_insns - fn->start;	/* once per function: */
		fn->start = clock_insns;		/* later frames add 0 */
	}
	fprintf(out, "segment %u %s %llu\n", segment, segment_kind,
		(unsigned long long)(clock_insns - segment_start));
	for (i = 0; i < PC_HASH_SIZE; i++) {
		struct pc_count *c = pc_hash[i];

		if (c && c->count) {
			fprintf(out, "x %llx %llu\n", (unsigned long long)c->pc,
				(unsigned long long)c->count);
			c->count = 0;
		}
	}
	for (i = 0; i < FN_HASH_SIZE; i++) {
		struct func *fn = fn_hash[i];

		if (fn && (fn->incl || fn->calls)) {
			fprintf(out, "i %llx %llu %llu\n",
				(unsigned long long)fn->entry,
				(unsigned long long)fn->incl,
				(unsigned long long)fn->calls);
			fn->incl = fn->calls = 0;
		}
	}
	fflush(out);
	segment++;
	segment_kind = kind;
	segment_start = clock_insns;
}

/* A block starts executing: see how the one before it ended. */
static void vcpu_tb_exec(unsigned int vcpu_index, void *udata)
{
	const struct tb_info *tb = udata;
	const struct tb_info *prev = prev_tb;
	uint64_t ran = clock_insns - prev_tb_clock;
	uint32_t pc = tb->pc, last_pc = 0, next_pc = 0;
	unsigned i;

	prev_tb = tb;
	prev_tb_clock = clock_insns;
	if (pc == mark_begin)
		close_segment("begin");
	else if (pc == mark_end)
		close_segment("end");
	if (!prev)
		return;
	if (ran == 0 || ran > prev->n)		/* not expected: be safe */
		ran = prev->n;
	last_pc = prev->pcs[ran - 1];
	next_pc = last_pc + (ran == prev->n ? prev->last_size : 4);

	if (pc >= vectors && pc < vectors + VECTORS_SIZE) {
		if (last_pc < kbase)			/* back when user runs */
			push(pc, 0, 0);
		else					/* retry, or go on */
			push(pc, last_pc, next_pc);
		return;
	}
	if (pc < kbase && last_pc >= kbase) {		/* exception return */
		if (!user_started) {		/* boot ends: init's first */
			user_started = true;	/* instruction */
			close_segment("run");
		}
		while (depth && stack[depth - 1].fn->entry >= kbase)
			pop_to(depth - 1);
		return;
	}
	if (prev->ends_in_call && ran == prev->n && pc != next_pc) {
		push(pc, next_pc, 0);
		return;
	}
	for (i = depth; i > 0; i--) {
		if (stack[i - 1].ret == pc || stack[i - 1].ret2 == pc) {
			pop_to(i - 1);
			return;
		}
	}
}

/* A block is translated: count its instructions, note how it ends. */
static void vcpu_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;
	struct tb_info *info;
	struct qemu_plugin_insn *last;
	uint8_t bytes[4] = { 0 };
	bool is_thumb;

	if (n == 0)
		return;
	info = calloc(1, sizeof(*info) + n * sizeof(info->pcs[0]));
	if (!info)
		abort();
	info->pc = (uint32_t)qemu_plugin_tb_vaddr(tb);
	info->n = (uint32_t)n;
	is_thumb = in_thumb(info->pc);
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t pc = qemu_plugin_insn_vaddr(insn);

		info->pcs[i] = (uint32_t)pc;
		if (qemu_plugin_insn_size(insn) == 2)
			is_thumb = true;
		qemu_plugin_register_vcpu_insn_exec_inline(insn,
			QEMU_PLUGIN_INLINE_ADD_U64, &pc_counter(pc)->count, 1);
		qemu_plugin_register_vcpu_insn_exec_inline(insn,
			QEMU_PLUGIN_INLINE_ADD_U64, &clock_insns, 1);
	}
	last = qemu_plugin_tb_get_insn(tb, n - 1);
	info->last_size = (uint32_t)qemu_plugin_insn_size(last);
	if (info->last_size <= sizeof(bytes)) {
		memcpy(bytes, qemu_plugin_insn_data(last), info->last_size);
		info->ends_in_call = is_call(bytes, info->last_size, is_thumb);
	}
	qemu_plugin_register_vcpu_tb_exec_cb(tb, vcpu_tb_exec,
					     QEMU_PLUGIN_CB_NO_REGS, info);
}

/* QEMU exits: write the last segment and how deep the stack went. */
static void plugin_exit(qemu_plugin_id_t id, void *p)
{
	char msg[96];

	close_segment("exit");
	fprintf(out, "stats max_depth %u lost_frames %u\n", max_depth,
		lost_frames);
	fclose(out);
	if (lost_frames) {
		snprintf(msg, sizeof(msg),
			 "profile: call stack full, %u frames not counted\n",
			 lost_frames);
		qemu_plugin_outs(msg);
	}
}

/* Read the Thumb ranges of @path ("LO HI" in hex, sorted). */
static int load_thumb(const char *path)
{
	FILE *f = fopen(path, "r");
	unsigned lo, hi;
	size_t cap = 0;

	if (!f)
		return -1;
	while (fscanf(f, "%x %x", &lo, &hi) == 2) {
		if (nthumb == cap) {
			cap = cap ? 2 * cap : 256;
			thumb = realloc(thumb, cap * sizeof(*thumb));
			if (!thumb)
				abort();
		}
		thumb[nthumb++] = (struct range){ lo, hi };
	}
	fclose(f);
	return 0;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info,
					   int argc, char **argv)
{
	const char *out_path = NULL;
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (!strncmp(a, "out=", 4))
			out_path = a + 4;
		else if (!strncmp(a, "begin=", 6))
			mark_begin = strtoull(a + 6, NULL, 16) & ~1ull;
		else if (!strncmp(a, "end=", 4))
			mark_end = strtoull(a + 4, NULL, 16) & ~1ull;
		else if (!strncmp(a, "vectors=", 8))
			vectors = strtoull(a + 8, NULL, 16);
		else if (!strncmp(a, "kbase=", 6))
			kbase = strtoull(a + 6, NULL, 16);
		else if (!strncmp(a, "thumb=", 6)) {
			if (load_thumb(a + 6)) {
				fprintf(stderr, "profile: cannot read %s\n", a + 6);
				return -1;
			}
		} else {
			fprintf(stderr, "profile: unknown argument %s\n", a);
			return -1;
		}
	}
	if (!out_path) {
		fprintf(stderr, "profile: out=FILE is needed\n");
		return -1;
	}
	out = fopen(out_path, "w");
	pc_hash = calloc(PC_HASH_SIZE, sizeof(*pc_hash));
	fn_hash = calloc(FN_HASH_SIZE, sizeof(*fn_hash));
	if (!out || !pc_hash || !fn_hash) {
		fprintf(stderr, "profile: cannot open %s\n", out_path);
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, vcpu_tb_trans);
	qemu_plugin_register_atexit_cb(id, plugin_exit, NULL);
	return 0;
}
