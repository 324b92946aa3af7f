/* clr.c: the managed engine's life: attach, continue, detach, modules, describing code. */
#include "clr/clr.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clr/dbi.h"
#include "clr/mtype.h"
#include "clr/symbols.h"
#include "util/utf16.h"
#include "util/str.h"
#include "util/xalloc.h"

int clr_attach(struct clr **out, pid_t pid, const struct clr_runtime *rt, struct mx_err *err)
{
	struct clr *c = xcalloc(1, sizeof(*c));
	c->pid = pid;
	c->rt = *rt;
	if (clr_events_new(&c->events) != 0) {
		free(c);
		return mx_err_set(err, "cannot create the managed event queue");
	}
	if (clr_dbi_attach(rt->dbi, pid, rt->coreclr_base, clr_events_callback(c->events),
			   &c->cordb, &c->process, err) != 0) {
		clr_events_free(c->events);
		free(c);
		return -1;
	}
	*out = c;
	return 0;
}

static void drop_modules(struct clr *c)
{
	for (size_t i = 0; i < c->nmods; i++) {
		COM_RELEASE(c->mods[i].mod);
		clr_sym_close(&c->mods[i]);
	}
	free(c->mods);
	c->mods = NULL;
	c->nmods = c->cap_mods = 0;
}

/* Takes events until the runtime's ExitProcess callback (or timeout_ms). ICorDebug must have
 * seen the process exit before it is torn down: Terminate while its event thread still
 * handles the exit crashes that thread (seen with .NET 10's libmscordbi). */
static void wait_for_exit_process(struct clr *c, int timeout_ms)
{
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!c->exited) {
		struct clr_event *ev = clr_events_pop(c->events);
		if (ev) {
			if (ev->kind == CLR_EV_EXIT_PROCESS)
				c->exited = true;
			clr_event_free(ev);
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		long waited =
		    (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
		if (waited >= timeout_ms)
			break;
		struct pollfd pf = {.fd = clr_events_fd(c->events), .events = POLLIN};
		poll(&pf, 1, (int)(timeout_ms - waited));
	}
}

void clr_free(struct clr *c)
{
	if (!c)
		return;
	if (!c->detached)
		wait_for_exit_process(c, 5000);
	drop_modules(c);
	COM_RELEASE(c->process);
	if (c->cordb) {
		COM(c->cordb, Terminate);
		COM_RELEASE(c->cordb);
	}
	clr_events_free(c->events);
	free(c);
}

int clr_detach(struct clr *c, struct mx_err *err)
{
	HRESULT hr = COM(c->process, Detach);
	if (hr < 0)
		return mx_err_set(err, "cannot detach from the runtime: %s", clr_hr(hr));
	c->detached = true;
	return 0;
}

int clr_event_fd(const struct clr *c)
{
	return clr_events_fd(c->events);
}

struct clr_event *clr_next_event(struct clr *c)
{
	return clr_events_pop(c->events);
}

int clr_continue(struct clr *c, struct mx_err *err)
{
	HRESULT hr = COM(c->process, Continue, 0);
	if (hr < 0)
		return mx_err_set(err, "cannot resume the managed program: %s", clr_hr(hr));
	return 0;
}

pid_t clr_thread_tid(ICorDebugThread *t)
{
	DWORD id = 0;
	if (!t || COM(t, GetID, &id) < 0)
		return 0;
	return (pid_t)id;
}

struct clr_module *clr_module_find(struct clr *c, ICorDebugModule *m)
{
	CORDB_ADDRESS base = 0;
	for (size_t i = 0; i < c->nmods; i++)
		if (c->mods[i].mod == m)
			return &c->mods[i];
	/* the runtime may hand out another interface pointer for the same module */
	if (!m || COM(m, GetBaseAddress, &base) < 0)
		return NULL;
	for (size_t i = 0; i < c->nmods; i++)
		if (c->mods[i].base == base)
			return &c->mods[i];
	return NULL;
}

struct clr_module *clr_module_loaded(struct clr *c, ICorDebugModule *m)
{
	struct clr_module *known = clr_module_find(c, m);
	if (known)
		return known;
	xgrow((void **)&c->mods, &c->cap_mods, c->nmods + 1, sizeof(*c->mods));
	struct clr_module *cm = &c->mods[c->nmods++];
	memset(cm, 0, sizeof(*cm));
	cm->mod = m;
	COM(m, AddRef);
	WCHAR name[1024];
	ULONG32 len = 0;
	if (COM(m, GetName, 1024, &len, name) >= 0)
		utf16_to_utf8(name, len, cm->path, sizeof(cm->path));
	CORDB_ADDRESS base = 0;
	if (COM(m, GetBaseAddress, &base) >= 0)
		cm->base = base;
	const char *slash = strrchr(cm->path, '/');
	mx_strlcpy(cm->name, slash ? slash + 1 : cm->path, sizeof(cm->name));
	clr_sym_open(cm);
	return cm;
}

void clr_module_unloaded(struct clr *c, ICorDebugModule *m)
{
	struct clr_module *cm = clr_module_find(c, m);
	if (!cm)
		return;
	COM_RELEASE(cm->mod);
	clr_sym_close(cm);
	size_t i = (size_t)(cm - c->mods);
	memmove(cm, cm + 1, (c->nmods - i - 1) * sizeof(*cm));
	c->nmods--;
}

void clr_describe(struct clr *c, ICorDebugFunction *f, uint32_t il, bool il_exact,
		  struct clr_where *w)
{
	memset(w, 0, sizeof(*w));
	w->il = il;
	w->il_exact = il_exact;
	mdMethodDef tok = 0;
	ICorDebugModule *m = NULL;
	if (COM(f, GetToken, &tok) < 0 || COM(f, GetModule, &m) < 0) {
		snprintf(w->func, sizeof(w->func), "??");
		return;
	}
	w->token = tok;
	struct clr_module *cm = clr_module_find(c, m);
	COM_RELEASE(m);
	if (!cm) {
		snprintf(w->func, sizeof(w->func), "<method 0x%08x>", tok);
		return;
	}
	mx_strlcpy(w->module, cm->name, sizeof(w->module));
	clr_sym_method_name(cm, tok, w->func, sizeof(w->func));
	clr_sym_line(cm, tok, il, w->file, sizeof(w->file), &w->line);
}

bool clr_describe_frame(struct clr *c, ICorDebugFrame *f, struct clr_where *w)
{
	ICorDebugILFrame *il = NULL;
	if (COM(f, QueryInterface, &IID_ICorDebugILFrame, (void **)&il) < 0)
		return false;
	ULONG32 off = 0;
	CorDebugMappingResult map = MAPPING_NO_INFO;
	HRESULT hr = COM(il, GetIP, &off, &map);
	COM_RELEASE(il);
	ICorDebugFunction *fn = NULL;
	if (hr < 0 || COM(f, GetFunction, &fn) < 0)
		return false;
	/* prolog: the method's first line; epilog: its last; otherwise the offset */
	clr_describe(c, fn, off, map == MAPPING_EXACT || map == MAPPING_APPROXIMATE, w);
	COM_RELEASE(fn);
	clr_instantiate_name(c, f, w->func, sizeof(w->func));
	return true;
}
