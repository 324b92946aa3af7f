/* dbi.h: the runtime's debugger library (libmscordbi.so), loaded by us without dbgshim.
 *
 * The library uses the PAL of its sibling libmscordaccore.so, which dlopen alone does not
 * initialise: the PAL's loader would call the library's exported DllMain(DLL_PROCESS_ATTACH),
 * which runs PAL_InitializeDLL and creates the transport to debuggees (dotnet/runtime
 * src/coreclr/debug/di/cordb.cpp DbgDllMain). We do the same once per library. The PAL then
 * sets SIGPIPE to SIG_IGN in our process and snapshots our environment (TMPDIR names the
 * directory of the transport's FIFOs, which must match the debuggee's).
 */
#ifndef MX_CLR_DBI_H
#define MX_CLR_DBI_H

#include <sys/types.h>

#include "clr/cordebug.h"
#include "util/err.h"

/* Creates an ICorDebug for process pid whose libcoreclr.so is loaded at coreclr_base, from
 * the libmscordbi.so at dbi_path: Initialize()d, with handler installed, and attached
 * (DebugActiveProcess). The runtime must be listening (past its startup handshake). */
int clr_dbi_attach(const char *dbi_path, pid_t pid, uint64_t coreclr_base,
		   ICorDebugManagedCallback *handler, ICorDebug **cordb, ICorDebugProcess **process,
		   struct mx_err *err);

/* An export of the loaded debugger library (NULL if not loaded or absent). */
void *clr_dbi_symbol(const char *name);

/* "CORDBG_E_... (0x8013...)" for messages. */
const char *clr_hr(HRESULT hr);

#endif
