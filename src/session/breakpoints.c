/* breakpoints.c: user breakpoints: specs, resolution to locations in every loaded module,
 * insertion through the tracer, pending breakpoints bound when a library loads.
 *
 * A breakpoint is a spec (FUNC, FILE:LINE, LINE, *ADDR) plus the locations it resolved to.
 * Each is a tracer "group" with the breakpoint's number, so hit and ignore counts live in the
 * tracer, next to the hits (an ignored hit costs no round trip to the session).
 */
#include "csx/csx.h"
#include "session/ses_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

enum spec_kind { SPEC_FUNC, SPEC_LINE, SPEC_ADDR };

struct spec {
	enum spec_kind kind;
	char name[512]; /* function, or file for SPEC_LINE ("" = default file) */
	int line;
	uint64_t addr;
};

static bool all_digits(const char *p)
{
	if (!*p)
		return false;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

static bool is_identifier(const char *p)
{
	if (!*p || !(isalpha((unsigned char)*p) || *p == '_'))
		return false;
	for (; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '@'))
			return false;
	return true;
}

static int parse_line(const char *p, const char *spec, int *line, struct mx_err *err)
{
	char *end;
	errno = 0;
	long v = strtol(p, &end, 10);
	if (errno || *end || v <= 0 || v > 10000000)
		return mx_err_set(err, "bad line number '%s' in breakpoint location '%s'", p, spec);
	*line = (int)v;
	return 0;
}

static int parse_spec(struct ses *s, const char *spec, struct spec *out, struct mx_err *err)
{
	memset(out, 0, sizeof(*out));
	if (!*spec)
		return mx_err_set(err,
				  "a breakpoint location is required (FUNCTION, FILE:LINE, LINE "
				  "or *ADDRESS)");
	if (strlen(spec) >= sizeof(out->name))
		return mx_err_set(err, "breakpoint location too long");
	if (spec[0] == '*') {
		const char *p = spec + 1;
		while (isspace((unsigned char)*p))
			p++;
		char *end;
		errno = 0;
		unsigned long long a = strtoull(p, &end, 0);
		if (!errno && *p && !*end) {
			out->kind = SPEC_ADDR;
			out->addr = a;
			return 0;
		}
		if (is_identifier(p) && s->pid && ses_lookup_symbol(s, p, &out->addr) == 0) {
			out->kind = SPEC_ADDR;
			return 0;
		}
		return mx_err_set(err, "bad address '%s' in breakpoint location '%s'", p, spec);
	}
	const char *colon = strrchr(spec, ':');
	if (colon) {
		if (colon == spec)
			return mx_err_set(err, "missing file name in breakpoint location '%s'",
					  spec);
		out->kind = SPEC_LINE;
		memcpy(out->name, spec, (size_t)(colon - spec));
		if (!all_digits(colon + 1))
			return mx_err_set(err,
					  "malformed breakpoint location '%s': expected FILE:LINE "
					  "with a line number",
					  spec);
		return parse_line(colon + 1, spec, &out->line, err);
	}
	if (all_digits(spec)) {
		out->kind = SPEC_LINE;
		return parse_line(spec, spec, &out->line, err);
	}
	if (!is_identifier(spec))
		return mx_err_set(
		    err,
		    "malformed breakpoint location '%s': expected FUNCTION, FILE:LINE, "
		    "LINE or *ADDRESS",
		    spec);
	out->kind = SPEC_FUNC;
	snprintf(out->name, sizeof(out->name), "%s", spec);
	return 0;
}

/* The file a bare LINE refers to: the current stop's file, else main's. */
static void default_file(struct ses *s, struct nat_syms *syms, char *buf, size_t len)
{
	buf[0] = 0;
	if (s->pid && s->last_stop_pc) {
		struct nat_addrinfo ai = {0};
		if (nat_syms_addr_info(syms, s->last_stop_pc, &ai) == 0 && ai.file)
			snprintf(buf, len, "%s", ai.file);
		nat_addrinfo_clear(&ai);
		if (buf[0])
			return;
	}
	struct nat_loc_list l = {0};
	if (nat_syms_find_function(syms, NULL, "main", &l) > 0 && l.v[0].file)
		snprintf(buf, len, "%s", l.v[0].file);
	nat_loc_list_clear(&l);
}

static int resolve(struct ses *s, struct nat_syms *syms, const struct nat_module *m,
		   const struct spec *sp, struct nat_loc_list *out)
{
	if (sp->kind == SPEC_FUNC)
		return nat_syms_find_function(syms, m, sp->name, out);
	if (sp->kind == SPEC_LINE) {
		char file[512];
		if (sp->name[0])
			snprintf(file, sizeof(file), "%s", sp->name);
		else
			default_file(s, syms, file, sizeof(file));
		if (!file[0])
			return 0;
		return nat_syms_find_line(syms, m, file, sp->line, out);
	}
	return 0;
}

int ses_insert_raw(struct ses *s, uint64_t addr, uint32_t group, uint32_t flags, uint8_t *orig)
{
	struct tr_bp req = {.addr = addr, .group = group, .flags = flags};
	struct tr_msg rep;
	if (ses_call(s, TR_REQ_BP_INSERT, &req, sizeof(req), &rep, NULL) != 0)
		return -1;
	struct tr_bp_inserted ins = {0};
	if (rep.hdr.len >= sizeof(ins))
		memcpy(&ins, rep.payload, sizeof(ins));
	tr_msg_free(&rep);
	*orig = ins.orig;
	return 0;
}

static void remove_raw(struct ses *s, uint64_t addr, uint32_t group)
{
	struct tr_bp req = {.addr = addr, .group = group};
	ses_call(s, TR_REQ_BP_REMOVE, &req, sizeof(req), NULL, NULL);
}

static void insert_loc(struct ses *s, struct ses_bp *bp, struct ses_bp_loc *l)
{
	if (!s->pid || l->inserted || !bp->enabled)
		return;
	if (ses_insert_raw(s, l->addr, (uint32_t)bp->id, 0, &l->orig) == 0)
		l->inserted = true;
}

static void add_locs(struct ses *s, struct ses_bp *bp, const struct nat_loc_list *ll)
{
	for (size_t i = 0; i < ll->n; i++) {
		const struct nat_loc *nl = &ll->v[i];
		bool dup = false;
		for (size_t j = 0; j < bp->nlocs && !dup; j++)
			dup = bp->locs[j].addr == nl->addr;
		if (dup)
			continue;
		xgrow((void **)&bp->locs, &bp->cap_locs, bp->nlocs + 1, sizeof(*bp->locs));
		struct ses_bp_loc *l = &bp->locs[bp->nlocs++];
		memset(l, 0, sizeof(*l));
		l->addr = nl->addr;
		ses_describe(s, nl->addr, &l->where);
		snprintf(l->module, sizeof(l->module), "%s",
			 nl->module ? nat_module_path(nl->module) : "");
		insert_loc(s, bp, l);
	}
}

const char *ses_bp_word(const struct ses_bp *bp)
{
	if (bp->log_kind == SES_LOG_PRINTF)
		return "Dprintf";
	if (bp->log_kind == SES_LOG_MESSAGE)
		return "Logpoint";
	return bp->temporary ? "Temporary breakpoint" : "Breakpoint";
}

static void describe_locs(const struct ses_bp *bp, char *msg, size_t len)
{
	const char *what = ses_bp_word(bp);
	if (bp->nlocs == 1) {
		const struct ses_where *w = &bp->locs[0].where;
		if (w->file[0])
			snprintf(msg, len, "%s %d at 0x%" PRIx64 ": file %s, line %d.", what,
				 bp->id, bp->locs[0].addr, w->file, w->line);
		else if (w->func[0])
			snprintf(msg, len, "%s %d at 0x%" PRIx64 " (%s)", what, bp->id,
				 bp->locs[0].addr, w->func);
		else
			snprintf(msg, len, "%s %d at 0x%" PRIx64, what, bp->id, bp->locs[0].addr);
	} else {
		snprintf(msg, len, "%s %d at %s: %zu locations.", what, bp->id, bp->spec,
			 bp->nlocs);
	}
}

/* The .NET runtime's own libraries (its shared framework folder): a breakpoint by name or
 * line is never bound there, so the runtime's code is not disturbed (and its symbols not
 * searched) unless the user gives an address. */
static bool is_runtime_library(const struct nat_module *m)
{
	const char *path = m ? nat_module_path(m) : NULL;
	return path && strstr(path, "/shared/Microsoft.NETCore.App/") != NULL;
}

void ses_bp_resolve_in(struct ses *s, struct ses_bp *bp, const struct nat_module *m, bool notify)
{
	if (!bp->native || is_runtime_library(m))
		return; /* managed only */
	struct spec sp;
	if (parse_spec(s, bp->spec, &sp, NULL) != 0 || sp.kind == SPEC_ADDR)
		return;
	struct nat_loc_list ll = {0};
	size_t before = bp->nlocs;
	if (resolve(s, s->syms, m, &sp, &ll) > 0)
		add_locs(s, bp, &ll);
	nat_loc_list_clear(&ll);
	if (notify && bp->nlocs > before) {
		char msg[1024];
		describe_locs(bp, msg, sizeof(msg));
		struct ses_note n = {.kind = SES_NOTE_BP_RESOLVED, .bp_id = bp->id, .text = msg};
		s->notify(s->notify_ctx, &n);
	}
}

void ses_bp_resolve_all_in(struct ses *s, const struct nat_module *m)
{
	for (size_t i = 0; i < s->nbps; i++)
		ses_bp_resolve_in(s, s->bps[i], m, true);
}

/* A module went away: its locations go with it (the int3 bytes left with the mapping). */
void ses_bp_drop_module(struct ses *s, const struct nat_module *m)
{
	const char *path = nat_module_path(m);
	for (size_t i = 0; i < s->nbps; i++) {
		struct ses_bp *bp = s->bps[i];
		for (size_t j = 0; j < bp->nlocs;) {
			struct ses_bp_loc *l = &bp->locs[j];
			if (strcmp(l->module, path) != 0) {
				j++;
				continue;
			}
			if (l->inserted)
				remove_raw(s, l->addr, (uint32_t)bp->id);
			bp->locs[j] = bp->locs[--bp->nlocs];
		}
	}
}

/* The process is gone: every breakpoint becomes pending again, except *ADDR ones, which keep
 * their address for the next run. */
void ses_bp_process_gone(struct ses *s)
{
	for (size_t i = 0; i < s->nbps; i++) {
		struct ses_bp *bp = s->bps[i];
		struct spec sp;
		bool addr = parse_spec(s, bp->spec, &sp, NULL) == 0 && sp.kind == SPEC_ADDR;
		if (!addr)
			bp->nlocs = 0;
		for (size_t j = 0; j < bp->nlocs; j++)
			bp->locs[j].inserted = false;
	}
}

void ses_bp_apply_ignores(struct ses *s)
{
	for (size_t i = 0; i < s->nbps; i++) {
		struct ses_bp *bp = s->bps[i];
		struct tr_group g = {.id = (uint32_t)bp->id, .ignore = bp->ignore};
		ses_call(s, TR_REQ_GROUP_SET, &g, sizeof(g), NULL, NULL);
		for (size_t j = 0; j < bp->nlocs; j++)
			insert_loc(s, bp, &bp->locs[j]);
	}
}

struct ses_bp *ses_bp_find(struct ses *s, int id)
{
	for (size_t i = 0; i < s->nbps; i++)
		if (s->bps[i]->id == id)
			return s->bps[i];
	return NULL;
}

static void bp_free(struct ses *s, struct ses_bp *bp)
{
	ses_managed_unbind(s, bp);
	free(bp->spec);
	free(bp->condition);
	ses_bp_log_free(bp);
	free(bp->locs);
	free(bp);
}

/* A breakpoint only in managed code (FILE.cs:LINE, Namespace.Type.Method): bound in every
 * loaded module now and in each module that loads later. */
static int break_managed(struct ses *s, const char *spec, bool temporary, int *id, char *msg,
			 size_t msglen, struct mx_err *err)
{
	const char *colon = strrchr(spec, ':');
	int line;
	if (colon && parse_line(colon + 1, spec, &line, err) != 0)
		return -1;
	struct ses_bp *bp = xcalloc(1, sizeof(*bp));
	bp->id = ++s->next_bp_id;
	bp->spec = xstrdup(spec);
	bp->temporary = temporary;
	bp->enabled = true;
	bp->managed = true;
	ses_managed_bind(s, bp);
	const char *what = temporary ? "Temporary breakpoint" : "Breakpoint";
	if (bp->nmlocs) {
		const struct ses_mloc *ml = &bp->mlocs[0];
		int n = snprintf(msg, msglen, "%s %d at %s: file %s, line %d.", what, bp->id,
				 ml->where.func, ml->where.file, ml->where.line);
		if (bp->nmlocs > 1 && n > 0 && (size_t)n < msglen)
			snprintf(msg + n, msglen - (size_t)n, " (%zu locations)", bp->nmlocs);
	} else if (bp->mbind_pending) {
		snprintf(msg, msglen,
			 "%s %d (%s): set in managed code when the program resumes (the runtime "
			 "takes no requests at a native stop).",
			 what, bp->id, spec);
	} else {
		snprintf(msg, msglen,
			 "%s %d (%s) pending: it binds when a module with that %s "
			 "loads.",
			 what, bp->id, spec, colon ? "source" : "method");
	}
	xgrow((void **)&s->bps, &s->cap_bps, s->nbps + 1, sizeof(*s->bps));
	s->bps[s->nbps++] = bp;
	if (id)
		*id = bp->id;
	return 0;
}

/* Whether the program is .NET (running, or judged from its files). */
static bool program_is_managed(struct ses *s)
{
	if (s->clr || ses_managed_wanted(s))
		return true;
	if (!s->program || s->native_only)
		return false;
	struct clr_app app;
	struct mx_err ignored;
	bool managed = clr_app_detect(s->program, s->nargs, s->args, &app, &ignored) == 0 &&
		       app.kind != CLR_APP_NONE;
	clr_app_free(&app);
	return managed;
}

int ses_break(struct ses *s, const char *spec, bool temporary, int *id, char *msg, size_t msglen,
	      struct mx_err *err)
{
	if (ses_spec_is_managed_only(spec) && program_is_managed(s))
		return break_managed(s, spec, temporary, id, msg, msglen, err);
	struct spec sp;
	if (parse_spec(s, spec, &sp, err) != 0)
		return -1;
	if (s->managed_only) {
		/* a bare name is a method here; anything else only binds in native code */
		if (sp.kind == SPEC_FUNC && program_is_managed(s))
			return break_managed(s, spec, temporary, id, msg, msglen, err);
		return mx_err_set(err,
				  "native breakpoints need mixed mode (set managed-only off): '%s' "
				  "binds in native code only",
				  spec);
	}
	struct ses_bp *bp = xcalloc(1, sizeof(*bp));
	bp->id = ++s->next_bp_id;
	bp->spec = xstrdup(spec);
	bp->temporary = temporary;
	bp->enabled = true;
	if (sp.kind == SPEC_ADDR) {
		if (s->pid) {
			uint8_t probe;
			if (ses_read_memory(s, sp.addr, &probe, 1, NULL) != 0) {
				s->next_bp_id--;
				bp_free(s, bp);
				return mx_err_set(err,
						  "cannot set a breakpoint at 0x%" PRIx64
						  ": the address is not mapped",
						  sp.addr);
			}
		}
		xgrow((void **)&bp->locs, &bp->cap_locs, 1, sizeof(*bp->locs));
		memset(&bp->locs[0], 0, sizeof(bp->locs[0]));
		bp->locs[0].addr = sp.addr;
		ses_describe(s, sp.addr, &bp->locs[0].where);
		bp->nlocs = 1;
		insert_loc(s, bp, &bp->locs[0]);
	} else if (s->pid) {
		struct nat_loc_list ll = {0};
		if (resolve(s, s->syms, NULL, &sp, &ll) > 0)
			add_locs(s, bp, &ll);
		nat_loc_list_clear(&ll);
	}
	const char *what = temporary ? "Temporary breakpoint" : "Breakpoint";
	if (bp->nlocs) {
		describe_locs(bp, msg, msglen);
	} else if (!s->pid && s->static_syms) {
		/* Not running yet: check the program file so a typo is caught now. */
		struct nat_loc_list ll = {0};
		int n = resolve(s, s->static_syms, NULL, &sp, &ll);
		if (n > 0 && ll.v[0].file)
			snprintf(msg, msglen, "%s %d at %s: file %s, line %d.", what, bp->id, spec,
				 ll.v[0].file, ll.v[0].line);
		else if (n > 0)
			snprintf(msg, msglen, "%s %d at %s.", what, bp->id, spec);
		else if (sp.kind == SPEC_FUNC)
			snprintf(msg, msglen,
				 "Function \"%s\" is not in %s; %s %d is pending until a library "
				 "that defines it loads.",
				 sp.name, s->program, what, bp->id);
		else
			snprintf(msg, msglen,
				 "No code for \"%s\" in %s; %s %d is pending until a library with "
				 "that source loads.",
				 spec, s->program, what, bp->id);
		nat_loc_list_clear(&ll);
	} else if (sp.kind == SPEC_FUNC) {
		snprintf(
		    msg, msglen,
		    "Function \"%s\" is not defined in any loaded module; %s %d is pending until "
		    "a library that defines it loads.",
		    sp.name, what, bp->id);
	} else {
		snprintf(
		    msg, msglen,
		    "No code for \"%s\" in any loaded module; %s %d is pending until a library "
		    "with that source loads.",
		    spec, what, bp->id);
	}
	bp->native = true;
	if (sp.kind == SPEC_FUNC && program_is_managed(s)) {
		/* a bare name may be a managed method too (Main) */
		bp->managed = true;
		ses_managed_bind(s, bp);
		if (bp->nmlocs && !bp->nlocs) {
			const struct ses_mloc *ml = &bp->mlocs[0];
			snprintf(msg, msglen, "%s %d at %s: file %s, line %d.", what, bp->id,
				 ml->where.func, ml->where.file, ml->where.line);
		} else if (!bp->nlocs) {
			snprintf(msg, msglen,
				 "%s %d (%s) pending: it binds when a module or library defining "
				 "it loads.",
				 what, bp->id, spec);
		}
	}
	xgrow((void **)&s->bps, &s->cap_bps, s->nbps + 1, sizeof(*s->bps));
	s->bps[s->nbps++] = bp;
	if (id)
		*id = bp->id;
	return 0;
}

size_t ses_bp_pcs(struct ses *s, int id, struct nat_syms **syms, uint64_t *pcs, size_t max)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return 0;
	size_t n = 0;
	if (bp->nlocs) {
		*syms = s->syms;
		for (size_t i = 0; i < bp->nlocs && n < max; i++)
			pcs[n++] = bp->locs[i].addr;
		return n;
	}
	struct spec sp;
	if (!s->static_syms || parse_spec(s, bp->spec, &sp, NULL) != 0 || sp.kind == SPEC_ADDR)
		return 0;
	struct nat_loc_list ll = {0};
	resolve(s, s->static_syms, NULL, &sp, &ll);
	for (size_t i = 0; i < ll.n && n < max; i++)
		pcs[n++] = ll.v[i].addr;
	nat_loc_list_clear(&ll);
	*syms = s->static_syms;
	return n;
}

int ses_break_delete(struct ses *s, int id, struct mx_err *err)
{
	for (size_t i = 0; i < s->nbps; i++) {
		struct ses_bp *bp = s->bps[i];
		if (bp->id != id)
			continue;
		for (size_t j = 0; j < bp->nlocs; j++)
			if (bp->locs[j].inserted && s->pid)
				remove_raw(s, bp->locs[j].addr, (uint32_t)bp->id);
		memmove(&s->bps[i], &s->bps[i + 1], (s->nbps - i - 1) * sizeof(*s->bps));
		s->nbps--;
		if (bp->condition)
			ses_cond_install(s, id, NULL, NULL);
		bp_free(s, bp);
		return 0;
	}
	if (ses_watch_delete(s, id) == 0)
		return 0;
	return mx_err_set(err, "No breakpoint number %d.", id);
}

void ses_break_delete_all(struct ses *s)
{
	while (s->nbps)
		ses_break_delete(s, s->bps[0]->id, NULL);
}

int ses_break_enable(struct ses *s, int id, bool enable, struct mx_err *err)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return mx_err_set(err, "No breakpoint number %d.", id);
	if (bp->enabled == enable)
		return 0;
	bp->enabled = enable;
	ses_managed_enable(s, bp, enable);
	for (size_t j = 0; j < bp->nlocs; j++) {
		struct ses_bp_loc *l = &bp->locs[j];
		if (enable) {
			insert_loc(s, bp, l);
		} else if (l->inserted) {
			remove_raw(s, l->addr, (uint32_t)bp->id);
			l->inserted = false;
		}
	}
	return 0;
}

int ses_break_ignore(struct ses *s, int id, uint32_t count, struct mx_err *err)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return mx_err_set(err, "No breakpoint number %d.", id);
	bp->ignore = count;
	if (s->pid) {
		struct tr_group g = {.id = (uint32_t)id, .ignore = count};
		if (ses_call(s, TR_REQ_GROUP_SET, &g, sizeof(g), NULL, err) != 0)
			return -1;
	}
	return 0;
}

int ses_break_condition(struct ses *s, int id, const char *cond, struct mx_err *err)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return mx_err_set(err, "No breakpoint number %d.", id);
	const char *expr = cond && *cond ? cond : NULL;
	if (expr && bp->managed && !bp->native) {
		/* a C# condition, tested by the session at each hit (managed.c); its syntax
		 * is checked now */
		struct csx_node *tree = NULL;
		if (csx_parse(expr, &tree, err) != 0)
			return -1;
		csx_free(tree);
	} else if (ses_cond_install(s, id, expr, err) != 0) {
		return -1;
	}
	free(bp->condition);
	bp->condition = expr ? xstrdup(expr) : NULL;
	return 0;
}

size_t ses_break_count(const struct ses *s)
{
	return s->nbps;
}

const struct ses_bp *ses_break_at(struct ses *s, size_t i)
{
	if (i >= s->nbps)
		return NULL;
	struct ses_bp *bp = s->bps[i];
	if (bp->managed && !bp->nlocs)
		return bp; /* managed hits are counted here, not in the tracer */
	{		   /* the tracer keeps the counts, also after the program exits */
		struct tr_group g = {.id = (uint32_t)bp->id};
		struct tr_msg rep = {.fd = -1};
		if (ses_call(s, TR_REQ_GROUP_GET, &g, sizeof(g), &rep, NULL) == 0) {
			if (rep.hdr.len >= sizeof(g)) {
				memcpy(&g, rep.payload, sizeof(g));
				bp->hits = g.hits;
				bp->traps = g.traps;
				bp->ignore = g.ignore;
			}
			tr_msg_free(&rep);
		}
	}
	return bp;
}
