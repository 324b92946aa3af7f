/* dap_sources.c: the protocol's Source objects and the `source` request. A source file that
 * is not on this machine but whose text an assembly's PDB embeds gets a sourceReference (it
 * keeps its path and name): the client then asks for its text with `source`. References are
 * numbered from 1 per connection, one per path, and stay valid while the connection lasts. */
#include "dap/dap_conn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_utf8.h"
#include "util/xalloc.h"

static int ref_of(struct dap_conn *c, const char *path)
{
	for (size_t i = 0; i < c->nsource_refs; i++)
		if (strcmp(c->source_refs[i], path) == 0)
			return (int)i + 1;
	return 0;
}

/* The reference of a file that is missing but embedded; 0 for any other. */
static int source_ref(struct dap_conn *c, const char *path)
{
	int ref = ref_of(c, path);
	if (ref || access(path, F_OK) == 0)
		return ref;
	char *text;
	size_t len;
	struct mx_err err;
	if (ses_source_embedded(c->ses, path, &text, &len, &err) != 1)
		return 0;
	free(text);
	xgrow((void **)&c->source_refs, &c->cap_source_refs, c->nsource_refs + 1,
	      sizeof(*c->source_refs));
	c->source_refs[c->nsource_refs++] = xstrdup(path);
	return (int)c->nsource_refs;
}

json_t *dap_source_json(struct dap_conn *c, const char *path)
{
	json_t *s = json_object();
	json_object_set_new(s, "name", dap_jstr(dap_basename(path)));
	json_object_set_new(s, "path", dap_jstr(path));
	int ref = source_ref(c, path);
	if (ref) {
		json_object_set_new(s, "sourceReference", json_integer(ref));
		/* the text comes from the debugger, not from the file */
		json_object_set_new(s, "origin", json_string("embedded in the PDB"));
	}
	return s;
}

static const char *mime_type(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && strcmp(dot, ".cs") == 0)
		return "text/x-csharp";
	if (dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0))
		return "text/x-c";
	return "text/plain";
}

/* The text as a JSON string: valid UTF-8, without the byte order mark editors save C# with. */
static json_t *text_json(const char *text, size_t len)
{
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	json_t *v = json_stringn(text, len);
	if (v)
		return v;
	size_t n;
	char *clean = dap_utf8_clean(text, len, &n);
	v = json_stringn(clean, n);
	free(clean);
	return v ? v : json_string("");
}

static void respond_text(struct dap_conn *c, struct dap_req *r, const char *path, const char *text,
			 size_t len)
{
	json_t *body = json_object();
	json_object_set_new(body, "content", text_json(text, len));
	json_object_set_new(body, "mimeType", json_string(mime_type(path)));
	dap_respond(&c->out, r, body);
}

/* A file on disk, whole (up to 64 MiB). */
static int read_file(const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 16, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= (64u << 20))
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		free(buf);
		errno = EIO;
		return -1;
	}
	*text = buf;
	*len = n;
	return 0;
}

void dap_cmd_source(struct dap_conn *c, struct dap_req *r)
{
	json_int_t ref = 0, inner_ref = 0;
	json_t *src = json_object_get(r->args, "source");
	const char *path = NULL;
	dap_arg_int(r, r->args, "sourceReference", false, &ref);
	if (src && json_is_object(src)) {
		dap_arg_int(r, src, "sourceReference", false, &inner_ref);
		path = dap_arg_str(r, src, "path", false);
	}
	if (dap_bad_args(c, r))
		return;
	if (inner_ref > 0)
		ref = inner_ref; /* the protocol prefers source.sourceReference */
	if (ref > 0) {
		if ((size_t)ref > c->nsource_refs) {
			dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
					  "There is no source with reference %lld (references "
					  "come with stack frames, breakpoints and loadedSources).",
					  (long long)ref);
			return;
		}
		path = c->source_refs[ref - 1];
	} else if (!path) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_MALFORMED,
				  "source: a sourceReference or a source path is required.");
		return;
	}
	char *text = NULL;
	size_t len = 0;
	if (read_file(path, &text, &len) == 0) {
		respond_text(c, r, path, text, len);
		free(text);
		return;
	}
	int open_errno = errno;
	struct mx_err err = {0};
	int rc = ses_source_embedded(c->ses, path, &text, &len, &err);
	if (rc == 1) {
		respond_text(c, r, path, text, len);
		free(text);
	} else if (rc < 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER,
				  "Cannot show %s: its embedded text is unreadable: %s", path,
				  err.msg);
	} else {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER,
				  "Cannot show %s: %s, and no loaded module embeds its text.", path,
				  strerror(open_errno));
	}
}

void dap_sources_free(struct dap_conn *c)
{
	for (size_t i = 0; i < c->nsource_refs; i++)
		free(c->source_refs[i]);
	free(c->source_refs);
	c->source_refs = NULL;
	c->nsource_refs = c->cap_source_refs = 0;
}
