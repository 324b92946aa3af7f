/* call.c: `call EXPR` (a C# expression evaluated with its calls run, like gdb's call: nothing
 * shown for a void result) and the function-evaluation settings (`set eval-timeout`, `set
 * eval-implicit`). */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/feval.h"

static const char *skip_blanks(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

int cli_cmd_call(struct cli *c, const char *args)
{
	if (!*skip_blanks(args))
		return cli_error("Usage: call EXPRESSION");
	char text[8192];
	bool has_value = false;
	struct mx_err err;
	if (ses_call_expr(c->ses, args, text, sizeof(text), &has_value, &err) != 0)
		return cli_error("%s", err.msg);
	if (has_value)
		printf("%s = %s\n", skip_blanks(args), text);
	return 0;
}

int cli_cmd_set_eval_timeout(struct cli *c, const char *args)
{
	if (!*args) {
		printf("Function evaluations are aborted after %u ms.\n",
		       ses_feval_timeout(c->ses));
		return 0;
	}
	char *end;
	errno = 0;
	unsigned long ms = strtoul(args, &end, 10);
	if (end == args || *skip_blanks(end) || errno || ms == 0 || ms > 3600000)
		return cli_error("Expected a time in milliseconds (1 to 3600000), not \"%s\".",
				 args);
	ses_feval_set_timeout(c->ses, (uint32_t)ms);
	return 0;
}

int cli_cmd_set_eval_implicit(struct cli *c, const char *args)
{
	if (!*args) {
		printf("Implicit function evaluation is %s.\n",
		       ses_feval_implicit(c->ses) ? "on" : "off");
		return 0;
	}
	if (strcmp(args, "on") == 0 || strcmp(args, "1") == 0)
		ses_feval_set_implicit(c->ses, true);
	else if (strcmp(args, "off") == 0 || strcmp(args, "0") == 0)
		ses_feval_set_implicit(c->ses, false);
	else
		return cli_error("Expected \"on\" or \"off\", not \"%s\".", args);
	return 0;
}
