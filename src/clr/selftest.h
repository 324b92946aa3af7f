/* selftest.h: checking our ICorDebug vtables against the real runtime (see selftest.c). */
#ifndef MX_CLR_SELFTEST_H
#define MX_CLR_SELFTEST_H

#include <stdbool.h>

#include "clr/clr.h"

/* At a managed stop of thread t: calls each ICorDebug method mixdbg uses and checks its
 * answer against a fact found another way; exception_type (or NULL) is the type of the
 * thread's current exception. report gets one line per check. Returns how many failed. */
int clr_selftest(struct clr *c, ICorDebugThread *t, const char *exception_type,
		 void (*report)(void *ctx, bool ok, const char *what), void *ctx);

#endif
