/* snapshot.c: a read-only view of the runtime through its data access library. */
#include "clr/snapshot.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/hresult.h"
#include "clr/mstack.h"
#include "util/utf16.h"
#include "util/xalloc.h"

static int open_virtual(struct clr *c, const struct clr_dt_ops *ops, ICorDebugProcess **out,
			struct mx_err *err)
{
	OpenVirtualProcessImpl2_fn open =
	    (OpenVirtualProcessImpl2_fn)clr_dbi_symbol("OpenVirtualProcessImpl2");
	if (!open)
		return mx_err_set(err, "the runtime's debugger library has no "
				       "OpenVirtualProcessImpl2");
	ICorDebugDataTarget *dt = clr_data_target_new(ops);
	WCHAR *dac = utf8_to_utf16(c->rt.dac);
	/* the version SOS passes: what this debugger supports, 4.0 */
	CLR_DEBUGGING_VERSION ver = {.wStructVersion = 0, .wMajor = 4};
	CLR_DEBUGGING_PROCESS_FLAGS flags = 0;
	IUnknown *unk = NULL;
	HRESULT hr = open(c->rt.coreclr_base, (IUnknown *)dt, dac, &ver, &IID_ICorDebugProcess,
			  &unk, &flags);
	free(dac);
	COM_RELEASE(dt);
	if (hr < 0 || !unk)
		return mx_err_set(err, "cannot read the runtime's state: %s", clr_hr(hr));
	hr = COM(unk, QueryInterface, &IID_ICorDebugProcess, (void **)out);
	COM_RELEASE(unk);
	if (hr < 0)
		return mx_err_set(err, "cannot read the runtime's state: %s", clr_hr(hr));
	return 0;
}

int clr_snapshot_with_frame(struct clr *c, const struct clr_dt_ops *ops, pid_t tid, uint64_t ip,
			    int (*fn)(void *arg, ICorDebugFrame *f), void *arg, struct mx_err *err)
{
	ICorDebugProcess *proc = NULL;
	if (open_virtual(c, ops, &proc, err) != 0)
		return -1;
	ICorDebugThread *t = NULL;
	ICorDebugThread3 *t3 = NULL;
	ICorDebugStackWalk *sw = NULL;
	HRESULT hr = COM(proc, GetThread, (DWORD)tid, &t);
	if (hr >= 0 && t)
		hr = COM(t, QueryInterface, &IID_ICorDebugThread3, (void **)&t3);
	if (hr >= 0 && t3)
		hr = COM(t3, CreateStackWalk, &sw);
	int r = mx_err_set(err, "no managed frame at 0x%" PRIx64 " in thread %d", ip, (int)tid);
	for (int guard = 0; hr >= 0 && sw && guard < 4096; guard++) {
		uint8_t ctx[CLR_AMD64_CONTEXT_SIZE];
		ULONG32 got = 0;
		uint64_t rip = 0;
		if (COM(sw, GetContext, 0x00100003u, sizeof(ctx), &got, ctx) >= 0)
			memcpy(&rip, ctx + 0xf8, 8);
		ICorDebugFrame *fr = NULL;
		if (rip == ip && COM(sw, GetFrame, &fr) == S_OK && fr) {
			r = fn(arg, fr);
			COM_RELEASE(fr);
			break;
		}
		if (COM(sw, Next) != S_OK)
			break;
	}
	COM_RELEASE(sw);
	COM_RELEASE(t3);
	COM_RELEASE(t);
	COM_RELEASE(proc);
	return r;
}

int clr_snapshot_stack(struct clr *c, const struct clr_dt_ops *ops, pid_t tid,
		       struct clr_snap_frame **frames, size_t *n, struct mx_err *err)
{
	*frames = NULL;
	*n = 0;
	ICorDebugProcess *proc = NULL;
	if (open_virtual(c, ops, &proc, err) != 0)
		return -1;
	ICorDebugThread *t = NULL;
	ICorDebugThread3 *t3 = NULL;
	ICorDebugStackWalk *sw = NULL;
	HRESULT hr = COM(proc, GetThread, (DWORD)tid, &t);
	if (hr >= 0 && t)
		hr = COM(t, QueryInterface, &IID_ICorDebugThread3, (void **)&t3);
	if (hr >= 0 && t3)
		hr = COM(t3, CreateStackWalk, &sw);
	size_t cap = 0;
	int guard = 0;
	while (hr >= 0 && sw && guard++ < 4096) {
		uint8_t ctx[CLR_AMD64_CONTEXT_SIZE];
		ULONG32 got = 0;
		struct clr_snap_frame f = {0};
		/* CONTEXT_CONTROL | CONTEXT_INTEGER of the AMD64 context: Rsp and Rip */
		if (COM(sw, GetContext, 0x00100003u, sizeof(ctx), &got, ctx) >= 0) {
			memcpy(&f.sp, ctx + 0x98, 8);
			memcpy(&f.ip, ctx + 0xf8, 8);
		}
		ICorDebugFrame *fr = NULL;
		hr = COM(sw, GetFrame, &fr);
		if (hr == S_OK && fr) {
			if (clr_describe_frame(c, fr, &f.where)) {
				f.il = true;
			} else {
				ICorDebugInternalFrame *inf = NULL;
				if (COM(fr, QueryInterface, &IID_ICorDebugInternalFrame,
					(void **)&inf) >= 0) {
					CorDebugInternalFrameType type = STUBFRAME_NONE;
					COM(inf, GetFrameType, &type);
					snprintf(f.label, sizeof(f.label), "%s",
						 type == STUBFRAME_M2U	 ? "[managed-to-native]"
						 : type == STUBFRAME_U2M ? "[native-to-managed]"
									 : "[runtime frame]");
					COM_RELEASE(inf);
				}
			}
			COM_RELEASE(fr);
			if (f.il || f.label[0]) {
				xgrow((void **)frames, &cap, *n + 1, sizeof(**frames));
				(*frames)[(*n)++] = f;
			}
		}
		hr = COM(sw, Next);
		if (hr != S_OK)
			break; /* CORDBG_S_AT_END_OF_STACK, or an error */
	}
	COM_RELEASE(sw);
	COM_RELEASE(t3);
	COM_RELEASE(t);
	COM_RELEASE(proc);
	return 0;
}
