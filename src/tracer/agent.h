/* agent.h: in-process breakpoint conditions (agent.c) and their machine code (agent_jit.c). */
#ifndef MX_TRACER_AGENT_H
#define MX_TRACER_AGENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where things are in a trampoline (offsets from its start); see agent_jit.c. */
struct tr_tramp_layout {
	uint32_t frame;	    /* bytes kept below the red zone: flags, rax, rcx, rdx, operand slots */
	uint16_t pushf;	    /* the pushfq */
	uint16_t body;	    /* first instruction after the saves */
	uint16_t false_lea; /* false path: the lea that gives rsp back (flags, registers done) */
	uint16_t copy;	    /* the relocated instruction */
	uint16_t copy_end;  /* the jump back after it */
	uint16_t true_epi;  /* trap path: first restore */
	uint16_t true_lea;  /* trap path: the lea that gives rsp back */
	uint16_t trap;	    /* the int3 */
	uint16_t size;
};

struct tr_tramp_req {
	const uint8_t *cond; /* proto.h's enum tr_cond_op program */
	size_t cond_len;
	uint64_t bp_addr;    /* the breakpoint */
	uint64_t tramp_addr; /* where the trampoline will live */
	const uint8_t *insn; /* the original instruction at bp_addr (>= 5 bytes) */
	size_t insn_len;
	int disp_off; /* offset of its RIP-relative disp32, 0 if none */
};

/* Writes the trampoline into out; its size, or -1 if the condition or the instruction cannot
 * be handled in process. */
int tr_tramp_build(const struct tr_tramp_req *rq, uint8_t *out, size_t cap,
		   struct tr_tramp_layout *lay);

#endif
