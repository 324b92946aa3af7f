/* main.c: mixdbg's entry point: options, then -x scripts and -ex commands in order, then the
 * interactive loop unless -batch.
 *
 *   mixdbg [options] [PROGRAM [PID]]
 *   mixdbg [options] --args PROGRAM ARGS...
 *   mixdbg [options] --pid PID
 */
#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap.h"
#include "util/xalloc.h"

static struct ses *interrupt_target;

static void on_sigint(int sig)
{
	(void)sig;
	ses_request_interrupt(interrupt_target);
}

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: mixdbg [OPTIONS] [PROGRAM [PID]]\n"
		"       mixdbg [OPTIONS] --args PROGRAM ARGS...\n"
		"       mixdbg [OPTIONS] --pid PID\n\n"
		"A mixed-mode (managed and native) debugger with gdb's command vocabulary.\n\n"
		"Options:\n"
		"  -batch, --batch         run the -ex/-x commands, then exit (no prompt)\n"
		"  -ex CMD, --eval-command CMD\n"
		"                          run CMD (in order with -x)\n"
		"  -x FILE, --command FILE run the commands in FILE\n"
		"  --args PROGRAM ARGS...  the program and its arguments\n"
		"  -p PID, --pid PID       attach to process PID\n"
		"  --debug-file-directory DIRS\n"
		"                          extra roots for separate debug files (colon-separated)\n"
		"  --managed-only          debug a .NET program with ICorDebug alone, untraced\n"
		"                          (set managed-only on)\n"
		"  --interpreter=dap       serve the Debug Adapter Protocol on stdin/stdout\n"
		"  --server[=[HOST:]PORT]  serve it on HOST:PORT (default 127.0.0.1:4711; port 0:\n"
		"                          any free port), one session per connection\n"
		"  --help-commands-markdown\n"
		"                          print the command reference (docs/commands.md)\n"
		"  -q, -nx                 accepted for gdb compatibility\n"
		"  -h, --help              this help\n");
}

struct action {
	bool is_file; /* -x */
	const char *text;
};

static bool is_opt(const char *a, const char *one, const char *two)
{
	return !strcmp(a, one) || (two && !strcmp(a, two));
}

int main(int argc, char **argv)
{
	struct cli c = {0};
	struct action *acts = xcalloc((size_t)argc + 1, sizeof(*acts));
	size_t nacts = 0;
	const char *program = NULL, *pid_arg = NULL, *debug_dirs = NULL;
	bool managed_only = false;
	char **prog_args = NULL;
	int nprog_args = 0;
	bool dap_server = false; /* --server[=ADDRESS] */
	const char *dap_address = NULL;
	bool dap_stdio = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--interpreter=dap") || !strcmp(a, "--interpreter=vscode")) {
			dap_stdio = true;
		} else if (!strncmp(a, "--interpreter", 13)) {
			fprintf(stderr,
				"mixdbg: unknown interpreter in '%s' (only --interpreter=dap)\n",
				a);
			free(acts);
			return 2;
		} else if (!strcmp(a, "--server") || !strncmp(a, "--server=", 9)) {
			dap_server = true;
			dap_address = a[8] == '=' ? a + 9 : NULL; /* checked by dap_serve_tcp */
		} else if (is_opt(a, "-batch", "--batch")) {
			c.batch = true;
		} else if (is_opt(a, "-ex", "--eval-command") || is_opt(a, "-x", "--command")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mixdbg: option '%s' requires an argument\n", a);
				free(acts);
				return 2;
			}
			acts[nacts].is_file = a[1] == 'x' || !strcmp(a, "--command");
			acts[nacts++].text = argv[++i];
		} else if (is_opt(a, "-p", "--pid")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mixdbg: option '%s' requires a process id\n", a);
				free(acts);
				return 2;
			}
			pid_arg = argv[++i];
		} else if (!strcmp(a, "--debug-file-directory")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mixdbg: option '%s' requires a directory\n", a);
				free(acts);
				return 2;
			}
			debug_dirs = argv[++i];
		} else if (!strcmp(a, "--managed-only")) {
			managed_only = true;
		} else if (!strcmp(a, "--args")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mixdbg: --args requires a program\n");
				free(acts);
				return 2;
			}
			program = argv[i + 1];
			prog_args = &argv[i + 2];
			nprog_args = argc - i - 2;
			break;
		} else if (!strcmp(a, "--help-commands-markdown")) {
			cli_print_commands_markdown(stdout);
			free(acts);
			return 0;
		} else if (is_opt(a, "-h", "--help")) {
			usage(stdout);
			free(acts);
			return 0;
		} else if (is_opt(a, "-q", "-nx") || is_opt(a, "--quiet", "--nx") ||
			   !strcmp(a, "-silent")) {
			/* gdb compatibility */
		} else if (a[0] == '-') {
			fprintf(stderr, "mixdbg: unrecognized option '%s'\n", a);
			usage(stderr);
			free(acts);
			return 2;
		} else if (!program) {
			program = a;
		} else if (!pid_arg) {
			pid_arg = a;
		} else {
			fprintf(stderr, "mixdbg: excess command line argument '%s'\n", a);
			free(acts);
			return 2;
		}
	}
	if (dap_stdio || dap_server) {
		/* the Debug Adapter Protocol: the client says what to debug */
		free(acts);
		if (program || pid_arg || nacts || managed_only) {
			fprintf(stderr,
				"mixdbg: a program, --pid, --managed-only, -ex and -x do not go "
				"with the DAP server (the client launches or attaches, with "
				"nativeDebugging: false for managed-only)\n");
			return 2;
		}
		struct dap_options dopt = {.debug_dirs = debug_dirs};
		return dap_stdio ? dap_serve_stdio(&dopt) : dap_serve_tcp(dap_address, &dopt);
	}
	struct ses_options opt = {.debug_dirs = debug_dirs};
	struct mx_err err;
	if (ses_new(&c.ses, &opt, cli_notify, &c, &err) != 0) {
		fprintf(stderr, "mixdbg: %s\n", err.msg);
		free(acts);
		return 1;
	}
	interrupt_target = c.ses;
	struct sigaction sa = {.sa_handler = on_sigint};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	int status = 0;
	if (managed_only && ses_set_managed_only(c.ses, true, &err) != 0) {
		cli_error("%s", err.msg);
		status = 1;
	}
	if (program) {
		if (ses_set_program(c.ses, program, &err) != 0) {
			cli_error("%s", err.msg);
			status = 1;
		} else {
			ses_set_args(c.ses, nprog_args, prog_args);
		}
	}
	if (pid_arg) {
		char cmd[64];
		snprintf(cmd, sizeof(cmd), "attach %s", pid_arg);
		status = cli_execute(&c, cmd) ? 1 : 0;
	}
	for (size_t i = 0; i < nacts && !c.quit; i++) {
		int rc =
		    acts[i].is_file ? cli_source(&c, acts[i].text) : cli_execute(&c, acts[i].text);
		status = rc ? 1 : 0;
	}
	c.interactive = !c.batch && isatty(STDIN_FILENO);
	if (!c.batch && !c.quit) {
		if (c.interactive) {
			cli_repl(&c);
		} else {
			char *line = NULL;
			size_t cap = 0;
			while (!c.quit && getline(&line, &cap, stdin) >= 0)
				status = cli_execute(&c, line) ? 1 : 0;
			free(line);
		}
	}
	fflush(stdout);
	interrupt_target = NULL;
	ses_free(c.ses);
	cli_free_source(&c);
	free(acts);
	return status;
}
