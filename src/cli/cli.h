/* cli.h: the gdb-like command line front end. It parses and prints; the session does the
 * debugging. Commands are rows of one table (commands.c), from which `help` and
 * docs/commands.md are both generated. */
#ifndef MX_CLI_CLI_H
#define MX_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "session/session.h"

struct cli {
	struct ses *ses;
	bool batch;		 /* -batch: no prompt, exit after the commands */
	bool quit;		 /* `quit` was given */
	bool interactive;	 /* reading commands from a terminal */
	bool quiet_steps;	 /* inside `stepi N` and the like: do not show each step */
	bool last_stop_was_step; /* the last stop shown (or hidden) ended a step */
	char last_src_file[512]; /* source cache for printing lines */
	char **src_lines;
	size_t src_nlines;
	char list_file[512]; /* `list`: the file last listed, its first and last lines shown */
	int list_first, list_last;
};

struct cli_cmd {
	const char *name;    /* full name; may be two words ("info threads") */
	const char *aliases; /* comma-separated exact aliases ("i b, info b"), or NULL */
	const char *usage;   /* arguments, for help */
	const char *help;    /* one paragraph */
	int (*fn)(struct cli *c, const char *args); /* 0 ok, -1 failed (message printed) */
};

extern const struct cli_cmd cli_commands[];
extern const size_t cli_ncommands;

/* Runs one command line. Returns 0, or -1 if the command failed. */
int cli_execute(struct cli *c, const char *line);
/* The command a line starts with (exact name or alias, else a unique prefix); *args gets the
 * rest of the line. NULL if unknown or ambiguous. */
const struct cli_cmd *cli_find_command(const char *line, const char **args);
/* Runs commands from a file; stops at the first failing one (gdb's rule for scripts). */
int cli_source(struct cli *c, const char *path);
/* The interactive loop with line editing and history. */
void cli_repl(struct cli *c);
void cli_print_commands_markdown(FILE *out);

/* print.c */
void cli_notify(void *ctx, const struct ses_note *n);
void cli_print_location(struct cli *c, uint64_t pc, bool with_source);
/* "#LEVEL  0x... in func () at file:line" (and the source line when asked). */
/* A managed location: "Ns.Type.Method () at File.cs:12", and its source line if asked. */
void cli_print_where(struct cli *c, const struct ses_where *w, bool with_source);
void cli_print_frame(struct cli *c, int level, const struct ses_frame *f, bool with_source);
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_free_source(struct cli *c);
/* Line `line` (1-based) of a source file, from disk or else embedded in a loaded assembly's
 * PDB; NULL past its end or if it cannot be had. */
const char *cli_source_line(struct cli *c, const char *file, int line);
/* How many lines that file has (0 if it cannot be had). */
size_t cli_source_nlines(struct cli *c, const char *file);

/* list.c: gdb's `list` */
int cli_cmd_list(struct cli *c, const char *args);

/* logpoints.c: dprintf and logpoint */
int cli_cmd_dprintf(struct cli *c, const char *args);
int cli_cmd_logpoint(struct cli *c, const char *args);

/* catch.c */
int cli_cmd_catch(struct cli *c, const char *args);
int cli_cmd_info_catch(struct cli *c, const char *args);
int cli_cmd_info_exception(struct cli *c, const char *args);
/* call.c: `call EXPR` (a temporary front door for function evaluation) and its settings */
int cli_cmd_call(struct cli *c, const char *args);
int cli_cmd_set_eval_timeout(struct cli *c, const char *args);
int cli_cmd_set_eval_implicit(struct cli *c, const char *args);
/* control.c */
int cli_cmd_jump(struct cli *c, const char *args);
int cli_cmd_thread_freeze(struct cli *c, const char *args);
int cli_cmd_thread_thaw(struct cli *c, const char *args);
int cli_cmd_thread_step_abandon(struct cli *c, const char *args);

/* data.c */
int cli_cmd_x(struct cli *c, const char *args);
int cli_cmd_disassemble(struct cli *c, const char *args);
int cli_cmd_info_registers(struct cli *c, const char *args);
int cli_cmd_info_all_registers(struct cli *c, const char *args);
/* fpregs.c: prints x87/SSE/AVX register name (st0, fctrl, mxcsr, xmm3, ymm3): 1; 0 when name
 * is not one of them (nothing printed); -1 after an error message. */
int cli_info_fp_register(struct cli *c, const char *name);
/* Prints every x87, SSE and AVX register (info all-registers after the general ones). */
int cli_info_all_fp_registers(struct cli *c);
/* Evaluates an address expression: NUMBER, $REG, SYMBOL, and sums/differences of them. */
int cli_eval_address(struct cli *c, const char *expr, uint64_t *out);

#endif
