/*
 * tests/bench/profile/qemu_plugin_api.h - the part of QEMU's TCG plugin
 * API (version 1, as QEMU 7.2 has it) that profile.c uses.
 *
 * Debian ships QEMU with plugin support but without the header
 * (qemu-plugin.h), so the few types and functions we call are declared
 * here, with the names and signatures of QEMU 7.2's include/qemu/
 * qemu-plugin.h. QEMU resolves the functions when it loads the plugin
 * (the executable exports them); the plugin exports qemu_plugin_version
 * and qemu_plugin_install. We never read qemu_info_t, so it stays opaque.
 */
#ifndef PROFILE_QEMU_PLUGIN_API_H
#define PROFILE_QEMU_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))
#define QEMU_PLUGIN_VERSION 1

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;	/* not read: layout irrelevant */
struct qemu_plugin_tb;			/* opaque: a block being translated */
struct qemu_plugin_insn;		/* opaque: one of its instructions */

/* What a callback may do with the CPU registers: we need none. */
enum qemu_plugin_cb_flags {
	QEMU_PLUGIN_CB_NO_REGS,
	QEMU_PLUGIN_CB_R_REGS,
	QEMU_PLUGIN_CB_RW_REGS,
};

/* Inline operations, run in the translated code without a call. */
enum qemu_plugin_op {
	QEMU_PLUGIN_INLINE_ADD_U64,	/* *(uint64_t *)ptr += imm */
};

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index,
					    void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
					       struct qemu_plugin_tb *tb);

/* Called for every block QEMU translates, before it runs. */
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   qemu_plugin_vcpu_tb_trans_cb_t cb);
/* At translation time: call @cb each time the block starts executing. */
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
					  qemu_plugin_vcpu_udata_cb_t cb,
					  enum qemu_plugin_cb_flags flags,
					  void *userdata);
/* At translation time: do @op on @ptr each time @insn is about to run. */
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn,
						enum qemu_plugin_op op,
						void *ptr, uint64_t imm);

size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
						 size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

/* Called once when QEMU exits. */
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
				    qemu_plugin_udata_cb_t cb, void *userdata);
/* Write @string to QEMU's log (stderr unless -D says otherwise). */
void qemu_plugin_outs(const char *string);

#endif /* PROFILE_QEMU_PLUGIN_API_H */
