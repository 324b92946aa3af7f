/* control.c: commands that change where the program goes on: `jump` (set next statement,
 * then continue, as gdb's), `thread freeze` / `thread thaw` and `thread step-abandon`. */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static int parse_line(const char *s, int *line)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || end == s || *end || v < 1 || v > 0x7fffffff)
		return -1;
	*line = (int)v;
	return 0;
}

int cli_cmd_jump(struct cli *c, const char *args)
{
	if (!*args)
		return cli_error("Usage: jump LINE | FILE:LINE");
	char file[512] = "";
	int line = 0;
	const char *colon = strrchr(args, ':');
	if (colon) {
		snprintf(file, sizeof(file), "%.*s", (int)(colon - args), args);
		if (!file[0] || parse_line(colon + 1, &line) != 0)
			return cli_error("jump: '%s' is not LINE or FILE:LINE", args);
	} else if (parse_line(args, &line) != 0) {
		return cli_error("jump: '%s' is not LINE or FILE:LINE", args);
	}
	if (!ses_has_process(c->ses))
		return cli_error("The program is not being run.");
	struct ses_jump j;
	struct mx_err err;
	if (ses_set_next_statement(c->ses, file, line, false, &j, &err) != 0)
		return cli_error("%s", err.msg);
	if (j.warning[0])
		printf("warning: %s\n", j.warning);
	const char *base = strrchr(j.where.file, '/');
	base = base ? base + 1 : j.where.file;
	if (j.managed)
		printf("Continuing at %s (%s:%d, IL_%04x).\n", j.where.func, base, j.where.line,
		       j.il);
	else
		printf("Continuing at 0x%" PRIx64 " in %s (%s:%d).\n", j.pc, j.where.func, base,
		       j.where.line);
	fflush(stdout);
	if (ses_continue(c->ses, &err) != 0)
		return cli_error("%s", err.msg);
	return 0;
}

/* `thread freeze|thaw [N...|all]`: without N, the current thread. */
static int freeze_cmd(struct cli *c, const char *args, bool freeze)
{
	const char *verb = freeze ? "freeze" : "thaw";
	if (!ses_has_process(c->ses))
		return cli_error("No threads (the program is not being run).");
	int nums[256];
	size_t nn = 0;
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t")) {
		int v;
		if (!strcmp(tok, "all")) {
			for (size_t i = 0; i < ses_thread_count(c->ses) && nn < 256; i++) {
				const struct ses_thread *t = ses_thread_at(c->ses, i);
				if (t->frozen != freeze)
					nums[nn++] = t->num;
			}
		} else if (parse_line(tok, &v) == 0) {
			if (nn < 256)
				nums[nn++] = v;
		} else {
			return cli_error(
			    "Usage: thread %s [N...|all] ('%s' is not a thread number)", verb, tok);
		}
	}
	if (!*args) {
		const struct ses_thread *t = ses_current_thread(c->ses);
		if (!t)
			return cli_error("No thread selected.");
		nums[nn++] = t->num;
	}
	if (!nn)
		printf("No thread to %s.\n", verb);
	int rc = 0;
	for (size_t i = 0; i < nn; i++) {
		struct mx_err err;
		if (ses_thread_freeze(c->ses, nums[i], freeze, &err) != 0) {
			rc = cli_error("%s", err.msg);
			continue;
		}
		printf("Thread %d %s.\n", nums[i], freeze ? "frozen" : "thawed");
	}
	return rc;
}

int cli_cmd_thread_freeze(struct cli *c, const char *args)
{
	return freeze_cmd(c, args, true);
}

int cli_cmd_thread_thaw(struct cli *c, const char *args)
{
	return freeze_cmd(c, args, false);
}

/* `thread step-abandon`: the interrupted step (session/step_pending.c) is dropped. */
int cli_cmd_thread_step_abandon(struct cli *c, const char *args)
{
	if (*args)
		return cli_error("Usage: thread step-abandon (takes no argument, got '%s')", args);
	if (!ses_has_process(c->ses))
		return cli_error("The program is not being run.");
	int num;
	struct mx_err err;
	if (ses_step_abandon(c->ses, &num, &err) != 0)
		return cli_error("%s", err.msg);
	printf("Thread %d's interrupted step abandoned.\n", num);
	return 0;
}
