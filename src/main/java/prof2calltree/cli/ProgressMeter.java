package prof2calltree.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import prof2calltree.read.Progress;

/**
 * Shows how far the reading of a long conversion is, on one stderr line rewritten in place
 * ({@code prof2calltree: reading app.jfr: 37% of 400 MB}). It appears only after a second, so
 * quick conversions print nothing, and it clears its line when done.
 */
final class ProgressMeter implements Progress, AutoCloseable {
    private static final long FIRST_MILLIS = 1000;
    private static final long EVERY_MILLIS = 500;

    private final PrintStream err;
    private final String name;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final Thread ticker;
    private volatile boolean shown;

    ProgressMeter(PrintStream err, String name, long total) {
        this.err = err;
        this.name = name;
        this.total = Math.max(1, total);
        ticker = new Thread(this::tick, "prof2calltree-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public void advance(long bytes) {
        done.addAndGet(bytes);
    }

    private void tick() {
        try {
            Thread.sleep(FIRST_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                show();
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            // Done.
        }
    }

    private void show() {
        long d = Math.min(done.get(), total);
        String line = String.format(Locale.ROOT, "%s: reading %s: %d%% of %s", Main.TOOL, name, d * 100 / total,
                size(total));
        synchronized (err) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
        }
        shown = true;
    }

    private static String size(long bytes) {
        if (bytes >= 10L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 10L << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }

    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            synchronized (err) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
