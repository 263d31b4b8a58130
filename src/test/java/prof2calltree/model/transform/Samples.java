package prof2calltree.model.transform;

import java.util.List;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;

/** Small hand-built profiles for tests of transforms and writers, independent of the readers. */
public final class Samples {
    public static final CostType CPU = new CostType("ExecutionSample", "samples", "CPU samples");
    public static final CostType ALLOC = new CostType("ObjectAllocationSample", "bytes", "Allocated bytes");
    public static final CostType TIME = new CostType("Time", "ns", "Time (ns)");

    private Samples() {}

    /**
     * A sampled profile like a JFR recording's: two columns, three threads (one unknown),
     * recursion, an overload of {@code work}, a frame whose name holds {@code ;} and a line
     * break, and a stack with no CPU samples.
     */
    public static Profile stacks() {
        ProfileBuilder b = new ProfileBuilder(List.of(CPU, ALLOC));
        int run = b.function("java.lang.Thread::run", "Thread.java", "", 0, "()");
        int main = b.function("app.Main::main", "Main.java", "", 0, "(String[])");
        int work = b.function("app.Main::work", "Main.java", "", 0, "()");
        int get = b.function("java.util.HashMap::getNode", "HashMap.java", "", 0, "(int, Object)");
        int fib = b.function("app.Main::fib", "Main.java", "", 0, "(int)");
        int weird = b.function("weird;name\nx", "Weird.java", "", 0, "");
        int work2 = b.function("app.Main::work", "Main.java", "", 0, "(int)");
        b.addStack(new int[] {main, work, get}, new int[] {10, 20, 300}, "main", 5, new long[] {5, 0});
        b.addStack(new int[] {main, work}, new int[] {10, 21}, "main", 3, new long[] {3, 4096});
        b.addStack(new int[] {main, fib, fib, fib}, new int[] {11, 30, 30, 31}, "main", 2, new long[] {2, 0});
        b.addStack(new int[] {run, work2, get}, new int[] {5, 40, 300}, "worker-1", 4, new long[] {4, 1024});
        b.addStack(new int[] {run, weird}, new int[] {5, 1}, "", 1, new long[] {1, 0});
        b.addStack(new int[] {main, work2}, new int[] {12, 41}, "main", 1, new long[] {0, 512});
        return b.build();
    }

    /**
     * A call graph like a pstats dump's: one column in ns, direct recursion ({@code fib}),
     * mutual recursion ({@code is_even}/{@code is_odd}), a built-in leaf. Totals 4675 ns.
     */
    public static Profile callGraph() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME));
        int module = b.function("<module>", "/src/app/app.py", "", 1, "");
        int main = b.function("main", "/src/app/app.py", "", 10, "");
        int fib = b.function("fib", "/src/app/app.py", "", 20, "");
        int even = b.function("is_even", "/src/app/app.py", "", 30, "");
        int odd = b.function("is_odd", "/src/app/app.py", "", 35, "");
        int len = b.function("<built-in method builtins.len>", "<built-in>", "", 0, "");
        int helper = b.function("helper", "/src/app/util.py", "", 5, "");
        b.addSelf(module, 1, 0, 100);
        b.addSelf(main, 11, 0, 200);
        b.addSelf(main, 12, 0, 50);
        b.addSelf(fib, 21, 0, 3000);
        b.addSelf(even, 31, 0, 400);
        b.addSelf(odd, 36, 0, 300);
        b.addSelf(len, 0, 0, 25);
        b.addSelf(helper, 6, 0, 600);
        b.addCall(module, 2, main, 10, 1, 0, 4575);
        b.addCall(main, 11, fib, 20, 1, 0, 3000);
        b.addCall(fib, 22, fib, 20, 14, 0, 2800);
        b.addCall(main, 12, even, 30, 1, 0, 700);
        b.addCall(even, 32, odd, 35, 3, 0, 650);
        b.addCall(odd, 37, even, 30, 2, 0, 450);
        b.addCall(main, 13, helper, 5, 2, 0, 625);
        b.addCall(helper, 7, len, 0, 4, 0, 25);
        return b.build();
    }
}
