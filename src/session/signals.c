/* signals.c: signal names and descriptions as gdb prints them. */
#include "session/session.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	int signo;
	const char *name;
	const char *desc;
} sigs[] = {
    {SIGHUP, "SIGHUP", "Hangup"},
    {SIGINT, "SIGINT", "Interrupt"},
    {SIGQUIT, "SIGQUIT", "Quit"},
    {SIGILL, "SIGILL", "Illegal instruction"},
    {SIGTRAP, "SIGTRAP", "Trace/breakpoint trap"},
    {SIGABRT, "SIGABRT", "Aborted"},
    {SIGBUS, "SIGBUS", "Bus error"},
    {SIGFPE, "SIGFPE", "Arithmetic exception"},
    {SIGKILL, "SIGKILL", "Killed"},
    {SIGUSR1, "SIGUSR1", "User defined signal 1"},
    {SIGSEGV, "SIGSEGV", "Segmentation fault"},
    {SIGUSR2, "SIGUSR2", "User defined signal 2"},
    {SIGPIPE, "SIGPIPE", "Broken pipe"},
    {SIGALRM, "SIGALRM", "Alarm clock"},
    {SIGTERM, "SIGTERM", "Terminated"},
    {SIGSTKFLT, "SIGSTKFLT", "Stack fault"},
    {SIGCHLD, "SIGCHLD", "Child status changed"},
    {SIGCONT, "SIGCONT", "Continued"},
    {SIGSTOP, "SIGSTOP", "Stopped (signal)"},
    {SIGTSTP, "SIGTSTP", "Stopped (user)"},
    {SIGTTIN, "SIGTTIN", "Stopped (tty input)"},
    {SIGTTOU, "SIGTTOU", "Stopped (tty output)"},
    {SIGURG, "SIGURG", "Urgent I/O condition"},
    {SIGXCPU, "SIGXCPU", "CPU time limit exceeded"},
    {SIGXFSZ, "SIGXFSZ", "File size limit exceeded"},
    {SIGVTALRM, "SIGVTALRM", "Virtual timer expired"},
    {SIGPROF, "SIGPROF", "Profiling timer expired"},
    {SIGWINCH, "SIGWINCH", "Window size changed"},
    {SIGIO, "SIGIO", "I/O possible"},
    {SIGPWR, "SIGPWR", "Power fail/restart"},
    {SIGSYS, "SIGSYS", "Bad system call"},
};

#define NSIGS (sizeof(sigs) / sizeof(sigs[0]))

/* Real-time signals print as gdb prints them: "SIG34". */
static const char *const rt_names[] = {
    "SIG32", "SIG33", "SIG34", "SIG35", "SIG36", "SIG37", "SIG38", "SIG39", "SIG40",
    "SIG41", "SIG42", "SIG43", "SIG44", "SIG45", "SIG46", "SIG47", "SIG48", "SIG49",
    "SIG50", "SIG51", "SIG52", "SIG53", "SIG54", "SIG55", "SIG56", "SIG57", "SIG58",
    "SIG59", "SIG60", "SIG61", "SIG62", "SIG63", "SIG64"};

const char *ses_signal_name(int signo)
{
	for (size_t i = 0; i < NSIGS; i++)
		if (sigs[i].signo == signo)
			return sigs[i].name;
	if (signo >= 32 && signo <= 64)
		return rt_names[signo - 32];
	return "SIG?";
}

const char *ses_signal_desc(int signo)
{
	for (size_t i = 0; i < NSIGS; i++)
		if (sigs[i].signo == signo)
			return sigs[i].desc;
	return "Real-time signal";
}

int ses_signal_parse(const char *name)
{
	if (isdigit((unsigned char)name[0])) {
		char *end;
		long v = strtol(name, &end, 10);
		return (!*end && v >= 1 && v <= 64) ? (int)v : 0;
	}
	const char *bare = strncasecmp(name, "SIG", 3) == 0 ? name + 3 : name;
	for (size_t i = 0; i < NSIGS; i++)
		if (!strcasecmp(sigs[i].name + 3, bare))
			return sigs[i].signo;
	if (isdigit((unsigned char)bare[0])) {
		int v = atoi(bare);
		return v >= 32 && v <= 64 ? v : 0;
	}
	return 0;
}
