/* sigpolicy.c: the default signal policy, shared by the session (what `info signals` shows)
 * and the tracer (what it does before the session says otherwise). */
#include "proto/proto.h"

#include <signal.h>

void tr_default_sigpolicy(uint8_t policy[65])
{
	for (int s = 1; s <= 64; s++)
		policy[s] = TR_SIG_STOP | TR_SIG_PRINT | TR_SIG_PASS;
	/* Signals programs use routinely: pass quietly (gdb's defaults). */
	static const int quiet[] = {SIGALRM, SIGURG,	SIGCHLD, SIGWINCH,
				    SIGIO,   SIGVTALRM, SIGPROF, SIGPWR};
	for (size_t i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++)
		policy[quiet[i]] = TR_SIG_PASS;
	/* A SIGTRAP that is not from our breakpoint or step belongs to the program. */
	policy[SIGTRAP] = TR_SIG_PASS;
	/* SIGINT at the terminal is how the user interrupts: stop, and do not pass it on. */
	policy[SIGINT] = TR_SIG_STOP | TR_SIG_PRINT;
}
