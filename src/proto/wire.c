/* wire.c: framing of tracer protocol messages over a SOCK_STREAM socketpair (see proto.h).
 * A descriptor rides as SCM_RIGHTS ancillary data on the header's sendmsg. */
#include "proto/proto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int tr_send(int sock, uint32_t kind, uint32_t seq, int32_t status, const void *payload,
	    uint32_t len, int fd)
{
	struct tr_hdr h = {.kind = kind, .len = len, .seq = seq, .status = status};
	struct iovec iov[2] = {{&h, sizeof(h)}, {(void *)payload, len}};
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = len ? 2 : 1};
	if (fd >= 0) {
		memset(&ctl, 0, sizeof(ctl));
		msg.msg_control = ctl.buf;
		msg.msg_controllen = sizeof(ctl.buf);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	size_t total = sizeof(h) + len;
	size_t sent = 0;
	while (sent < total) {
		ssize_t n = sendmsg(sock, &msg, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		sent += (size_t)n;
		/* the descriptor went with the first chunk; advance the iovecs past what was sent
		 */
		msg.msg_control = NULL;
		msg.msg_controllen = 0;
		size_t skip = (size_t)n;
		while (msg.msg_iovlen && skip >= msg.msg_iov[0].iov_len) {
			skip -= msg.msg_iov[0].iov_len;
			msg.msg_iov++;
			msg.msg_iovlen--;
		}
		if (msg.msg_iovlen) {
			msg.msg_iov[0].iov_base = (char *)msg.msg_iov[0].iov_base + skip;
			msg.msg_iov[0].iov_len -= skip;
		}
	}
	return 0;
}

static int read_full(int sock, void *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = read(sock, (char *)buf + got, len - got);
		if (n == 0)
			return -EPIPE;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		got += (size_t)n;
	}
	return 0;
}

int tr_recv(int sock, struct tr_msg *m)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct iovec iov = {&m->hdr, sizeof(m->hdr)};
	struct msghdr msg = {.msg_iov = &iov,
			     .msg_iovlen = 1,
			     .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf)};
	m->payload = NULL;
	m->fd = -1;
	ssize_t n;
	do
		n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		return -EPIPE;
	if (n < 0)
		return -errno;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			memcpy(&m->fd, CMSG_DATA(c), sizeof(int));
	if ((size_t)n < sizeof(m->hdr)) {
		int r = read_full(sock, (char *)&m->hdr + n, sizeof(m->hdr) - (size_t)n);
		if (r)
			return r;
	}
	if (m->hdr.len > TR_MAX_PAYLOAD)
		return -EPROTO;
	m->payload = malloc(m->hdr.len + 1);
	if (!m->payload)
		return -ENOMEM;
	((char *)m->payload)[m->hdr.len] = 0;
	return read_full(sock, m->payload, m->hdr.len);
}

void tr_msg_free(struct tr_msg *m)
{
	free(m->payload);
	m->payload = NULL;
	if (m->fd >= 0)
		close(m->fd);
	m->fd = -1;
}
