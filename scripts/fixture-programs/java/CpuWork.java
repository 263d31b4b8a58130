import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * CPU-bound workload for the JFR test fixtures (see scripts/make-jfr-fixtures).
 * Shapes a converter must handle: direct recursion (fib), mutual recursion
 * (isEven/isOdd), recursion deeper than the default JFR stack depth of 64
 * (deep), overloads sharing a name (compute), a static nested class, an inner
 * class, a lambda, native code (Deflater) and several threads.
 *
 * Usage: java CpuWork [seconds]
 */
public class CpuWork {
    static volatile long sink;

    // ---- direct recursion
    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    // ---- mutual recursion
    static boolean isEven(int n) {
        if (n == 0) return true;
        spin(400);
        return isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        if (n == 0) return false;
        spin(400);
        return isEven(n - 1);
    }

    static void spin(int rounds) {
        long x = sink;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }

    // ---- recursion past the 64-frame default stack depth
    static long deep(int depth, int work) {
        if (depth == 0) {
            return leafWork(work);
        }
        return deep(depth - 1, work) + 1;
    }

    static long leafWork(int work) {
        long acc = 0;
        for (int i = 0; i < work; i++) {
            acc += (acc ^ i) * 31 + (i % 7);
        }
        return acc;
    }

    // ---- overloads sharing one name
    static long compute(int n) {
        long acc = 1;
        for (int i = 1; i < n; i++) {
            acc = acc * 31 + i % 13;
        }
        return acc;
    }

    static double compute(double x) {
        double acc = 0;
        for (int i = 1; i < 2000; i++) {
            acc += Math.sqrt(x * i) / (i + 1.0);
        }
        return acc;
    }

    static int compute(String s) {
        int h = 0;
        for (int r = 0; r < 50; r++) {
            for (int i = 0; i < s.length(); i++) {
                h = h * 31 + s.charAt(i);
            }
        }
        return h;
    }

    // ---- static nested class
    static final class Matrix {
        final double[] a;
        final int n;

        Matrix(int n) {
            this.n = n;
            this.a = new double[n * n];
            for (int i = 0; i < a.length; i++) a[i] = (i % 17) * 0.5;
        }

        Matrix multiply(Matrix o) {
            Matrix r = new Matrix(n);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++) {
                    double v = a[i * n + k];
                    for (int j = 0; j < n; j++) r.a[i * n + j] += v * o.a[k * n + j];
                }
            return r;
        }
    }

    // ---- inner (non-static) class
    final class Hasher {
        final CRC32 crc = new CRC32();

        long hashRounds(byte[] data, int rounds) {
            long h = 0;
            for (int r = 0; r < rounds; r++) {
                crc.reset();
                crc.update(data, 0, data.length);
                h += crc.getValue();
                h += mix(data, r);
            }
            return h;
        }

        long mix(byte[] data, int r) {
            long h = r;
            for (int i = 0; i < data.length; i += 3) h = h * 1099511628211L ^ data[i];
            return h;
        }
    }

    // ---- native work: zlib deflate runs in a native method
    static long deflateWork(byte[] input, byte[] out) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(input);
            d.finish();
            long total = 0;
            while (!d.finished()) total += d.deflate(out);
            return total;
        } finally {
            d.end();
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        CpuWork outer = new CpuWork();
        List<Thread> threads = new ArrayList<>();

        Runnable recursion = () -> {
            while (System.nanoTime() < end) {
                sink += fib(25);
                sink += isEven(301) ? 1 : 0;
            }
        };
        threads.add(new Thread(recursion, "cpu-recursion"));

        threads.add(new Thread(() -> {
            while (System.nanoTime() < end) {
                sink += deep(150, 200_000);
                sink += deep(20, 100_000);
            }
        }, "cpu-deep"));

        threads.add(new Thread(() -> {
            while (System.nanoTime() < end) {
                sink += compute(200_000);
                sink += (long) compute(3.5);
                sink += compute("the quick brown fox jumps over the lazy dog");
            }
        }, "cpu-overloads"));

        threads.add(new Thread(() -> {
            Matrix m = new Matrix(60);
            Hasher hasher = outer.new Hasher();
            byte[] data = new byte[64 * 1024];
            for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
            while (System.nanoTime() < end) {
                sink += (long) m.multiply(m).a[7];
                sink += hasher.hashRounds(data, 4);
            }
        }, "cpu-nested"));

        threads.add(new Thread(() -> {
            byte[] input = new byte[1 << 20];
            long seed = 42;
            for (int i = 0; i < input.length; i++) {
                seed = seed * 6364136223846793005L + 1;
                input[i] = (byte) ((seed >>> 60) + 'a');
            }
            byte[] out = new byte[1 << 16];
            while (System.nanoTime() < end) {
                sink += deflateWork(input, out);
            }
        }, "cpu-native"));

        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        System.out.println("CpuWork done " + (sink & 1));
    }
}
