/* dbi.c: loading libmscordbi.so and creating ICorDebug through its exported entry point. */
#include "clr/dbi.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "clr/hresult.h"

/* The library stays loaded for the life of mixdbg: its PAL cannot be torn down and set up
 * again, and every debuggee of one runtime version shares it. */
static void *dbi_handle;
static char dbi_loaded_path[4200];

const char *clr_hr(HRESULT hr)
{
	static _Thread_local char buf[128];
	return clr_hresult_str(hr, buf, sizeof(buf));
}

static int load_dbi(const char *path, struct mx_err *err)
{
	if (dbi_handle) {
		if (strcmp(path, dbi_loaded_path) == 0)
			return 0;
		return mx_err_set(err,
				  "this mixdbg already uses the runtime debugger library %s; "
				  "debugging a program on another runtime (%s) needs a new mixdbg",
				  dbi_loaded_path, path);
	}
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return mx_err_set(err, "cannot load the runtime's debugger library: %s", dlerror());
	DllMain_fn dll_main = (DllMain_fn)dlsym(h, "DllMain");
	if (!dll_main) {
		dlclose(h);
		return mx_err_set(err, "%s has no DllMain export: not a CoreCLR debugger library",
				  path);
	}
	if (!dll_main(h, 1 /* DLL_PROCESS_ATTACH */, NULL)) {
		dlclose(h);
		return mx_err_set(err, "the runtime's debugger library %s failed to initialise",
				  path);
	}
	dbi_handle = h;
	snprintf(dbi_loaded_path, sizeof(dbi_loaded_path), "%s", path);
	return 0;
}

int clr_dbi_attach(const char *dbi_path, pid_t pid, uint64_t coreclr_base,
		   ICorDebugManagedCallback *handler, ICorDebug **cordb_out,
		   ICorDebugProcess **process_out, struct mx_err *err)
{
	if (load_dbi(dbi_path, err) != 0)
		return -1;
	CoreCLRCreateCordbObject3_fn create =
	    (CoreCLRCreateCordbObject3_fn)dlsym(dbi_handle, "CoreCLRCreateCordbObject3");
	if (!create)
		return mx_err_set(err,
				  "%s lacks CoreCLRCreateCordbObject3 (a runtime before .NET "
				  "6 is not supported)",
				  dbi_path);
	IUnknown *unk = NULL;
	/* Debugger version 4 (CorDebugVersion_4_0), as dbgshim passes on Unix; the "module"
	 * of the target runtime is its libcoreclr.so load address (the DAC finds its tables
	 * from there). */
	HRESULT hr = create(CorDebugVersion_4_0, (DWORD)pid, NULL, NULL,
			    (void *)(uintptr_t)coreclr_base, &unk);
	if (hr < 0 || !unk)
		return mx_err_set(err, "CoreCLRCreateCordbObject3 failed: %s", clr_hr(hr));
	ICorDebug *cordb = NULL;
	hr = COM(unk, QueryInterface, &IID_ICorDebug, (void **)&cordb);
	COM_RELEASE(unk);
	if (hr < 0)
		return mx_err_set(err, "the debugger object has no ICorDebug: %s", clr_hr(hr));
	hr = COM(cordb, Initialize);
	if (hr < 0) {
		COM_RELEASE(cordb);
		return mx_err_set(err, "ICorDebug::Initialize failed: %s", clr_hr(hr));
	}
	hr = COM(cordb, SetManagedHandler, handler);
	if (hr < 0) {
		COM(cordb, Terminate);
		COM_RELEASE(cordb);
		return mx_err_set(err, "ICorDebug::SetManagedHandler failed: %s", clr_hr(hr));
	}
	ICorDebugProcess *process = NULL;
	hr = COM(cordb, DebugActiveProcess, (DWORD)pid, 0, &process);
	if (hr < 0) {
		COM(cordb, Terminate);
		COM_RELEASE(cordb);
		return mx_err_set(err, "cannot attach to the runtime of process %d: %s", (int)pid,
				  clr_hr(hr));
	}
	*cordb_out = cordb;
	*process_out = process;
	return 0;
}

void *clr_dbi_symbol(const char *name)
{
	return dbi_handle ? dlsym(dbi_handle, name) : NULL;
}
