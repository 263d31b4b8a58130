package prof2calltree.read;

/** Where a reader reports how many bytes of its input it has got through, for a progress display. */
@FunctionalInterface
public interface Progress {
    /** Reports that {@code bytes} more bytes of the input were read. */
    void advance(long bytes);

    /** A receiver that ignores progress (a class, not a lambda: lambdas cost start-up time). */
    Progress NONE = new Progress() {
        @Override
        public void advance(long bytes) {
            // Ignored.
        }
    };
}
