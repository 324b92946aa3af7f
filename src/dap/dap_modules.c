/* dap_modules.c: the loaded modules (ELF objects and .NET assemblies) and their source files
 * (loadedSources). A module's id is its path, as in the module events. */
#include "dap/dap_conn.h"

#include <inttypes.h>
#include <stdio.h>

json_t *dap_module_json(const char *id, const char *path, bool managed, bool has_symbols,
			uint64_t lo, uint64_t hi)
{
	json_t *m = json_object();
	json_object_set_new(m, "id", dap_jstr(id));
	json_object_set_new(m, "name", dap_jstr(dap_basename(path)));
	json_object_set_new(m, "path", dap_jstr(path));
	json_object_set_new(m, "symbolStatus",
			    json_string(has_symbols
					    ? (managed ? "Symbols loaded (PDB)" : "Symbols loaded")
					    : "No symbols"));
	if (!managed && hi > lo) {
		char range[64];
		snprintf(range, sizeof(range), "0x%" PRIx64 "-0x%" PRIx64, lo, hi);
		json_object_set_new(m, "addressRange", json_string(range));
	}
	return m;
}

void dap_cmd_modules(struct dap_conn *c, struct dap_req *r)
{
	json_int_t start = 0, count = 0;
	dap_arg_int(r, r->args, "startModule", false, &start);
	dap_arg_int(r, r->args, "moduleCount", false, &count);
	if (dap_bad_args(c, r))
		return;
	size_t n = ses_module_count(c->ses);
	size_t from, to;
	dap_page(start, count, n, &from, &to);
	json_t *list = json_array();
	for (size_t i = from; i < to; i++) {
		struct ses_module_info m;
		ses_module_at(c->ses, i, &m);
		if (!m.path)
			continue;
		json_array_append_new(
		    list, dap_module_json(m.path, m.path, m.managed, m.has_dwarf, m.lo, m.hi));
	}
	json_t *body = json_object();
	json_object_set_new(body, "modules", list);
	json_object_set_new(body, "totalModules", json_integer((json_int_t)n));
	dap_respond(&c->out, r, body);
}

struct source_list {
	struct dap_conn *c;
	json_t *list;
	json_t *seen; /* path -> true */
};

static void add_source(void *ctx, const char *path)
{
	struct source_list *sl = ctx;
	if (json_object_get(sl->seen, path))
		return;
	json_object_set_new(sl->seen, path, json_true());
	json_array_append_new(sl->list, dap_source_json(sl->c, path));
}

void dap_cmd_loaded_sources(struct dap_conn *c, struct dap_req *r)
{
	if (dap_bad_args(c, r))
		return;
	struct source_list sl = {.c = c, .list = json_array(), .seen = json_object()};
	if (ses_has_process(c->ses))
		ses_sources(c->ses, add_source, &sl);
	json_decref(sl.seen);
	json_t *body = json_object();
	json_object_set_new(body, "sources", sl.list);
	dap_respond(&c->out, r, body);
}
