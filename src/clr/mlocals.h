/* mlocals.h: a managed frame's arguments and locals as values, named from the metadata and
 * the PDB. */
#ifndef MX_CLR_MLOCALS_H
#define MX_CLR_MLOCALS_H

#include <stdbool.h>

#include "clr/clr.h"

/* Calls fn for each argument (`this` first for an instance method) or each local in scope at
 * il (hidden ones skipped), only those called name if name is non-NULL. value is NULL when
 * the runtime cannot give it (hr says why). fn returns non-zero to stop. Returns how many
 * were reported. */
int clr_frame_values(struct clr *c, ICorDebugILFrame *ilf, struct clr_module *cm, mdMethodDef tok,
		     uint32_t il, bool args, const char *name,
		     int (*fn)(void *arg, const char *name, ICorDebugValue *value, HRESULT hr),
		     void *arg);

#endif
