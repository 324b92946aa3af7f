/* main.c: mixdbg-tracer's entry point and request loop.
 *
 * Usage: mixdbg-tracer --fd N   (N: our end of the session's socketpair)
 *
 * The loop blocks in poll() on the socket and on a signalfd for SIGCHLD; it never sleeps to
 * poll. When the session goes away (end of file), breakpoints are removed and an attached
 * process is detached, a launched one killed: the debuggee is never left with int3 bytes.
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <unistd.h>

static void reply(struct tracer *t, uint32_t seq, int status, const void *p, uint32_t len, int fd)
{
	tr_send(t->sock, TR_REPLY, seq, status, p, len, fd);
}

static void reply_err(struct tracer *t, uint32_t seq, int status, const char *msg)
{
	reply(t, seq, status, msg, (uint32_t)strlen(msg) + 1, -1);
}

static bool need(struct tracer *t, const struct tr_msg *m, size_t size)
{
	if (m->hdr.len < size) {
		reply_err(t, m->hdr.seq, -EINVAL, "malformed request");
		return false;
	}
	return true;
}

static bool need_process(struct tracer *t, const struct tr_msg *m, bool stopped)
{
	if (!t->pid) {
		reply_err(t, m->hdr.seq, -ESRCH, "the program is not being run");
		return false;
	}
	if (t->untraced) {
		reply_err(t, m->hdr.seq, -EPERM,
			  "the program is not traced (managed-only mode): that needs mixed mode");
		return false;
	}
	if (stopped && t->running) {
		reply_err(t, m->hdr.seq, -EBUSY, "the program is running");
		return false;
	}
	return true;
}

static void send_started(struct tracer *t, uint32_t seq)
{
	struct tr_launched l = {.pid = t->pid, .nthreads = (uint32_t)t->nthreads};
	int fd = dup(t->memfd);
	reply(t, seq, 0, &l, sizeof(l), fd);
	if (fd >= 0)
		close(fd);
}

static void forget_launch_stdio(struct tracer *t)
{
	for (int i = 0; i < 3; i++) {
		if (t->launch_stdio[i] >= 0)
			close(t->launch_stdio[i]);
		t->launch_stdio[i] = -1;
	}
}

/* Runs tr_launch with the TR_REQ_STDIO descriptors in place of our own 0, 1 and 2 (the child
 * inherits them through fork and exec), then puts ours back. We are single-threaded, so
 * nothing else sees the swap; the kept descriptors are used once. */
static int launch_with_stdio(struct tracer *t, const struct tr_msg *m, char *err, size_t errlen)
{
	int saved[3] = {-1, -1, -1};
	for (int i = 0; i < 3; i++) {
		if (t->launch_stdio[i] < 0)
			continue;
		saved[i] = fcntl(i, F_DUPFD_CLOEXEC, 3); /* -1 if ours was closed */
		dup2(t->launch_stdio[i], i);
	}
	int r = tr_launch(t, m->payload, m->hdr.len, err, errlen);
	for (int i = 0; i < 3; i++) {
		if (t->launch_stdio[i] < 0)
			continue;
		if (saved[i] >= 0) {
			dup2(saved[i], i);
			close(saved[i]);
		} else {
			close(i);
		}
	}
	forget_launch_stdio(t);
	return r;
}

static void handle(struct tracer *t, struct tr_msg *m)
{
	char err[512];
	uint32_t seq = m->hdr.seq;
	switch (m->hdr.kind) {
	case TR_REQ_STDIO: {
		struct tr_stdio sio;
		if (!need(t, m, sizeof(sio)))
			return;
		memcpy(&sio, m->payload, sizeof(sio));
		if (sio.which < 0 || sio.which > 2) {
			reply_err(t, seq, -EINVAL, "no such standard stream");
			return;
		}
		if (t->launch_stdio[sio.which] >= 0)
			close(t->launch_stdio[sio.which]);
		t->launch_stdio[sio.which] = -1; /* none: the program inherits ours again */
		if (m->fd >= 0) {
			/* above 2, so that putting one in place of our 0, 1 or 2 never replaces
			 * another of them */
			t->launch_stdio[sio.which] = fcntl(m->fd, F_DUPFD_CLOEXEC, 3);
			close(m->fd);
			m->fd = -1;
		}
		reply(t, seq, 0, NULL, 0, -1);
		return;
	}
	case TR_REQ_LAUNCH: {
		if (t->pid) {
			reply_err(t, seq, -EBUSY, "a program is already being debugged");
			return;
		}
		int r = launch_with_stdio(t, m, err, sizeof(err));
		if (r)
			reply_err(t, seq, r, err);
		else
			send_started(t, seq);
		return;
	}
	case TR_REQ_ATTACH: {
		struct tr_pid p;
		if (!need(t, m, sizeof(p)))
			return;
		if (t->pid) {
			reply_err(t, seq, -EBUSY, "a program is already being debugged");
			return;
		}
		memcpy(&p, m->payload, sizeof(p));
		int r = tr_attach(t, p.pid, err, sizeof(err));
		if (r)
			reply_err(t, seq, r, err);
		else
			send_started(t, seq);
		return;
	}
	case TR_REQ_CONT:
	case TR_REQ_CONT_HOLD: {
		if (!need_process(t, m, true))
			return;
		struct tr_pid hold = {0};
		if (m->hdr.kind == TR_REQ_CONT_HOLD && m->hdr.len >= sizeof(hold))
			memcpy(&hold, m->payload, sizeof(hold));
		if (hold.pid && tr_event_pending(t)) {
			/* the continue would report that event at once, and the session, which
			 * stops the runtime next, would wait for it forever */
			reply_err(t, seq, -EAGAIN, "another thread has an event to report");
			return;
		}
		tr_thaw(t);
		t->hold_tid = hold.pid;
		reply(t, seq, 0, NULL, 0, -1);
		tr_continue(t);
		return;
	}
	case TR_REQ_USER_FREEZE: {
		struct tr_user_freeze f;
		if (!need(t, m, sizeof(f)) || !need_process(t, m, true))
			return;
		memcpy(&f, m->payload, sizeof(f));
		struct tr_thread *th = tr_thread_find(t, f.tid);
		if (!th || th->exiting) {
			snprintf(err, sizeof(err), "no thread %d", f.tid);
			reply_err(t, seq, -ESRCH, err);
			return;
		}
		/* a stopped program: the flag is honoured at the next resume (finish_stop) */
		th->user_frozen = f.frozen != 0;
		reply(t, seq, 0, NULL, 0, -1);
		return;
	}
	case TR_REQ_RELEASE: {
		struct tr_pid rel = {0};
		if (m->hdr.len >= sizeof(rel))
			memcpy(&rel, m->payload, sizeof(rel));
		reply(t, seq, 0, NULL, 0, -1);
		if (t->pid)
			tr_release(t, rel.pid);
		return;
	}
	case TR_REQ_FREEZE: {
		struct tr_freeze f;
		if (!need(t, m, sizeof(f)) || !need_process(t, m, false))
			return;
		memcpy(&f, m->payload, sizeof(f));
		if (f.nkeep > (m->hdr.len - sizeof(f)) / sizeof(int32_t)) {
			reply_err(t, seq, -EINVAL, "short freeze request");
			return;
		}
		int32_t *keep = calloc(f.nkeep + 1, sizeof(*keep));
		if (!keep) {
			reply_err(t, seq, -ENOMEM, "out of memory");
			return;
		}
		memcpy(keep, (const char *)m->payload + sizeof(f), f.nkeep * sizeof(*keep));
		int r = tr_freeze(t, keep, f.nkeep);
		free(keep);
		struct tr_frozen fr = {.over_stop = t->frozen_over_stop};
		if (r)
			reply_err(t, seq, r, "the program cannot be frozen now");
		else
			reply(t, seq, 0, &fr, sizeof(fr), -1);
		return;
	}
	case TR_REQ_THAW:
		reply(t, seq, 0, NULL, 0, -1);
		tr_thaw(t);
		return;
	case TR_REQ_INTERRUPT:
		if (!need_process(t, m, false))
			return;
		if (!t->running) {
			reply_err(t, seq, -EALREADY, "the program is already stopped");
			return;
		}
		reply(t, seq, 0, NULL, 0, -1);
		tr_interrupt(t);
		return;
	case TR_REQ_DETACH:
		if (t->untraced) {
			tr_untraced_let_go(t);
		} else {
			if (!need_process(t, m, false))
				return;
			tr_thaw(t);
			tr_detach(t);
		}
		reply(t, seq, 0, NULL, 0, -1);
		return;
	case TR_REQ_KILL:
		if (t->untraced) {
			tr_untraced_kill(t);
		} else {
			if (!need_process(t, m, false))
				return;
			tr_kill(t);
		}
		reply(t, seq, 0, NULL, 0, -1);
		return;
	case TR_REQ_UNTRACE:
		if (t->untraced) {
			reply(t, seq, 0, NULL, 0, -1);
			return;
		}
		if (!need_process(t, m, false))
			return;
		tr_untrace(t);
		if (!t->pid) {
			reply_err(t, seq, -ESRCH, "the program exited");
			return;
		}
		reply(t, seq, 0, NULL, 0, -1);
		return;
	case TR_REQ_BP_INSERT:
	case TR_REQ_BP_REMOVE: {
		/* Allowed while the program runs (at a managed stop the runtime's service threads
		 * run while the tracer holds the others): writing one int3 byte through
		 * /proc/PID/mem is seen whole by a running thread, a thread that hits a new one
		 * finds it in the table, and one whose hit of a removed one is still queued is
		 * recognized by the address (events.c, hit_removed_breakpoint). */
		struct tr_bp b;
		if (!need(t, m, sizeof(b)) || !need_process(t, m, false))
			return;
		memcpy(&b, m->payload, sizeof(b));
		if (m->hdr.kind == TR_REQ_BP_REMOVE) {
			int r = tr_bp_remove(t, &b);
			reply(t, seq, r, NULL, 0, -1);
			return;
		}
		struct tr_bp_inserted ins = {0};
		int r = tr_bp_insert(t, &b, &ins.orig);
		if (r) {
			snprintf(err, sizeof(err), "cannot insert breakpoint at 0x%llx: %s",
				 (unsigned long long)b.addr,
				 r == -EFAULT ? "address not mapped" : strerror(-r));
			reply_err(t, seq, r, err);
		} else {
			reply(t, seq, 0, &ins, sizeof(ins), -1);
		}
		return;
	}
	case TR_REQ_GROUP_SET:
	case TR_REQ_GROUP_GET: {
		struct tr_group g;
		if (!need(t, m, sizeof(g)))
			return;
		memcpy(&g, m->payload, sizeof(g));
		struct tr_group *tg = tr_group_get(t, g.id);
		if (m->hdr.kind == TR_REQ_GROUP_SET)
			tg->ignore = g.ignore;
		g = *tg;
		reply(t, seq, 0, &g, sizeof(g), -1);
		return;
	}
	case TR_REQ_GET_REGS:
	case TR_REQ_SET_REGS: {
		struct tr_regs r;
		size_t size = m->hdr.kind == TR_REQ_GET_REGS ? sizeof(struct tr_pid) : sizeof(r);
		if (!need(t, m, size) || !need_process(t, m, true))
			return;
		memcpy(&r, m->payload, size);
		struct tr_thread *th = tr_thread_find(t, r.tid);
		if (!th || !th->stopped) {
			snprintf(err, sizeof(err), "no stopped thread %d", r.tid);
			reply_err(t, seq, -ESRCH, err);
			return;
		}
		long rc = ptrace(m->hdr.kind == TR_REQ_GET_REGS ? PTRACE_GETREGS : PTRACE_SETREGS,
				 r.tid, 0, &r.regs);
		if (rc != 0) {
			snprintf(err, sizeof(err), "cannot access registers of thread %d: %s",
				 r.tid, strerror(errno));
			reply_err(t, seq, -errno, err);
			return;
		}
		if (m->hdr.kind == TR_REQ_SET_REGS && th->hit_addr && r.regs.rip != th->hit_addr)
			th->hit_addr = 0; /* the session moved the thread; no step-over owed */
		reply(t, seq, 0, &r.regs, sizeof(r.regs), -1);
		return;
	}
	case TR_REQ_GET_FPREGS: {
		struct tr_pid p;
		struct tr_fpregs fr;
		if (!need(t, m, sizeof(p)) || !need_process(t, m, true))
			return;
		memcpy(&p, m->payload, sizeof(p));
		struct tr_thread *th = tr_thread_find(t, p.pid);
		if (!th || !th->stopped) {
			snprintf(err, sizeof(err), "no stopped thread %d", p.pid);
			reply_err(t, seq, -ESRCH, err);
			return;
		}
		int rc = tr_read_fpregs(p.pid, &fr, err, sizeof(err));
		if (rc != 0)
			reply_err(t, seq, rc, err);
		else
			reply(t, seq, 0, &fr, sizeof(fr), -1);
		return;
	}
	case TR_REQ_THREADS: {
		struct tr_thread_info *v = calloc(t->nthreads + 1, sizeof(*v));
		uint32_t n = 0;
		for (size_t i = 0; v && i < t->nthreads; i++) {
			if (t->threads[i].exiting)
				continue;
			v[n].tid = t->threads[i].tid;
			v[n++].flags = t->threads[i].tid == t->pid ? TR_THREAD_LEADER : 0;
		}
		reply(t, seq, 0, v, n * (uint32_t)sizeof(*v), -1);
		free(v);
		return;
	}
	case TR_REQ_SIGNAL_POLICY: {
		struct tr_sigpolicy p;
		if (!need(t, m, sizeof(p)))
			return;
		memcpy(&p, m->payload, sizeof(p));
		if (p.signo < 1 || p.signo > 64) {
			reply_err(t, seq, -EINVAL, "no such signal");
			return;
		}
		t->sigpolicy[p.signo] = (uint8_t)p.flags;
		reply(t, seq, 0, NULL, 0, -1);
		return;
	}
	case TR_REQ_SINGLESTEP: {
		struct tr_step p;
		if (!need(t, m, sizeof(p)) || !need_process(t, m, true))
			return;
		memcpy(&p, m->payload, sizeof(p));
		reply(t, seq, 0, NULL, 0, -1);
		tr_thaw(t);
		int r = tr_singlestep(t, p.tid, p.count ? p.count : 1);
		if (r) {
			struct tr_stop ev = {.reason = TR_STOP_STEP, .tid = p.tid};
			tr_send_event(t, TR_EV_STOP, &ev, sizeof(ev), -1);
		}
		return;
	}
	case TR_REQ_GROUP_UNHIT: {
		struct tr_group g;
		if (!need(t, m, sizeof(g)))
			return;
		memcpy(&g, m->payload, sizeof(g));
		struct tr_group *tg = tr_group_get(t, g.id);
		if (tg->hits)
			tg->hits--;
		reply(t, seq, 0, tg, sizeof(*tg), -1);
		return;
	}
	case TR_REQ_GROUP_COND: {
		struct tr_cond c;
		if (!need(t, m, sizeof(c)))
			return;
		memcpy(&c, m->payload, sizeof(c));
		if (c.len > TR_COND_MAX || m->hdr.len != sizeof(c) + c.len) {
			reply_err(t, seq, -EINVAL, "malformed condition program");
			return;
		}
		tr_cond_set(t, c.group, (const uint8_t *)m->payload + sizeof(c), c.len);
		reply(t, seq, 0, NULL, 0, -1);
		return;
	}
	case TR_REQ_WATCH: {
		struct tr_watch w;
		if (!need(t, m, sizeof(w)) || !need_process(t, m, true))
			return;
		memcpy(&w, m->payload, sizeof(w));
		int r = tr_watch_set(t, &w);
		if (r) {
			snprintf(err, sizeof(err),
				 r == -EINVAL ? "bad watchpoint (length 1, 2, 4 or 8, aligned)"
					      : "cannot set the debug registers: %s",
				 strerror(-r));
			reply_err(t, seq, r, err);
		} else {
			reply(t, seq, 0, NULL, 0, -1);
		}
		return;
	}
	default:
		snprintf(err, sizeof(err), "unknown request %u", m->hdr.kind);
		reply_err(t, seq, -ENOSYS, err);
	}
}

/* The session is gone: leave the debuggee as if never touched (or gone, if we started it). */
static void session_lost(struct tracer *t)
{
	if (!t->pid)
		return;
	if (t->untraced && t->launched)
		tr_untraced_kill(t);
	else if (t->untraced)
		tr_untraced_let_go(t); /* already left as it was */
	else if (t->launched)
		tr_kill(t);
	else
		tr_detach(t);
}

int main(int argc, char **argv)
{
	struct tracer t = {
	    .sock = -1, .sigfd = -1, .memfd = -1, .pidfd = -1, .launch_stdio = {-1, -1, -1}};
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--fd") && i + 1 < argc)
			t.sock = atoi(argv[++i]);
	if (t.sock < 0) {
		fprintf(stderr, "mixdbg-tracer: usage: mixdbg-tracer --fd N (started by mixdbg)\n");
		return 2;
	}
	/* Ctrl-C at the terminal is the session's to handle; we must survive it. */
	signal(SIGINT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	t.sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
	if (t.sigfd < 0) {
		perror("mixdbg-tracer: signalfd");
		return 1;
	}
	tr_default_sigpolicy(t.sigpolicy);
	/* for comparison and as an escape hatch: the classic step over breakpoints */
	const char *nd = getenv("MIXDBG_NO_DISPLACE");
	t.no_displace = nd && *nd && strcmp(nd, "0") != 0;
	/* conditions decided in the program (agent.c) unless this is set */
	const char *na = getenv("MIXDBG_NO_AGENT");
	t.no_agent = na && *na && strcmp(na, "0") != 0;
	struct pollfd pf[3] = {{.fd = t.sock, .events = POLLIN}, {.fd = t.sigfd, .events = POLLIN}};
	for (;;) {
		/* an untraced attached process: its end comes through its pidfd (untrace.c) */
		pf[2] = (struct pollfd){.fd = t.untraced ? t.pidfd : -1, .events = POLLIN};
		if (poll(pf, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[1].revents & POLLIN) {
			struct signalfd_siginfo ssi;
			while (read(t.sigfd, &ssi, sizeof(ssi)) == (ssize_t)sizeof(ssi))
				;
			if (t.untraced)
				tr_untraced_check_exit(&t);
			else
				tr_on_sigchld(&t);
		}
		if (pf[2].fd >= 0 && (pf[2].revents & (POLLIN | POLLHUP)))
			tr_untraced_check_exit(&t);
		if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			struct tr_msg m;
			int r = tr_recv(t.sock, &m);
			if (r) {
				tr_msg_free(&m);
				break;
			}
			handle(&t, &m);
			tr_msg_free(&m);
		}
	}
	session_lost(&t);
	forget_launch_stdio(&t);
	free(t.threads);
	free(t.groups);
	tr_bp_forget_all(&t);
	tr_displace_forget(&t);
	tr_cond_free_all(&t);
	close(t.sigfd);
	close(t.sock);
	return 0;
}
