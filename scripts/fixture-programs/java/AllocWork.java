import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation-heavy workload for the JFR test fixtures: small and medium
 * objects, arrays of several sizes, strings, and huge arrays that are
 * allocated outside a TLAB.
 *
 * Usage: java AllocWork [seconds]
 */
public class AllocWork {
    static volatile Object sink;

    static final class Small {
        final int a;
        Small(int a) { this.a = a; }
    }

    static final class Medium {
        final long a, b, c, d;
        final Object ref;
        Medium(long v, Object ref) { a = v; b = v + 1; c = v + 2; d = v + 3; this.ref = ref; }
    }

    static List<Small> smallObjects(int n) {
        List<Small> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(new Small(i));
        return list;
    }

    static Medium[] mediumObjects(int n) {
        Medium[] arr = new Medium[n];
        for (int i = 0; i < n; i++) arr[i] = new Medium(i, arr);
        return arr;
    }

    static String buildString(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("item-").append(i).append(',');
        return sb.toString();
    }

    static Map<String, Integer> boxedMap(int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < n; i++) m.put("k" + i, i * 1000);
        return m;
    }

    static int[] intArray(int n) {
        return new int[n];
    }

    static byte[] hugeArray(int bytes) {
        byte[] b = new byte[bytes];
        b[bytes - 1] = 1;
        return b;
    }

    static long[] hugeLongArray(int n) {
        return new long[n];
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Thread objects = new Thread(() -> {
            while (System.nanoTime() < end) {
                sink = smallObjects(2000);
                sink = mediumObjects(500);
                sink = boxedMap(300);
            }
        }, "alloc-objects");
        Thread arrays = new Thread(() -> {
            int i = 0;
            while (System.nanoTime() < end) {
                sink = intArray(16 + (i % 64));
                sink = intArray(4096);
                sink = buildString(200);
                if (i % 50 == 0) sink = hugeArray(4 << 20);
                if (i % 80 == 0) sink = hugeLongArray(1 << 19);
                i++;
            }
        }, "alloc-arrays");
        objects.start();
        arrays.start();
        objects.join();
        arrays.join();
        System.out.println("AllocWork done " + (sink != null));
    }
}
