// The mixed-backtrace benchmark's program (bench/interop.sh): a recursion that alternates
// between C# and C 100 times each way. Down(n) (C#) calls mixed_down(n - 1) (C, through
// P/Invoke), which calls the C# delegate back with n - 1, ... until mixed_down(0) calls
// mixed_bottom (C), where the benchmark's native breakpoint stops. The argument says how many
// times Main descends (one stop each).
using System;
using System.Runtime.InteropServices;

namespace Bench
{
    static class Mixed
    {
        delegate int Step(int n);

        [DllImport("mixedbench")]
        static extern int mixed_down(int n, Step next);

        static readonly Step step = Down;

        static int Down(int n)
        {
            return mixed_down(n - 1, step) + 1;
        }

        static int Main(string[] args)
        {
            int reps = args.Length > 0 ? int.Parse(args[0]) : 1;
            long total = 0;
            for (int i = 0; i < reps; i++)
                total += Down(100);
            GC.KeepAlive(step);
            Console.WriteLine("depth " + total);
            return 0;
        }
    }
}
