/* dap_queue.c: the requests waiting for the main thread, in arrival order (callers hold the
 * connection's mutex). */
#include "dap/dap_conn.h"

#include <stdlib.h>

void dap_queue_push(struct dap_conn *c, struct dap_qitem *it)
{
	it->next = NULL;
	if (c->qtail)
		c->qtail->next = it;
	else
		c->qhead = it;
	c->qtail = it;
	pthread_cond_signal(&c->cond);
}

struct dap_qitem *dap_queue_pop(struct dap_conn *c)
{
	struct dap_qitem *it = c->qhead;
	if (it) {
		c->qhead = it->next;
		if (!c->qhead)
			c->qtail = NULL;
	}
	return it;
}

struct dap_qitem *dap_queue_take(struct dap_conn *c, bool (*pred)(const char *command))
{
	struct dap_qitem *prev = NULL;
	for (struct dap_qitem *it = c->qhead; it; prev = it, it = it->next) {
		if (!pred(it->req.command))
			continue;
		if (prev)
			prev->next = it->next;
		else
			c->qhead = it->next;
		if (c->qtail == it)
			c->qtail = prev;
		return it;
	}
	return NULL;
}

bool dap_queue_any(struct dap_conn *c, bool (*pred)(const char *command))
{
	for (struct dap_qitem *it = c->qhead; it; it = it->next)
		if (pred(it->req.command))
			return true;
	return false;
}

void dap_queue_free_all(struct dap_conn *c)
{
	struct dap_qitem *it;
	while ((it = dap_queue_pop(c))) {
		dap_req_free(&it->req);
		free(it);
	}
}
