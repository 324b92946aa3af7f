/* logpoints.c: breakpoints that print a line and let the program go on: gdb's
 * `dprintf LOCATION,"FORMAT",ARG...` (C expressions through a printf format) and
 * `logpoint LOCATION MESSAGE` ({EXPR} parts evaluated, in C or C#). The session does the work
 * at each hit (session/bplog.c); the line comes back as a SES_NOTE_LOG note. */
#include "cli/cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Sets a breakpoint at spec that logs text; prints what was set, with word ("Dprintf") in
 * place of the session's "Breakpoint". */
static int set_logging(struct cli *c, const char *spec, enum ses_bp_log kind, const char *text,
		       const char *word)
{
	char msg[1024];
	int id;
	struct mx_err err;
	if (ses_break(c->ses, spec, false, &id, msg, sizeof(msg), &err) != 0)
		return cli_error("%s", err.msg);
	if (ses_break_log(c->ses, id, kind, text, &err) != 0) {
		ses_break_delete(c->ses, id, NULL);
		return cli_error("%s", err.msg);
	}
	static const char bp_word[] = "Breakpoint";
	if (strncmp(msg, bp_word, strlen(bp_word)) == 0)
		printf("%s%s\n", word, msg + strlen(bp_word));
	else
		printf("%s\n", msg);
	return 0;
}

int cli_cmd_dprintf(struct cli *c, const char *args)
{
	const char *comma = strchr(args, ',');
	if (!comma || comma == args)
		return cli_error("Usage: dprintf LOCATION,\"FORMAT\",ARG... (a location, then a "
				 "comma and the format)");
	char *spec = xstrndup(args, (size_t)(comma - args));
	for (size_t n = strlen(spec); n && isspace((unsigned char)spec[n - 1]); n--)
		spec[n - 1] = 0;
	int rc = set_logging(c, spec, SES_LOG_PRINTF, comma + 1, "Dprintf");
	free(spec);
	return rc;
}

int cli_cmd_logpoint(struct cli *c, const char *args)
{
	const char *end = args;
	while (*end && !isspace((unsigned char)*end))
		end++;
	const char *msg = end;
	while (isspace((unsigned char)*msg))
		msg++;
	if (end == args || !*msg)
		return cli_error(
		    "Usage: logpoint LOCATION MESSAGE (MESSAGE may hold {EXPRESSION}s)");
	char *spec = xstrndup(args, (size_t)(end - args));
	int rc = set_logging(c, spec, SES_LOG_MESSAGE, msg, "Logpoint");
	free(spec);
	return rc;
}
