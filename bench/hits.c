/* hits.c: the benchmark debuggee. Calls the noinline hot() N times (argv[1], default 100000)
 * and prints "sum=S": a breakpoint on hot is hit N times. */
#include <stdio.h>
#include <stdlib.h>

static volatile long sink;

__attribute__((noinline)) void hot(int i)
{
	sink += i;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 100000;

	for (int i = 0; i < n; i++)
		hot(i);
	printf("sum=%ld\n", (long)sink);
	return 0;
}
