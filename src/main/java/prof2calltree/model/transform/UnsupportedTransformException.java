package prof2calltree.model.transform;

/**
 * A transform cannot apply to these profiles: a thread split of a profile without stacks, or
 * a merge of two cost columns of one name in different units. The message is lower case and
 * complete; the caller adds the tool's and the input's name.
 */
public final class UnsupportedTransformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedTransformException(String message) {
        super(message);
    }
}
