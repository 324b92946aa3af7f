// bench/managed.sh's debuggee: Hit() called N times (N = the first argument, default 10000).
using System;

static class BenchHits
{
    static long total;

    static void Hit(int i)
    {
        total += i;
    }

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 10000;
        for (int i = 0; i < n; i++)
            Hit(i);
        Console.WriteLine("total " + total);
        return 0;
    }
}
