/* session.h: the debugging session, the one place that owns debugger state.
 *
 * Front ends (cli/, later dap/) call these functions and get asynchronous news through the
 * notify callback; they hold no debugger logic. The session drives mixdbg-tracer (a child
 * process owning ptrace) over a socketpair, tracks the program's libraries through the
 * dynamic loader's rendezvous, resolves breakpoints with native/sym and reads memory straight
 * from /proc/PID/mem through a descriptor the tracer hands over.
 *
 * Threads: none of its own. Every call runs on the caller's thread; waiting for the program
 * blocks in poll() until the tracer reports a stop or ses_request_interrupt() is called (that
 * one is async-signal-safe, for a SIGINT handler).
 */
#ifndef MX_SESSION_SESSION_H
#define MX_SESSION_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "util/err.h"

struct ses;

enum ses_note_kind {
	SES_NOTE_STOPPED,      /* the program stopped: stop is set */
	SES_NOTE_EXITED,       /* the program is gone: stop is set (exit_code / exit_signo) */
	SES_NOTE_THREAD_NEW,   /* tid, thread_num */
	SES_NOTE_THREAD_EXIT,  /* tid, thread_num */
	SES_NOTE_SIGNAL,       /* a "print, nostop" signal went to the program: tid, signo */
	SES_NOTE_LIBRARY_LOAD, /* text: path */
	SES_NOTE_LIBRARY_UNLOAD,
	SES_NOTE_BP_RESOLVED, /* a pending breakpoint got locations: bp_id, text */
	SES_NOTE_EXEC,	      /* the program called execve: text = new path */
	SES_NOTE_MESSAGE,     /* something the user should read: text */
	SES_NOTE_LOG,	      /* a logpoint or dprintf was hit: text (no newline), bp_id */
};

/* Where a code address is: for printing stops, frames and breakpoint locations. */
struct ses_where {
	char func[256];	   /* function (the inlined one when pc is in an inlined copy); "" if
			      unknown */
	char sym[256];	   /* ELF symbol holding pc, "" if none */
	uint64_t sym_off;  /* pc - start of sym */
	uint64_t sym_size; /* size of sym, 0 if unknown */
	char file[512];	   /* "" without line info (full path as in DWARF) */
	int line;
	char module[512]; /* "" if in no known module */
	bool line_start;  /* pc is where a line's code begins (gdb then omits the address) */
};

enum ses_stop_kind {
	SES_STOP_BREAKPOINT,
	SES_STOP_WATCH, /* a hardware watchpoint: watch_id, watch_old, watch_new */
	SES_STOP_SIGNAL,
	SES_STOP_INTERRUPT,
	SES_STOP_STEP,
	SES_STOP_EXITED,
	SES_STOP_EXCEPTION, /* a managed exception: exc_text, exc_unhandled */
};

struct ses_stop {
	enum ses_stop_kind kind;
	pid_t tid;	/* stopping thread */
	int thread_num; /* its user-visible number */
	uint64_t pc;
	int bp_id;	   /* SES_STOP_BREAKPOINT: the breakpoint (first one if several) */
	bool bp_temporary; /* that breakpoint was temporary and is now deleted */
	uint64_t bp_hits;
	int signo;	     /* SES_STOP_SIGNAL */
	int sigcode;	     /* siginfo si_code */
	uint64_t fault_addr; /* SIGSEGV/SIGBUS/SIGFPE/SIGILL */
	pid_t pid;	     /* SES_STOP_EXITED */
	int exit_code;
	int exit_signo;	   /* killed by this signal (0: exited normally) */
	bool exit_unknown; /* an untraced attached process ended: code and signal unknown */
	bool step_bp;	   /* internal: the stepping engine's breakpoint was hit */
	int watch_id;	   /* SES_STOP_WATCH */
	uint64_t watch_old, watch_new;
	bool line_step; /* SES_STOP_STEP that ended a source-line step (show the line) */
	/* a managed stop (the runtime stopped the program): where it is */
	bool managed;
	struct ses_where where;
	uint32_t il;	   /* IL offset in where.func */
	uint64_t frame_sp; /* the top managed frame's stack address (deeper frames: lower) */
	bool exc_unhandled;
	bool exc_user_unhandled; /* `catch user-unhandled`: caught outside user code */
	char exc_text[700];	 /* "System.InvalidOperationException: message" */
	/* internal (session/feval.c), never reported: a function evaluation ended (with an
	 * exception), or its wait ran out of time (or the user interrupted it) */
	bool eval_done, eval_exception, eval_timeout;
};

struct ses_note {
	enum ses_note_kind kind;
	const struct ses_stop *stop;
	pid_t tid;
	int thread_num;
	int signo;
	int bp_id;
	const char *text;
};

typedef void (*ses_notify_fn)(void *ctx, const struct ses_note *n);

struct ses_bp_loc {
	uint64_t addr;
	bool inserted;
	uint8_t orig; /* byte under the int3 */
	struct ses_where where;
	char module[512]; /* the module the location came from */
};

/* A managed location: a method and an IL offset. */
struct ses_mloc {
	struct ses_where where;
	uint32_t il;
	struct clr_bp_loc *impl;
};

/* When a breakpoint's hits stop (or log): gdb's ignore count aside, the hit count (hits whose
 * condition held, counted from 1) compared with a number, as editors' "hit conditions". */
enum ses_hit_op {
	SES_HIT_ANY, /* every hit */
	SES_HIT_EQ,  /* == N: the Nth hit only */
	SES_HIT_GE,  /* >= N */
	SES_HIT_GT,  /* > N */
	SES_HIT_LE,  /* <= N */
	SES_HIT_LT,  /* < N */
	SES_HIT_MOD, /* % N: every Nth hit */
};

/* A breakpoint that logs a line and lets the program go on instead of stopping. */
enum ses_bp_log {
	SES_LOG_NONE,
	SES_LOG_MESSAGE, /* logpoint: text with {EXPR} parts evaluated at the hit */
	SES_LOG_PRINTF,	 /* dprintf: a printf format applied to evaluated C expressions */
};

struct ses_bp {
	int id;
	char *spec; /* as the user wrote it */
	bool temporary;
	bool enabled;
	uint32_t ignore; /* mirrored from the tracer when asked */
	uint64_t hits;
	uint64_t traps;	      /* the tracer's stops at its locations (mirrored with hits) */
	char *condition;      /* NULL if none */
	bool cond_in_session; /* the tracer could not run it (a global...): evaluated here */
	struct ses_bp_loc *locs;
	size_t nlocs, cap_locs;
	bool managed;	    /* also (or only) bound in managed code, as modules load */
	bool mbind_pending; /* set at a native stop: bound in managed code at the next resume */
	bool native;	    /* bound in native code */
	struct ses_mloc *mlocs;
	size_t nmlocs, cap_mlocs;
	enum ses_hit_op hit_op; /* with hit_n: which hits count as hits (SES_HIT_ANY: all) */
	uint64_t hit_n;
	enum ses_bp_log log_kind; /* a logpoint or dprintf (SES_LOG_NONE: it stops) */
	char *log_text;		  /* as the user wrote it: the message, or "FORMAT",ARGS */
	char *log_format;	  /* SES_LOG_PRINTF: the format, its escapes decoded */
	char **log_args;	  /* ... and its arguments' expressions */
	size_t nlog_args;
};

enum ses_watch_kind {
	SES_WATCH_WRITE,  /* watch: stop after a write */
	SES_WATCH_READ,	  /* rwatch: x86 has no read-only condition: reads and writes */
	SES_WATCH_ACCESS, /* awatch: reads and writes */
};

struct ses_watch {
	int id;	    /* shares numbering with breakpoints */
	char *expr; /* as the user wrote it */
	uint64_t addr;
	uint32_t len; /* 1, 2, 4, 8 */
	enum ses_watch_kind kind;
	int slot;	/* debug register 0..3 */
	uint64_t value; /* last value seen (sign-extended when is_signed) */
	uint64_t hits;
	bool is_signed; /* the watched variable's C type is signed (char, short...) */
};

struct ses_thread {
	int num; /* user-visible number, from 1, in order of appearance */
	pid_t tid;
	char name[32];
	bool frozen; /* the user froze it (ses_thread_freeze): it stays stopped when others run */
	bool frozen_by_runtime; /* ... and the runtime holds it (a managed thread) */
	bool helper_checked;	/* freeze.c looked whether it is one of the runtime's own */
	bool runtime_helper;	/* ... and it is: it runs on at managed stops */
};

struct ses_module_info {
	const char *path;
	uint64_t lo, hi; /* loaded address range */
	bool has_dwarf;	 /* managed: has a PDB */
	const char *debug_path;
	bool managed; /* a managed module (lo: its base) */
};

struct ses_options {
	const char *tracer_path; /* NULL: mixdbg-tracer beside the running executable */
	const char *debug_dirs;	 /* extra debug-file roots (colon-separated), may be NULL */
};

int ses_new(struct ses **out, const struct ses_options *opt, ses_notify_fn fn, void *ctx,
	    struct mx_err *err);
void ses_free(struct ses *s);

/* Program and arguments used by ses_run. argv[0] is the program as the user wrote it. */
int ses_set_program(struct ses *s, const char *path, struct mx_err *err);
void ses_set_args(struct ses *s, int argc, char *const *argv);
const char *ses_program(const struct ses *s);

bool ses_has_process(const struct ses *s);
bool ses_is_attached(const struct ses *s); /* attached (vs launched) */
pid_t ses_pid(const struct ses *s);

/* Starts the program under the debugger and runs it to the first stop. With
 * stop_at_main, a temporary breakpoint on main is set first (gdb's `start`). */
int ses_run(struct ses *s, bool stop_at_main, struct mx_err *err);
/* ses_run with the program's stdin, stdout and stderr given: stdio[i] >= 0 replaces mixdbg's
 * own descriptor i in the program (-1 keeps it inherited). The descriptors stay the caller's
 * (the program gets copies); the caller may close them once this returns. */
int ses_run_stdio(struct ses *s, bool stop_at_main, const int stdio[3], struct mx_err *err);
int ses_attach(struct ses *s, pid_t pid, struct mx_err *err);
int ses_continue(struct ses *s, struct mx_err *err);
int ses_stepi(struct ses *s, struct mx_err *err);
/* count instructions, counted in the tracer: one stop at the end (or an earlier one). */
int ses_stepi_n(struct ses *s, uint32_t count, struct mx_err *err);
/* Source-line stepping: step (into calls that have line info), next (over calls), finish
 * (until the selected frame returns), nexti (one instruction, over calls). */
int ses_step(struct ses *s, bool into, struct mx_err *err);
int ses_until(struct ses *s, struct mx_err *err);
int ses_step_mode(struct ses *s, bool into, bool until, struct mx_err *err);
int ses_finish(struct ses *s, struct mx_err *err);
int ses_nexti(struct ses *s, struct mx_err *err);
/* A step interrupted by another thread's stop (a breakpoint, a signal, a watchpoint) or by
 * an interrupt stays pending on its thread (C and C#): ses_continue goes on with it (the
 * program stops where the step ends, with a note that the interrupted step finished, or at
 * any stop before), a new step command replaces it (a note says so), kill and detach drop it.
 * The thread with a pending step (0: none). */
pid_t ses_step_pending_tid(const struct ses *s);
/* Drops the pending step (the next continue just continues); *num: its thread's number. -1
 * with err when there is none. */
int ses_step_abandon(struct ses *s, int *num, struct mx_err *err);
int ses_detach(struct ses *s, struct mx_err *err);
int ses_kill(struct ses *s, struct mx_err *err);
/* Async-signal-safe: asks a waiting ses_run/ses_continue to stop the program. */
void ses_request_interrupt(struct ses *s);

/* Breakpoints. spec: FUNC, FILE:LINE, LINE, *ADDR. msg gets what gdb would print. */
int ses_break(struct ses *s, const char *spec, bool temporary, int *id, char *msg, size_t msglen,
	      struct mx_err *err);
int ses_break_delete(struct ses *s, int id, struct mx_err *err);
void ses_break_delete_all(struct ses *s);
int ses_break_enable(struct ses *s, int id, bool enable, struct mx_err *err);
int ses_break_ignore(struct ses *s, int id, uint32_t count, struct mx_err *err);
int ses_break_condition(struct ses *s, int id, const char *cond, struct mx_err *err);
/* A hit condition as editors write it: "5" (from the 5th hit on, as ">= 5"), "== 5", ">= 5",
 * "> 5", "<= 5", "< 5", "% 5" (every 5th hit). -1 with err naming the problem. */
int ses_hit_condition_parse(const char *text, enum ses_hit_op *op, uint64_t *n, struct mx_err *err);
/* Sets breakpoint id's hit condition (SES_HIT_ANY: none). Its hit count goes on from where it
 * is (0 for a new breakpoint). */
int ses_break_hit_condition(struct ses *s, int id, enum ses_hit_op op, uint64_t n,
			    struct mx_err *err);
/* "== 5", "% 3"...: the hit condition in words for listings ("" for none). */
void ses_hit_condition_text(const struct ses_bp *bp, char *buf, size_t len);
/* Makes breakpoint id log instead of stopping (kind SES_LOG_NONE: stop again). For
 * SES_LOG_MESSAGE text is the message, {EXPR} evaluated at each hit in the hitting thread's
 * innermost frame (C or C#; "{{" and "}}" are braces; a failing EXPR shows its error in
 * <>); for SES_LOG_PRINTF it is gdb's dprintf `"FORMAT",ARG,...` (C expressions, the format
 * checked now: %d %i %u %x %X %o %c %s %p %f %g %e %%, with l, ll, h, z length modifiers).
 * The line goes out as a SES_NOTE_LOG note; C# expressions run no code there (no property
 * getters, no ToString). */
int ses_break_log(struct ses *s, int id, enum ses_bp_log kind, const char *text,
		  struct mx_err *err);
/* gdb's `set print elements N`: how many elements of an array print shows (C and C#
 * arrays, C char arrays, arr[a..b] and p@n), then "..."; 0: no limit. Default 200. */
void ses_set_print_elements(struct ses *s, unsigned n);
unsigned ses_print_elements(const struct ses *s);
/* How a breakpoint is announced: "Breakpoint", "Temporary breakpoint", "Dprintf" or
 * "Logpoint" (a pending one bound later says what it is). */
const char *ses_bp_word(const struct ses_bp *bp);
/* Checks a condition's syntax (registers, numbers, C operators) without a process. */
int ses_cond_check(const char *expr, struct mx_err *err);
size_t ses_break_count(const struct ses *s);
/* i-th breakpoint, with hit/ignore counts refreshed from the tracer. */
const struct ses_bp *ses_break_at(struct ses *s, size_t i);

/* Hardware watchpoints (x86 debug registers; four at most). */
int ses_watch(struct ses *s, const char *expr, uint64_t addr, uint32_t len,
	      enum ses_watch_kind kind, int *id, struct mx_err *err);
size_t ses_watch_count(const struct ses *s);
const struct ses_watch *ses_watch_at(const struct ses *s, size_t i);

/* Threads. */
size_t ses_thread_count(const struct ses *s);
const struct ses_thread *ses_thread_at(struct ses *s, size_t i); /* name refreshed */
int ses_select_thread(struct ses *s, int num, struct mx_err *err);
const struct ses_thread *ses_current_thread(const struct ses *s);

/* Freezes (or thaws) thread num: a frozen thread stays stopped when the program continues or
 * steps; the others run. A thread the runtime runs (a .NET program's managed threads) is held
 * by the runtime (ICorDebugThread::SetDebugState), so this needs a managed stop there; any
 * other thread is held by the tracer. The runtime's own service threads cannot be frozen.
 * Stepping a frozen thread is refused. */
int ses_thread_freeze(struct ses *s, int num, bool freeze, struct mx_err *err);

/* Set next statement: where the current thread's innermost frame goes on from. */
struct ses_jump {
	struct ses_where where; /* the line moved to */
	uint64_t pc;		/* native: the new pc */
	bool managed;		/* a C# method's IL offset was moved (il) */
	uint32_t il;
	char warning[256]; /* the runtime allowed the move but warned (jump.c); "" if not */
};
/* Moves the pc of the current thread (frame 0 selected) to the first code of file:line
 * (file NULL or "": the frame's own file), which must be in the same function: the native
 * line table at a native stop, the PDB's sequence point and ICorDebugILFrame::SetIP at a
 * managed stop. Nothing runs; the stack is read again. check_only: only says whether it
 * could (out filled). Returns 0 or -1 with err naming why not. */
int ses_set_next_statement(struct ses *s, const char *file, int line, bool check_only,
			   struct ses_jump *out, struct mx_err *err);

/* State of a stopped program. */
int ses_get_regs(struct ses *s, pid_t tid, struct user_regs_struct *r, struct mx_err *err);
/* The registers the user sees: ses_get_regs', except at a managed stop for a thread the
 * runtime parked in managed code, whose registers are its innermost managed frame's (the
 * runtime's view; the thread itself waits inside the runtime). */
int ses_thread_regs(struct ses *s, pid_t tid, struct user_regs_struct *r, struct mx_err *err);
struct tr_fpregs; /* proto/proto.h */
/* The x87, SSE and (when the CPU has AVX) ymm registers of stopped thread tid (fpregs.c). */
int ses_get_fpregs(struct ses *s, pid_t tid, struct tr_fpregs *out, struct mx_err *err);
/* Reads program memory with our int3 bytes shown as the original bytes. */
int ses_read_memory(struct ses *s, uint64_t addr, void *buf, size_t len, struct mx_err *err);
void ses_describe(struct ses *s, uint64_t pc, struct ses_where *w);
/* Resolves a function or ELF symbol name to an address (first match). */
int ses_lookup_symbol(struct ses *s, const char *name, uint64_t *addr);

/* Call stacks (native frames; CFI unwinding), computed once per stop and thread. */
struct ses_frame {
	uint64_t pc;	    /* the frame's pc (a return address above frame 0) */
	uint64_t lookup_pc; /* where to describe it (pc - 1 for return addresses) */
	uint64_t sp;	    /* rsp in this frame (for frame k+1: frame k's CFA) */
	bool managed;	    /* a managed frame: where (or label) describes it */
	struct ses_where where;
	uint32_t il;
	char label[64];	  /* a frame that is no method: "[managed-to-native]" */
	int rt_index;	  /* at a managed stop: this frame's index in the runtime's list of the
			     thread's frames (its locals come from there); -1 for native frames */
	int inline_depth; /* > 0: the function an inlined call was made in, as a frame of its
			     own (gdb's), sharing pc and sp with the frame below it: where has
			     its name and the call's line; 0: a real frame */
};
int ses_backtrace(struct ses *s, pid_t tid, const struct ses_frame **frames, size_t *n,
		  struct mx_err *err);
/* Variables of the selected frame, from DWARF: calls fn(name, value) for each argument (args)
 * or local; returns how many, or -1 with err. */
int ses_frame_vars(struct ses *s, bool args,
		   void (*fn)(void *arg, const char *name, const char *value), void *arg,
		   struct mx_err *err);
/* Evaluates a C expression over the selected frame's variables (locals, arguments, globals)
 * and formats the result as gdb's print does. */
int ses_print_var(struct ses *s, const char *expr, char *out, size_t outlen, struct mx_err *err);
/* `call EXPR`: a C# expression evaluated in a managed frame with its calls run (explicit
 * evaluations); *has_value false for a void result. In a native frame, refused. */
int ses_call_expr(struct ses *s, const char *expr, char *out, size_t outlen, bool *has_value,
		  struct mx_err *err);
/* `ptype EXPR` (whatis false: the type with its members) and `whatis EXPR` (its name) in
 * the selected frame, C or C#. */
int ses_ptype(struct ses *s, const char *expr, bool whatis, char *out, size_t outlen,
	      struct mx_err *err);
/* Assigns value (an integer, 'c' or a float) to a scalar variable seen from the selected
 * frame, in memory or (frame 0) in a register. */
int ses_set_var(struct ses *s, const char *name, const char *value, struct mx_err *err);

/* ---- children.c: values as trees, for front ends that expand them (DAP variables) ---- */

/* A variable, or a part of a value: a field, a member, an element, a pointee. */
struct ses_var {
	const char *name;      /* "x", "Name", "[3]", "[1, 2]", "*p" */
	const char *value;     /* as print shows it */
	const char *type;      /* "int", "Fixtures.Values.Dog", "struct point *"; "" if unknown */
	const char *eval_name; /* an expression that evaluates to it again: "dog.Friend",
				  "nums[3]", "grid[1, 2]", "s.inner.x", "p->x", "(*ip)" */
	size_t named;	       /* its parts by name (fields, members, a pointee) */
	size_t indexed;	       /* its parts by index (array elements) */
	bool is_group;	       /* not a value but a group of them: "Static members" */
	bool is_static;	       /* a static field */
};
typedef void (*ses_var_fn)(void *arg, const struct ses_var *v);

/* The name of the part of a C# object or struct that groups its type's static fields. */
#define SES_STATICS_GROUP "Static members"

enum ses_children_filter { SES_CHILDREN_ALL, SES_CHILDREN_NAMED, SES_CHILDREN_INDEXED };

/* Most children one unpaged ses_var_children call lists (count 0). */
#define SES_CHILDREN_MAX 10000

/* As ses_frame_vars (the same names and value texts), with each variable's type and parts. */
int ses_frame_vars_ex(struct ses *s, bool args, ses_var_fn fn, void *arg, struct mx_err *err);
/* Evaluates expr once in the selected frame (a C# expression that calls a method calls it
 * once) and reports it as a ses_var named expr. */
int ses_var_describe(struct ses *s, const char *expr, ses_var_fn fn, void *arg, struct mx_err *err);
/* As ses_var_describe without running code in the program (for a hover): a C# expression that
 * would call a method, a property getter or an indexer is refused, and no ToString() makes
 * the text; a C assignment (x = 5, as print takes) is refused too. */
int ses_var_describe_pure(struct ses *s, const char *expr, ses_var_fn fn, void *arg,
			  struct mx_err *err);
/* Evaluates expr in the selected frame and lists its parts from index start, count of them
 * (0: all, up to SES_CHILDREN_MAX), of the kind filter asks for: C# objects and structs their
 * instance fields (inherited ones after the type's own; auto-properties by property name),
 * then, when its type has static fields, a group "Static members" whose expression is the
 * type's full name (a C# type's parts are its static fields, evaluate names "Ns.Type.Field"),
 * arrays their elements ("[i]", "[i, j]" for rank 2); C structs and unions their members,
 * pointers to them the pointee's members, arrays their elements, other pointers one part
 * "*p". Strings, numbers, enums, Nullable and null have none. Values are read as print reads
 * them (no code runs in the program unless implicit evaluation shows a ToString()). Returns
 * how many were reported, or -1 with err. */
int ses_var_children(struct ses *s, const char *expr, size_t start, size_t count,
		     enum ses_children_filter filter, ses_var_fn fn, void *arg, struct mx_err *err);
/* The expression for part `child` (a name ses_var_children reports) of the value of expr:
 * "expr.child", "expr->child", "expr[3]", "(*expr)". */
int ses_var_child_expr(struct ses *s, const char *expr, const char *child, char *out, size_t outlen,
		       struct mx_err *err);

/* The selected frame of the current thread (0 at every stop). */
int ses_select_frame(struct ses *s, int level, struct mx_err *err);
int ses_current_frame(const struct ses *s);

size_t ses_module_count(const struct ses *s);
void ses_module_at(const struct ses *s, size_t i, struct ses_module_info *out);
/* The source files of the loaded modules: each native module's compilation units (from its
 * DWARF) and each assembly's documents (from its PDB), in module load order; a file may come
 * more than once. */
void ses_sources(struct ses *s, void (*fn)(void *ctx, const char *path), void *ctx);

/* The text of source file path as embedded in a loaded assembly's portable PDB (the
 * EmbeddedSource custom debug information of a document named exactly path): 1 with *text
 * (allocated, NUL after its len bytes), 0 when no loaded module embeds it, -1 with err. */
int ses_source_embedded(struct ses *s, const char *path, char **text, size_t *len,
			struct mx_err *err);

/* Signals: gdb's `handle`. flags: TR_SIG_* from proto.h (stop, print, pass). */
int ses_signal_policy(struct ses *s, int signo, unsigned *flags, bool set, struct mx_err *err);

/* Signal names. */
const char *ses_signal_name(int signo); /* "SIGSEGV" */
const char *ses_signal_desc(int signo); /* "Segmentation fault" */
/* Managed (.NET) debugging. A program is debugged as .NET when it is `dotnet app.dll`, an
 * app.dll, or an apphost; native-only turns that off (the program then runs as any other). */
void ses_set_native_only(struct ses *s, bool on);
bool ses_native_only(const struct ses *s);
/* Managed-only: a .NET program is debugged with ICorDebug alone. The tracer starts (or attaches
 * to) it as usual and lets go of every thread once the runtime is attached: no ptrace stop
 * then slows the runtime's signals (its faults, GC suspensions), and native breakpoints,
 * registers, watchpoints and signal policies are refused. Refused while a program runs, and
 * together with native-only. */
int ses_set_managed_only(struct ses *s, bool on, struct mx_err *err);
bool ses_managed_only(const struct ses *s);
/* The program runs untraced (managed-only mode, the runtime attached). */
bool ses_is_untraced(const struct ses *s);
/* `set print managed-events on`: a line for every runtime event (for tests and curious). */
void ses_set_print_events(struct ses *s, bool on);
/* Just My Code: managed steps skip code without symbols (on by default). */
void ses_set_jmc(struct ses *s, bool on);
bool ses_jmc(const struct ses *s);
/* Managed exception stops besides the unhandled ones (which always stop). */
enum ses_catch_kind {
	SES_CATCH_THROW,	  /* when thrown (first chance), caught or not */
	SES_CATCH_USER_UNHANDLED, /* thrown in or through user code, caught outside it */
};
/* `catch throw|user-unhandled [TYPE...] [!TYPE...]`: replaces that kind's filter. Types are
 * separated by blanks or commas, full or short names ("System.FormatException" or
 * "FormatException"); an exception matches by its exact type, not its base types (as Visual
 * Studio's exception settings do); `!TYPE` excludes a type; no names or only exclusions: every
 * exception (but the excluded). Returns -1 with err on a malformed list. */
int ses_catch_set(struct ses *s, enum ses_catch_kind kind, const char *types, struct mx_err *err);
/* `catch off`: only unhandled exceptions stop. */
void ses_catch_off(struct ses *s);
/* The filter of kind in words ("every exception", "System.FormatException,
 * ArgumentException, except TimeoutException"); false when that kind is off. */
bool ses_catch_describe(const struct ses *s, enum ses_catch_kind kind, char *buf, size_t len);

/* An exception object: its exact type and Message (System.Exception._message). */
struct ses_exc_desc {
	char type[256];
	char message[512];
	bool has_message;    /* _message was set (null: the type's default message) */
	int aggregate_count; /* an AggregateException: how many inner exceptions; else -1 */
};
#define SES_EXC_MAX_INNER 8
/* The current thread's exception at an exception stop, and its inner exceptions. */
struct ses_exc_info {
	struct ses_exc_desc exc;
	/* the stack trace the exception holds as text: System.Exception._stackTraceString
	 * (a deserialized exception), else _remoteStackTraceString (one given by
	 * ExceptionDispatchInfo.SetRemoteStackTrace, as for an exception from another
	 * process). Empty for what is thrown here: seen on .NET 10, the runtime keeps its
	 * frames in the binary _stackTrace, a rethrow by ExceptionDispatchInfo.Throw
	 * included, and the StackTrace property would need a function evaluation. */
	char stack_trace[4096];
	struct ses_exc_desc inner[SES_EXC_MAX_INNER]; /* InnerException, its own, ... */
	size_t ninner;
	bool more_inner; /* the chain goes on past SES_EXC_MAX_INNER */
};
int ses_exception_info(struct ses *s, struct ses_exc_info *out, struct mx_err *err);
/* The current stop is a managed one (the runtime holds the program). */
bool ses_is_managed_stop(const struct ses *s);
/* At a managed stop, where managed thread tid is (its innermost managed frame); -1 if it is
 * not in managed code. */
int ses_managed_thread_where(struct ses *s, pid_t tid, struct ses_where *w);
/* `maint check-cordebug`: checks each ICorDebug method mixdbg uses against facts found
 * without it (clr/selftest.c); returns how many checks failed, -1 with err if not possible. */
int ses_managed_selftest(struct ses *s, const char *exception_type,
			 void (*report)(void *ctx, bool ok, const char *what), void *ctx,
			 struct mx_err *err);
/* The session debugs managed code in the current process. */
bool ses_is_managed(const struct ses *s);

int ses_signal_parse(const char *name); /* "SIGSEGV", "segv", "11" -> 11; 0 if unknown */

#endif
