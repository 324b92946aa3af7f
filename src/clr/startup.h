/* startup.h: the runtime's startup handshake, from the debugger's side.
 *
 * When CoreCLR starts (Debugger::Startup -> PAL_NotifyRuntimeStarted, dotnet/runtime
 * src/coreclr/pal/src/thread/process.cpp) it opens two named semaphores,
 * "/clrst<pid:%08x><key:%016llx>" and "/clrco..." (key: the process start time). If they exist
 * it posts the first and waits on the second, before any managed code has run, with its
 * debugger transport already listening. If they do not exist it goes on at once. So: create
 * both before the runtime starts, wait for the post, attach ICorDebug, post "continue".
 *
 * The wait happens on a thread of ours that only waits and then writes to an eventfd the
 * session polls beside its other descriptors.
 */
#ifndef MX_CLR_STARTUP_H
#define MX_CLR_STARTUP_H

#include <sys/types.h>

#include "util/err.h"

struct clr_startup;

/* Creates the two semaphores for process pid (which must exist, not yet running its
 * runtime) and starts waiting. */
int clr_startup_prepare(struct clr_startup **out, pid_t pid, struct mx_err *err);
/* Readable once the runtime has posted the startup semaphore. */
int clr_startup_fd(const struct clr_startup *st);
/* Lets the runtime go on (posts "continue"). */
void clr_startup_release(struct clr_startup *st);
/* Stops waiting and removes both semaphores (posting "continue" first if the runtime is
 * waiting, so that it is never left blocked). */
void clr_startup_free(struct clr_startup *st);

#endif
