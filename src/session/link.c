/* link.c: the session's end of the tracer protocol: starting mixdbg-tracer, calls that wait
 * for their reply, and the queue of events that arrive in between. */
#include "session/ses_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/xalloc.h"

static char *default_tracer_path(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return xstrdup("mixdbg-tracer");
	self[n] = 0;
	char *slash = strrchr(self, '/');
	if (slash)
		slash[1] = 0;
	return xasprintf("%smixdbg-tracer", self);
}

int ses_link_start(struct ses *s, const char *tracer_path, struct mx_err *err)
{
	char *path = tracer_path ? xstrdup(tracer_path) : default_tracer_path();
	if (access(path, X_OK) != 0) {
		int e = errno;
		mx_err_errno(err, e, "cannot run the tracer '%s'", path);
		free(path);
		return -1;
	}
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		free(path);
		return mx_err_errno(err, errno, "cannot create the tracer socket");
	}
	pid_t pid = fork();
	if (pid < 0) {
		free(path);
		return mx_err_errno(err, errno, "cannot start the tracer");
	}
	if (pid == 0) {
		/* The tracer gets its socket as fd 3 and nothing else beyond stdio: a descriptor
		 * inherited from our caller (a pipe a test reads to its end) must not be kept
		 * open by the tracer or the programs it starts. dup2() clears close-on-exec. */
		if (dup2(sv[1], 3) != 3)
			_exit(127);
		close_range(4, ~0u, 0);
		execl(path, "mixdbg-tracer", "--fd", "3", (char *)NULL);
		fprintf(stderr, "mixdbg: cannot execute %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	free(path);
	close(sv[1]);
	s->sock = sv[0];
	s->tracer_pid = pid;
	if (pipe2(s->intr_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		return mx_err_errno(err, errno, "cannot create the interrupt pipe");
	return 0;
}

void ses_link_stop(struct ses *s)
{
	if (s->sock >= 0)
		close(s->sock); /* end of file tells the tracer to clean up and exit */
	s->sock = -1;
	if (s->tracer_pid > 0) {
		int st;
		while (waitpid(s->tracer_pid, &st, 0) < 0 && errno == EINTR)
			;
	}
	s->tracer_pid = 0;
	for (size_t i = 0; i < s->nqueued; i++)
		tr_msg_free(&s->queued[i]);
	free(s->queued);
	s->queued = NULL;
	s->nqueued = s->cap_queued = 0;
	for (int i = 0; i < 2; i++)
		if (s->intr_pipe[i] >= 0)
			close(s->intr_pipe[i]);
	s->intr_pipe[0] = s->intr_pipe[1] = -1;
}

static void queue_push(struct ses *s, struct tr_msg *m)
{
	xgrow((void **)&s->queued, &s->cap_queued, s->nqueued + 1, sizeof(*s->queued));
	s->queued[s->nqueued++] = *m;
}

int ses_call(struct ses *s, uint32_t kind, const void *p, uint32_t len, struct tr_msg *reply,
	     struct mx_err *err)
{
	uint32_t seq = ++s->next_seq;
	if (s->sock < 0 || tr_send(s->sock, kind, seq, 0, p, len, -1) != 0)
		return mx_err_set(err, "the tracer process is gone"), -EPIPE;
	for (;;) {
		struct tr_msg m;
		int r = tr_recv(s->sock, &m);
		if (r) {
			tr_msg_free(&m);
			mx_err_set(err, "the tracer process is gone");
			return -EPIPE;
		}
		if (m.hdr.kind != TR_REPLY) {
			queue_push(s, &m);
			continue;
		}
		if (m.hdr.seq != seq) {
			tr_msg_free(&m); /* a reply nobody waits for any more */
			continue;
		}
		int status = m.hdr.status;
		if (status && err)
			mx_err_set(err, "%s", m.hdr.len ? (char *)m.payload : strerror(-status));
		if (reply && !status) {
			*reply = m; /* the caller frees it */
		} else {
			tr_msg_free(&m);
			if (reply) {
				reply->payload = NULL;
				reply->fd = -1;
			}
		}
		return status;
	}
}

int ses_next_event(struct ses *s, struct tr_msg *m, int timeout_ms)
{
	if (s->nqueued) {
		*m = s->queued[0];
		memmove(s->queued, s->queued + 1, (s->nqueued - 1) * sizeof(*s->queued));
		s->nqueued--;
		return 1;
	}
	for (;;) {
		/* the tracer, the interrupt pipe, and the managed side's descriptors */
		struct pollfd pf[4] = {{.fd = s->sock, .events = POLLIN},
				       {.fd = s->intr_pipe[0], .events = POLLIN}};
		int extra[2];
		size_t nextra = ses_managed_fds(s, extra, 2);
		for (size_t i = 0; i < nextra; i++)
			pf[2 + i] = (struct pollfd){.fd = extra[i], .events = POLLIN};
		int pr = poll(pf, 2 + (nfds_t)nextra, timeout_ms);
		if (pr < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (pr == 0)
			return 2; /* timed out */
		if (pf[1].revents & POLLIN) {
			char buf[64];
			while (read(s->intr_pipe[0], buf, sizeof(buf)) > 0)
				;
			return 0;
		}
		for (size_t i = 0; i < nextra; i++)
			if (pf[2 + i].revents & POLLIN)
				return 3;
		if (!(pf[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (tr_recv(s->sock, m) != 0) {
			tr_msg_free(m);
			return -1;
		}
		if (m->hdr.kind == TR_REPLY) {
			tr_msg_free(m);
			continue;
		}
		return 1;
	}
}

void ses_request_interrupt(struct ses *s)
{
	if (s && s->intr_pipe[1] >= 0) {
		int saved = errno;
		if (write(s->intr_pipe[1], "i", 1) < 0) {
			/* the pipe is full: an interrupt is already pending */
		}
		errno = saved;
	}
}
