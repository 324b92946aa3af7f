/* untrace.c: managed-only mode: the process runs on with no thread traced (TR_REQ_UNTRACE),
 * while the tracer still answers for its end and for `kill`.
 *
 * Kernel facts this relies on (ptrace(2), wait(2), pidfd_open(2)):
 * - PTRACE_DETACH leaves the tracee's real parent unchanged: a process we forked stays our
 *   child, so waitpid() still reports its exit (and, without WUNTRACED, only that: job-control
 *   stops of an untraced child are not reported). Its threads are no child of ours: once
 *   detached, nothing about them reaches waitpid() any more.
 * - PTRACE_O_EXITKILL applies only while traced: after the detach, our exit does not kill the
 *   program; `kill` and the session's loss do it explicitly.
 * - An attached process is not our child: its exit is seen through a pidfd, which becomes
 *   readable when the process exits, reaped or not. Its exit status is its parent's to learn.
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void tr_untrace(struct tracer *t)
{
	if (!t->pid || t->untraced)
		return;
	tr_thaw(t);
	if (t->running)
		tr_stop_all(t);
	if (!t->pid)
		return; /* it ended while being stopped (TR_EV_EXIT was sent) */
	tr_displace_release(t);
	tr_bp_remove_all_bytes(t);
	tr_watch_remove_all(t);
	tr_reap_exiting(t);
	for (size_t i = 0; i < t->nthreads; i++) {
		struct tr_thread *th = &t->threads[i];
		/* the signal a thread was stopped with goes with the detach (as in tr_detach) */
		int sig = th->resume_sig;
		if (th->has_event && th->ev.reason == TR_STOP_SIGNAL &&
		    (t->sigpolicy[th->ev.signo] & TR_SIG_PASS))
			sig = th->ev.signo;
		ptrace(PTRACE_DETACH, th->tid, 0, (void *)(uintptr_t)sig);
	}
	memset(t->watch, 0, sizeof(t->watch));
	tr_threads_reset(t);
	tr_bp_forget_all(t);
	tr_displace_forget(t);
	t->hold_tid = 0;
	t->bytes_lifted = false;
	t->running = true;
	t->untraced = true;
	t->pidfd = -1;
	if (!t->launched)
		t->pidfd = (int)syscall(SYS_pidfd_open, t->pid, 0);
}

static void report_unknown_exit(struct tracer *t)
{
	struct tr_exit ex = {.pid = t->pid, .unknown = 1};
	tr_forget_process(t);
	tr_send_event(t, TR_EV_EXIT, &ex, sizeof(ex), -1);
}

static bool pidfd_ended(int pidfd, int timeout_ms)
{
	struct pollfd pf = {.fd = pidfd, .events = POLLIN};
	return poll(&pf, 1, timeout_ms) > 0 && (pf.revents & (POLLIN | POLLHUP));
}

void tr_untraced_check_exit(struct tracer *t)
{
	if (!t->pid || !t->untraced)
		return;
	if (t->launched) {
		int st;
		if (waitpid(t->pid, &st, WNOHANG) == t->pid && (WIFEXITED(st) || WIFSIGNALED(st)))
			tr_process_gone(t, st);
		return;
	}
	if (t->pidfd >= 0 && pidfd_ended(t->pidfd, 0))
		report_unknown_exit(t);
}

void tr_untraced_kill(struct tracer *t)
{
	if (!t->pid)
		return;
	kill(t->pid, SIGKILL);
	if (t->launched) {
		int st;
		while (waitpid(t->pid, &st, 0) < 0 && errno == EINTR)
			;
	} else if (t->pidfd >= 0) {
		pidfd_ended(t->pidfd, 10000);
	} else {
		/* no pidfd (an old kernel): wait until the pid is gone, at most 10 s */
		struct timespec ms = {0, 1000000};
		for (int i = 0; i < 10000 && kill(t->pid, 0) == 0; i++)
			nanosleep(&ms, NULL);
	}
	tr_forget_process(t);
}

void tr_untraced_let_go(struct tracer *t)
{
	/* a launched program stays our child: its exit is reaped later (events.c) */
	for (size_t i = 0; t->launched && i < sizeof(t->let_go) / sizeof(t->let_go[0]); i++) {
		if (!t->let_go[i]) {
			t->let_go[i] = t->pid;
			break;
		}
	}
	tr_forget_process(t);
}

bool tr_let_go_reaped(struct tracer *t, pid_t pid)
{
	for (size_t i = 0; i < sizeof(t->let_go) / sizeof(t->let_go[0]); i++) {
		if (t->let_go[i] == pid) {
			t->let_go[i] = 0;
			return true;
		}
	}
	return false;
}
