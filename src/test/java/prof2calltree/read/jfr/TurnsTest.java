package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** ChunkPool's turns: in order whatever order the threads come in, and no wait for ever after a failure. */
class TurnsTest {
    @Test
    void tasksTakeTheirTurnsInOrder() throws Exception {
        Turns turns = new Turns();
        List<Integer> order = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8); // one each: a task waiting holds its thread
        try {
            Future<?>[] tasks = new Future<?>[8];
            for (int i = 7; i >= 0; i--) { // the last first: they must wait for the ones before
                int index = i;
                tasks[i] = pool.submit(() -> {
                    turns.await(index);
                    order.add(index);
                    turns.end(index, true);
                    return null;
                });
            }
            for (Future<?> task : tasks) {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> task.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order);
    }

    /** Without the pool's shutdown to stop them: a task waiting behind a failed one gives up by itself. */
    @Test
    void aTaskWaitingBehindAFailedOneStops() throws Exception {
        Turns turns = new Turns();
        turns.end(0, true);
        Thread waiter = new Thread(() -> {
            InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> turns.await(3));
            assertEquals("chunk 1 failed", e.getMessage());
        });
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        waiter.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        waiter.start();
        Thread.sleep(50); // let it wait
        turns.end(1, false);
        waiter.join(10_000);
        assertTrue(!waiter.isAlive(), "still waiting after chunk 1 failed");
        assertEquals(List.of(), failures);
        // One that comes to wait afterwards does not wait at all; the failed one's successor neither.
        assertThrows(InterruptedIOException.class, () -> turns.await(2));
    }
}
