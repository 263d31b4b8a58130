package prof2calltree.read;

/**
 * The input is not what its format requires: truncated, corrupted, or not that format at all.
 * The message is lower case, names the position where one is known (such as
 * {@code offset 1234: unknown marshal type 0x3f}), and leaves naming the file to the caller.
 */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
