/* dap_signals.c: the `signals` exception filter, native signals as exceptions. It sets the
 * session's signal policies (gdb's `handle`):
 *
 *   on, no condition   the default policies: every signal stops except those programs use
 *                      routinely (SIGALRM, SIGCHLD, ..., SIGTRAP; proto/sigpolicy.c) and,
 *                      in a .NET program, the runtime's own (its faults, SIGRTMIN...)
 *   on, a condition    "SIGUSR1, SIGSEGV": those stop (whatever their default), no other
 *   off                no signal stops; each is printed and passed to the program
 *
 * A signal that does not stop is still printed on the console and passed on. Crashes stop
 * in every case: a SIGSEGV, SIGBUS, SIGFPE or SIGILL raised by an instruction in native code
 * keeps TR_SIG_NATIVE_FAULT, with which the tracer stops before the program dies (as it
 * does for a .NET program's native faults, tracer/faults.c).
 */
#include "dap/dap_conn.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "proto/proto.h" /* TR_SIG_*: ses_signal_policy's flags */

/* Reads the list "SIGUSR1, usr2 12" into listed[]; false with msg naming a bad name. */
static bool parse_list(const char *text, bool listed[65], char *msg, size_t len)
{
	const char *p = text;
	bool any = false;
	while (*p) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		char name[32];
		size_t n = 0;
		while (p[n] && p[n] != ',' && !isspace((unsigned char)p[n]))
			n++;
		snprintf(name, sizeof(name), "%.*s", (int)n, p);
		int sig = n < sizeof(name) ? ses_signal_parse(name) : 0;
		if (sig < 1 || sig > 64) {
			snprintf(msg, len,
				 "Exception filter 'signals': '%.*s' is not a signal (names as "
				 "SIGUSR1 or USR1, or numbers 1-64, separated by commas)",
				 (int)(n > 64 ? 64 : n), p);
			return false;
		}
		listed[sig] = true;
		any = true;
		p += n;
	}
	if (!any) {
		snprintf(msg, len,
			 "Exception filter 'signals': the condition names no signal (SIGUSR1, "
			 "SIGSEGV, ... separated by commas)");
		return false;
	}
	return true;
}

static bool is_fault(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
}

/* The policy signal sig gets when it is not to stop. */
static unsigned without_stop(int sig, unsigned def)
{
	unsigned f = (def & ~(unsigned)TR_SIG_STOP) | TR_SIG_PASS;
	if (def & TR_SIG_STOP)
		f |= TR_SIG_PRINT; /* still told, as gdb's `handle SIG nostop` */
	if (is_fault(sig))
		f |= TR_SIG_NATIVE_FAULT; /* a crash in native code still stops */
	return f;
}

int dap_signals_filter(struct dap_conn *c, bool on, const char *condition, char *msg, size_t len)
{
	bool listed[65] = {0};
	bool has_list = on && condition && condition[strspn(condition, " \t")];
	if (has_list && !parse_list(condition, listed, msg, len))
		return -1; /* nothing changes */
	if (ses_managed_only(c->ses)) {
		if (!on)
			return 0;
		snprintf(msg, len,
			 "Exception filter 'signals': in managed-only mode the program is not "
			 "traced and gets its signals untouched");
		return -1;
	}
	struct mx_err err;
	if (!c->sig_defaults_known) {
		/* before we change any: what the session would do (its .NET defaults too) */
		for (int sig = 1; sig <= 64; sig++)
			ses_signal_policy(c->ses, sig, &c->sig_default[sig], false, NULL);
		c->sig_defaults_known = true;
	}
	for (int sig = 1; sig <= 64; sig++) {
		unsigned def = c->sig_default[sig];
		unsigned want = def;
		if (has_list)
			want =
			    listed[sig] ? def | TR_SIG_STOP | TR_SIG_PRINT : without_stop(sig, def);
		else if (!on)
			want = without_stop(sig, def);
		if (!(def & TR_SIG_STOP) && !listed[sig])
			want = def; /* never stopped: left as it was */
		unsigned now;
		if (ses_signal_policy(c->ses, sig, &now, false, NULL) == 0 && now == want)
			continue; /* unchanged: the session's own default stays in force */
		if (ses_signal_policy(c->ses, sig, &want, true, &err) != 0) {
			snprintf(msg, len, "Exception filter 'signals': %s: %s",
				 ses_signal_name(sig), err.msg);
			return -1;
		}
	}
	return 0;
}
