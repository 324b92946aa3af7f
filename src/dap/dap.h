/* dap.h: mixdbg as a Debug Adapter Protocol server, for editors (VS Code, nvim-dap, ...).
 *
 *   mixdbg --interpreter=dap      one session over stdin/stdout
 *   mixdbg --server[=[HOST:]PORT] sessions over TCP on HOST:PORT (127.0.0.1:4711), one per
 *                                 connection
 *
 * The adapter is a front end like cli/: it speaks the protocol and drives the session API
 * (session/session.h); the debugging is the session's. See docs/dap.md.
 */
#ifndef MX_DAP_DAP_H
#define MX_DAP_DAP_H

#define DAP_DEFAULT_PORT 4711

struct dap_options {
	const char *debug_dirs; /* extra roots for separate debug files, or NULL */
};

/* Serves one session on standard input and output; returns the exit status. */
int dap_serve_stdio(const struct dap_options *opt);
/* Listens on where, "PORT" (on 127.0.0.1) or "HOST:PORT" ("0.0.0.0:4711", "[::1]:4711"; a
 * name is looked up), NULL for 127.0.0.1:4711 (port 0: any free port; the address is printed
 * on stderr) and serves each connection in a process of its own; returns only on an error,
 * said on stderr (the exit status). */
int dap_serve_tcp(const char *where, const struct dap_options *opt);

#endif
