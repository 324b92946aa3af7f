// The demo program: C# calling a C library (libgreet.so) through P/Invoke, from a worker
// thread and from the main thread.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static class Greet
{
    [DllImport("greet")]
    static extern int greet_compute(int who, int times);

    static int Ask(int who)
    {
        int answer = greet_compute(who, 3); // the call into C
        return answer;
    }

    static int Main()
    {
        int fromWorker = 0;
        var worker = new Thread(() => fromWorker = Ask(2)) { Name = "worker" };
        worker.Start();
        worker.Join();
        Console.WriteLine("worker: " + fromWorker + ", main: " + Ask(1));
        return 0;
    }
}
