/* libgreet.c: the demo's native library, called from C# (demo/Greet.cs). */
int greet_compute(int who, int times)
{
	int sum = 0;
	for (int i = 0; i < times; i++)
		sum += who * 10 + i;
	return sum;
}

typedef int (*greet_visitor)(int value);

/* Calls visit, a C# method, for 0, 2, 4, ... and adds up what it returns. */
int greet_visit(int n, greet_visitor visit)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += visit(i * 2); /* the call back into C# */
	return total;
}
