/* dap_stdio.c: the launched program's standard streams. Its stdin is /dev/null (the client's
 * requests must never reach it), its stdout and stderr are pipes that a thread of ours reads
 * and sends as output events of category "stdout" and "stderr". Before a stop or the exit is
 * told, the main thread drains the pipes, so the output comes first, in order. */
#include "dap/dap_conn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_utf8.h"
#include "util/xalloc.h"

#define CHUNK 65536

struct dap_stdio {
	struct dap_out *out;
	int rd[2];	  /* our read ends: stdout, stderr (closed only at the end) */
	bool done[2];	  /* that stream reached its end */
	int child[3];	  /* the program's ends: /dev/null, stdout, stderr (until launched) */
	int wake[2];	  /* stops the thread */
	char carry[2][4]; /* the start of a UTF-8 character cut by a read */
	size_t ncarry[2];
	pthread_mutex_t mu; /* one reader at a time: the thread or a drain */
	pthread_t thread;
	bool started;
	char *buf;
};

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Reads what stream k has now and sends it (io->mu held). */
static void read_stream(struct dap_stdio *io, int k)
{
	static const char *const category[2] = {"stdout", "stderr"};
	while (io->rd[k] >= 0 && !io->done[k]) {
		size_t held = io->ncarry[k];
		memcpy(io->buf, io->carry[k], held);
		ssize_t n = read(io->rd[k], io->buf + held, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			/* the program and everything it started closed the stream */
			if (held)
				dap_output(io->out, category[k], io->buf, held);
			io->ncarry[k] = 0;
			io->done[k] = true;
			return;
		}
		size_t total = held + (size_t)n;
		size_t cut = dap_utf8_incomplete_tail(io->buf, total);
		if (total > cut)
			dap_output(io->out, category[k], io->buf, total - cut);
		memcpy(io->carry[k], io->buf + total - cut, cut);
		io->ncarry[k] = cut;
	}
}

static void *stdio_main(void *arg)
{
	struct dap_stdio *io = arg;
	for (;;) {
		struct pollfd pf[3] = {{.fd = io->wake[0], .events = POLLIN}};
		int which[3];
		nfds_t n = 1;
		pthread_mutex_lock(&io->mu);
		for (int k = 0; k < 2; k++) {
			if (io->rd[k] < 0 || io->done[k])
				continue;
			pf[n] = (struct pollfd){.fd = io->rd[k], .events = POLLIN};
			which[n++] = k;
		}
		pthread_mutex_unlock(&io->mu);
		if (n == 1)
			break; /* both streams ended */
		if (poll(pf, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].revents)
			break;
		pthread_mutex_lock(&io->mu);
		for (nfds_t i = 1; i < n; i++)
			if (pf[i].revents)
				read_stream(io, which[i]);
		pthread_mutex_unlock(&io->mu);
	}
	return NULL;
}

int dap_stdio_start(struct dap_conn *c, int fds[3])
{
	fds[0] = fds[1] = fds[2] = -1;
	struct dap_stdio *io = xcalloc(1, sizeof(*io));
	io->out = &c->out;
	io->rd[0] = io->rd[1] = io->wake[0] = io->wake[1] = -1;
	io->child[0] = io->child[1] = io->child[2] = -1;
	pthread_mutex_init(&io->mu, NULL);
	io->buf = xmalloc(CHUNK + 8);
	c->stdio = io;
	int p[2][2];
	io->child[0] = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (io->child[0] < 0 || pipe2(p[0], O_CLOEXEC) != 0)
		return -1;
	io->rd[0] = p[0][0];
	io->child[1] = p[0][1];
	if (pipe2(p[1], O_CLOEXEC) != 0)
		return -1;
	io->rd[1] = p[1][0];
	io->child[2] = p[1][1];
	if (pipe2(io->wake, O_CLOEXEC) != 0)
		return -1;
	for (int k = 0; k < 2; k++)
		fcntl(io->rd[k], F_SETFL, fcntl(io->rd[k], F_GETFL) | O_NONBLOCK);
	if (pthread_create(&io->thread, NULL, stdio_main, io) != 0)
		return -1;
	io->started = true;
	for (int i = 0; i < 3; i++)
		fds[i] = io->child[i];
	return 0;
}

void dap_stdio_launched(struct dap_conn *c)
{
	if (!c->stdio)
		return;
	for (int i = 0; i < 3; i++)
		close_fd(&c->stdio->child[i]);
}

void dap_stdio_drain(struct dap_conn *c)
{
	struct dap_stdio *io = c->stdio;
	if (!io)
		return;
	pthread_mutex_lock(&io->mu);
	for (int k = 0; k < 2; k++)
		read_stream(io, k);
	pthread_mutex_unlock(&io->mu);
}

void dap_stdio_stop(struct dap_conn *c)
{
	struct dap_stdio *io = c->stdio;
	if (!io)
		return;
	if (io->started) {
		if (write(io->wake[1], "x", 1) < 0) {
			/* the thread ends when the streams close anyway */
		}
		pthread_join(io->thread, NULL);
	}
	dap_stdio_drain(c);
	for (int i = 0; i < 3; i++)
		close_fd(&io->child[i]);
	for (int k = 0; k < 2; k++) {
		close_fd(&io->rd[k]);
		close_fd(&io->wake[k]);
	}
	pthread_mutex_destroy(&io->mu);
	free(io->buf);
	free(io);
	c->stdio = NULL;
}
