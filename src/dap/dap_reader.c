/* dap_reader.c: the request reader thread. It reads what the client sends, cuts it into
 * messages, parses them, answers the malformed ones, and queues the rest for the main thread,
 * except while the program runs: then it answers `pause` (and interrupts the program),
 * `threads` (from the list of the last stop) and `continue` itself, interrupts the program
 * quietly for requests that need it stopped, and refuses the others (they would wait for a
 * stop that may never come). */
#include "dap/dap_conn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_frame.h"
#include "util/xalloc.h"

/* Asks the running program to stop (c->mu held). */
static void interrupt(struct dap_conn *c)
{
	ses_request_interrupt(c->ses);
	c->intr_outstanding = true;
}

static bool is(const char *cmd, const char *name)
{
	return strcmp(cmd, name) == 0;
}

/* Decides what becomes of one request (c->mu held); returns true if it was queued. */
static bool route(struct dap_conn *c, struct dap_qitem *it)
{
	struct dap_req *r = &it->req;
	const char *cmd = r->command;
	if (is(cmd, "pause")) {
		if (c->running) {
			c->pause_requested = true;
			interrupt(c);
			dap_respond(&c->out, r, NULL);
		} else if (c->run_pending || dap_queue_any(c, dap_runs_program)) {
			c->pause_deferred = true; /* the run that is coming stops at once */
			dap_respond(&c->out, r, NULL);
		} else if (c->has_process) {
			dap_respond(&c->out, r, NULL); /* already stopped */
		} else {
			dap_respond_error(&c->out, r->seq, cmd, DAP_ERR_STATE,
					  "There is no program to pause.");
		}
		return false;
	}
	/* the program runs, or the main thread took a request that is about to run it */
	bool busy = c->running || c->run_pending;
	if (!busy || c->ending)
		return true;
	if (!dap_command_known(cmd))
		return true; /* the main thread answers that it is not supported */
	if (is(cmd, "threads")) {
		json_t *body = json_object();
		json_object_set_new(body, "threads", json_deep_copy(c->thread_list));
		dap_respond(&c->out, r, body);
		return false;
	}
	if (is(cmd, "continue")) {
		json_t *body = json_object();
		json_object_set_new(body, "allThreadsContinued", json_true());
		dap_respond(&c->out, r, body); /* it runs already */
		return false;
	}
	if (is(cmd, "disconnect") || is(cmd, "terminate")) {
		c->ending = true; /* a run about to start sees it and does not */
		if (c->running)
			interrupt(c);
		return true;
	}
	if (dap_needs_quiet_stop(cmd)) {
		/* during a step the request waits for the step's end; during a continue the
		 * program is stopped for it and resumed (a run about to start checks the
		 * queue itself) */
		if (c->running && c->run_resumable && !c->intr_outstanding)
			interrupt(c);
		return true;
	}
	dap_respond_error(&c->out, r->seq, cmd, DAP_ERR_STATE,
			  "'%s' needs the program stopped, and it is running (pause it first).",
			  cmd);
	return false;
}

static void handle_body(struct dap_conn *c, const char *body, size_t len)
{
	struct dap_qitem *it = xcalloc(1, sizeof(*it));
	char why[400];
	enum dap_parse_result pr = dap_req_parse(body, len, &it->req, why, sizeof(why));
	if (pr == DAP_PARSE_BAD) {
		if (it->req.seq >= 0)
			dap_respond_error(&c->out, it->req.seq, it->req.command, DAP_ERR_MALFORMED,
					  "Malformed request: %s.", why);
		else
			dap_console(&c->out, "mixdbg: ignored a message that is no request: %s.",
				    why);
	}
	if (pr == DAP_PARSE_REQUEST) {
		pthread_mutex_lock(&c->mu);
		bool queued = route(c, it);
		if (queued)
			dap_queue_push(c, it);
		pthread_mutex_unlock(&c->mu);
		if (queued)
			return;
	}
	dap_req_free(&it->req);
	free(it);
}

static void *reader_main(void *arg)
{
	struct dap_conn *c = arg;
	struct dap_frame fr;
	dap_frame_init(&fr);
	char *buf = xmalloc(65536);
	for (;;) {
		struct pollfd pf[2] = {{.fd = c->in_fd, .events = POLLIN},
				       {.fd = c->wake[0], .events = POLLIN}};
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[1].revents)
			break; /* the main thread is done */
		ssize_t n = read(c->in_fd, buf, 65536);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break; /* the client is gone */
		dap_frame_feed(&fr, buf, (size_t)n);
		for (;;) {
			char *body, why[256];
			size_t len;
			enum dap_frame_result res =
			    dap_frame_next(&fr, &body, &len, why, sizeof(why));
			if (res == DAP_FRAME_NONE)
				break;
			if (res == DAP_FRAME_BAD) {
				dap_console(&c->out, "mixdbg: skipped malformed input: %s.", why);
				continue;
			}
			handle_body(c, body, len);
			free(body);
		}
	}
	free(buf);
	dap_frame_free(&fr);
	pthread_mutex_lock(&c->mu);
	c->eof = true;
	if (c->running && !c->ending) {
		c->ending = true;
		interrupt(c);
	}
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

int dap_reader_start(struct dap_conn *c)
{
	if (pipe2(c->wake, O_CLOEXEC) != 0)
		return -1;
	if (pthread_create(&c->reader, NULL, reader_main, c) != 0)
		return -1;
	c->reader_started = true;
	return 0;
}

void dap_reader_stop(struct dap_conn *c)
{
	if (c->reader_started) {
		if (write(c->wake[1], "x", 1) < 0) {
			/* the thread ends at end of input anyway */
		}
		pthread_join(c->reader, NULL);
		c->reader_started = false;
	}
	for (int i = 0; i < 2; i++)
		if (c->wake[i] >= 0)
			close(c->wake[i]);
	c->wake[0] = c->wake[1] = -1;
}
