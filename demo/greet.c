/* greet.c: the demo program: a main program calling into a shared library (libgreet.so)
 * from two threads. The interop issue turns this into a C# program calling the library. */
#include <pthread.h>
#include <stdio.h>

int greet_compute(int who, int times);

static void *worker(void *arg)
{
	int id = (int)(long)arg;
	printf("worker %d: %d\n", id, greet_compute(id, 3));
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, worker, (void *)2L);
	pthread_join(t, NULL);
	printf("main: %d\n", greet_compute(1, 2));
	return 0;
}
