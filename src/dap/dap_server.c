/* dap_server.c: where sessions come from: standard input and output, or TCP connections to
 * 127.0.0.1 or the address given (each served in a forked process of its own, so one session
 * cannot disturb another), and the main thread's loop over one connection's requests. */
#include "dap/dap_conn.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/xalloc.h"

static void conn_free(struct dap_conn *c)
{
	dap_queue_free_all(c);
	dap_breakpoints_free(c);
	dap_sources_free(c);
	free(c->frames);
	dap_var_refs_free(c);
	json_decref(c->thread_list);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->mu);
	dap_out_destroy(&c->out);
	free(c);
}

int dap_serve_fds(int in_fd, int out_fd, const struct dap_options *opt)
{
	struct dap_conn *c = xcalloc(1, sizeof(*c));
	dap_out_init(&c->out, out_fd);
	c->in_fd = in_fd;
	c->wake[0] = c->wake[1] = -1;
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cond, NULL);
	c->lines_from_1 = c->columns_from_1 = true;
	c->thread_list = json_array();
	struct ses_options so = {.debug_dirs = opt ? opt->debug_dirs : NULL};
	struct mx_err err;
	if (ses_new(&c->ses, &so, dap_on_note, c, &err) != 0) {
		fprintf(stderr, "mixdbg: %s\n", err.msg);
		dap_console(&c->out, "mixdbg: cannot start a debugging session: %s", err.msg);
		conn_free(c);
		return 1;
	}
	if (dap_reader_start(c) != 0) {
		fprintf(stderr, "mixdbg: cannot start the request reader: %s\n", strerror(errno));
		ses_free(c->ses);
		conn_free(c);
		return 1;
	}
	for (;;) {
		pthread_mutex_lock(&c->mu);
		while (!c->qhead && !c->eof)
			pthread_cond_wait(&c->cond, &c->mu);
		struct dap_qitem *it = dap_queue_pop(c);
		/* from now until it runs the program, a pause is for that run */
		c->run_pending = it && dap_runs_program(it->req.command);
		pthread_mutex_unlock(&c->mu);
		if (!it)
			break; /* end of input, everything served */
		dap_dispatch(c, &it->req);
		dap_req_free(&it->req);
		free(it);
		pthread_mutex_lock(&c->mu);
		c->run_pending = false;
		if (!dap_queue_any(c, dap_runs_program))
			c->pause_deferred = false; /* no run is coming that it could stop */
		pthread_mutex_unlock(&c->mu);
		if (c->quit || c->out.broken)
			break;
	}
	dap_end_session(c);
	dap_reader_stop(c);
	dap_stdio_stop(c);
	ses_free(c->ses);
	conn_free(c);
	return 0;
}

int dap_serve_stdio(const struct dap_options *opt)
{
	/* The protocol owns the real stdin and stdout. Descriptors 0 and 1 become /dev/null and
	 * stderr, so that nothing else (the tracer, a library that prints, the program) can read
	 * requests or write into the stream. */
	int in = fcntl(0, F_DUPFD_CLOEXEC, 3), out = fcntl(1, F_DUPFD_CLOEXEC, 3);
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (in < 0 || out < 0 || null < 0) {
		fprintf(stderr, "mixdbg: cannot set up standard input and output: %s\n",
			strerror(errno));
		return 1;
	}
	dup2(null, 0);
	dup2(2, 1);
	close(null);
	signal(SIGPIPE, SIG_IGN);
	int rc = dap_serve_fds(in, out, opt);
	close(in);
	close(out);
	return rc;
}

/* Splits "PORT" or "HOST:PORT" ("[V6]:PORT" for an IPv6 address); false with why. */
static bool split_address(const char *where, char *host, size_t hostlen, char *port, size_t portlen,
			  char *why, size_t whylen)
{
	const char *colon = strrchr(where, ':');
	const char *p = colon ? colon + 1 : where;
	snprintf(host, hostlen, "127.0.0.1"); /* loopback unless told otherwise */
	if (colon) {
		const char *h = where;
		size_t n = (size_t)(colon - where);
		if (n >= 2 && h[0] == '[' && h[n - 1] == ']') {
			h++;
			n -= 2;
		} else if (memchr(h, ':', n)) {
			snprintf(why, whylen, "an IPv6 address goes in brackets ([::1]:4711)");
			return false;
		}
		if (n == 0 || n >= hostlen) {
			snprintf(why, whylen, "%s host before the ':'", n ? "too long a" : "no");
			return false;
		}
		snprintf(host, hostlen, "%.*s", (int)n, h);
	}
	char *end;
	errno = 0;
	long v = strtol(p, &end, 10);
	if (errno || end == p || *end || v < 0 || v > 65535) {
		snprintf(why, whylen, "bad port '%s' (0-65535)", p);
		return false;
	}
	snprintf(port, portlen, "%ld", v);
	return true;
}

/* A listening socket on where; -1 after saying why on stderr. */
static int listen_on(const char *where)
{
	char host[256], port[8], why[300];
	if (!split_address(where, host, sizeof(host), port, sizeof(port), why, sizeof(why))) {
		fprintf(stderr, "mixdbg: bad address '%s' for --server: %s\n", where, why);
		return -1;
	}
	struct addrinfo hints = {.ai_family = AF_UNSPEC,
				 .ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_NUMERICSERV | AI_PASSIVE},
			*res = NULL;
	int gai = getaddrinfo(host, port, &hints, &res);
	if (gai != 0) {
		fprintf(stderr, "mixdbg: cannot listen on '%s': host '%s': %s\n", where, host,
			gai == EAI_SYSTEM ? strerror(errno) : gai_strerror(gai));
		return -1;
	}
	int ls = -1, saved = 0;
	for (struct addrinfo *ai = res; ai && ls < 0; ai = ai->ai_next) {
		ls = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (ls < 0) {
			saved = errno;
			continue;
		}
		int one = 1;
		setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(ls, ai->ai_addr, ai->ai_addrlen) != 0 || listen(ls, 16) != 0) {
			saved = errno;
			close(ls);
			ls = -1;
		}
	}
	freeaddrinfo(res);
	if (ls < 0)
		fprintf(stderr, "mixdbg: cannot listen on %s:%s: %s\n", host, port,
			strerror(saved));
	return ls;
}

int dap_serve_tcp(const char *where, const struct dap_options *opt)
{
	char dflt[16];
	if (!where) {
		snprintf(dflt, sizeof(dflt), "%d", DAP_DEFAULT_PORT);
		where = dflt;
	}
	int ls = listen_on(where);
	if (ls < 0)
		return 1;
	struct sockaddr_storage a;
	socklen_t alen = sizeof(a);
	char host[INET6_ADDRSTRLEN] = "?";
	int port = 0;
	getsockname(ls, (struct sockaddr *)&a, &alen);
	if (a.ss_family == AF_INET6) {
		const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)&a;
		inet_ntop(AF_INET6, &a6->sin6_addr, host, sizeof(host));
		port = ntohs(a6->sin6_port);
		fprintf(stderr, "mixdbg: DAP server listening on [%s]:%d\n", host, port);
	} else {
		const struct sockaddr_in *a4 = (const struct sockaddr_in *)&a;
		inet_ntop(AF_INET, &a4->sin_addr, host, sizeof(host));
		port = ntohs(a4->sin_port);
		fprintf(stderr, "mixdbg: DAP server listening on %s:%d\n", host, port);
	}
	fflush(stderr);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, 0); /* programs started for clients must not read our terminal */
		close(null);
	}
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa = {.sa_handler = SIG_DFL, .sa_flags = SA_NOCLDWAIT};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL); /* connection processes reap themselves */
	for (;;) {
		int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			fprintf(stderr, "mixdbg: accept: %s\n", strerror(errno));
			close(ls);
			return 1;
		}
		pid_t pid = fork();
		if (pid == 0) {
			close(ls);
			signal(SIGCHLD, SIG_DFL); /* the session waits for its tracer */
			int rc = dap_serve_fds(fd, fd, opt);
			close(fd);
			exit(rc);
		}
		if (pid < 0)
			fprintf(stderr, "mixdbg: cannot serve a connection: %s\n", strerror(errno));
		close(fd);
	}
}
