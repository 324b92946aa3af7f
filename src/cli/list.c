/* list.c: gdb's `list`: source lines around the selected frame's line, then the ten after
 * (`list` again) or before (`list -`); `list LINE` and `list FILE:LINE` center on a line. A
 * C# file that is not on disk is read from the PDB when the assembly embeds its source. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

enum { LIST_SIZE = 10 }; /* gdb's `set listsize` default */

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

struct file_match {
	const char *want; /* as the user wrote it */
	char found[512];
	int count;
};

/* A loaded module's source whose path ends with the name asked for (at a '/'). */
static void match_source(void *ctx, const char *path)
{
	struct file_match *m = ctx;
	size_t n = strlen(path), w = strlen(m->want);
	if (w > n || strcmp(path + n - w, m->want) != 0 || (w < n && path[n - w - 1] != '/'))
		return;
	if (m->count && strcmp(m->found, path) == 0)
		return;
	if (!m->count++)
		snprintf(m->found, sizeof(m->found), "%s", path);
}

/* The file the user named: a loaded module's source ending with that name, else the name
 * itself if it is a file on disk. */
static int resolve_file(struct cli *c, const char *name, char *out, size_t len)
{
	struct file_match m = {.want = name};
	if (ses_has_process(c->ses))
		ses_sources(c->ses, match_source, &m);
	if (m.count) {
		snprintf(out, len, "%s", m.found);
		return 0;
	}
	if (cli_source_nlines(c, name)) {
		snprintf(out, len, "%s", name);
		return 0;
	}
	return cli_error("No source file named %s.", name);
}

/* The selected frame's file and line. */
static int frame_line(struct cli *c, char *file, size_t len, int *line)
{
	const struct ses_thread *t = ses_current_thread(c->ses);
	const struct ses_frame *f;
	size_t n;
	struct mx_err err;
	if (!ses_has_process(c->ses) || !t || ses_backtrace(c->ses, t->tid, &f, &n, &err) != 0)
		return cli_error("No default source file (the program is not stopped): use list "
				 "FILE:LINE.");
	int level = ses_current_frame(c->ses);
	if (level < 0 || (size_t)level >= n)
		return cli_error("No frame selected.");
	struct ses_where w;
	if (f[level].managed)
		w = f[level].where;
	else
		ses_describe(c->ses, f[level].lookup_pc, &w);
	if (!w.file[0])
		return cli_error("No line information for the selected frame (%s).",
				 w.func[0] ? w.func : "??");
	snprintf(file, len, "%s", w.file);
	*line = w.line;
	return 0;
}

/* Shows lines first..last of file (clipped to the file), remembering them. */
static int show(struct cli *c, const char *file, int first, int last)
{
	size_t total = cli_source_nlines(c, file);
	if (!total)
		return cli_error("%s: the source is not on this machine and no loaded module "
				 "embeds it.",
				 file);
	if (first < 1)
		first = 1;
	if (first > (int)total)
		return cli_error("Line number %d out of range; \"%s\" has %zu lines.", first,
				 base_name(file), total);
	if (last > (int)total)
		last = (int)total;
	for (int l = first; l <= last; l++)
		printf("%d\t%s\n", l, cli_source_line(c, file, l));
	if (file != c->list_file)
		snprintf(c->list_file, sizeof(c->list_file), "%s", file);
	c->list_first = first;
	c->list_last = last;
	return 0;
}

/* Lines around line (gdb puts it sixth of ten). */
static int show_around(struct cli *c, const char *file, int line)
{
	int first = line - LIST_SIZE / 2 > 1 ? line - LIST_SIZE / 2 : 1;
	return show(c, file, first, first + LIST_SIZE - 1);
}

static int parse_line_number(const char *s, int *line)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 1 || v > 100000000)
		return -1;
	*line = (int)v;
	return 0;
}

int cli_cmd_list(struct cli *c, const char *args)
{
	char file[512];
	int line;
	if (!*args) {
		if (c->list_file[0]) /* the next ten */
			return show(c, c->list_file, c->list_last + 1, c->list_last + LIST_SIZE);
		if (frame_line(c, file, sizeof(file), &line) != 0)
			return -1;
		return show_around(c, file, line);
	}
	if (!strcmp(args, "-")) {
		if (!c->list_file[0])
			return cli_error("No previous listing: `list` first.");
		if (c->list_first <= 1)
			return cli_error("Already at the start of %s.", base_name(c->list_file));
		return show(c, c->list_file, c->list_first - LIST_SIZE, c->list_first - 1);
	}
	const char *colon = strrchr(args, ':');
	if (!colon) {
		if (parse_line_number(args, &line) != 0)
			return cli_error("Usage: list [LINE | FILE:LINE | -] (a line number, got "
					 "'%s').",
					 args);
		if (c->list_file[0])
			snprintf(file, sizeof(file), "%s", c->list_file);
		else if (frame_line(c, file, sizeof(file), &(int){0}) != 0)
			return -1;
		return show_around(c, file, line);
	}
	char name[512];
	snprintf(name, sizeof(name), "%.*s", (int)(colon - args), args);
	if (!name[0] || parse_line_number(colon + 1, &line) != 0)
		return cli_error("Usage: list FILE:LINE (a file and a line number, got '%s').",
				 args);
	if (resolve_file(c, name, file, sizeof(file)) != 0)
		return -1;
	return show_around(c, file, line);
}
