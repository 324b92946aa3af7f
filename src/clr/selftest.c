/* selftest.c: proof that our ICorDebug declarations call the methods we mean.
 *
 * A vtable slot off by one calls a different method of the real runtime, which usually
 * "works" and returns nonsense. So each method mixdbg calls is called here at a managed stop
 * and its answer compared with a fact found without ICorDebug: the process id, /proc's
 * threads and mappings, the assembly's own metadata and PDB. `maint check-cordebug` runs it;
 * an end-to-end test runs that on a real runtime.
 */
#include "clr/selftest.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clr/mvalue.h"
#include "clr/symbols.h"
#include "meta/meta.h"
#include "util/utf16.h"

struct check {
	void (*report)(void *ctx, bool ok, const char *what);
	void *ctx;
	int failed;
};

static void verdict(struct check *k, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void verdict(struct check *k, bool ok, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (!ok)
		k->failed++;
	k->report(k->ctx, ok, what);
}

/* Start address of the file-offset-0 mapping of path in process pid, 0 if none. */
static uint64_t mapping_base(pid_t pid, const char *path)
{
	char maps[64], line[4200];
	snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(maps, "r");
	uint64_t base = 0;
	while (f && fgets(line, sizeof(line), f)) {
		uint64_t lo, off;
		int at = 0;
		if (sscanf(line, "%" SCNx64 "-%*x %*s %" SCNx64 " %*s %*s %n", &lo, &off, &at) <
			2 ||
		    !at)
			continue;
		line[strcspn(line, "\n")] = 0;
		if (off == 0 && strcmp(line + at, path) == 0) {
			base = lo;
			break;
		}
	}
	if (f)
		fclose(f);
	return base;
}

/* Whether addr is in a writable mapping that is no file: a thread's stack. */
static bool in_stack_mapping(pid_t pid, uint64_t addr)
{
	char maps[64], line[4200];
	snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(maps, "r");
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f)) {
		uint64_t lo, hi;
		char perms[8];
		int at = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %*s %*s %*s %n", &lo, &hi, perms,
			   &at) < 3)
			continue;
		const char *name = at ? line + at : "";
		found = addr >= lo && addr < hi && perms[1] == 'w' &&
			(name[0] == '\n' || name[0] == 0 || strncmp(name, "[stack]", 7) == 0);
	}
	if (f)
		fclose(f);
	return found;
}

static void check_process_and_threads(struct clr *c, ICorDebugThread *t, struct check *k)
{
	DWORD pid = 0;
	HRESULT hr = COM(c->process, GetID, &pid);
	verdict(k, hr >= 0 && (pid_t)pid == c->pid, "ICorDebugProcess::GetID = %u (process %d)",
		pid, (int)c->pid);
	DWORD tid = 0;
	hr = COM(t, GetID, &tid);
	char task[64];
	snprintf(task, sizeof(task), "/proc/%d/task/%u", (int)c->pid, tid);
	struct stat st;
	verdict(k, hr >= 0 && stat(task, &st) == 0,
		"ICorDebugThread::GetID = %u, a task of the process", tid);
	ICorDebugThread *again = NULL;
	hr = COM(c->process, GetThread, tid, &again);
	DWORD tid2 = 0;
	if (hr >= 0 && again)
		COM(again, GetID, &tid2);
	verdict(k, hr >= 0 && tid2 == tid, "ICorDebugProcess::GetThread(%u) gives that thread",
		tid);
	COM_RELEASE(again);
	ICorDebugThreadEnum *te = NULL;
	ULONG count = 0, fetched = 0, valid = 0;
	hr = COM(c->process, EnumerateThreads, &te);
	if (hr >= 0 && COM(te, GetCount, &count) >= 0) {
		for (;;) {
			ICorDebugThread *one = NULL;
			ULONG got = 0;
			if (COM(te, Next, 1, &one, &got) < 0 || !got)
				break;
			fetched++;
			DWORD id = 0;
			snprintf(task, sizeof(task), "/proc/%d/task/%u", (int)c->pid,
				 COM(one, GetID, &id) >= 0 ? id : 0);
			if (stat(task, &st) == 0)
				valid++;
			COM_RELEASE(one);
		}
	}
	COM_RELEASE(te);
	verdict(k, count > 0 && fetched == count && valid == count,
		"ICorDebugThreadEnum::GetCount/Next: %u threads, %u fetched, %u are tasks", count,
		fetched, valid);
}

static void check_frame(struct clr *c, ICorDebugThread *t, bool at_breakpoint, struct check *k)
{
	ICorDebugFrame *f = NULL;
	HRESULT hr = COM(t, GetActiveFrame, &f);
	verdict(k, hr >= 0 && f, "ICorDebugThread::GetActiveFrame");
	if (!f)
		return;
	ICorDebugFunction *fn = NULL;
	ICorDebugModule *m = NULL;
	mdMethodDef tok = 0;
	hr = COM(f, GetFunction, &fn);
	if (hr >= 0)
		hr = COM(fn, GetToken, &tok);
	if (hr >= 0)
		hr = COM(fn, GetModule, &m);
	struct clr_module *cm = hr >= 0 ? clr_module_find(c, m) : NULL;
	verdict(k, cm && META_TOKEN_TABLE(tok) == META_T_METHODDEF,
		"ICorDebugFrame::GetFunction, ICorDebugFunction::GetToken (0x%08x), GetModule",
		tok);
	if (cm) {
		/* the module's name and base, against the process's own mappings */
		WCHAR wname[1024];
		char name[1024] = "";
		ULONG32 len = 0;
		if (COM(m, GetName, 1024, &len, wname) >= 0)
			utf16_to_utf8(wname, len, name, sizeof(name));
		struct stat ms;
		verdict(k, stat(name, &ms) == 0 && strstr(name, ".dll"),
			"ICorDebugModule::GetName = %s", name);
		CORDB_ADDRESS base = 0;
		COM(m, GetBaseAddress, &base);
		uint64_t mapped = mapping_base(c->pid, name);
		verdict(k, base && base == mapped,
			"ICorDebugModule::GetBaseAddress = 0x%" PRIx64 " (mapped at 0x%" PRIx64 ")",
			(uint64_t)base, mapped);
		/* the IL code, against the method body in the file */
		ICorDebugFunction *byTok = NULL;
		mdMethodDef tok2 = 0;
		if (COM(m, GetFunctionFromToken, tok, &byTok) >= 0)
			COM(byTok, GetToken, &tok2);
		verdict(k, tok2 == tok, "ICorDebugModule::GetFunctionFromToken(0x%08x)", tok);
		ICorDebugCode *code = NULL;
		ULONG32 size = 0;
		BOOL il = 0;
		if (byTok && COM(byTok, GetILCode, &code) >= 0) {
			COM(code, GetSize, &size);
			COM(code, IsIL, &il);
		}
		struct meta_method_body body = {0};
		meta_method_body(cm->img, tok, &body, NULL);
		verdict(k, il && size == body.code_size && size > 0,
			"ICorDebugFunction::GetILCode, ICorDebugCode::IsIL/GetSize = %u (file: %u)",
			size, body.code_size);
		BOOL jmc = 0;
		ICorDebugFunction2 *fn2 = NULL;
		if (COM(byTok, QueryInterface, &IID_ICorDebugFunction2, (void **)&fn2) >= 0)
			COM(fn2, GetJMCStatus, &jmc);
		verdict(k, fn2 && jmc == (cm->user_code ? 1 : 0),
			"ICorDebugFunction2::GetJMCStatus = %d (module set by SetJMCStatus: %d)",
			jmc, cm->user_code);
		COM_RELEASE(fn2);
		/* a breakpoint at the method's first line, read back */
		ICorDebugFunctionBreakpoint *bp = NULL;
		uint32_t at = clr_sym_first_il(cm, tok);
		ULONG32 off = 0xffffffff;
		BOOL active = 0;
		mdMethodDef bptok = 0;
		if (code && COM(code, CreateBreakpoint, at, &bp) >= 0) {
			COM(bp, GetOffset, &off);
			COM(bp, Activate, 1);
			COM(bp, IsActive, &active);
			ICorDebugFunction *bpfn = NULL;
			if (COM(bp, GetFunction, &bpfn) >= 0)
				COM(bpfn, GetToken, &bptok);
			COM_RELEASE(bpfn);
			COM(bp, Activate, 0);
		}
		verdict(
		    k, off == at && active && bptok == tok,
		    "ICorDebugCode::CreateBreakpoint(%u), ICorDebugFunctionBreakpoint::GetOffset = "
		    "%u, Activate/IsActive, GetFunction",
		    at, off);
		COM_RELEASE(bp);
		COM_RELEASE(code);
		COM_RELEASE(byTok);
	}
	/* the IP, against the PDB: a stop at a breakpoint is at a sequence point */
	ICorDebugILFrame *ilf = NULL;
	ULONG32 ip = 0;
	CorDebugMappingResult map = MAPPING_NO_INFO;
	if (COM(f, QueryInterface, &IID_ICorDebugILFrame, (void **)&ilf) >= 0)
		COM(ilf, GetIP, &ip, &map);
	uint32_t start = 1, end = 0;
	bool in_line = cm && clr_sym_line_range(cm, tok, ip, &start, &end);
	if (at_breakpoint)
		verdict(k, ilf && map == MAPPING_EXACT && in_line && start == ip,
			"ICorDebugILFrame::GetIP = %u, exact, at a sequence point", ip);
	else
		verdict(k,
			ilf && (map == MAPPING_EXACT || map == MAPPING_APPROXIMATE) && in_line &&
			    start <= ip && ip < end,
			"ICorDebugILFrame::GetIP = %u (mapping %d), in the line [%u, %u)", ip, map,
			start, end);
	COM_RELEASE(ilf);
	/* CoreCLR gives a frame's stack range as one address (start == end) */
	CORDB_ADDRESS lo = 0, hi = 0;
	COM(f, GetStackRange, &lo, &hi);
	verdict(k, lo && hi >= lo && in_stack_mapping(c->pid, lo),
		"ICorDebugFrame::GetStackRange = [0x%" PRIx64 ", 0x%" PRIx64 "], on a stack",
		(uint64_t)lo, (uint64_t)hi);
	COM_RELEASE(m);
	COM_RELEASE(fn);
	COM_RELEASE(f);
}

static void check_chains(struct clr *c, ICorDebugThread *t, struct check *k)
{
	(void)c;
	ICorDebugChainEnum *ce = NULL;
	ULONG n = 0, managed = 0, frames = 0;
	if (COM(t, EnumerateChains, &ce) >= 0 && COM(ce, GetCount, &n) >= 0) {
		for (;;) {
			ICorDebugChain *ch = NULL;
			ULONG got = 0;
			if (COM(ce, Next, 1, &ch, &got) < 0 || !got)
				break;
			BOOL is = 0;
			COM(ch, IsManaged, &is);
			if (is) {
				managed++;
				ICorDebugFrameEnum *fe = NULL;
				ULONG fc = 0;
				if (COM(ch, EnumerateFrames, &fe) >= 0 &&
				    COM(fe, GetCount, &fc) >= 0)
					frames += fc;
				COM_RELEASE(fe);
			}
			COM_RELEASE(ch);
		}
	}
	COM_RELEASE(ce);
	verdict(k, n >= 1 && managed >= 1 && frames >= 1,
		"ICorDebugThread::EnumerateChains, ICorDebugChain::IsManaged/EnumerateFrames: %u "
		"chains, %u managed, %u frames",
		n, managed, frames);
}

static void check_stepper(struct clr *c, ICorDebugThread *t, struct check *k)
{
	(void)c;
	ICorDebugFrame *f = NULL;
	ICorDebugStepper *st = NULL;
	BOOL before = 1, during = 0, after = 1;
	if (COM(t, GetActiveFrame, &f) >= 0 && f && COM(f, CreateStepper, &st) >= 0) {
		COM(st, IsActive, &before);
		COM(st, SetInterceptMask, INTERCEPT_NONE);
		COM(st, SetUnmappedStopMask, STOP_NONE);
		COR_DEBUG_STEP_RANGE r = {0, 1};
		COM(st, StepRange, 0, &r, 1);
		COM(st, IsActive, &during);
		COM(st, Deactivate);
		COM(st, IsActive, &after);
	}
	verdict(k, st && !before && during && !after,
		"ICorDebugFrame::CreateStepper, ICorDebugStepper::StepRange/IsActive/Deactivate");
	COM_RELEASE(st);
	COM_RELEASE(f);
}

static void check_exception(struct clr *c, ICorDebugThread *t, const char *want_type,
			    struct check *k)
{
	ICorDebugValue *v = NULL;
	HRESULT hr = COM(t, GetCurrentException, &v);
	if (!want_type) {
		verdict(k, hr >= 0 ? v == NULL : true,
			"ICorDebugThread::GetCurrentException: none at a breakpoint");
		COM_RELEASE(v);
		return;
	}
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugValue *obj = NULL;
	ICorDebugObjectValue *ov = NULL;
	ICorDebugClass *cls = NULL;
	ICorDebugModule *m = NULL;
	mdTypeDef td = 0;
	char name[512] = "";
	BOOL null_ref = 1;
	if (v && COM(v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0 &&
	    COM(ref, IsNull, &null_ref) >= 0 && !null_ref && COM(ref, Dereference, &obj) >= 0 &&
	    COM(obj, QueryInterface, &IID_ICorDebugObjectValue, (void **)&ov) >= 0 &&
	    COM(ov, GetClass, &cls) >= 0 && COM(cls, GetToken, &td) >= 0 &&
	    COM(cls, GetModule, &m) >= 0) {
		struct clr_module *cm = clr_module_find(c, m);
		if (cm)
			clr_sym_type_name(cm, td, name, sizeof(name));
	}
	verdict(k, strcmp(name, want_type) == 0,
		"ICorDebugReferenceValue::IsNull/Dereference, ICorDebugObjectValue::GetClass, "
		"ICorDebugClass::GetToken/GetModule: %s",
		name);
	char msg[256] = "";
	int r = ov ? clr_exception_message(c, ov, msg, sizeof(msg)) : -1;
	verdict(k, r == 0 && msg[0],
		"ICorDebugValue2::GetExactType, ICorDebugType::GetClass/GetBase, "
		"ICorDebugObjectValue::GetFieldValue, ICorDebugStringValue::GetLength/GetString: "
		"\"%s\"",
		msg);
	COM_RELEASE(m);
	COM_RELEASE(cls);
	COM_RELEASE(ov);
	COM_RELEASE(obj);
	COM_RELEASE(ref);
	COM_RELEASE(v);
}

int clr_selftest(struct clr *c, ICorDebugThread *t, const char *exception_type,
		 void (*report)(void *ctx, bool ok, const char *what), void *ctx)
{
	struct check k = {.report = report, .ctx = ctx};
	check_process_and_threads(c, t, &k);
	check_frame(c, t, exception_type == NULL, &k);
	check_chains(c, t, &k);
	check_stepper(c, t, &k);
	check_exception(c, t, exception_type, &k);
	return k.failed;
}
