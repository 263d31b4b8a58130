package prof2calltree.read.jfr;

import java.io.InterruptedIOException;

/**
 * Turns taken in order by numbered tasks on several threads: task {@code i} waits until tasks
 * {@code 0..i-1} have ended theirs. A task that fails ends its turn without passing it on, and
 * every task after it that waits, or comes to wait, stops waiting with an exception instead of
 * waiting for ever.
 */
final class Turns {
    /** The task whose turn it is. */
    private int turn;
    /** The first task that failed; {@link Integer#MAX_VALUE} while none has. */
    private int failedAt = Integer.MAX_VALUE;

    /** Waits until it is task {@code index}'s turn; throws if a task before it failed, or on interrupt. */
    synchronized void await(int index) throws InterruptedIOException {
        while (turn != index) {
            if (failedAt < index) {
                throw new InterruptedIOException("chunk " + failedAt + " failed");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the chunks before this one");
            }
        }
    }

    /** Ends task {@code index}'s turn: passes it to the next if {@code done}, else marks the task failed. */
    synchronized void end(int index, boolean done) {
        if (done) {
            turn = index + 1;
        } else {
            failedAt = Math.min(failedAt, index);
        }
        notifyAll();
    }
}
