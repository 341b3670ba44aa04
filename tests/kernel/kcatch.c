/*
 * tests/kernel/kcatch.c - see tests/kernel/kcatch.h.
 */
#include "kernel/trap.h"
#include "tests/kernel/kcatch.h"

struct kcatch *kcatch_armed;

void kcatch_disarm(void)
{
	kcatch_armed = NULL;
	trap_catcher = NULL;
}

bool kcatch_handle(struct pt_regs *regs, int vector, unsigned long status,
		   unsigned long addr)
{
	struct kcatch *c = kcatch_armed;

	if (!c || user_mode(regs))
		return false;
	kcatch_disarm();
	c->vector = vector;
	c->fsr = status;
	c->far = addr;
	c->pc = regs->pc;
	for (int i = 0; i < 8; i++)
		regs->r[4 + i] = c->saved[i];
	regs->sp = c->saved[8];
	regs->pc = c->saved[9];
	regs->r[0] = 1;		/* kcatch_arm() "returns" 1 */
	regs->cpsr &= ~PSR_T_BIT;
	return true;
}
