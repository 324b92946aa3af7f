/* snapshot.c: a read-only view of the runtime through its data access library. */
#include "clr/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "clr/dbi.h"
#include "clr/hresult.h"
#include "clr/mstack.h"
#include "util/utf16.h"
#include "util/xalloc.h"

/* A private copy of the data access library dac (an in-memory file), for the read-only
 * process; dac itself when it cannot be made.
 *
 * Every call into a DAC holds one lock global to that loaded library, and the live process's
 * event thread calls into the same one: it can hold that lock while it waits for the runtime
 * to answer over its transport (a memory write, say). At a native stop the tracer holds the
 * runtime's threads, so that answer comes only when the program runs again, and a stack walk
 * through the same library would wait for the lock forever (seen with a native and a managed
 * breakpoint hit at once by two threads, then `bt` at the native stop). A copy loaded from
 * another file is another library with its own lock. Copies live as long as mixdbg: the name
 * /proc/self/fd/N must go on naming the same library for as long as it may be loaded. */
static const char *private_dac(const char *dac)
{
	static struct {
		char src[sizeof(((struct clr_runtime *)0)->dac)];
		char path[32];
	} copies[4];
	static size_t ncopies;
	for (size_t i = 0; i < ncopies; i++)
		if (strcmp(copies[i].src, dac) == 0)
			return copies[i].path;
	if (ncopies == sizeof(copies) / sizeof(copies[0]))
		return dac;
	int in = open(dac, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return dac;
	int fd = memfd_create("libmscordaccore.so", MFD_CLOEXEC);
	bool ok = fd >= 0;
	char buf[65536];
	for (ssize_t n; ok && (n = read(in, buf, sizeof(buf))) != 0;) {
		if (n < 0 && errno == EINTR)
			continue;
		ok = n > 0 && write(fd, buf, (size_t)n) == n;
	}
	close(in);
	if (!ok) {
		if (fd >= 0)
			close(fd);
		return dac;
	}
	snprintf(copies[ncopies].src, sizeof(copies[ncopies].src), "%s", dac);
	snprintf(copies[ncopies].path, sizeof(copies[ncopies].path), "/proc/self/fd/%d", fd);
	return copies[ncopies++].path;
}

static HRESULT open_with_dac(struct clr *c, const struct clr_dt_ops *ops,
			     OpenVirtualProcessImpl2_fn open, const char *dac_path, IUnknown **unk)
{
	ICorDebugDataTarget *dt = clr_data_target_new(ops);
	WCHAR *dac = utf8_to_utf16(dac_path);
	/* the version SOS passes: what this debugger supports, 4.0 */
	CLR_DEBUGGING_VERSION ver = {.wStructVersion = 0, .wMajor = 4};
	CLR_DEBUGGING_PROCESS_FLAGS flags = 0;
	HRESULT hr =
	    open(c->rt.coreclr_base, (IUnknown *)dt, dac, &ver, &IID_ICorDebugProcess, unk, &flags);
	free(dac);
	COM_RELEASE(dt);
	return hr;
}

static int open_virtual(struct clr *c, const struct clr_dt_ops *ops, ICorDebugProcess **out,
			struct mx_err *err)
{
	OpenVirtualProcessImpl2_fn open =
	    (OpenVirtualProcessImpl2_fn)clr_dbi_symbol("OpenVirtualProcessImpl2");
	if (!open)
		return mx_err_set(err, "the runtime's debugger library has no "
				       "OpenVirtualProcessImpl2");
	IUnknown *unk = NULL;
	const char *dac = private_dac(c->rt.dac);
	HRESULT hr = open_with_dac(c, ops, open, dac, &unk);
	if ((hr < 0 || !unk) && dac != c->rt.dac) /* the copy would not load: the shared one */
		hr = open_with_dac(c, ops, open, c->rt.dac, &unk);
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
