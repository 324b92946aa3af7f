/* repl.c: reading and dispatching command lines: the interactive loop (libedit, with history
 * and completion of command names), -ex commands and -x scripts.
 *
 * Lookup: an exact name or alias wins; otherwise a unique prefix of the command's words
 * ("cont", "info br", "disa"). An empty line at the terminal repeats nothing (unlike gdb:
 * repeating `run` or `continue` by accident is worse than typing it again).
 */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <editline/readline.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Does `line` begin with the words of `name` (each word possibly abbreviated when allowed)?
 * Returns the length of line consumed, or 0. */
static size_t match_words(const char *name, const char *line, bool exact)
{
	const char *n = name, *l = line;
	while (*n) {
		while (isspace((unsigned char)*l))
			l++;
		size_t nw = strcspn(n, " ");
		size_t lw = 0;
		while (l[lw] && !isspace((unsigned char)l[lw]) && l[lw] != '/')
			lw++;
		if (!lw || lw > nw || strncmp(n, l, lw) != 0 || (exact && lw != nw))
			return 0;
		n += nw;
		while (*n == ' ')
			n++;
		l += lw;
	}
	return (size_t)(l - line);
}

static size_t match_aliases(const struct cli_cmd *cmd, const char *line)
{
	if (!cmd->aliases)
		return 0;
	size_t best = 0;
	for (const char *a = cmd->aliases; *a;) {
		size_t len = strcspn(a, ",");
		char one[64];
		snprintf(one, sizeof(one), "%.*s", (int)len, a);
		size_t m = match_words(one, line, true);
		if (m > best && (line[m] == 0 || isspace((unsigned char)line[m]) || line[m] == '/'))
			best = m;
		a += len;
		while (*a == ',' || *a == ' ')
			a++;
	}
	return best;
}

const struct cli_cmd *cli_find_command(const char *line, const char **args)
{
	const struct cli_cmd *found = NULL;
	size_t best = 0;
	/* exact names and aliases first */
	for (size_t i = 0; i < cli_ncommands; i++) {
		size_t m = match_words(cli_commands[i].name, line, true);
		size_t ma = match_aliases(&cli_commands[i], line);
		if (ma > m)
			m = ma;
		if (m > best &&
		    (line[m] == 0 || isspace((unsigned char)line[m]) || line[m] == '/')) {
			best = m;
			found = &cli_commands[i];
		}
	}
	if (!found) {
		int count = 0;
		for (size_t i = 0; i < cli_ncommands; i++) {
			size_t m = match_words(cli_commands[i].name, line, false);
			if (m &&
			    (line[m] == 0 || isspace((unsigned char)line[m]) || line[m] == '/')) {
				if (m > best) {
					best = m;
					found = &cli_commands[i];
					count = 1;
				} else if (m == best) {
					count++;
				}
			}
		}
		if (count > 1)
			return NULL;
	}
	if (found && args) {
		const char *a = line + best;
		while (isspace((unsigned char)*a))
			a++;
		*args = a;
	}
	return found;
}

int cli_execute(struct cli *c, const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	if (!*line || *line == '#')
		return 0;
	char *copy = xstrdup(line);
	size_t n = strlen(copy);
	while (n && isspace((unsigned char)copy[n - 1]))
		copy[--n] = 0;
	const char *args;
	const struct cli_cmd *cmd = cli_find_command(copy, &args);
	int rc;
	if (!cmd) {
		char word[64];
		size_t w = strcspn(copy, " \t/");
		snprintf(word, sizeof(word), "%.*s", (int)w, copy);
		const char *rest = copy + w;
		while (*rest == ' ' || *rest == '\t')
			rest++;
		if ((!strcmp(word, "info") || !strcmp(word, "i")) && *rest)
			rc = cli_error("Undefined info command: \"%.*s\".  Try \"help\".",
				       (int)strcspn(rest, " \t"), rest);
		else
			rc = cli_error("Undefined command: \"%s\".  Try \"help\".", word);
	} else {
		rc = cmd->fn(c, args);
	}
	free(copy);
	fflush(stdout);
	return rc;
}

int cli_source(struct cli *c, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return cli_error("%s: %s.", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;
	while (!c->quit && getline(&line, &cap, f) >= 0) {
		if (cli_execute(c, line) != 0) {
			rc = -1;
			break;
		}
	}
	free(line);
	fclose(f);
	return rc;
}

/* readline's generator protocol keeps its position between calls, and which table words it
 * completes ("" for command names, "info " for info's subcommands): hence the statics. */
static size_t gen_index;
static const char *gen_prefix = "";

static char *command_generator(const char *text, int state)
{
	if (!state)
		gen_index = 0;
	size_t plen = strlen(gen_prefix), len = strlen(text);
	while (gen_index < cli_ncommands) {
		const char *name = cli_commands[gen_index++].name;
		if (strncmp(name, gen_prefix, plen) != 0)
			continue;
		const char *word = name + plen;
		if (!strchr(word, ' ') && !strncmp(word, text, len))
			return strdup(word);
	}
	return NULL;
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (start == 0)
		gen_prefix = "";
	else if (!strncmp(rl_line_buffer, "info ", 5) || !strncmp(rl_line_buffer, "i ", 2))
		gen_prefix = "info ";
	else
		return NULL;
	return rl_completion_matches(text, command_generator);
}

void cli_repl(struct cli *c)
{
	rl_readline_name = "mixdbg";
	rl_attempted_completion_function = complete;
	char hist[4096] = "";
	const char *home = getenv("HOME");
	if (home) {
		snprintf(hist, sizeof(hist), "%s/.mixdbg_history", home);
		read_history(hist);
	}
	while (!c->quit) {
		char *line = readline("(mixdbg) ");
		if (!line) {
			printf("quit\n");
			break;
		}
		if (*line)
			add_history(line);
		cli_execute(c, line);
		free(line);
	}
	if (hist[0])
		write_history(hist);
}
