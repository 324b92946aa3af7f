/* startup.c: the named semaphores of the runtime's startup handshake (see startup.h). */
#include "clr/startup.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "clr/runtime.h"
#include "util/xalloc.h"

struct clr_startup {
	char st_name[64], co_name[64];
	sem_t *st, *co;
	int efd;
	pthread_t waiter;
	bool waiter_started;
	atomic_bool quit;
	atomic_bool posted;   /* the runtime reached the handshake */
	atomic_bool released; /* we posted "continue" */
};

static void *wait_for_runtime(void *arg)
{
	struct clr_startup *st = arg;
	while (!atomic_load(&st->quit)) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100 * 1000 * 1000; /* wake up now and then to see `quit` */
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		if (sem_timedwait(st->st, &ts) == 0) {
			atomic_store(&st->posted, true);
			uint64_t one = 1;
			if (write(st->efd, &one, sizeof(one)) != sizeof(one))
				break;
			break;
		}
	}
	return NULL;
}

static void remove_semaphores(struct clr_startup *st)
{
	if (st->st != SEM_FAILED) {
		sem_close(st->st);
		sem_unlink(st->st_name);
	}
	if (st->co != SEM_FAILED) {
		sem_close(st->co);
		sem_unlink(st->co_name);
	}
	st->st = st->co = SEM_FAILED;
}

int clr_startup_prepare(struct clr_startup **out, pid_t pid, struct mx_err *err)
{
	uint64_t key;
	if (clr_process_key(pid, &key, err) != 0)
		return -1;
	struct clr_startup *st = xcalloc(1, sizeof(*st));
	st->st = st->co = SEM_FAILED;
	st->efd = -1;
	/* The runtime's name format is "/clr%s%08x%016llx" with "st" or "co". */
	snprintf(st->st_name, sizeof(st->st_name), "/clrst%08x%016" PRIx64, (unsigned)pid, key);
	snprintf(st->co_name, sizeof(st->co_name), "/clrco%08x%016" PRIx64, (unsigned)pid, key);
	/* O_EXCL: an existing semaphore means another debugger is handling this process. */
	st->co = sem_open(st->co_name, O_CREAT | O_EXCL, 0700, 0);
	if (st->co == SEM_FAILED) {
		int e = errno;
		clr_startup_free(st);
		return mx_err_errno(err, e, "cannot create the runtime startup semaphore %s",
				    st->co_name);
	}
	st->st = sem_open(st->st_name, O_CREAT | O_EXCL, 0700, 0);
	if (st->st == SEM_FAILED) {
		int e = errno;
		clr_startup_free(st);
		return mx_err_errno(err, e, "cannot create the runtime startup semaphore %s",
				    st->st_name);
	}
	st->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (st->efd < 0) {
		int e = errno;
		clr_startup_free(st);
		return mx_err_errno(err, e, "eventfd");
	}
	if (pthread_create(&st->waiter, NULL, wait_for_runtime, st) != 0) {
		clr_startup_free(st);
		return mx_err_set(err, "cannot start the runtime startup waiter thread");
	}
	st->waiter_started = true;
	*out = st;
	return 0;
}

int clr_startup_fd(const struct clr_startup *st)
{
	return st->efd;
}

void clr_startup_release(struct clr_startup *st)
{
	if (!atomic_exchange(&st->released, true) && st->co != SEM_FAILED)
		sem_post(st->co);
}

void clr_startup_free(struct clr_startup *st)
{
	if (!st)
		return;
	atomic_store(&st->quit, true);
	if (st->waiter_started)
		pthread_join(st->waiter, NULL);
	if (atomic_load(&st->posted))
		clr_startup_release(st);
	remove_semaphores(st);
	if (st->efd >= 0)
		close(st->efd);
	free(st);
}
