/* mixed_lib.c: the native half of the mixed-backtrace benchmark (bench/cs/BenchMixed): built
 * -O0 so that no call is inlined or turned into a jump, and every frame stays on the stack. */
typedef int (*mixed_step)(int n);

int mixed_bottom(int n)
{
	return n; /* the benchmark's breakpoint */
}

/* Calls back into C# (next: a delegate turned into a function pointer) until n is 0. */
int mixed_down(int n, mixed_step next)
{
	if (n <= 0)
		return mixed_bottom(n);
	return next(n) + 1;
}
