/* print.c: how the command line shows stops, exits, threads and locations (gdb's wording
 * where gdb has one). */
#include "cli/cli.h"

#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "proto/proto.h"
#include "util/xalloc.h"

int cli_error(const char *fmt, ...)
{
	fflush(stdout);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	return -1;
}

void cli_free_source(struct cli *c)
{
	for (size_t i = 0; i < c->src_nlines; i++)
		free(c->src_lines[i]);
	free(c->src_lines);
	c->src_lines = NULL;
	c->src_nlines = 0;
	c->last_src_file[0] = 0;
}

/* Splits text (len bytes) into the cache's lines, without their "\n" or "\r\n". */
static void cache_lines(struct cli *c, const char *text, size_t len)
{
	size_t n = 0;
	for (size_t start = 0; start < len;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len, cut = end;
		if (cut > start && text[cut - 1] == '\r')
			cut--;
		c->src_lines = xrealloc(c->src_lines, (n + 1) * sizeof(char *));
		c->src_lines[n++] = xstrndup(text + start, cut - start);
		start = end + 1;
	}
	c->src_nlines = n;
}

/* Loads file into the cache: from disk, else from the PDB of a loaded assembly that embeds
 * it (a C# program built with EmbedAllSources, run where its sources are not). */
static void load_source(struct cli *c, const char *file)
{
	FILE *f = fopen(file, "r");
	if (f) {
		char *buf = NULL;
		size_t cap = 0, n = 0;
		ssize_t len;
		while ((len = getline(&buf, &cap, f)) >= 0) {
			if (len && buf[len - 1] == '\n')
				buf[len - 1] = 0;
			c->src_lines = xrealloc(c->src_lines, (n + 1) * sizeof(char *));
			c->src_lines[n++] = xstrdup(buf);
		}
		free(buf);
		fclose(f);
		c->src_nlines = n;
		return;
	}
	char *text = NULL;
	size_t len = 0;
	struct mx_err err;
	if (!ses_has_process(c->ses) || ses_source_embedded(c->ses, file, &text, &len, &err) != 1)
		return;
	/* the compiler keeps the file's bytes, UTF-8 byte order mark included */
	size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	cache_lines(c, text + bom, len - bom);
	free(text);
}

const char *cli_source_line(struct cli *c, const char *file, int line)
{
	if (strcmp(file, c->last_src_file) != 0) {
		cli_free_source(c);
		snprintf(c->last_src_file, sizeof(c->last_src_file), "%s", file);
		load_source(c, file);
		if (!c->src_nlines) /* try again later (an assembly may embed it once loaded) */
			c->last_src_file[0] = 0;
	}
	if (line < 1 || (size_t)line > c->src_nlines)
		return NULL;
	return c->src_lines[line - 1];
}

size_t cli_source_nlines(struct cli *c, const char *file)
{
	cli_source_line(c, file, 1);
	return c->src_nlines;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* "hot () at loop.c:5" or "0x... in puts () from /lib/.../libc.so.6" */
static void format_location(struct cli *c, uint64_t pc, bool at_line_start, char *buf, size_t len)
{
	struct ses_where w;
	ses_describe(c->ses, pc, &w);
	char prefix[64] = "";
	if (!at_line_start || !w.file[0] || !w.line_start)
		snprintf(prefix, sizeof(prefix), "0x%016" PRIx64 " in ", pc);
	if (w.file[0])
		snprintf(buf, len, "%s%s () at %s:%d", prefix, w.func[0] ? w.func : "??",
			 base_name(w.file), w.line);
	else if (w.module[0])
		snprintf(buf, len, "%s%s () from %s", prefix, w.func[0] ? w.func : "??", w.module);
	else
		snprintf(buf, len, "%s?? ()", prefix);
}

void cli_print_location(struct cli *c, uint64_t pc, bool with_source)
{
	char loc[1200];
	struct ses_where w;
	ses_describe(c->ses, pc, &w);
	/* at a breakpoint on a line's first instruction gdb omits the address */
	format_location(c, pc, with_source, loc, sizeof(loc));
	printf("%s\n", loc);
	if (with_source && w.file[0]) {
		const char *text = cli_source_line(c, w.file, w.line);
		if (text)
			printf("%d\t%s\n", w.line, text);
	}
}

/* A managed location: "Ns.Type.Method () at Program.cs:12" and the source line. */
void cli_print_where(struct cli *c, const struct ses_where *w, bool with_source)
{
	printf("%s ()", w->func[0] ? w->func : "??");
	if (w->file[0])
		printf(" at %s:%d\n", base_name(w->file), w->line);
	else if (w->module[0])
		printf(" from %s\n", w->module);
	else
		printf("\n");
	if (with_source && w->file[0]) {
		const char *text = cli_source_line(c, w->file, w->line);
		if (text)
			printf("%d\t%s\n", w->line, text);
	}
}

/* gdb's frame number: "#0  ", "#10 ", "#100 " (always a blank after the number) */
static void print_level(int level)
{
	printf("#%-3d%s", level, level >= 100 ? " " : "");
}

void cli_print_frame(struct cli *c, int level, const struct ses_frame *f, bool with_source)
{
	if (f->managed) {
		print_level(level);
		if (f->label[0])
			printf("%s\n", f->label);
		else
			cli_print_where(c, &f->where, with_source);
		return;
	}
	if (f->inline_depth > 0) {
		/* the frame of an inlined call's caller: no address of its own (gdb) */
		print_level(level);
		cli_print_where(c, &f->where, with_source);
		return;
	}
	struct ses_where w;
	ses_describe(c->ses, f->lookup_pc, &w);
	print_level(level);
	if (level > 0 || !w.file[0] || !w.line_start)
		printf("0x%016" PRIx64 " in ", f->pc);
	printf("%s ()", w.func[0] ? w.func : "??");
	if (w.file[0])
		printf(" at %s:%d\n", base_name(w.file), w.line);
	else if (w.module[0])
		printf(" from %s\n", w.module);
	else
		printf("\n");
	if (with_source && w.file[0]) {
		const char *text = cli_source_line(c, w.file, w.line);
		if (text)
			printf("%d\t%s\n", w.line, text);
	}
}

static const char *thread_name(struct cli *c, pid_t tid)
{
	for (size_t i = 0; i < ses_thread_count(c->ses); i++) {
		const struct ses_thread *t = ses_thread_at(c->ses, i);
		if (t->tid == tid)
			return t->name;
	}
	return "";
}

static void print_stop(struct cli *c, const struct ses_stop *st)
{
	const char *name = thread_name(c, st->tid);
	c->list_file[0] = 0; /* `list` starts again around the new location */
	printf("\n");
	switch (st->kind) {
	case SES_STOP_BREAKPOINT:
		printf("Thread %d \"%s\" hit %s %d, ", st->thread_num, name,
		       st->bp_temporary ? "Temporary breakpoint" : "Breakpoint", st->bp_id);
		if (st->managed)
			cli_print_where(c, &st->where, true);
		else
			cli_print_location(c, st->pc, true);
		break;
	case SES_STOP_EXCEPTION:
		printf("Thread %d \"%s\" stopped on %s exception %s\n", st->thread_num, name,
		       st->exc_unhandled	? "an unhandled"
		       : st->exc_user_unhandled ? "a user-unhandled"
						: "a thrown",
		       st->exc_text);
		cli_print_where(c, &st->where, true);
		break;
	case SES_STOP_WATCH: {
		const struct ses_watch *w = NULL;
		for (size_t i = 0; i < ses_watch_count(c->ses); i++)
			if (ses_watch_at(c->ses, i)->id == st->watch_id)
				w = ses_watch_at(c->ses, i);
		const char *what = !w || w->kind == SES_WATCH_WRITE ? "Hardware watchpoint"
				   : w->kind == SES_WATCH_READ
				       ? "Hardware read watchpoint"
				       : "Hardware access (read/write) watchpoint";
		printf("Thread %d \"%s\" hit %s %d: %s\n\n", st->thread_num, name, what,
		       st->watch_id, w ? w->expr : "?");
		if (st->watch_old != st->watch_new)
			printf("Old value = %" PRId64 "\nNew value = %" PRId64 "\n",
			       (int64_t)st->watch_old, (int64_t)st->watch_new);
		else
			printf("Value = %" PRId64 "\n", (int64_t)st->watch_new);
		cli_print_location(c, st->pc, false);
		break;
	}
	case SES_STOP_SIGNAL:
		printf("Thread %d \"%s\" received signal %s, %s.\n", st->thread_num, name,
		       ses_signal_name(st->signo), ses_signal_desc(st->signo));
		if (st->signo == SIGSEGV || st->signo == SIGBUS || st->signo == SIGFPE ||
		    st->signo == SIGILL)
			printf("Faulting address: 0x%" PRIx64 "\n", st->fault_addr);
		cli_print_location(c, st->pc, false);
		break;
	case SES_STOP_INTERRUPT:
		printf("Thread %d \"%s\" stopped.\n", st->thread_num, name);
		if (st->managed)
			cli_print_where(c, &st->where, true);
		else
			cli_print_location(c, st->pc, false);
		break;
	case SES_STOP_STEP:
		if (st->managed && !st->line_step)
			printf("IL_%04x in ", st->il); /* stepi: where in the line's IL */
		if (st->managed)
			cli_print_where(c, &st->where, true);
		else
			cli_print_location(c, st->pc, st->line_step);
		break;
	case SES_STOP_EXITED:
		break;
	}
}

static void print_exit(const struct ses_stop *st)
{
	if (st->exit_unknown)
		printf("[Inferior 1 (process %d) exited; its exit status is unknown (an attached "
		       "process, not traced)]\n",
		       (int)st->pid);
	else if (st->exit_signo)
		printf("\nProgram terminated with signal %s, %s.\n[Inferior 1 (process %d) "
		       "killed by signal %s]\n",
		       ses_signal_name(st->exit_signo), ses_signal_desc(st->exit_signo),
		       (int)st->pid, ses_signal_name(st->exit_signo));
	else if (st->exit_code)
		printf("[Inferior 1 (process %d) exited with code %d]\n", (int)st->pid,
		       st->exit_code);
	else
		printf("[Inferior 1 (process %d) exited normally]\n", (int)st->pid);
}

void cli_notify(void *ctx, const struct ses_note *n)
{
	struct cli *c = ctx;
	switch (n->kind) {
	case SES_NOTE_STOPPED:
		c->last_stop_was_step = n->stop->kind == SES_STOP_STEP;
		if (!(c->quiet_steps && c->last_stop_was_step))
			print_stop(c, n->stop);
		break;
	case SES_NOTE_EXITED:
		print_exit(n->stop);
		break;
	case SES_NOTE_THREAD_NEW:
		printf("[New Thread %d (thread %d)]\n", (int)n->tid, n->thread_num);
		break;
	case SES_NOTE_THREAD_EXIT:
		printf("[Thread %d (thread %d) exited]\n", (int)n->tid, n->thread_num);
		break;
	case SES_NOTE_SIGNAL:
		printf("\nThread %d \"%s\" received signal %s, %s.\n", n->thread_num,
		       thread_name(c, n->tid), ses_signal_name(n->signo),
		       ses_signal_desc(n->signo));
		break;
	case SES_NOTE_LIBRARY_LOAD:
	case SES_NOTE_LIBRARY_UNLOAD:
		break;
	case SES_NOTE_BP_RESOLVED:
		printf("%s\n", n->text);
		break;
	case SES_NOTE_MESSAGE:
	case SES_NOTE_LOG: /* a logpoint's or dprintf's line */
		printf("%s\n", n->text);
		break;
	case SES_NOTE_EXEC:
		printf("process %d is executing new program: %s\n", (int)ses_pid(c->ses), n->text);
		break;
	}
	fflush(stdout);
}
