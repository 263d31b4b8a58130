package prof2calltree.write;

/**
 * A profile lacks what an output format needs, such as stacks for folded-stack output. The
 * message is lower case and complete; the caller adds the tool's and the input's name.
 */
public final class UnsupportedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedOutputException(String message) {
        super(message);
    }
}
