import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock workload for the JFR test fixtures: contended synchronized blocks
 * (jdk.JavaMonitorEnter), Object.wait/notify (jdk.JavaMonitorWait) and
 * ReentrantLock / LockSupport.park (jdk.ThreadPark). All loops are bounded.
 *
 * Usage: java LockWork [seconds]
 */
public class LockWork {
    static final Object MONITOR = new Object();
    static final ReentrantLock LOCK = new ReentrantLock();
    static long counter;
    static volatile long sink;

    static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) x++;
        sink += x;
    }

    // ---- contended synchronized
    static void syncIncrement() {
        synchronized (MONITOR) {
            counter++;
            busy(300_000);
        }
    }

    // ---- ReentrantLock contention parks the waiting threads
    static void lockedIncrement() {
        LOCK.lock();
        try {
            counter++;
            busy(300_000);
        } finally {
            LOCK.unlock();
        }
    }

    // ---- wait/notify producer-consumer
    static final class Mailbox {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();

        synchronized void put(int v) {
            items.add(v);
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (items.isEmpty()) wait(50);
            return items.poll();
        }
    }

    static void parkABit(int times) {
        for (int i = 0; i < times; i++) LockSupport.parkNanos(2_000_000);
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5000 && System.nanoTime() < end; i++) syncIncrement();
            }, "lock-sync-" + t));
        }
        for (int t = 0; t < 3; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5000 && System.nanoTime() < end; i++) lockedIncrement();
            }, "lock-reentrant-" + t));
        }
        Mailbox box = new Mailbox();
        threads.add(new Thread(() -> {
            for (int i = 0; i < 400 && System.nanoTime() < end; i++) {
                busy(5_000_000);
                box.put(i);
            }
            box.put(-1);
        }, "lock-producer"));
        threads.add(new Thread(() -> {
            try {
                while (box.take() >= 0 && System.nanoTime() < end) {
                    sink++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lock-consumer"));
        threads.add(new Thread(() -> {
            for (int i = 0; i < 200 && System.nanoTime() < end; i++) parkABit(5);
        }, "lock-parker"));
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        System.out.println("LockWork done " + (counter > 0));
    }
}
