package prof2calltree.read.jfr.parse;

/**
 * Receives the summed events of a chunk: each distinct (event type, stack trace) once, in the
 * order first seen, followed by its events per thread, in the order first seen.
 */
public interface StackVisitor {
    /**
     * A distinct stack trace of the event type {@code stacks} indexes in {@link ChunkQuery#stacks()};
     * {@code stack} is valid until the next call to this method.
     */
    void stack(int stacks, StackView stack);

    /** The events on the last stack whose thread is named {@code thread} ("" if unknown). */
    void thread(String thread, long events, long weight);
}
