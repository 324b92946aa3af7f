/* runtime.h: is a program .NET, and where is its runtime.
 *
 * Before launch (clr_app_detect) we decide from the files alone whether the program is a .NET
 * application and how it starts: `dotnet app.dll`, an app.dll given directly (run through the
 * dotnet host), an apphost (the native launcher `app` beside app.dll), or a self-contained app
 * (libcoreclr.so beside it). Once the runtime is loaded (clr_runtime_find), its folder is read
 * from the process's own mappings, as dbgshim does: the folder of the mapped libcoreclr.so
 * holds the matching libmscordbi.so and libmscordaccore.so.
 */
#ifndef MX_CLR_RUNTIME_H
#define MX_CLR_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/err.h"

enum clr_app_kind {
	CLR_APP_NONE,		/* not a .NET program */
	CLR_APP_HOST,		/* dotnet [host options] app.dll */
	CLR_APP_DLL,		/* app.dll itself: started as `dotnet app.dll` */
	CLR_APP_APPHOST,	/* the framework-dependent apphost `app` */
	CLR_APP_SELF_CONTAINED, /* `app` with the runtime in its folder */
};

struct clr_app {
	enum clr_app_kind kind;
	char *assembly; /* the app's main assembly (app.dll), NULL for CLR_APP_NONE */
	char *host;	/* CLR_APP_DLL: the dotnet host that will run it */
};

/* Classifies program + args. For CLR_APP_DLL, *app->host is the dotnet executable found
 * through DOTNET_ROOT, PATH or the usual install folders (an error if none). Only a missing
 * host or an unreadable app is an error; a program that is not .NET gets CLR_APP_NONE. */
int clr_app_detect(const char *program, int nargs, char *const *args, struct clr_app *app,
		   struct mx_err *err);
void clr_app_free(struct clr_app *app);
const char *clr_app_kind_name(enum clr_app_kind k);

/* A reason the runtime will refuse a debugger, read from an environment (NULL-terminated
 * "NAME=value" strings): DOTNET_EnableDiagnostics=0 and its COMPlus_/_Debugger forms. Returns
 * the offending "NAME=value" or NULL. */
const char *clr_env_disables_debugger(char *const *env);

struct clr_runtime {
	uint64_t coreclr_base; /* load address of libcoreclr.so (file offset 0 mapping) */
	char dir[4096];	       /* the runtime's folder */
	char dbi[4200];	       /* dir/libmscordbi.so */
	char dac[4200];	       /* dir/libmscordaccore.so */
};

/* Finds the runtime loaded in process pid. Returns 1 with *rt filled, 0 if libcoreclr.so is
 * not mapped (yet), -1 with err if the process cannot be read or its runtime folder lacks the
 * debugger's libraries. */
int clr_runtime_find(pid_t pid, struct clr_runtime *rt, struct mx_err *err);

/* The disambiguation key the runtime uses in its IPC names: the process start time (field 22
 * of /proc/PID/stat, in clock ticks). Returns 0 on success. */
int clr_process_key(pid_t pid, uint64_t *key, struct mx_err *err);

#endif
