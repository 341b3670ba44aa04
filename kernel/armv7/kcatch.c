/*
 * kernel/armv7/kcatch.c - see kernel/armv7/kcatch.h.
 */
#include "kernel/armv7/kcatch.h"

struct kcatch *kcatch_armed;

void kcatch_disarm(void)
{
	kcatch_armed = NULL;
}

bool kcatch_handle(struct pt_regs *regs, enum vector vector, uint32_t fsr,
		   uint32_t far)
{
	struct kcatch *c = kcatch_armed;

	if (!c || user_mode(regs))
		return false;
	kcatch_armed = NULL;
	c->vector = vector;
	c->fsr = fsr;
	c->far = far;
	c->pc = regs->pc;
	for (int i = 0; i < 8; i++)
		regs->r[4 + i] = c->saved[i];
	regs->sp = c->saved[8];
	regs->pc = c->saved[9];
	regs->r[0] = 1;		/* kcatch_arm() "returns" 1 */
	regs->cpsr &= ~PSR_T_BIT;
	return true;
}
