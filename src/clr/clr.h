/* clr.h: the managed engine: one runtime in one debuggee, driven through ICorDebug.
 *
 * The session owns a struct clr per .NET process. clr/ knows ICorDebug, the runtime's files
 * and the program's metadata and PDBs; the session decides what an event means to the user.
 * Every function here runs on the session's thread (the only caller of ICorDebug).
 */
#ifndef MX_CLR_CLR_H
#define MX_CLR_CLR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "clr/cordebug.h"
#include "clr/events.h"
#include "clr/runtime.h"
#include "util/err.h"

struct meta_image;
struct meta_pdb;

/* A managed module (one assembly's manifest module) as the runtime loaded it. */
struct clr_module {
	ICorDebugModule *mod;
	char path[1024];
	char name[256]; /* file name without folder */
	uint64_t base;
	struct meta_image *img; /* NULL if the file cannot be read */
	struct meta_pdb *pdb;	/* NULL without symbols */
	char pdb_error[256];	/* why there are no symbols, for `info sharedlibrary` */
	bool user_code;		/* has symbols: Just My Code treats it as the user's */
};

/* Where a managed frame is. */
struct clr_where {
	char func[512];	  /* Namespace.Type.Method */
	char file[1024];  /* source document, "" without symbols */
	int line;	  /* 0 if unknown */
	uint32_t il;	  /* IL offset */
	bool il_exact;	  /* the IL offset maps exactly (not prolog/epilog/approximate) */
	char module[256]; /* module file name */
	mdMethodDef token;
};

struct clr {
	pid_t pid;
	struct clr_runtime rt;
	ICorDebug *cordb;
	ICorDebugProcess *process;
	struct clr_events *events;
	struct clr_module *mods;
	size_t nmods, cap_mods;
	bool exited;   /* ExitProcess came */
	bool detached; /* ICorDebug let go of the process */
	/* Set by the session: the text of obj.ToString() (obj a reference to an object whose
	 * type overrides it) for value display, 0; -1 when it may not or cannot be run (implicit
	 * evaluation off, not at a managed stop, the call failed). NULL: never. */
	int (*display_tostring)(void *ctx, ICorDebugValue *obj, char *buf, size_t len);
	void *display_ctx;
};

/* Creates the engine for process pid whose runtime is rt, attaching ICorDebug. */
int clr_attach(struct clr **out, pid_t pid, const struct clr_runtime *rt, struct mx_err *err);
/* Forgets the runtime (after the process exited, or before a kill): releases every
 * reference and ends ICorDebug's use of the process. */
void clr_free(struct clr *c);
/* Detaches from the runtime, leaving the process running. */
int clr_detach(struct clr *c, struct mx_err *err);

int clr_event_fd(const struct clr *c);
struct clr_event *clr_next_event(struct clr *c);
/* Resumes the process after a callback or a stop. */
int clr_continue(struct clr *c, struct mx_err *err);

/* Modules: LoadModule adds one (reading its metadata and PDB); UnloadModule removes it. */
struct clr_module *clr_module_loaded(struct clr *c, ICorDebugModule *m);
void clr_module_unloaded(struct clr *c, ICorDebugModule *m);
struct clr_module *clr_module_find(struct clr *c, ICorDebugModule *m);

/* Describes a function at an IL offset. */
void clr_describe(struct clr *c, ICorDebugFunction *f, uint32_t il, bool il_exact,
		  struct clr_where *w);
/* Describes a frame; returns false for frames that are not IL frames (native, internal). */
bool clr_describe_frame(struct clr *c, ICorDebugFrame *f, struct clr_where *w);

/* OS thread id of a managed thread. */
pid_t clr_thread_tid(ICorDebugThread *t);

#endif
