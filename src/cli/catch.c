/* catch.c: the commands over managed exceptions: `catch` (which exceptions stop),
 * `info catch` and `info exception` (the exception a thread stopped for, with its inner
 * exceptions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char *skip_blanks(const char *s)
{
	return s + strspn(s, " \t");
}

int cli_cmd_catch(struct cli *c, const char *args)
{
	args = skip_blanks(args);
	size_t wl = strcspn(args, " \t");
	const char *rest = skip_blanks(args + wl);
	if (!wl)
		return cli_error("Usage: catch throw|user-unhandled [TYPE...] [!TYPE...] | catch "
				 "off");
	if (wl == 3 && strncmp(args, "off", 3) == 0) {
		if (*rest)
			return cli_error("`catch off` takes no arguments (it clears every "
					 "exception catchpoint), not \"%s\".",
					 rest);
		ses_catch_off(c->ses);
		printf("No longer stopping at thrown or user-unhandled exceptions (unhandled "
		       "ones still stop).\n");
		return 0;
	}
	enum ses_catch_kind kind;
	if (wl == 5 && strncmp(args, "throw", 5) == 0)
		kind = SES_CATCH_THROW;
	else if (wl == 14 && strncmp(args, "user-unhandled", 14) == 0)
		kind = SES_CATCH_USER_UNHANDLED;
	else
		return cli_error("Unknown catch event \"%.*s\": \"throw\" (managed exceptions when "
				 "thrown) and \"user-unhandled\" (thrown in user code, caught "
				 "outside it) are supported.",
				 (int)wl, args);
	struct mx_err err;
	if (ses_catch_set(c->ses, kind, rest, &err) != 0)
		return cli_error("%s", err.msg);
	char what[1024];
	ses_catch_describe(c->ses, kind, what, sizeof(what));
	printf("Catchpoint: stop when %s: %s.\n",
	       kind == SES_CATCH_THROW ? "thrown" : "user-unhandled", what);
	return 0;
}

int cli_cmd_info_catch(struct cli *c, const char *args)
{
	(void)args;
	char what[1024];
	printf("Managed exceptions that stop:\n");
	if (ses_catch_describe(c->ses, SES_CATCH_THROW, what, sizeof(what)))
		printf("  %-15s %s\n", "thrown", what);
	if (ses_catch_describe(c->ses, SES_CATCH_USER_UNHANDLED, what, sizeof(what)))
		printf("  %-15s %s\n", "user-unhandled", what);
	printf("  %-15s %s\n", "unhandled", "every exception (always)");
	return 0;
}

static void print_desc(const char *prefix, const struct ses_exc_desc *d)
{
	printf("%s%s%s%s", prefix, d->type, d->has_message ? ": " : "", d->message);
	if (d->aggregate_count >= 0)
		printf(" (%d inner exception%s%s)", d->aggregate_count,
		       d->aggregate_count == 1 ? "" : "s",
		       d->aggregate_count > 1 ? ", the first below" : "");
	printf("\n");
}

int cli_cmd_info_exception(struct cli *c, const char *args)
{
	(void)args;
	struct ses_exc_info *info = malloc(sizeof(*info));
	if (!info)
		return cli_error("out of memory");
	struct mx_err err;
	if (ses_exception_info(c->ses, info, &err) != 0) {
		free(info);
		return cli_error("%s", err.msg);
	}
	print_desc("", &info->exc);
	for (size_t i = 0; i < info->ninner; i++)
		print_desc("  inner: ", &info->inner[i]);
	if (info->more_inner)
		printf("  inner: ... (more)\n");
	if (info->stack_trace[0])
		printf("Stack trace saved in the exception:\n%s\n", info->stack_trace);
	free(info);
	return 0;
}
