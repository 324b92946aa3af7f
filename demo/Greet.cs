// The demo program: C# calling a C library (libgreet.so) through P/Invoke, from a worker
// thread and from the main thread, and the C library calling C# back through a delegate.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static class Greet
{
    delegate int Visitor(int value);

    [DllImport("greet")]
    static extern int greet_compute(int who, int times);

    [DllImport("greet")]
    static extern int greet_visit(int n, Visitor visit);

    static int Ask(int who)
    {
        int answer = greet_compute(who, 3); // the call into C
        return answer;
    }

    static int Square(int value)
    {
        int square = value * value; // called back from C
        return square;
    }

    static int Main()
    {
        int fromWorker = 0;
        var worker = new Thread(() => fromWorker = Ask(2)) { Name = "worker" };
        worker.Start();
        worker.Join();
        Visitor visitor = Square;
        int squares = greet_visit(3, visitor); // C calling back into C#
        GC.KeepAlive(visitor);
        Console.WriteLine("worker: " + fromWorker + ", main: " + Ask(1) + ", squares: " + squares);
        return 0;
    }
}
