/* deep.c: reaches leaf() through a 1000-frame recursion, 100 times (for the backtrace
 * benchmark). */
#include <stdio.h>

__attribute__((noinline)) int leaf(int v)
{
	return v + 1;
}

__attribute__((noinline)) int down(int n)
{
	if (n == 0)
		return leaf(n);
	return down(n - 1) + 1;
}

int main(void)
{
	long sum = 0;
	for (int i = 0; i < 100; i++)
		sum += down(1000);
	printf("sum=%ld\n", sum);
	return 0;
}
