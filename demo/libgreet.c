/* libgreet.c: the demo's native library, called from C# (demo/Greet.cs). */
int greet_compute(int who, int times)
{
	int sum = 0;
	for (int i = 0; i < times; i++)
		sum += who * 10 + i;
	return sum;
}
