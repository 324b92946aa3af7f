/* jump.c: set next statement: the pc of the current thread's innermost frame moves to the
 * first code of another line of the same function, and nothing runs (the CLI's `jump` then
 * continues, as gdb's does; DAP's `goto` reports a stop).
 *
 * Native (at a native stop): the line's lowest is_stmt address from the DWARF line table, in
 * the same function (the same ELF symbol) as the pc, written to rip through the tracer.
 * Managed (at a managed stop): the line's sequence point in the PDB, in the same method, and
 * the runtime's ICorDebugILFrame::CanSetIP, then SetIP (the runtime moves the native pc of the
 * JIT-compiled code and fixes the frame up; it refuses what it cannot, e.g. into a finally).
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/mbreak.h"
#include "meta/meta.h"
#include "native/sym.h"
#include "util/str.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int no_code(int line, const char *file, int next, struct mx_err *err)
{
	if (next > 0 && next != line)
		return mx_err_set(err,
				  "line %d of %s has no code (the next line with code is %d): "
				  "jump needs a line with code",
				  line, file, next);
	return mx_err_set(err, "line %d of %s has no code: jump needs a line with code", line,
			  file);
}

static int not_same_function(int line, const char *there, const char *here, struct mx_err *err)
{
	return mx_err_set(err,
			  "line %d is in %s(), not in %s(): jump only moves within the current "
			  "function",
			  line, there, here);
}

/* ---- native ---- */

static int native_jump(struct ses *s, const char *file, int line, bool check_only,
		       struct ses_jump *out, struct mx_err *err)
{
	if (ses_native_refused(s, "jump in native code", err) != 0)
		return -1;
	struct tr_regs tr = {.tid = s->cur_tid};
	if (ses_get_regs(s, s->cur_tid, &tr.regs, err) != 0)
		return -1;
	uint64_t pc = tr.regs.rip;
	struct ses_where here;
	ses_describe(s, pc, &here);
	if (!here.file[0]) {
		const struct ses_frame *f;
		size_t n;
		if (s->clr && !ses_pc_in_native_module(s, pc) &&
		    ses_backtrace(s, s->cur_tid, &f, &n, NULL) == 0 && n && f[0].managed)
			return mx_err_set(
			    err,
			    "the thread is in C# code (%s) at a native stop: a C# "
			    "method's next statement can be set at a managed stop only "
			    "(a C# breakpoint or step)",
			    f[0].where.func[0] ? f[0].where.func : "a managed method");
		return mx_err_set(err, "the current function (%s) has no line information",
				  here.sym[0] ? here.sym : "unknown");
	}
	if (!file || !*file)
		file = here.file;
	struct nat_loc_list locs = {0};
	nat_syms_find_line(s->syms, NULL, file, line, &locs);
	if (!locs.n) {
		nat_loc_list_clear(&locs);
		if (ends_with(file, ".cs"))
			return mx_err_set(
			    err,
			    "%s is C#: at a native stop jump moves within native code "
			    "only (stop in C# code first)",
			    file);
		return mx_err_set(err, "no code at %s:%d in the loaded native modules", file, line);
	}
	/* the current function: the ELF symbol holding pc */
	uint64_t here_start = here.sym[0] ? pc - here.sym_off : 0;
	const struct nat_loc *hit = NULL, *other = NULL;
	int next_line = 0;
	for (size_t i = 0; i < locs.n; i++) {
		struct ses_where w;
		ses_describe(s, locs.v[i].addr, &w);
		if (locs.v[i].line != line) {
			next_line = locs.v[i].line;
			continue;
		}
		if (here_start && w.sym[0] && locs.v[i].addr - w.sym_off == here_start)
			hit = &locs.v[i];
		else if (!other)
			other = &locs.v[i];
	}
	int rc = 0;
	if (!hit && !other) {
		rc = no_code(line, file, next_line, err);
	} else if (!hit) {
		struct ses_where w;
		ses_describe(s, other->addr, &w);
		rc = not_same_function(line, w.func[0] ? w.func : w.sym,
				       here.func[0] ? here.func : here.sym, err);
	} else {
		memset(out, 0, sizeof(*out));
		out->pc = hit->addr;
		ses_describe(s, hit->addr, &out->where);
		if (!check_only && hit->addr != pc) {
			tr.regs.rip = hit->addr;
			/* the tracer forgets a breakpoint step-over owed at the old pc */
			rc = ses_call(s, TR_REQ_SET_REGS, &tr, sizeof(tr), NULL, err) == 0 ? 0 : -1;
			if (rc == 0)
				s->last_stop_pc = hit->addr;
		}
	}
	nat_loc_list_clear(&locs);
	return rc;
}

/* ---- managed ---- */

/* CanSetIP's success codes that are warnings (dotnet/runtime src/coreclr/inc/corerror.xml):
 * CORDBG_S_BAD_START_SEQUENCE_POINT, "Attempt to SetIP not at a sequence point": the thread
 * is not stopped where the evaluation stack is empty (mid-line, e.g. after a step out), and
 * CORDBG_S_BAD_END_SEQUENCE_POINT, "Attempt to SetIP when not going to a sequence point".
 * Both still let SetIP move the pc (the runtime's debugger.cpp only collects them as advice);
 * we do it too and pass the warning on: a partly evaluated line's values are dropped. */
static const char *setip_warning(HRESULT hr)
{
	if (hr == CORDBG_S_BAD_START_SEQUENCE_POINT)
		return "the thread was not at the start of a statement; what the current line had "
		       "computed so far is dropped";
	if (hr == CORDBG_S_BAD_END_SEQUENCE_POINT)
		return "the destination is not a statement boundary of the compiled code";
	return NULL;
}

static int managed_refusal(int line, HRESULT hr, struct mx_err *err)
{
	char name[128];
	const char *desc = clr_hresult_desc(hr);
	clr_hresult_str(hr, name, sizeof(name));
	if (desc)
		return mx_err_set(err, "cannot jump to line %d: %s (%s)", line, desc, name);
	return mx_err_set(err, "cannot jump to line %d: the runtime refused with %s", line, name);
}

static int managed_jump(struct ses *s, const char *file, int line, bool check_only,
			struct ses_jump *out, struct mx_err *err)
{
	struct ses_where here;
	if (ses_managed_thread_where(s, s->cur_tid, &here) != 0)
		return mx_err_set(err,
				  "thread %d is not in a C# method at this stop (it waits in "
				  "native code): there is no statement to move",
				  ses_current_thread(s) ? ses_current_thread(s)->num : 0);
	ICorDebugILFrame *ilf = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok = 0;
	uint32_t il = 0;
	if (ses_managed_top_il_frame(s, &ilf, &cm, &tok, &il, err) != 0)
		return -1;
	if (!file || !*file)
		file = here.file;
	int rc = -1;
	struct clr_bp_loc locs[16];
	int resolved = 0;
	size_t n = 0;
	if (!file || !*file || !cm->pdb) {
		mx_err_set(err, "%s has no symbols (no PDB): no lines to jump to", cm->name);
		goto out;
	}
	if (!meta_pdb_find_document(cm->pdb, file)) {
		mx_err_set(err, "%s is not a source file of %s (the current method, %s, is in it)",
			   file, cm->name, here.func);
		goto out;
	}
	n = clr_find_line(s->clr, cm, file, line, locs, 16, &resolved);
	if (!n || resolved != line) {
		no_code(line, file, n ? resolved : 0, err);
		goto out;
	}
	const struct clr_bp_loc *hit = NULL;
	for (size_t i = 0; i < n; i++)
		if (locs[i].token == tok)
			hit = &locs[i];
	if (!hit) {
		not_same_function(line, locs[0].where.func, here.func, err);
		goto out;
	}
	HRESULT hr = COM(ilf, CanSetIP, hit->il);
	if (FAILED(hr)) {
		managed_refusal(line, hr, err);
		goto out;
	}
	memset(out, 0, sizeof(*out));
	out->managed = true;
	out->il = hit->il;
	mx_strlcpy(out->where.func, hit->where.func, sizeof(out->where.func));
	mx_strlcpy(out->where.file, hit->where.file, sizeof(out->where.file));
	mx_strlcpy(out->where.module, hit->where.module, sizeof(out->where.module));
	out->where.line = line;
	out->where.line_start = true;
	const char *warn = setip_warning(hr);
	if (warn)
		mx_strlcpy(out->warning, warn, sizeof(out->warning));
	if (!check_only) {
		hr = COM(ilf, SetIP, hit->il);
		if (FAILED(hr)) {
			managed_refusal(line, hr, err);
			goto out;
		}
	}
	rc = 0;
out:
	COM_RELEASE(ilf);
	return rc;
}

int ses_set_next_statement(struct ses *s, const char *file, int line, bool check_only,
			   struct ses_jump *out, struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (line <= 0)
		return mx_err_set(err, "jump needs a line number (LINE or FILE:LINE), got %d",
				  line);
	if (s->cur_frame != 0)
		return mx_err_set(err, "jump moves the innermost frame only: select frame 0 "
				       "first");
	int rc = s->mstopped ? managed_jump(s, file, line, check_only, out, err)
			     : native_jump(s, file, line, check_only, out, err);
	if (rc == 0 && !check_only)
		ses_stack_invalidate(s); /* every frame of this thread is read again */
	return rc;
}
